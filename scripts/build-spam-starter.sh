#!/usr/bin/env bash
# Rebuilds the starter spam model that ships in the jar from the labelled public corpora in ../shared/data/spam
# (their sources and licences are in the README beside them; the corpora themselves are not copied here).
set -euo pipefail
cd "$(dirname "$0")/.."
corpora=${SPAM_CORPORA:-../shared/data/spam}
if [ ! -d "$corpora" ]; then
  echo "build-spam-starter: no corpora at $corpora (set SPAM_CORPORA)" >&2
  exit 2
fi
mkdir -p src/main/resources/spam
./testata spam-starter --min-count "${MIN_COUNT:-3}" --out src/main/resources/spam/starter.bin.gz "$corpora"/*.tsv
