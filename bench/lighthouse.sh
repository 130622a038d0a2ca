#!/usr/bin/env bash
# Lighthouse (the real one, from npm) on the demo site: home, an article and a category page, mobile and desktop.
#
#   bench/lighthouse.sh          build, start ./testata serve on a fresh demo site on loopback, run Lighthouse 6 times,
#                                print performance, accessibility, best practices and SEO, and each failing audit
#
# Knobs (environment): NO_BUILD=1 (skip the Maven build), CHROME_PATH (default /usr/bin/chromium),
#                      LIGHTHOUSE_VERSION (default 12.8.2: the newest that runs on Node 18/20; 13.x wants Node 22),
#                      KEEP=DIR (keep the JSON reports there)
# Lighthouse is installed once into .cache/lighthouse with npm (the only network access, to the npm registry).
set -euo pipefail

LIGHTHOUSE_VERSION="${LIGHTHOUSE_VERSION:-12.8.2}"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
PAGES=("/" "/2026/11/24/il-vecchio-lanificio-diventa-un-museo-del-lavoro/" "/category/cronaca/")

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work=""
testata_pid=""
log() { echo "lighthouse: $*" >&2; }

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ -n "$testata_pid" ] && kill -0 "$testata_pid" 2>/dev/null; then
    kill -TERM "$testata_pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$testata_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$testata_pid" 2>/dev/null || true
  fi
  if [ -n "$work" ] && [ -d "$work" ]; then
    [ "$rc" -ne 0 ] && [ -s "$work/testata.log" ] && { log "--- tail of the server's log"; tail -n 20 "$work/testata.log" >&2; }
    rm -rf "$work"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

command -v node >/dev/null || { log "needs Node.js (node, npm)"; exit 2; }
[ -x "$CHROME_PATH" ] || { log "no Chromium at $CHROME_PATH (apt-get install chromium)"; exit 2; }
lh_dir="$here/.cache/lighthouse"
lh="$lh_dir/node_modules/.bin/lighthouse"
if [ ! -x "$lh" ] || [ "$("$lh" --version 2>/dev/null)" != "$LIGHTHOUSE_VERSION" ]; then
  log "installing lighthouse@$LIGHTHOUSE_VERSION into $lh_dir"
  mkdir -p "$lh_dir"
  npm install --silent --no-audit --no-fund --prefix "$lh_dir" "lighthouse@$LIGHTHOUSE_VERSION" >/dev/null
fi

cd "$here"
if [ -z "${NO_BUILD:-}" ]; then
  JAVA_HOME="${JAVA_HOME:-}" ./mvnw -q -B -DskipTests package >/dev/null
fi

# the server runs from a private copy of the launcher, jar and libraries, on a fresh data folder (the demo site)
work="$(mktemp -d "${TMPDIR:-/tmp}/testata-lighthouse.XXXXXX")"
mkdir -p "$work/app/target" "$work/data" "$work/reports"
cp testata "$work/app/testata"
cp target/testata.jar "$work/app/target/testata.jar"
cp -r target/lib "$work/app/target/lib"
port=""
for _ in $(seq 1 200); do
  p=$(( 20000 + RANDOM % 40000 ))
  if ! ss -Htln "sport = :$p" 2>/dev/null | grep -q .; then port="$p"; break; fi
done
[ -n "$port" ] || { log "no free port"; exit 1; }
TESTATA_HOST=127.0.0.1 "$work/app/testata" serve --port "$port" --data "$work/data" >"$work/testata.log" 2>&1 &
testata_pid=$!
for _ in $(seq 1 600); do
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && grep -q "demo publication: pictures" "$work/testata.log" && break
  kill -0 "$testata_pid" 2>/dev/null || { log "the server stopped"; exit 1; }
  sleep 0.2
done
base="http://127.0.0.1:$port"
for path in "${PAGES[@]}"; do curl -fsS -o /dev/null "$base$path"; done # warm the page cache and the JIT a little

log "load average before: $(cut -d' ' -f1-3 /proc/loadavg); Lighthouse $LIGHTHOUSE_VERSION, $("$CHROME_PATH" --version 2>/dev/null)"
printf '%-8s %-62s %5s %5s %5s %5s\n' "device" "page" "perf" "a11y" "bp" "seo"
status=0
for device in mobile desktop; do
  for path in "${PAGES[@]}"; do
    out="$work/reports/$device-$(echo "$path" | tr '/' '_').json"
    preset=(); [ "$device" = desktop ] && preset=(--preset=desktop)
    "$lh" "$base$path" "${preset[@]}" --quiet --output=json --output-path="$out" \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu" >/dev/null 2>"$work/lh.err" \
      || { log "Lighthouse failed on $path ($device)"; cat "$work/lh.err" >&2; status=1; continue; }
    node -e '
      const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
      const c = r.categories, s = k => Math.round(c[k].score * 100);
      console.log(`${process.argv[2].padEnd(8)} ${process.argv[3].padEnd(62)} ${String(s("performance")).padStart(5)} ${String(s("accessibility")).padStart(5)} ${String(s("best-practices")).padStart(5)} ${String(s("seo")).padStart(5)}`);
      for (const [k, cat] of Object.entries(c)) for (const ref of cat.auditRefs) {
        const a = r.audits[ref.id];
        if (ref.weight > 0 && a.score !== null && a.score < 1 && a.scoreDisplayMode !== "informative")
          console.log(`           ${k}: ${a.id} (${a.score}) ${a.title}${a.displayValue ? " — " + a.displayValue : ""}`);
      }' "$out" "$device" "$path"
  done
done
log "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -n "${KEEP:-}" ]; then mkdir -p "$KEEP" && cp "$work"/reports/*.json "$KEEP"/; fi
exit "$status"
