#!/usr/bin/env bash
# Builds the installable release: target/testata-VERSION.tar.gz with the application jar and its libraries,
# a jlinked Java runtime (no JDK needed where it is installed), bin/testata, the packaging files and
# docs/INSTALL.md. Run through `./testata dist`, which builds the jar first. Needs a JDK 24+ (jlink links from
# the JDK's own run-time image when it has no jmods) in JAVA_HOME.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
: "${JAVA_HOME:?JAVA_HOME must name a JDK 24 or newer}"
version="$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -n1)"
name="testata-$version"
stage="target/dist/$name"
[ -f target/testata.jar ] && [ -d target/lib ] || { echo "dist: build first (./mvnw -DskipTests package)" >&2; exit 2; }

rm -rf target/dist && mkdir -p "$stage/bin" "$stage/lib" "$stage/packaging" "$stage/docs"
cp target/testata.jar "$stage/"
cp target/lib/*.jar "$stage/lib/"
# The modules the application and its libraries use: java.desktop is ImageIO for images, jdk.management the
# process metrics, jdk.unsupported what Lucene and Caffeine reach for, jdk.localedata the Italian dates,
# java.naming and java.management Logback and HikariCP, java.security.jgss and jdk.crypto.ec the PostgreSQL
# driver's authentication and TLS; scripts/dist-check.sh starts the result.
modules=java.base,java.sql,java.naming,java.management,java.desktop,java.xml,java.logging,java.net.http,\
java.security.jgss,java.instrument,jdk.management,jdk.unsupported,jdk.localedata,jdk.crypto.ec,jdk.zipfs,\
jdk.naming.dns,java.transaction.xa,java.scripting,java.compiler
"$JAVA_HOME/bin/jlink" --add-modules "$modules" --include-locales=it,en --strip-debug --no-man-pages \
  --no-header-files --compress=zip-6 --output "$stage/runtime"

cat > "$stage/bin/testata" <<'LAUNCHER'
#!/bin/sh
# Testata, as installed from the release tarball: its own Java runtime, nothing else from the machine.
# TESTATA_JAVA_OPTS adds JVM options (e.g. -Xmx512m); the data folder is --data DIR or TESTATA_DATA.
case "$0" in */*) bin="${0%/*}" ;; *) bin=. ;; esac
home="$(cd "$bin/.." && pwd)"
exec "$home/runtime/bin/java" --enable-native-access=ALL-UNNAMED ${TESTATA_JAVA_OPTS:-} -jar "$home/testata.jar" "$@"
LAUNCHER
chmod 755 "$stage/bin/testata"
cp packaging/testata.service packaging/Containerfile "$stage/packaging/"
cp docs/INSTALL.md docs/OPERATIONS.md "$stage/docs/"
cp README.md "$stage/"
tar -C target/dist -czf "target/$name.tar.gz" "$name"
echo "dist: target/$name.tar.gz ($(du -h "target/$name.tar.gz" | cut -f1))"
