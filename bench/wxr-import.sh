#!/usr/bin/env bash
# The WordPress import's speed: generates a WXR file of POSTS posts and COMMENTS comments (default 10,000 and
# 100,000; bench/GenerateWxr.java, fixed seed), then runs the real command, testata.jar import-wxr, on a fresh
# empty data folder (embedded SQLite) and prints wall-clock and CPU time with the summary line. A second run
# imports the same file again (every row matched and rewritten), as a re-import does. The load average is
# printed before each run: other work on the machine stretches the wall-clock time, not the CPU time.
# Usage: bench/wxr-import.sh [POSTS] [COMMENTS]     Knobs: BUILD_DIR, NO_BUILD=1, KEEP=1 (keep the work folder)
set -e
cd "$(dirname "$0")/.."
posts="${1:-10000}"
comments="${2:-100000}"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
build="${BUILD_DIR:-/tmp/testata-bench-wxr}"
[ -n "$NO_BUILD" ] || ./mvnw -q -B -o package -DskipTests -Dbuild.dir="$build"
work=$(mktemp -d)
[ -n "$KEEP" ] || trap 'rm -rf "$work"' EXIT
"$java" bench/GenerateWxr.java "$work/site.xml" "$posts" "$comments"
echo "file: $(du -h "$work/site.xml" | cut -f1), $posts posts, $comments comments; $(nproc) processors"
TIMEFORMAT='%R s wall clock (JVM start included), %U s user + %S s system CPU'
for run in first again; do
  echo "$run import, load average $(cut -d' ' -f1-3 /proc/loadavg):"
  time "$java" --enable-native-access=ALL-UNNAMED -jar "$build/testata.jar" import-wxr --data "$work/data" "$work/site.xml" \
    2>"$work/err.txt" | tail -n 1
done
