#!/bin/sh
# The spam filter's speed and memory. JMH (bench/jmh): classifications a second on one thread, tokenizer included,
# with the shipped starter and a site model trained on the SMS corpus. Then the heap the models hold.
# Usage: bench/spam-jmh.sh [DATA_DIR] (default ../shared/data/spam). Needs network once for JMH from Maven Central.
set -e
cd "$(dirname "$0")/.."
data="$(cd "${1:-../shared/data/spam}" && pwd)" || { echo "bench/spam-jmh.sh: no corpora" >&2; exit 2; }
build="${BUILD_DIR:-/tmp/testata-bench-jmh}"
# a JDK 21 or newer: JAVA_HOME when set, otherwise the newest under /usr/lib/jvm
if [ -z "${JAVA_HOME:-}" ]; then
  for d in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -V); do
    v=$("$d/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    [ -x "$d/bin/javac" ] && [ "${v%%.*}" -ge 21 ] 2>/dev/null && JAVA_HOME="${d%/}"
  done
  export JAVA_HOME
fi
./mvnw -q -B package -DskipTests -Dbuild.dir="$build"
./mvnw -q -B -f bench/jmh/pom.xml package -Dtestata.jar="$build/testata.jar"
./mvnw -q -B -f bench/jmh/pom.xml dependency:build-classpath -Dtestata.jar="$build/testata.jar" -Dmdep.outputFile="$build/jmh.cp"
cp="bench/jmh/target/classes:$(cat "$build/jmh.cp")"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
"$java" -cp "$cp" org.openjdk.jmh.Main -jvmArgsAppend "-Dspam.corpora=$data" -rf text -rff "$build/spam-jmh.txt" SpamBenchmark
"$java" -Xmx512m -cp "$cp" it.testata.bench.ModelMemory "$data"
