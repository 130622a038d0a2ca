#!/usr/bin/env bash
# Screenshots of the demo site at 1280 and 390 px into docs/screenshots/*.png: home, an article, a category, and
# the back office (signed in with an administrator account this script makes on its throwaway data folder).
#
#   scripts/screenshots.sh        build, start ./testata serve on a fresh demo site on loopback, photograph, stop
#
# Knobs: NO_BUILD=1, CHROME_PATH (default /usr/bin/chromium), OUT (default docs/screenshots).
# Uses puppeteer-core (pinned below) with Debian's Chromium, installed once into .cache/screenshots with npm.
set -euo pipefail

PUPPETEER_VERSION="24.43.1"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${OUT:-$here/docs/screenshots}"
work=""
pid=""
log() { echo "screenshots: $*" >&2; }
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  if [ -n "$work" ] && [ -d "$work" ]; then
    [ "$rc" -ne 0 ] && [ -s "$work/testata.log" ] && tail -n 20 "$work/testata.log" >&2
    rm -rf "$work"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

command -v node >/dev/null || { log "needs Node.js"; exit 2; }
[ -x "$CHROME_PATH" ] || { log "no Chromium at $CHROME_PATH"; exit 2; }
mods="$here/.cache/screenshots"
if [ ! -d "$mods/node_modules/puppeteer-core" ]; then
  log "installing puppeteer-core@$PUPPETEER_VERSION into $mods"
  mkdir -p "$mods"
  PUPPETEER_SKIP_DOWNLOAD=1 npm install --silent --no-audit --no-fund --prefix "$mods" "puppeteer-core@$PUPPETEER_VERSION" >/dev/null
fi

cd "$here"
[ -n "${NO_BUILD:-}" ] || ./mvnw -q -B -DskipTests package >/dev/null
work="$(mktemp -d "${TMPDIR:-/tmp}/testata-shots.XXXXXX")"
mkdir -p "$work/app/target" "$work/data" "$OUT"
cp testata "$work/app/testata"
cp target/testata.jar "$work/app/target/testata.jar"
cp -r target/lib "$work/app/target/lib"
port=""
for _ in $(seq 1 200); do
  p=$(( 20000 + RANDOM % 40000 ))
  if ! ss -Htln "sport = :$p" 2>/dev/null | grep -q .; then port="$p"; break; fi
done
TESTATA_HOST=127.0.0.1 "$work/app/testata" serve --port "$port" --data "$work/data" >"$work/testata.log" 2>&1 &
pid=$!
for _ in $(seq 1 600); do
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && grep -q "demo publication: pictures" "$work/testata.log" && break
  kill -0 "$pid" 2>/dev/null || { log "the server stopped"; exit 1; }
  sleep 0.2
done
password="screenshots-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
printf '%s\n%s\n' "$password" "$password" | "$work/app/testata" user add --data "$work/data" \
  --email redazione@example.org --name "Chiara Lo Presti" --role admin >/dev/null
cp "$here/scripts/screenshots.mjs" "$mods/screenshots.mjs"   # beside its node_modules, so the import resolves
node "$mods/screenshots.mjs" "http://127.0.0.1:$port" redazione@example.org "$password" "$OUT"
