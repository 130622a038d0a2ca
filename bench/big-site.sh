#!/usr/bin/env bash
# A big site against a small one, same run, same machine: is a 100,000-article site as fast as a 1,000-article one?
#
#   bench/big-site.sh
#
# Knobs (environment): BIG_POSTS=100000 BIG_COMMENTS=1000000 SMALL_POSTS=1000 SMALL_COMMENTS=10000
#   PENDING=100000 (comments of the big site set to pending for the moderation queue)
#   KEEP=~/.cache/testata-bench (generated exports and imported sites are kept here, outside the repository,
#   and reused by the next run: the big import is long), SECONDS_EACH=8, NO_BUILD=1, TESTATA_JAVA_OPTS
#
# Both sites are SQLite (the default), served by ./testata serve on 127.0.0.1. For each address it measures
# the big and the small site one after the other with wrk: requests per second at 8 connections for cached
# pages, and the latency (p50, p99) of one connection for what is computed per request (search, the page of a
# reader whose comment form is remembered, the admin lists). It prints big/small ratios and the load average.
set -euo pipefail

BIG_POSTS="${BIG_POSTS:-100000}"
BIG_COMMENTS="${BIG_COMMENTS:-1000000}"
SMALL_POSTS="${SMALL_POSTS:-1000}"
SMALL_COMMENTS="${SMALL_COMMENTS:-10000}"
PENDING="${PENDING:-100000}"
KEEP="${KEEP:-${XDG_CACHE_HOME:-$HOME/.cache}/testata-bench}"
SECONDS_EACH="${SECONDS_EACH:-8}"

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work=""
pids=()
log() { echo "big-site: $*" >&2; }

cleanup() {
  local rc=$? p
  trap - EXIT INT TERM
  for p in "${pids[@]:-}"; do
    [ -n "$p" ] && kill -TERM "$p" 2>/dev/null && { for i in $(seq 1 100); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done; kill -KILL "$p" 2>/dev/null || true; }
  done
  if [ -n "$work" ] && [ -d "$work" ]; then
    [ "$rc" -ne 0 ] && for f in "$work"/*.log; do [ -s "$f" ] && { log "--- tail of $f"; tail -n 15 "$f" >&2; }; done
    rm -rf "$work"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

need=()
command -v wrk >/dev/null 2>&1 || need+=(wrk)
command -v curl >/dev/null 2>&1 || need+=(curl)
command -v sqlite3 >/dev/null 2>&1 || need+=(sqlite3)
if [ "${#need[@]}" -gt 0 ]; then
  log "installing ${need[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1; }
if [ -z "${JAVA_HOME:-}" ] || [ "$(java_major "$JAVA_HOME" | cut -d. -f1)" -lt 21 ] 2>/dev/null; then
  best=""; bestv=0
  for d in /usr/lib/jvm/*/; do
    d="${d%/}"; [ -x "$d/bin/javac" ] || continue
    v="$(java_major "$d")"; v="${v%%.*}"
    if [ -n "$v" ] && [ "$v" -ge 21 ] 2>/dev/null && [ "$v" -gt "$bestv" ]; then best="$d"; bestv="$v"; fi
  done
  [ -n "$best" ] || { log "no JDK 21+ found"; exit 2; }
  JAVA_HOME="$best"
fi
export JAVA_HOME
cd "$here"
if [ -z "${NO_BUILD:-}" ]; then
  log "building"
  ./mvnw -q -B -o -DskipTests package >/dev/null 2>&1 || ./mvnw -q -B -DskipTests package >/dev/null
fi
work="$(mktemp -d "${TMPDIR:-/tmp}/testata-big.XXXXXX")"
app="$work/app"
mkdir -p "$app/target" "$KEEP"
cp testata "$app/testata"; cp target/testata.jar "$app/target/"; cp -r target/lib "$app/target/lib"

# --- the two sites, made once and kept ----------------------------------------------------------------------
site() { # name posts comments: prints the data folder, importing when not kept
  local name="$1" posts="$2" comments="$3" dir="$KEEP/$1-$2-$3"
  if [ ! -f "$dir/imported" ]; then
    rm -rf "$dir"; mkdir -p "$dir"
    [ -f "$KEEP/$name-$posts-$comments.xml" ] || "$JAVA_HOME/bin/java" "$here/bench/GenerateWxr.java" \
      "$KEEP/$name-$posts-$comments.xml" "$posts" "$comments"
    local t0; t0=$(date +%s.%N)
    "$app/testata" import-wxr --data "$dir" "$KEEP/$name-$posts-$comments.xml" >"$work/import-$name.log" 2>&1
    awk -v a="$t0" -v b="$(date +%s.%N)" -v l="$(cut -d' ' -f1-3 /proc/loadavg)" \
      'BEGIN { printf "%.1f s (load average %s)\n", b - a, l }' >"$dir/import-time"
    touch "$dir/imported"
  fi
  log "$name site ($posts articles, $comments comments): import took $(cat "$dir/import-time")"
  echo "$dir"
}
small_dir="$(site small "$SMALL_POSTS" "$SMALL_COMMENTS")"
big_dir="$(site big "$BIG_POSTS" "$BIG_COMMENTS")"
for d in "$small_dir" "$big_dir"; do
  # the moderation queue: the newest approved comments become pending, up to PENDING in all
  sqlite3 -cmd ".timeout 10000" "$d/testata.db" "UPDATE comments SET status = 'pending' WHERE id IN
    (SELECT id FROM comments WHERE status = 'approved' AND kind = 'comment' ORDER BY id DESC
     LIMIT max(0, $PENDING - (SELECT COUNT(*) FROM comments WHERE status = 'pending')))"
  printf 'bench-password-1\nbench-password-1\n' | "$app/testata" user add --data "$d" --email admin@bench.example \
    --name "Admin Bench" --role admin >/dev/null 2>&1 || true   # already there on a kept site
done

free_port() { local p; while :; do p=$(( 20000 + RANDOM % 40000 )); ss -Htln "sport = :$p" | grep -q . || { echo "$p"; return; }; done; }
start() { # name dir: starts a server (not in a subshell: its pid must reach cleanup), sets $port once healthy
  local i; port="$(free_port)"
  TESTATA_HOST=127.0.0.1 "$app/testata" serve --port "$port" --data "$2" --no-demo >"$work/$1.log" 2>&1 &
  pids+=($!)
  for i in $(seq 1 1200); do curl -fsS -o /dev/null --max-time 1 "http://127.0.0.1:$port/healthz" 2>/dev/null && break; sleep 0.1; done
  # search is measured on a complete index: wait (up to 30 minutes) until it is built or found up to date
  for i in $(seq 1 1800); do curl -fsS "http://127.0.0.1:$port/?s=piazza&ready=$i" 2>/dev/null | grep -q "<mark>" && break; sleep 1; done
}
start small "$small_dir"; small="http://127.0.0.1:$port"
start big "$big_dir"; big="http://127.0.0.1:$port"

login() { # base: prints the session cookie header value
  local jar="$work/jar.$RANDOM" token
  token="$(curl -fsS -c "$jar" "$1/admin/login" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n1)"
  curl -fsS -o /dev/null -b "$jar" -c "$jar" --data-urlencode "csrf=$token" --data-urlencode "email=admin@bench.example" \
    --data-urlencode "password=bench-password-1" "$1/admin/login"
  awk '$6 == "testata_session" { print "testata_session=" $7 }' "$jar"
}
small_session="$(login "$small")"; big_session="$(login "$big")"
remember="testata_commenter=$(printf 'Lettore Fedele\nfedele@example.org\n' | base64 -w0 | tr '+/' '-_' | tr -d '=')"

article() { # base: the newest article's path
  curl -fsS "$1/feed/" | sed -n 's|.*<link>https\?://[^/]*\(/[0-9][^<]*\)</link>.*|\1|p' | head -n1
}
sitemap_part() { curl -fsS "$1/sitemap.xml" | sed -n 's|.*<loc>https\?://[^/]*\(/sitemaps/[^<]*\)</loc>.*|\1|p' | head -n1; }
month() { echo "$1" | sed -n 's|^\(/[0-9]*/[0-9]*/\).*|\1|p'; }
deep_page() { # posts: a deep category page, at most 500 (20 categories at random, 10 a page: 3/4 of the last)
  local n=$(( $1 * 3 / 4 / 20 / 10 )); [ "$n" -gt 500 ] && n=500; [ "$n" -lt 1 ] && n=1; echo "$n"
}

lua="$work/latency.lua"
cat >"$lua" <<'EOF'
-- each request gets its own query (n=...) when SALT is set, so that nothing comes from the page cache
local salt = os.getenv("SALT")
local i = 0
request = function()
  i = i + 1
  local path = wrk.path
  if salt and salt ~= "" then path = path .. (path:find("?", 1, true) and "&" or "?") .. "n=" .. salt .. i end
  return wrk.format(nil, path)
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.0f %.2f %.2f %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.status))
end
EOF
measure() { # conns cookie salt url: prints "req/s p50 p99 non2xx"
  local conns="$1" cookie="$2" salt="$3" url="$4" args=()
  [ -n "$cookie" ] && args+=(-H "Cookie: $cookie")
  curl -fsS -o /dev/null ${cookie:+-H "Cookie: $cookie"} "$url" || { echo "- - - failed"; return; }
  SALT="$salt" wrk -t1 -c"$conns" -d"${SECONDS_EACH}s" -H 'Accept-Encoding: gzip' "${args[@]}" -s "$lua" "$url" 2>&1 \
    | sed -n 's/^RESULT //p'
}
row() { # label conns cookie-kind salt small-path big-path
  local label="$1" conns="$2" kind="$3" salt="$4" sp="$5" bp="$6" sc="" bc="" s b
  case "$kind" in remember) sc="$remember"; bc="$remember" ;; admin) sc="$small_session"; bc="$big_session" ;; esac
  s="$(measure "$conns" "$sc" "$salt" "$small$sp")"; b="$(measure "$conns" "$bc" "$salt" "$big$bp")"
  awk -v l="$label" -v s="$s" -v b="$b" 'BEGIN {
    split(s, x, " "); split(b, y, " ");
    printf "%-34s %9s %9s %6.2f   %8s %8s %8s %8s  %s/%s\n", l, x[1], y[1], (x[1] > 0 ? y[1] / x[1] : 0),
      x[2], y[2], x[3], y[3], x[4], y[4] }'
}

sa="$(article "$small")"; ba="$(article "$big")"
echo
echo "== big site ($BIG_POSTS articles, $BIG_COMMENTS comments) against small ($SMALL_POSTS, $SMALL_COMMENTS); commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "import: small $(cat "$small_dir/import-time"); big $(cat "$big_dir/import-time")"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) processors)"
printf "%-34s %9s %9s %6s   %8s %8s %8s %8s  %s\n" "address" "small/s" "big/s" "big/sm" "p50 sm" "p50 big" "p99 sm" "p99 big" "non-2xx"
row "cached article (c=8)" 8 "" "" "$sa" "$ba"
row "home (c=8)" 8 "" "" "/" "/"
category_page() { local n; n="$(deep_page "$1")"; [ "$n" -gt 1 ] && echo "/category/sezione-3/page/$n/" || echo "/category/sezione-3/"; }
row "category deep page (c=8)" 8 "" "" "$(category_page "$SMALL_POSTS")" "$(category_page "$BIG_POSTS")"
row "month archive (c=8)" 8 "" "" "$(month "$sa")" "$(month "$ba")"
row "sitemap part (c=8)" 8 "" "" "$(sitemap_part "$small")" "$(sitemap_part "$big")"
row "feed (c=8)" 8 "" "" "/feed/" "/feed/"
row "search common word (c=1, uncached)" 1 "" "q" "/?s=piazza" "/?s=piazza"
row "search rare word (c=1, uncached)" 1 "" "q" "/?s=777" "/?s=777"
row "article, remembered form (c=1)" 1 remember "" "$sa" "$ba"
row "admin articles list (c=1)" 1 admin "" "/admin/articles" "/admin/articles"
row "moderation queue, pending (c=1)" 1 admin "" "/admin/comments?status=pending" "/admin/comments?status=pending"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "resident memory (RSS) after the run: small $(( $(ps -o rss= -p "${pids[0]}") / 1024 )) MB, big $(( $(ps -o rss= -p "${pids[1]}") / 1024 )) MB (JVM options: ${TESTATA_JAVA_OPTS-as the launcher sets them})"
echo "pending comments: small $(sqlite3 "$small_dir/testata.db" "SELECT COUNT(*) FROM comments WHERE status='pending'"), big $(sqlite3 "$big_dir/testata.db" "SELECT COUNT(*) FROM comments WHERE status='pending'")"
