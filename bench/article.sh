#!/usr/bin/env bash
# Throughput of one cached article page: Testata against a throwaway nginx serving the very same bytes.
#
#   bench/article.sh                 build, start both servers on loopback, run wrk on each, print the ratio
#
# Knobs (environment): THREADS=2 CONNS=50 (the latency goal is stated at CONNS=32) DURATION=15s WARMUP=10s ROUNDS=3 NO_BUILD=1 (skip the Maven build)
#                      TESTATA_JAVA_OPTS (passed through to the ./testata launcher)
#                      RESTART=1: each Testata is stopped after its first start (which imports the demo site) and
#                      started again on the same data, so the measured server is one started on an existing site
#                      (the import grows the heap, and with it the young generation, beyond what a restart has)
#                      VARIANTS: JVM option sets separated by '|' ("launcher" = the launcher's defaults), one Testata
#                      each, all measured in every round (A B nginx A B nginx ...), so variants meet the same load
#
# Both sides answer with the same gzip bytes (Testata's precompressed body, served by nginx through
# gzip_static) and the same headers (security headers, ETag, Vary, Cache-Control); wrk sends
# Accept-Encoding: gzip to both, as every browser does. Everything runs on 127.0.0.1 and is removed on exit.
set -euo pipefail

THREADS="${THREADS:-2}"
CONNS="${CONNS:-50}"
DURATION="${DURATION:-15s}"
WARMUP="${WARMUP:-10s}"
ROUNDS="${ROUNDS:-3}"
if [ -n "${VARIANTS:-}" ]; then IFS='|' read -r -a variants <<<"$VARIANTS"
elif [ -n "${TESTATA_JAVA_OPTS+set}" ]; then variants=("$TESTATA_JAVA_OPTS")
else variants=(launcher); fi
ARTICLE="/2026/10/23/l-agenzia-per-il-lavoro-apre-uno-sportello-a-san-vito/"

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work=""
testata_pids=()
nginx_pid=""

log() { echo "bench: $*" >&2; }

stop_pid() { # pid: TERM, up to 10 s to go, then KILL
  local pid="$1" i
  [ -n "$pid" ] || return 0
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  local p
  for p in "${testata_pids[@]}"; do stop_pid "$p"; done
  stop_pid "$nginx_pid"   # the master takes its workers with it
  if [ -n "$work" ] && [ -d "$work" ]; then
    if [ "$rc" -ne 0 ]; then
      for f in "$work"/testata*.log "$work"/nginx/error.log; do
        [ -s "$f" ] && { log "--- tail of $f"; tail -n 20 "$f" >&2; }
      done
    fi
    rm -rf "$work"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- tools -----------------------------------------------------------------------------------------------
need=()
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx)
command -v wrk >/dev/null 2>&1 || need+=(wrk)
command -v curl >/dev/null 2>&1 || need+=(curl)
if [ "${#need[@]}" -gt 0 ]; then
  log "installing ${need[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  # --no-install-recommends: only the binary; the script never uses the system nginx service
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"

# --- build ---------------------------------------------------------------------------------------------
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
  log "building with $JAVA_HOME"
  ./mvnw -q -B -o -DskipTests package >/dev/null 2>"${TMPDIR:-/tmp}/testata-bench-build.$$" \
    || ./mvnw -q -B -DskipTests package >/dev/null 2>>"${TMPDIR:-/tmp}/testata-bench-build.$$" \
    || { cat "${TMPDIR:-/tmp}/testata-bench-build.$$" >&2; rm -f "${TMPDIR:-/tmp}/testata-bench-build.$$"; exit 1; }
  rm -f "${TMPDIR:-/tmp}/testata-bench-build.$$"
fi

# --- scratch space and ports -------------------------------------------------------------------------------
work="$(mktemp -d "${TMPDIR:-/tmp}/testata-bench.XXXXXX")"
chmod 755 "$work"   # nginx workers may run as an unprivileged user and must read the page

free_port() { # a free port of 127.0.0.1 other than those given
  local p i
  for i in $(seq 1 200); do
    p=$(( 20000 + RANDOM % 40000 ))
    if ! ss -Htln "sport = :$p" 2>/dev/null | grep -q . && [[ " $* " != *" $p "* ]]; then echo "$p"; return; fi
  done
  log "no free port found"; return 1
}
tports=()
for v in "${variants[@]}"; do tports+=("$(free_port "${tports[@]}")"); done
nport="$(free_port "${tports[@]}")"
tport="${tports[0]}"

# --- Testata ---------------------------------------------------------------------------------------------
# Run from a private copy of the launcher, jar and libraries: a build running meanwhile in the checkout
# (other sessions, an editor) cannot swap classes under the running server. The launcher is the real one,
# so its JVM flags apply; with no sources next to it, it does not try to rebuild. Each variant has its own
# copy of the jar (the launcher keeps a class data archive beside it) and its own data folder.
start_testata() { # variant: starts it (on its own data folder) and waits until it is healthy
  local i="$1" app="$work/app$1" n
  log "starting Testata on 127.0.0.1:${tports[$i]} (JVM options: ${variants[$i]:-none})"
  if [ "${variants[$i]}" = launcher ]; then
    env -u TESTATA_JAVA_OPTS TESTATA_HOST=127.0.0.1 "$app/testata" serve --port "${tports[$i]}" --data "$work/data$i" >>"$work/testata$i.log" 2>&1 &
  else
    TESTATA_JAVA_OPTS="${variants[$i]}" TESTATA_HOST=127.0.0.1 "$app/testata" serve --port "${tports[$i]}" --data "$work/data$i" >>"$work/testata$i.log" 2>&1 &
  fi
  testata_pids[$i]=$!
  for n in $(seq 1 600); do   # at most 60 s, most of it the demo import
    kill -0 "${testata_pids[$i]}" 2>/dev/null || { log "Testata exited"; exit 1; }
    curl -fsS --max-time 2 -o /dev/null "http://127.0.0.1:${tports[$i]}/healthz" 2>/dev/null && break
    [ "$n" -lt 600 ] || { log "Testata did not come up in 60 s"; exit 1; }
    sleep 0.1
  done
}
mkdir -p "$work/lib"
cp -r target/lib/. "$work/lib/"
for i in "${!variants[@]}"; do
  app="$work/app$i"
  mkdir -p "$app/target" "$work/data$i"
  cp testata "$app/testata"
  cp target/testata.jar "$app/target/testata.jar"
  ln -s "$work/lib" "$app/target/lib"
  start_testata "$i"
  if [ -n "${RESTART:-}" ]; then # measure a server started on an existing site, not the one that imported it
    stop_pid "${testata_pids[$i]}"
    start_testata "$i"
  fi
done

# --- the page, once: Testata's own gzip body; the HTML is its decompression -------------------------------------
www="$work/www"
mkdir -p "$www$ARTICLE"
curl -fsS --max-time 10 -H 'Accept-Encoding: gzip' -D "$work/testata.headers" \
  -o "$www${ARTICLE}index.html.gz" "http://127.0.0.1:$tport$ARTICLE"
grep -qi '^content-encoding: *gzip' "$work/testata.headers" || { log "Testata did not answer in gzip"; exit 1; }
gzip -dc "$www${ARTICLE}index.html.gz" >"$www${ARTICLE}index.html"
touch -r "$www${ARTICLE}index.html" "$www${ARTICLE}index.html.gz"
chmod -R a+rX "$www"
header() { sed -n "s/^$1: *//Ip" "$work/testata.headers" | tr -d '\r' | head -n1; }
csp="$(header Content-Security-Policy)"
[ -n "$csp" ] || { log "no Content-Security-Policy from Testata"; exit 1; }

# --- nginx -------------------------------------------------------------------------------------------------
ng="$work/nginx"
mkdir -p "$ng/logs"
cat >"$ng/nginx.conf" <<EOF
worker_processes $(nproc);
daemon off;
pid $ng/nginx.pid;
error_log $ng/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $ng/client_body;
  proxy_temp_path $ng/proxy;
  fastcgi_temp_path $ng/fastcgi;
  uwsgi_temp_path $ng/uwsgi;
  scgi_temp_path $ng/scgi;
  types { text/html html; }
  default_type application/octet-stream;
  charset utf-8;
  sendfile on;
  open_file_cache max=64 inactive=60s;   # the page's file stays open: no open, stat and close per request
  open_file_cache_valid 60s;
  tcp_nopush on;
  tcp_nodelay on;
  keepalive_timeout 75s;
  keepalive_requests 1000000;   # Jetty keeps a connection for any number of requests
  server_tokens off;
  gzip off;                     # no compression per request: the .gz next to the page is sent as is
  gzip_static on;
  gzip_vary on;
  server {
    listen 127.0.0.1:$nport reuseport;   # a listening socket per worker: the kernel spreads connections evenly
    root $www;
    index index.html;
    add_header Content-Security-Policy "$csp" always;
    add_header X-Content-Type-Options "$(header X-Content-Type-Options)" always;
    add_header Referrer-Policy "$(header Referrer-Policy)" always;
    add_header X-Frame-Options "$(header X-Frame-Options)" always;
    add_header Cache-Control "$(header Cache-Control)";
  }
}
EOF
log "starting nginx on 127.0.0.1:$nport ($(nproc) workers)"
"$NGINX" -t -q -c "$ng/nginx.conf" -p "$ng" -e "$ng/error.log" 2>"$ng/test.log" \
  || { cat "$ng/test.log" >&2; exit 1; }
"$NGINX" -c "$ng/nginx.conf" -p "$ng" -e "$ng/error.log" &
nginx_pid=$!
for i in $(seq 1 100); do
  kill -0 "$nginx_pid" 2>/dev/null || { log "nginx exited"; exit 1; }
  curl -fsS --max-time 2 -o /dev/null "http://127.0.0.1:$nport$ARTICLE" 2>/dev/null && break
  [ "$i" -lt 100 ] || { log "nginx did not come up"; exit 1; }
  sleep 0.1
done

# Same bytes on both sides?
curl -fsS --max-time 10 -H 'Accept-Encoding: gzip' -D "$work/nginx.headers" -o "$work/nginx.body" "http://127.0.0.1:$nport$ARTICLE"
grep -qi '^content-encoding: *gzip' "$work/nginx.headers" || { log "nginx did not answer in gzip"; exit 1; }
cmp -s "$work/nginx.body" "$www${ARTICLE}index.html.gz" || { log "nginx and Testata bodies differ"; exit 1; }
gz_bytes=$(wc -c <"$www${ARTICLE}index.html.gz")
html_bytes=$(wc -c <"$www${ARTICLE}index.html")
hdr_t=$(grep -c . "$work/testata.headers"); hdr_n=$(grep -c . "$work/nginx.headers")
log "page: $html_bytes bytes of HTML, $gz_bytes gzip; header lines: Testata $hdr_t, nginx $hdr_n"

# --- wrk -------------------------------------------------------------------------------------------------
secs() { local d="$1"; case "$d" in *m) echo $(( ${d%m} * 60 ));; *s) echo "${d%s}";; *) echo "$d";; esac; }
cpu_busy() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }   # jiffies, all CPUs
pids_cpu() { local p t=0; for p in "$@"; do [ -r "/proc/$p/stat" ] && t=$(( t + $(awk '{ print $14 + $15 }' "/proc/$p/stat") )); done; echo "$t"; }
nginx_pids() { echo "$nginx_pid" $(pgrep -P "$nginx_pid" 2>/dev/null); }
ours() { pids_cpu "${testata_pids[@]}" $(nginx_pids); }
gc_now() { # pid -> the JVM's collections so far and their total time in ms (jstat; "-" counts as 0)
  "$JAVA_HOME/bin/jstat" -gc "$1" 2>/dev/null | awk 'NR == 1 { for (i = 1; i <= NF; i++) h[$i] = i }
    NR == 2 { y = $h["YGC"]; f = $h["FGC"]; t = $h["GCT"]; printf "%d %.0f\n", (y == "-" ? 0 : y) + (f == "-" ? 0 : f), (t == "-" ? 0 : t) * 1000 }'
}
run_wrk() { # url duration t<variant>|n -> requests/second, "other" (share of the machine used by processes not in the
            # benchmark), the server's CPU time per request in microseconds (user + system), wrk's p99 in ms, and
            # for Testata the collections during the run and their total pause in ms (outside the timed window)
  local out b0 o0 b1 o1 tw s0 s1 server g0="0 0" g1="0 0"
  if [ "$3" = n ]; then server="$(nginx_pids)"; else server="${testata_pids[${3#t}]}"; g0="$(gc_now "$server")"; fi
  b0=$(cpu_busy); o0=$(ours); s0=$(pids_cpu $server)
  out="$( { TIMEFORMAT='%U %S'; time timeout $(( $(secs "$2") + 30 )) wrk -t"$THREADS" -c"$CONNS" -d"$2" --timeout 5s --latency \
    -H 'Accept-Encoding: gzip' "$1" 2>&1; } 2>&1 )"
  b1=$(cpu_busy); o1=$(ours); s1=$(pids_cpu $server)
  [ "$3" = n ] || g1="$(gc_now "$server")"
  echo "$out" >>"$work/wrk.log"
  if echo "$out" | grep -q 'Non-2xx'; then log "non-2xx answers from $1"; echo "$out" >&2; exit 1; fi
  tw=$(echo "$out" | tail -n1 | awk '{ printf "%d", ($1 + $2) * 100 }')   # wrk's own CPU, jiffies
  other=$(awk -v b=$(( b1 - b0 )) -v o=$(( o1 - o0 + tw )) -v s="$(secs "$2")" -v c="$(nproc)" \
    'BEGIN { v = (b - o) / (s * 100 * c) * 100; printf "%d", v < 0 ? 0 : v }')
  n=$(echo "$out" | awk '/ requests in / { print $1 }')
  p99=$(echo "$out" | awk '$1 == "99%" { v = $2; u = v; gsub(/[0-9.]/, "", u); sub(/[a-z]+$/, "", v);
    printf "%.2f", v * (u == "us" ? 0.001 : (u == "s" ? 1000 : 1)) }')
  echo "$(echo "$out" | awk '/^Requests\/sec:/ {print $2}') $other $(awk -v c=$(( s1 - s0 )) -v n="${n:-0}" \
    'BEGIN { printf "%.1f", (n > 0) ? c * 10000 / n : 0 }') ${p99:-0} $(( ${g1% *} - ${g0% *} )) $(( ${g1#* } - ${g0#* } ))"
}

log "warm-up $WARMUP each"
for i in "${!variants[@]}"; do run_wrk "http://127.0.0.1:${tports[$i]}$ARTICLE" "$WARMUP" "t$i" >/dev/null; done
run_wrk "http://127.0.0.1:$nport$ARTICLE" "$WARMUP" n >/dev/null

echo "wrk -t$THREADS -c$CONNS -d$DURATION, Accept-Encoding: gzip, $gz_bytes-byte gzip body, $(nproc) CPUs, $(date -u +%Y-%m-%dT%H:%MZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
for i in "${!variants[@]}"; do echo "testata $i: JVM options ${variants[$i]:-none}"; done
# wrk and both servers share the machine; "other" is the CPU share taken meanwhile by everything else.
# Figures taken while other > ~5% are lower and noisier, and not always evenly for both sides. "cpu" is the
# server's own CPU time per request (user + system, µs): it moves much less with other load than req/s does.
# "gc": the collections during the run and their total pause.
busy=0
for r in $(seq 1 "$ROUNDS"); do
  results=()
  for i in "${!variants[@]}"; do results+=("$(run_wrk "http://127.0.0.1:${tports[$i]}$ARTICLE" "$DURATION" "t$i")"); done
  read -r n_rps n_other n_cpu n_p99 _ < <(run_wrk "http://127.0.0.1:$nport$ARTICLE" "$DURATION" n)
  [ -n "$n_rps" ] || { log "wrk gave no figure (see above)"; exit 1; }
  printf 'round %d: nginx     %7.0f req/s (other %2d%%, cpu %4.1f us, p99 %s ms)\n' "$r" "$n_rps" "$n_other" "$n_cpu" "$n_p99"
  [ "$n_other" -le 5 ] || busy=1
  for i in "${!variants[@]}"; do
    read -r t_rps t_other t_cpu t_p99 t_gcs t_gcms <<<"${results[$i]}"
    [ -n "$t_rps" ] || { log "wrk gave no figure (see above)"; exit 1; }
    ratio="$(awk -v t="$t_rps" -v n="$n_rps" 'BEGIN { printf "%.2f", t / n }')"
    p99ratio="$(awk -v t="$t_p99" -v n="$n_p99" 'BEGIN { printf "%.2f", (n > 0 ? t / n : 0) }')"
    printf '         testata %d %7.0f req/s (other %2d%%, cpu %4.1f us, p99 %s ms, gc %d in %d ms)   testata/nginx %s, p99 %s\n' \
      "$i" "$t_rps" "$t_other" "$t_cpu" "$t_p99" "$t_gcs" "$t_gcms" "$ratio" "$p99ratio"
    echo "$t_rps $n_rps $t_p99 $n_p99" >>"$work/rounds$i"
    [ "$t_other" -le 5 ] || busy=1
  done
done
[ "$busy" -eq 0 ] || log "warning: other processes used the CPU during the runs; rerun on a quiet machine for figures to keep"
if [ "$ROUNDS" -gt 1 ]; then # medians over the rounds
  med() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
  for i in "${!variants[@]}"; do
    t_med="$(cut -d' ' -f1 "$work/rounds$i" | med)"
    n_med="$(cut -d' ' -f2 "$work/rounds$i" | med)"
    tp_med="$(cut -d' ' -f3 "$work/rounds$i" | med)"
    np_med="$(cut -d' ' -f4 "$work/rounds$i" | med)"
    printf 'median, testata %d:  testata %10.0f req/s   nginx %10.0f req/s   testata/nginx %s\n' "$i" "$t_med" "$n_med" \
      "$(awk -v t="$t_med" -v n="$n_med" 'BEGIN { printf "%.2f", t / n }')"
    printf 'median p99, testata %d: testata %s ms   nginx %s ms   testata/nginx %s\n' "$i" "$tp_med" "$np_med" \
      "$(awk -v t="$tp_med" -v n="$np_med" 'BEGIN { printf "%.2f", (n > 0 ? t / n : 0) }')"
  done
  echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
fi
