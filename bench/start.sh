#!/usr/bin/env bash
# From `./testata serve` (jar already built) to the first page served, three times on one data folder.
#
#   bench/start.sh            knobs: ROUNDS=3, NO_BUILD=1, TESTATA_JAVA_OPTS (through the launcher)
#
# The first start (not counted) loads the demo publication and builds the search index; the rounds after it
# start on that data, as a restarted server does. Prints each time, the median, and the load average.
set -euo pipefail
ROUNDS="${ROUNDS:-3}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
[ -n "${NO_BUILD:-}" ] || ./testata --help >/dev/null   # the launcher builds when sources changed
work="$(mktemp -d "${TMPDIR:-/tmp}/testata-start.XXXXXX")"
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
port=$(( 20000 + RANDOM % 40000 ))
serve_once() { # prints milliseconds from the launcher's start to the first 200 on /
  local t0 t1
  t0=$(date +%s%N)
  TESTATA_HOST=127.0.0.1 ./testata serve --port "$port" --data "$work/data" >>"$work/log" 2>&1 &
  pid=$!
  until curl -fsS -o /dev/null --max-time 1 "http://127.0.0.1:$port/" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "the server exited" >&2; tail "$work/log" >&2; exit 1; }
    sleep 0.02
  done
  t1=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
  echo $(( (t1 - t0) / 1000000 ))
}
serve_once >/dev/null   # the demo publication and the search index; not counted
times=()
for i in $(seq 1 "$ROUNDS"); do times+=("$(serve_once)"); done
median="$(printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')"
echo "start to first page: ${times[*]} ms; median $median ms (load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) processors)"
