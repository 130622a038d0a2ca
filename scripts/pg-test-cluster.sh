#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the test suite.
#   scripts/pg-test-cluster.sh start   create (if needed) and start it; prints the JDBC URL on stdout
#   scripts/pg-test-cluster.sh stop    stop it and remove its folder
#   scripts/pg-test-cluster.sh status  say whether it runs
# Environment:
#   TESTATA_PG_DIR   the cluster folder (default /tmp/testata-pg-<uid>; the same for start and stop)
#   TESTATA_PG_PORT  the port to try first (default 55432; the next free one is used when it is taken)
# Trust authentication for local and 127.0.0.1 connections, listening on 127.0.0.1 only, the unix socket in
# the folder. Run as root, the cluster belongs to the `postgres` OS user (initdb refuses root); run as any
# other user, it belongs to that user. Everything but the URL goes to stderr.
set -euo pipefail

dir="${TESTATA_PG_DIR:-/tmp/testata-pg-$(id -u)}"
port="${TESTATA_PG_PORT:-55432}"
data="$dir/data"
log="$dir/postgres.log"

say() { echo "pg-test-cluster: $*" >&2; }
die() { say "$*"; exit 1; }

find_bin() {
  local d best="" bestv=0 v
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] || continue
    v="$(basename "$(dirname "$d")")"; v="${v%%.*}"
    if [ "$v" -gt "$bestv" ] 2>/dev/null; then best="$d"; bestv="$v"; fi
  done
  if [ -z "$best" ] && command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    best="$(dirname "$(command -v initdb)")"
  fi
  [ -n "$best" ] || die "no PostgreSQL found under /usr/lib/postgresql/*/bin (apt-get install postgresql)"
  echo "$best"
}

# Runs a command as the cluster's owner.
if [ "$(id -u)" -eq 0 ]; then
  owner=postgres
  id "$owner" >/dev/null 2>&1 || die "running as root needs a 'postgres' OS user (apt-get install postgresql creates it)"
  as_owner() {
    if command -v runuser >/dev/null 2>&1; then runuser -u "$owner" -- "$@"
    else su -s /bin/sh "$owner" -c "$(printf '%q ' "$@")"; fi
  }
else
  owner="$(id -un)"
  as_owner() { "$@"; }
fi

port_free() {
  # Something answering on 127.0.0.1:$1 means it is taken.
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

running() {
  [ -f "$data/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1
}

current_port() {
  sed -n 's/^port *= *\([0-9]*\).*/\1/p' "$data/postgresql.auto.conf" 2>/dev/null | tail -n1
}

url() { echo "jdbc:postgresql://127.0.0.1:$1/postgres"; }

# wait_ready PORT SECONDS: true once the server accepts connections.
wait_ready() {
  local p="$1" i
  for i in $(seq 1 $(($2 * 4))); do
    if "$bin/pg_isready" -q -h 127.0.0.1 -p "$p" -d postgres -U postgres; then return 0; fi
    sleep 0.25
  done
  return 1
}

fail_start() {
  [ -f "$log" ] && tail -n 30 "$log" >&2
  die "$1"
}

start() {
  if [ -d "$data" ] && running; then
    local p; p="$(current_port)"
    if wait_ready "$p" 10; then
      say "already running in $dir"
      url "$p"
      return 0
    fi
    # A server that crashed, or is dying: stop what is left and start again on the same data.
    say "the server in $dir does not answer: restarting it"
    as_owner "$bin/pg_ctl" -D "$data" -m immediate -w -t 30 stop >&2 || true
  fi
  if [ -d "$data" ] && [ ! -f "$data/PG_VERSION" ]; then
    say "removing a half-made cluster in $dir"; rm -rf "$data"
  fi
  mkdir -p "$dir"
  chown "$owner" "$dir"
  chmod 700 "$dir"
  as_owner test -w "$dir" || die "$owner cannot write to $dir (a parent folder closed to it?): set TESTATA_PG_DIR elsewhere, e.g. under /tmp"
  if [ ! -d "$data" ]; then
    say "creating a cluster in $dir ($bin)"
    as_owner "$bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 \
      || as_owner "$bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
    # Only local and 127.0.0.1 connections, all trusted: this cluster lives for one test run.
    as_owner sh -c "cat > '$data/pg_hba.conf'" <<'HBA'
local   all   all                 trust
host    all   all   127.0.0.1/32  trust
HBA
  fi
  # Leftover pid file from a crash (the server is not running, checked above).
  rm -f "$data/postmaster.pid"
  local p="$port" tries=0
  while ! port_free "$p"; do
    tries=$((tries + 1)); [ "$tries" -lt 100 ] || die "no free port from $port to $p"
    p=$((p + 1))
  done
  # Settings for a disposable cluster: no durability, room for many parallel test connections.
  as_owner sh -c "cat > '$data/postgresql.auto.conf'" <<CONF
listen_addresses = '127.0.0.1'
port = $p
unix_socket_directories = '$dir'
max_connections = 300
fsync = off
synchronous_commit = off
full_page_writes = off
timezone = 'UTC'
log_timezone = 'UTC'
CONF
  say "starting on 127.0.0.1:$p (log $log)"
  as_owner "$bin/pg_ctl" -D "$data" -l "$log" -w -t 30 start >&2 || fail_start "pg_ctl start failed"
  wait_ready "$p" 30 || fail_start "PostgreSQL did not become ready on 127.0.0.1:$p within 30 s"
  url "$p"
}

stop() {
  if [ -d "$data" ] && bin="$(find_bin 2>/dev/null)" && running; then
    say "stopping the cluster in $dir"
    as_owner "$bin/pg_ctl" -D "$data" -m fast -w -t 30 stop >&2 \
      || as_owner "$bin/pg_ctl" -D "$data" -m immediate -w stop >&2 || true
  fi
  if [ -d "$dir" ]; then
    rm -rf "$dir"
    say "removed $dir"
  fi
}

bin=""
case "${1:-}" in
  start) bin="$(find_bin)"; start ;;
  stop) stop ;;
  status)
    bin="$(find_bin)"
    if [ -d "$data" ] && running; then say "running in $dir"; url "$(current_port)"; else say "not running ($dir)"; exit 3; fi ;;
  *) echo "usage: $0 start|stop|status   (env TESTATA_PG_DIR, TESTATA_PG_PORT)" >&2; exit 2 ;;
esac
