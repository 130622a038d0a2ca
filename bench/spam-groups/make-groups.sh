#!/bin/sh
# Writes the group files spam-eval --groups reads (one group name a line, one line for each comment of the corpus),
# derived from the known structure of the shared corpora (../shared/data/spam, read-only, so the groups live here):
# - youtube_pilot2014.tsv: the three videos of the pilot (tuliocasagrande/youtube-spam-experiment, data/): its
#   comments come video by video, Avengers (comments 1-200: 40 spam then 160 ham), PlayStation 4 (201-400: 20
#   spam then 180 ham) and PewDiePie (401-834, mixed), which is how the pilot's per-video files were joined.
# The SMS collection gives no group (no sender, no date); SpamAssassin's senders are 1,176 domains, too many to
# leave out one at a time: they are used whole, as cross-corpus training (spam-eval --train/--test).
# Usage: bench/spam-groups/make-groups.sh [DATA_DIR] (default $SPAM_CORPORA, else ../shared/data/spam)
set -e
here="$(cd "$(dirname "$0")" && pwd)"
data="${1:-${SPAM_CORPORA:-$here/../../../shared/data/spam}}"
[ -f "$data/youtube_pilot2014.tsv" ] || { echo "make-groups: no corpora at $data" >&2; exit 2; }
awk 'NR > 1 { n++; print (n <= 200 ? "avengers" : n <= 400 ? "playstation4" : "pewdiepie") }' \
    "$data/youtube_pilot2014.tsv" > "$here/youtube_pilot2014.groups"
wc -l "$here"/*.groups
