#!/usr/bin/env bash
# Accepted comments per second through the whole pipeline, on SQLite and then on a throwaway PostgreSQL.
#
#   bench/comments.sh            knobs: COUNT=2000 CONCURRENCY=64 DATABASES="sqlite postgres" NO_BUILD=1
#
# One server (./testata serve, the demo publication, settings as shipped: moderation "first", a durable
# commit before every answer) on 127.0.0.1; bench/CommentLoad.java fetches the article COUNT times (a token each), waits the form's
# 3 seconds, then posts over CONCURRENCY kept-alive connections from COUNT different networks. Prints comments acknowledged per
# second, the server's CPU time per acknowledged comment, and checks acknowledged = stored in the database.
# Everything is removed on exit.
set -euo pipefail
COUNT="${COUNT:-2000}"
CONCURRENCY="${CONCURRENCY:-64}"
DATABASES="${DATABASES:-sqlite postgres}"
ARTICLE="/2026/10/23/l-agenzia-per-il-lavoro-apre-uno-sportello-a-san-vito/"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
work="$(mktemp -d "${TMPDIR:-/tmp}/testata-comments.XXXXXX")"
chmod 755 "$work"
pid=""
cleanup() {
  local rc=$?
  [ -n "$pid" ] && { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; }
  [ -d "$work/pg" ] && TESTATA_PG_DIR="$work/pg" scripts/pg-test-cluster.sh stop >/dev/null 2>&1 || true
  rm -rf "$work"
  exit "$rc"
}
trap cleanup EXIT
for tool in curl sqlite3; do command -v "$tool" >/dev/null || { sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo;
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$tool" >/dev/null; }; done
[ -n "${NO_BUILD:-}" ] || ./testata --help >/dev/null
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
PSQL="$(ls -d /usr/lib/postgresql/*/bin/psql 2>/dev/null | sort -V | tail -n1)"

for db in $DATABASES; do
  data="$work/data-$db"
  env=()
  if [ "$db" = postgres ]; then
    mkdir -p "$work/pg"; chmod 777 "$work/pg"
    url="$(TESTATA_PG_DIR="$work/pg" TESTATA_PG_PORT=$(( 20000 + RANDOM % 40000 )) scripts/pg-test-cluster.sh start 2>/dev/null)"
    env=(TESTATA_DATABASE_URL="$url" TESTATA_DATABASE_USER=postgres)
    pgport="$(echo "$url" | sed -n 's|.*127.0.0.1:\([0-9]*\)/.*|\1|p')"
    count_sql() { "$PSQL" -h 127.0.0.1 -p "$pgport" -U postgres -d postgres -Atq -c "$1"; }
  else
    count_sql() { sqlite3 -cmd ".timeout 10000" "$data/testata.db" "$1"; }
  fi
  port=$(( 20000 + RANDOM % 40000 ))
  # the load comes "through a proxy on this machine" (X-Forwarded-For, one network per commenter): trust it,
  # as an nginx in front would be trusted (docs/OPERATIONS.md); without it every post is from 127.0.0.1
  env "${env[@]}" ./testata settings --data "$data" server.trusted_proxies=127.0.0.1 >/dev/null
  env "${env[@]}" TESTATA_HOST=127.0.0.1 ./testata serve --port "$port" --data "$data" >"$work/$db.log" 2>&1 &
  pid=$!
  until curl -fsS -o /dev/null --max-time 1 "http://127.0.0.1:$port$ARTICLE" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { tail "$work/$db.log" >&2; exit 1; }; sleep 0.2
  done
  "$JAVA" bench/CommentLoad.java "http://127.0.0.1:$port" "$ARTICLE" 300 16 50000 >/dev/null   # warm-up on other networks, not counted
  out="$(SERVER_PID=$pid "$JAVA" bench/CommentLoad.java "http://127.0.0.1:$port" "$ARTICLE" "$COUNT" "$CONCURRENCY")"
  run="$(sed -n 's/^run //p' <<<"$out")"
  stored="$(count_sql "SELECT COUNT(*) FROM comments WHERE body_raw LIKE '%$run numero%'")"
  echo "== $db: $(grep '^acknowledged' <<<"$out"); $(grep answers <<<"$out"); stored $stored (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  grep '^server cpu' <<<"$out" | sed "s/^/   $db: /"
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
done
