#!/usr/bin/env bash
# Checks the release tarball as an operator would meet it: unpacked into an empty folder outside the source
# tree, started with an empty environment (no JDK or java on PATH, no JAVA_HOME), it must serve the home page
# and /healthz. Usage: scripts/dist-check.sh [target/testata-VERSION.tar.gz]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tarball="${1:-$(ls "$root"/target/testata-*.tar.gz | head -n1)}"
dir="$(mktemp -d /tmp/testata-dist-check.XXXXXX)"
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$dir"; }
trap cleanup EXIT
tar -C "$dir" -xzf "$tarball"
home="$(ls -d "$dir"/testata-*)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
mkdir "$dir/data"
(cd "$dir" && exec env -i HOME="$dir" PATH=/nonexistent TESTATA_HOST=127.0.0.1 /bin/sh "$home/bin/testata" serve \
  --port "$port" --data "$dir/data" >"$dir/serve.log" 2>&1) &
pid=$!
for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then break; fi
  kill -0 "$pid" 2>/dev/null || { echo "dist-check: the server stopped:" >&2; cat "$dir/serve.log" >&2; exit 1; }
  sleep 0.5
done
home_page="$(curl -fsS "http://127.0.0.1:$port/")"
grep -q "Il Tessitore" <<<"$home_page" || { echo "dist-check: the home page lacks the demo site's name" >&2; exit 1; }
echo "dist-check: $(basename "$tarball") unpacked in an empty folder serves the home page without a JDK on PATH"
