#!/usr/bin/env bash
# Fetches the page validators the test suite uses, from the npm registry, into .cache/validators (ignored by git):
#   vnu-jar   the Nu Html Checker (vnu.jar, run offline with the JDK)
#   axe-core  the accessibility engine injected into headless Chromium
# Safe to run again: does nothing when both are there. Exits 0 with a message when npm is missing or the
# registry cannot be reached (the validator tests then skip and say why).
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="$here/.cache/validators"
VNU_VERSION=26.9.27
AXE_VERSION=4.14.1
if [ -f "$dir/node_modules/vnu-jar/build/dist/vnu.jar" ] && [ -f "$dir/node_modules/axe-core/axe.min.js" ]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "fetch-validators: npm is missing; the validator tests will be skipped" >&2
  exit 0
fi
mkdir -p "$dir"
[ -f "$dir/package.json" ] || echo '{"name":"testata-validators","private":true}' > "$dir/package.json"
echo "fetch-validators: installing vnu-jar@$VNU_VERSION and axe-core@$AXE_VERSION into $dir" >&2
if ! npm install --prefix "$dir" --no-audit --no-fund --no-save --ignore-scripts --loglevel=error --fetch-timeout=60000 --fetch-retries=1 \
    "vnu-jar@$VNU_VERSION" "axe-core@$AXE_VERSION" >&2; then
  echo "fetch-validators: npm install failed; the validator tests will be skipped" >&2
fi
exit 0
