#!/bin/sh
# The WordPress import's speed: generates a WXR file of POSTS posts and COMMENTS comments (default 10,000 and
# 100,000; bench/GenerateWxr.java, fixed seed), then runs ./testata import-wxr on a fresh, empty data folder and
# prints the wall-clock time with the summary line. The target is 30 s or less on the project's 2-core machine.
# A second run imports the same file again (every row matched and rewritten), as a re-import would.
# Usage: bench/wxr-import.sh [POSTS] [COMMENTS]     Knobs: BUILD_DIR, KEEP=1 (keep the data folder and file)
set -e
cd "$(dirname "$0")/.."
posts="${1:-10000}"
comments="${2:-100000}"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
build="${BUILD_DIR:-/tmp/testata-bench-wxr}"
./mvnw -q -B -o package -DskipTests -Dbuild.dir="$build"
work=$(mktemp -d)
[ -n "$KEEP" ] || trap 'rm -rf "$work"' EXIT
"$java" bench/GenerateWxr.java "$work/site.xml" "$posts" "$comments"
echo "file: $(du -h "$work/site.xml" | cut -f1), $posts posts, $comments comments"
for run in first again; do
  start=$(date +%s.%N)
  "$java" --enable-native-access=ALL-UNNAMED -jar "$build/testata.jar" import-wxr --data "$work/data" "$work/site.xml" \
    2>"$work/err.txt" | tail -n 1
  end=$(date +%s.%N)
  echo "$run import: $(awk "BEGIN { printf \"%.1f\", $end - $start }") s (wall clock, JVM start included)"
done
