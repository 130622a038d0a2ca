#!/usr/bin/env bash
# The newsletter's figures: N confirmed subscribers (default 10,000) on a fresh SQLite site; the time to publish an
# article whose N copies are queued in the publishing transaction (goal: under 2 s), against publishing one that
# is not sent (reference, same run); the sending rate into an in-process GreenMail with the rate limit off; heap
# after queueing and peak resident memory. The load average is printed first: a busy machine stretches times.
# Usage: bench/newsletter.sh [N]        Knobs: BUILD_DIR, NO_BUILD=1
set -e
cd "$(dirname "$0")/.."
n="${1:-10000}"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
build="${BUILD_DIR:-/tmp/testata-bench-newsletter}"
[ -n "$NO_BUILD" ] || ./mvnw -q -B -o package -DskipTests -Dbuild.dir="$build"
cp=$(./mvnw -q -B -o dependency:build-classpath -Dbuild.dir="$build" -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
echo "$(nproc) processors, load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$java" --enable-native-access=ALL-UNNAMED -Xmx1g -cp "$build/classes:$cp" bench/NewsletterBench.java "$n" 2>/dev/null
