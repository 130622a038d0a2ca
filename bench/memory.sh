#!/usr/bin/env bash
# Resident memory of a 10,000-article site under minutes of mixed load: the launcher's defaults against other
# JVM options, both servers loaded at once (same machine, same minutes), each on its own copy of the site.
#
#   bench/memory.sh
#
# Knobs (environment): POSTS=10000 COMMENTS=100000 MINUTES=5 CONNS=4 NO_BUILD=1
#   KEEP=~/.cache/testata-bench (the generated site is kept there, as big-site.sh keeps its own)
#   OTHER_OPTS (the JVM options of the second server; default: the launcher's before the serial collector)
#   OTHER_ENV (environment of the second server, e.g. "MALLOC_ARENA_MAX=8")
#
# The load (wrk, one script per server) cycles through the feed's 10 newest articles, the home page, category pages, the feed,
# uncached searches (each with its own query string) and the article with the remember cookie. Every 30 s it
# notes each server's resident memory; at the end it prints the peak and final RSS, split into anonymous
# memory (heap, metaspace, code, thread stacks, malloc) and file pages (the jar, mapped index files).
set -euo pipefail
POSTS="${POSTS:-10000}"
COMMENTS="${COMMENTS:-100000}"
MINUTES="${MINUTES:-5}"
CONNS="${CONNS:-4}"
KEEP="${KEEP:-${XDG_CACHE_HOME:-$HOME/.cache}/testata-bench}"
OTHER_OPTS="${OTHER_OPTS:--Xms16m -Xmx160m -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=64m -XX:MaxDirectMemorySize=64m -Xss512k -XX:G1PeriodicGCInterval=30000}"
OTHER_ENV="${OTHER_ENV:-}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
command -v wrk >/dev/null && command -v curl >/dev/null || {
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk curl >/dev/null
}
[ -n "${NO_BUILD:-}" ] || ./testata --help >/dev/null   # the launcher builds when sources changed
export JAVA_HOME="${JAVA_HOME:-$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -n1)}"
work="$(mktemp -d "${TMPDIR:-/tmp}/testata-memory.XXXXXX")"
app="$work/app"   # a copy: a build in the tree while the servers run must not change their jar
mkdir -p "$app/target"; cp testata "$app/"; cp target/testata.jar "$app/target/"; cp -r target/lib "$app/target/lib"
pids=()
cleanup() { for p in "${pids[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null; done; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

site="$KEEP/mid-$POSTS-$COMMENTS"
if [ ! -f "$site/imported" ]; then
  mkdir -p "$KEEP"; rm -rf "$site"
  [ -f "$site.xml" ] || "$JAVA_HOME/bin/java" bench/GenerateWxr.java "$site.xml" "$POSTS" "$COMMENTS"
  "$app/testata" import-wxr --data "$site" "$site.xml" >"$work/import.log" 2>&1
  touch "$site/imported"
fi
free_port() { local p; while :; do p=$(( 20000 + RANDOM % 40000 )); ss -Htln "sport = :$p" | grep -q . || { echo "$p"; return; }; done; }
start() { # name env opts-or-"defaults": sets $port once the search index answers
  cp -r "$site" "$work/$1"; port="$(free_port)"
  if [ "$3" = defaults ]; then
    env $2 TESTATA_HOST=127.0.0.1 "$app/testata" serve --port "$port" --data "$work/$1" --no-demo >"$work/$1.log" 2>&1 &
  else
    env $2 TESTATA_HOST=127.0.0.1 TESTATA_JAVA_OPTS="$3" "$app/testata" serve --port "$port" --data "$work/$1" --no-demo >"$work/$1.log" 2>&1 &
  fi
  pids+=($!)
  local i ready=""
  for i in $(seq 1 1800); do
    curl -fsS "http://127.0.0.1:$port/?s=piazza&ready=$i" 2>/dev/null | grep -q "<mark>" && { ready=1; break; }
    kill -0 "${pids[-1]}" 2>/dev/null || break   # the server stopped (e.g. a kept site another build migrated)
    sleep 1
  done
  if [ -z "$ready" ]; then
    echo "memory: server '$1' never answered a search (site kept in $site; delete it to make a new one). Its log ends:" >&2
    tail -n 15 "$work/$1.log" >&2
    exit 1
  fi
}
start defaults "" defaults; a="$port"
start other "$OTHER_ENV" "$OTHER_OPTS"; b="$port"
java_pid() { pgrep -P "$1" java || echo "$1"; }   # the launcher execs java: usually the same pid

paths="$(curl -fsS "http://127.0.0.1:$a/feed/" | sed -n 's|.*<link>https\?://[^/]*\(/[0-9][^<]*\)</link>.*|\1|p' | head -n 10)"
{
  echo 'local paths = {'
  for p in $paths; do echo "  \"$p\","; done
  echo '  "/", "/page/3/", "/category/sezione-3/", "/category/sezione-7/page/2/", "/feed/",'
  echo '  "SEARCH /?s=piazza", "SEARCH /?s=museo+fontana", "REMEMBER '"$(echo "$paths" | head -n1)"'" }'
  cat <<'EOF'
local remember = "testata_commenter=" .. "TGV0dG9yZSBGZWRlbGUKZmVkZWxlQGV4YW1wbGUub3JnCg"
local i = 0
request = function()
  i = i + 1
  local p = paths[(i % #paths) + 1]
  if p:sub(1, 7) == "SEARCH " then return wrk.format(nil, p:sub(8) .. "&n=" .. i) end
  if p:sub(1, 9) == "REMEMBER " then return wrk.format(nil, p:sub(10), { Cookie = remember }) end
  return wrk.format(nil, p)
end
EOF
} >"$work/mix.lua"

rss() { awk '/^VmRSS|^RssAnon|^RssFile/ { printf "%s %d ", $1, $2 / 1024 }' "/proc/$(java_pid "$1")/status"; }
pa="${pids[0]}"; pb="${pids[1]}"
echo "== resident memory under $MINUTES minutes of load, $POSTS articles, $COMMENTS comments; commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) processors)"
echo "A: the launcher's defaults; B: ${OTHER_ENV:+$OTHER_ENV }$OTHER_OPTS"
wrk -t1 -c"$CONNS" -d"${MINUTES}m" -s "$work/mix.lua" "http://127.0.0.1:$a" >"$work/wrk-a.txt" 2>&1 &
wa=$!
wrk -t1 -c"$CONNS" -d"${MINUTES}m" -s "$work/mix.lua" "http://127.0.0.1:$b" >"$work/wrk-b.txt" 2>&1 &
wb=$!
peak_a=0; peak_b=0
while kill -0 "$wa" 2>/dev/null || kill -0 "$wb" 2>/dev/null; do
  sleep 30
  ra="$(rss "$pa")"; rb="$(rss "$pb")"
  echo "  $(date +%H:%M:%S) A: $ra| B: $rb(MB)"
  va="$(echo "$ra" | awk '{ print $2 }')"; vb="$(echo "$rb" | awk '{ print $2 }')"
  [ "${va:-0}" -gt "$peak_a" ] && peak_a="$va"; [ "${vb:-0}" -gt "$peak_b" ] && peak_b="$vb"
done
for x in a b; do echo "requests $x: $(grep -E 'Requests/sec|Non-2xx' "$work/wrk-$x.txt" | tr -s ' ' | tr '\n' ' ')"; done
echo "peak RSS: A $peak_a MB, B $peak_b MB; at the end: A $(rss "$pa")| B $(rss "$pb")(MB)"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
