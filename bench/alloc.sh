#!/usr/bin/env bash
# Heap bytes allocated per cached article answer: starts Testata (demo site, loopback), warms the page up with
# wrk, then records with JFR while wrk sends REQUESTS_S seconds of requests, and divides what every thread
# allocated meanwhile (jdk.ThreadAllocationStatistics at the recording's start and end) by the requests served.
#
#   bench/alloc.sh                 # NO_BUILD=1 to skip the build; CONNS=32 DURATION=10s ENCODING=gzip|identity
set -euo pipefail
CONNS="${CONNS:-32}"
DURATION="${DURATION:-10s}"
ENCODING="${ENCODING:-gzip}"
ARTICLE="/2026/10/23/l-agenzia-per-il-lavoro-apre-uno-sportello-a-san-vito/"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
[ -n "${NO_BUILD:-}" ] || ./mvnw -q -B -DskipTests package >/dev/null
work="$(mktemp -d "${TMPDIR:-/tmp}/testata-alloc.XXXXXX")"
pid=""
cleanup() { local rc=$?; [ -n "$pid" ] && { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; }; rm -rf "$work"; exit "$rc"; }
trap cleanup EXIT
port=$(( 20000 + RANDOM % 40000 ))
TESTATA_HOST=127.0.0.1 ./testata serve --port "$port" --data "$work/data" >"$work/log" 2>&1 &
pid=$!
until curl -fsS -o /dev/null --max-time 1 "http://127.0.0.1:$port/healthz" 2>/dev/null; do
  kill -0 "$pid" 2>/dev/null || { tail "$work/log" >&2; exit 1; }; sleep 0.2
done
jpid="$(pgrep -P "$pid" java || echo "$pid")"   # the launcher may exec java or run it as a child
hdr=(); [ "$ENCODING" = gzip ] && hdr=(-H 'Accept-Encoding: gzip')
url="http://127.0.0.1:$port$ARTICLE"
wrk -t2 -c"$CONNS" -d5s "${hdr[@]}" "$url" >/dev/null                                   # warm-up, not counted
"$JAVA_HOME/bin/jcmd" "$jpid" JFR.start name=alloc settings=default filename="$work/alloc.jfr" >/dev/null
out="$(wrk -t2 -c"$CONNS" -d"$DURATION" "${hdr[@]}" "$url")"
"$JAVA_HOME/bin/jcmd" "$jpid" JFR.stop name=alloc >/dev/null
n="$(awk '/ requests in / { print $1 }' <<<"$out")"
# allocated bytes per thread at the first and the last sample of the recording
bytes="$("$JAVA_HOME/bin/jfr" print --json --events jdk.ThreadAllocationStatistics "$work/alloc.jfr" | tr -d ' ,' | awk -F: '
  $1 == "\"allocated\"" { a = $2 }
  $1 == "\"javaThreadId\"" { id = $2; if (!(id in first)) first[id] = a; last[id] = a }
  END { for (id in last) s += last[id] - first[id]; printf "%d", s }')"
echo "$ENCODING, wrk -c$CONNS -d$DURATION: $n requests; $(awk -v b="$bytes" -v n="$n" 'BEGIN { printf "%.0f", b / n }') bytes allocated per request (all threads; load average $(cut -d' ' -f1-3 /proc/loadavg))"
