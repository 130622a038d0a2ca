#!/bin/sh
# A quick figure for the spam filter's speed: trains on the SMS corpus, then tokenizes and scores it five times over
# (27,870 comments) on one thread. NOT a JMH benchmark: no forks, no controlled warm-up; the first pass includes JIT
# warm-up, so the figure is a lower bound. Usage: bench/spam.sh [DATA_DIR] (default ../shared/data/spam)
set -e
cd "$(dirname "$0")/.."
data="${1:-../shared/data/spam}"
sms="$data/sms_spam_collection.tsv"
[ -f "$sms" ] || { echo "bench/spam.sh: no $sms" >&2; exit 2; }
build="${BUILD_DIR:-/tmp/testata-bench-spam}"
./mvnw -q -B -o package -DskipTests -Dbuild.dir="$build"
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
head -n 1 "$sms" > "$tmp"
for i in 1 2 3 4 5; do tail -n +2 "$sms" >> "$tmp"; done
"${JAVA_HOME:+$JAVA_HOME/bin/}java" -jar "$build/testata.jar" spam-eval --no-starter --train "$sms" --test "$tmp" 2>&1 | grep -E "scored|precision"
