#!/usr/bin/env bash
# Three Testata servers on one throwaway PostgreSQL behind nginx, under a mixed load, one of them killed mid-run.
#
#   bench/cluster.sh [--duration SECONDS]      default 300 (5 minutes); use 60 while developing
#
# Knobs (environment): POSTS=2000 COMMENTS_IN_SITE=20000 (the generated site), COMMENTERS=150 (comments posted
#   through the form during the run, bounded), CONNS=16 (wrk readers), THROUGHPUT_SECONDS=15, NO_BUILD=1,
#   TESTATA_JAVA_OPTS (through the ./testata launcher)
#
# What runs, all on 127.0.0.1, all removed on exit (also on failure or Ctrl-C):
#   - a PostgreSQL cluster of its own (scripts/pg-test-cluster.sh with its own folder and port, never a shared one)
#   - a site imported from bench/GenerateWxr.java's WordPress export, then three servers (./testata serve)
#   - nginx as the load balancer (the configuration of docs/OPERATIONS.md, plus the realip lines that let the
#     bench's readers and commenters come from many networks), passive health checks, retry on the next
#     server for idempotent requests; every server's /healthz is checked before the load starts
#   - readers (wrk, cluster-readers.lua) on 50 articles, the home page, category and month archives;
#     commenters, an editor (API), a moderator (API) from bench/ClusterLoad.java
#   - an image uploaded through server 1's media library (the editor signed in), asked of every server directly
#   - at half time server 2 gets SIGKILL, and is started again 5 s later
# Then it prints reader answers by status, comments acknowledged against stored, edit visibility on the other
# servers (p50/p99), scheduled articles published once, and reader throughput through 1 and 3 servers.
set -euo pipefail

DURATION=300
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) DURATION="$2"; shift 2 ;;
    --duration=*) DURATION="${1#*=}"; shift ;;
    *) echo "usage: bench/cluster.sh [--duration SECONDS]" >&2; exit 2 ;;
  esac
done
POSTS="${POSTS:-2000}"
COMMENTS_IN_SITE="${COMMENTS_IN_SITE:-20000}"
COMMENTERS="${COMMENTERS:-150}"
CONNS="${CONNS:-16}"
THROUGHPUT_SECONDS="${THROUGHPUT_SECONDS:-15}"

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work=""
pids=()
nginx_pids=()
pg_dir=""

log() { echo "cluster: $*" >&2; }

stop_pid() {
  local pid="$1" i
  [ -n "$pid" ] || return 0
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
}

cleanup() {
  local rc=$? p
  trap - EXIT INT TERM
  for p in "${pids[@]:-}"; do stop_pid "$p"; done
  for p in "${nginx_pids[@]:-}"; do stop_pid "$p"; done
  [ -n "$pg_dir" ] && TESTATA_PG_DIR="$pg_dir" "$here/scripts/pg-test-cluster.sh" stop >/dev/null 2>&1 || true
  if [ -n "$work" ] && [ -d "$work" ]; then
    if [ "$rc" -ne 0 ]; then
      for f in "$work"/s*.log "$work"/nginx*/error.log; do
        [ -s "$f" ] && { log "--- tail of $f"; tail -n 15 "$f" >&2; }
      done
    fi
    rm -rf "$work"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- tools ---------------------------------------------------------------------------------------------------
need=()
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx)
command -v wrk >/dev/null 2>&1 || need+=(wrk)
command -v curl >/dev/null 2>&1 || need+=(curl)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
if [ "${#need[@]}" -gt 0 ]; then
  log "installing ${need[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
PSQL="$(ls -d /usr/lib/postgresql/*/bin/psql | sort -V | tail -n1)"

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
JAVA="$JAVA_HOME/bin/java"
cd "$here"
if [ -z "${NO_BUILD:-}" ]; then
  log "building"
  ./mvnw -q -B -o -DskipTests package >/dev/null 2>&1 || ./mvnw -q -B -DskipTests package >/dev/null
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/testata-cluster.XXXXXX")"
chmod 755 "$work"
free_port() {
  local p i
  for i in $(seq 1 200); do
    p=$(( 20000 + RANDOM % 40000 ))
    if ! ss -Htln "sport = :$p" 2>/dev/null | grep -q . && ! grep -qw "$p" "$work/ports" 2>/dev/null; then
      echo "$p" >>"$work/ports"; echo "$p"; return
    fi
  done
  log "no free port found"; return 1
}

# --- PostgreSQL of its own ------------------------------------------------------------------------------------
pg_dir="$work/pg"
mkdir -p "$pg_dir"; chmod 777 "$pg_dir"
pg_port="$(free_port)"
jdbc="$(TESTATA_PG_DIR="$pg_dir" TESTATA_PG_PORT="$pg_port" "$here/scripts/pg-test-cluster.sh" start)"
pg_port="$(echo "$jdbc" | sed -n 's|.*127.0.0.1:\([0-9]*\)/.*|\1|p')"
export TESTATA_DATABASE_URL="$jdbc" TESTATA_DATABASE_USER=postgres
sql() { "$PSQL" -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -Atq -c "$1"; }
log "PostgreSQL at $jdbc"

# --- the application, a private copy (a build meanwhile cannot swap classes under it) -------------------------
app="$work/app"
mkdir -p "$app/target"
cp testata "$app/testata"
cp target/testata.jar "$app/target/testata.jar"
cp -r target/lib "$app/target/lib"
t() { "$app/testata" "$@"; }

# --- a realistic site -----------------------------------------------------------------------------------------
log "generating a site of $POSTS articles and $COMMENTS_IN_SITE comments"
"$JAVA" "$here/bench/GenerateWxr.java" "$work/site.xml" "$POSTS" "$COMMENTS_IN_SITE"
start_import=$(date +%s.%N)
t import-wxr --data "$work/cli" "$work/site.xml" >"$work/import.log" 2>&1 || { cat "$work/import.log" >&2; exit 1; }
log "imported in $(awk -v a="$start_import" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s"
# nginx, on loopback, is the servers' proxy: trust it, so each commenter counts by its own network (issue 11's rule)
t settings --data "$work/cli" server.trusted_proxies=127.0.0.1 >/dev/null
printf 'bench-password-1\nbench-password-1\n' | t user add --data "$work/cli" --email editor@bench.example \
  --name "Editor Bench" --role editor >/dev/null
api_token="$(t token create --data "$work/cli" --email editor@bench.example --name cluster | tail -n1)"

# --- three servers ---------------------------------------------------------------------------------------------
ports=()
start_server() { # index (1..3): starts server N on its port, data folder of its own
  local n="$1"
  TESTATA_HOST=127.0.0.1 "$app/testata" serve --port "${ports[$n]}" --data "$work/s$n" --no-demo >>"$work/s$n.log" 2>&1 &
  pids[$n]=$!
}
wait_healthy() { # index, seconds
  local n="$1" i
  for i in $(seq 1 $(( $2 * 10 ))); do
    curl -fsS --max-time 1 -o /dev/null "http://127.0.0.1:${ports[$n]}/healthz" 2>/dev/null && return 0
    sleep 0.1
  done
  log "server $n not healthy after $2 s"; return 1
}
for n in 1 2 3; do ports[$n]="$(free_port)"; mkdir -p "$work/s$n"; start_server "$n"; done
for n in 1 2 3; do wait_healthy "$n" 120; done
log "servers on ports ${ports[1]} ${ports[2]} ${ports[3]}"

# --- nginx: the load balancer (3 servers), and a second one in front of server 1 alone ---------------------------
nginx_conf() { # dir, listen port, upstream ports...
  local dir="$1" port="$2"; shift 2
  mkdir -p "$dir/tmp"
  {
    echo "worker_processes auto; pid $dir/nginx.pid; error_log $dir/error.log warn; daemon off;"
    echo "events { worker_connections 1024; }"
    echo "http {"
    echo "  access_log off; client_body_temp_path $dir/tmp/body; proxy_temp_path $dir/tmp/proxy;"
    echo "  fastcgi_temp_path $dir/tmp/f; uwsgi_temp_path $dir/tmp/u; scgi_temp_path $dir/tmp/s;"
    echo "  upstream testata {"
    for p in "$@"; do echo "    server 127.0.0.1:$p max_fails=1 fail_timeout=5s;"; done
    echo "    keepalive 64;"
    echo "  }"
    echo "  server {"
    echo "    listen 127.0.0.1:$port;"
    echo "    client_max_body_size 20m;"
    echo "    # bench only: readers and commenters say which network they come from"
    echo "    set_real_ip_from 127.0.0.1; real_ip_header X-Forwarded-For;"
    echo "    location / {"
    echo "      proxy_pass http://testata;"
    echo "      proxy_http_version 1.1;"
    echo "      proxy_set_header Connection \"\";"
    echo "      proxy_set_header Host \$http_host;"
    echo "      proxy_set_header X-Forwarded-For \$remote_addr;"
    echo "      proxy_set_header X-Forwarded-Proto \$scheme;"
    echo "      proxy_connect_timeout 1s;"
    echo "      proxy_read_timeout 30s;"
    echo "      proxy_next_upstream error timeout http_502 http_503 http_504;"
    echo "      proxy_next_upstream_tries 3;"
    echo "    }"
    echo "  }"
    echo "}"
  } >"$dir/nginx.conf"
  "$NGINX" -t -q -c "$dir/nginx.conf" -p "$dir" -g 'error_log stderr;' 2>/dev/null || "$NGINX" -t -c "$dir/nginx.conf" -p "$dir"
  "$NGINX" -c "$dir/nginx.conf" -p "$dir" &
  nginx_pids+=($!)
}
lb_port="$(free_port)"; one_port="$(free_port)"
nginx_conf "$work/nginx3" "$lb_port" "${ports[1]}" "${ports[2]}" "${ports[3]}"
nginx_conf "$work/nginx1" "$one_port" "${ports[1]}"
lb="http://127.0.0.1:$lb_port"
for i in $(seq 1 50); do curl -fsS --max-time 1 -o /dev/null "$lb/healthz" 2>/dev/null && break; sleep 0.1; done

# --- what readers read: 50 articles (spread over the site), the home page, archives ---------------------------
sql "SELECT id || ' /' || to_char(to_timestamp(published_at / 1000) AT TIME ZONE 'Europe/Rome', 'YYYY/MM/DD') || '/' || slug || '/'
     FROM articles WHERE kind = 'post' AND status = 'published' ORDER BY id DESC LIMIT 50 OFFSET 0" >"$work/articles.txt"
[ "$(wc -l <"$work/articles.txt")" -eq 50 ] || { log "expected 50 articles"; exit 1; }
{
  cut -d' ' -f2 "$work/articles.txt"
  echo /; echo /page/2/
  sql "SELECT '/category/' || slug || '/' FROM categories ORDER BY id LIMIT 5"
  sed -n 's|^[0-9]* \(/[0-9]*/[0-9]*/\).*|\1|p' "$work/articles.txt" | sort -u | head -n 5
} >"$work/paths.txt"
for p in $(cat "$work/paths.txt"); do
  code="$(curl -s -o /dev/null -w '%{http_code}' "$lb$p")"
  [ "$code" = 200 ] || { log "GET $p answered $code"; exit 1; }
done
log "$(wc -l <"$work/paths.txt") reader paths answer 200"

# --- the run --------------------------------------------------------------------------------------------------
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
log "mixed load for $DURATION s (load average $load_before)"
PATHS_FILE="$work/paths.txt" wrk -t2 -c"$CONNS" -d"${DURATION}s" --timeout 5s -s "$here/bench/cluster-readers.lua" "$lb" \
  >"$work/readers.txt" 2>&1 &
wrk_pid=$!
"$JAVA" "$here/bench/ClusterLoad.java" "$lb" "http://127.0.0.1:${ports[1]},http://127.0.0.1:${ports[2]},http://127.0.0.1:${ports[3]}" \
  "$api_token" "$DURATION" "$COMMENTERS" "$work/articles.txt" "$work" >"$work/people.txt" 2>"$work/people.err" &
people_pid=$!
pids+=("$wrk_pid" "$people_pid")
sleep $(( DURATION / 2 ))
log "SIGKILL to server 2 (pid ${pids[2]})"
kill -KILL "${pids[2]}"
sleep 5
log "starting server 2 again"
restart_at=$(date +%s.%N)
start_server 2
wait_healthy 2 60
log "server 2 healthy again after $(awk -v a="$restart_at" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s"
wait "$wrk_pid" || true
wait "$people_pid" || { cat "$work/people.err" >&2; exit 1; }
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
sleep 2   # the last approvals reach the database

# --- results ----------------------------------------------------------------------------------------------------
stored="$(sql "SELECT substr(body_raw, 1, position(' ' in body_raw) - 1) FROM comments WHERE body_raw LIKE 'bench-%'" | sort)"
acknowledged="$(sort "$work/acknowledged.txt")"
n_ack="$(grep -c . <<<"$acknowledged" || true)"
n_stored="$(grep -c . <<<"$stored" || true)"
lost="$(comm -23 <(echo "$acknowledged") <(echo "$stored") | grep -c . || true)"
sched_ids="$(paste -sd, "$work/scheduled.txt")"
sched_published=0
# the last article is due about when a 60 s run ends, and a killed lease holder's lease runs 20 s more: give the
# scheduler up to 45 s to publish what is due before counting
n_sched="$(grep -c . "$work/scheduled.txt" || true)"
for _ in $(seq 1 45); do
  [ -n "$sched_ids" ] || break
  sched_published="$(sql "SELECT COUNT(*) FROM articles WHERE id IN ($sched_ids) AND status = 'published'")"
  [ "$sched_published" -ge "$n_sched" ] && break
  sleep 1
done
published_logged="$(cat "$work"/s*.log | sed -n 's/.*published scheduled articles \[\(.*\)\].*/\1/p' | tr ',' '\n' | tr -d ' ' | grep -c . || true)"
published_twice="$(cat "$work"/s*.log | sed -n 's/.*published scheduled articles \[\(.*\)\].*/\1/p' | tr ',' '\n' | tr -d ' ' | sort | uniq -d | grep -c . || true)"

echo
echo "== Testata cluster bench: 3 servers, PostgreSQL, nginx; ${DURATION}s; commit $(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "load average: before $load_before, after $load_after ($(nproc) processors)"
echo "-- readers (wrk -t2 -c$CONNS through nginx, $(wc -l <"$work/paths.txt") paths), answers by status:"
grep -E '^(status|socket_errors|requests) ' "$work/readers.txt" | sort
fivexx="$(awk '$1 == "status" && $2 >= 500 { s += $3 } END { print s + 0 }' "$work/readers.txt")"
echo "   5xx seen by readers: $fivexx (goal 0)"
echo "-- commenters, editor, moderator:"
sed 's/^/   /' "$work/people.txt"
echo "   comments acknowledged $n_ack, stored $n_stored, acknowledged but not stored (lost): $lost (goal 0)"
# a 303 also answers what the site throws away on purpose (honeypot, a forged or hurried form, blatant spam):
# say how many, so that a "lost" comment can be told from one the filter discarded
echo "   thrown away with a decoy answer, by reason: $(sql "SELECT COALESCE(string_agg(reason || '=' || count, ' '), 'none') FROM spam_discards")"
echo "-- scheduled articles: ${sched_ids:-none}; published $sched_published of $(grep -c . "$work/scheduled.txt" || true);"\
     "publications in the servers' logs $published_logged, any published twice: $published_twice (goal 0)"

# --- throughput: readers through 1 server and through 3 -------------------------------------------------------
tp() { PATHS_FILE="$work/paths.txt" wrk -t2 -c"$CONNS" -d"${THROUGHPUT_SECONDS}s" -s "$here/bench/cluster-readers.lua" "$1" 2>&1 \
  | awk '/^requests / { printf "%.0f", $2 / $4 }'; }
tp "$lb" >/dev/null   # warm every server's cache
r1="$(tp "http://127.0.0.1:$one_port")"; r3="$(tp "$lb")"
echo "-- reader throughput, nginx in front of 1 server: $r1 req/s; of 3 servers: $r3 req/s;" \
     "3/1 = $(awk -v a="$r3" -v b="$r1" 'BEGIN { printf "%.2f", a / b }') (load average $(cut -d' ' -f1-3 /proc/loadavg))"
echo "   on $(nproc) processors shared by wrk, nginx and the servers, more servers add overhead, not capacity:"
echo "   the ratio measures that overhead; the gain needs servers on machines of their own."
