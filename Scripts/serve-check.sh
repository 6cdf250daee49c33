#!/bin/sh
# Starts `commend serve` on the sample plan, opens the ranking page in headless
# Chromium, and fails unless the ranking table and a subject's explanation are
# in the page and nothing was reported as an error (the page reports script
# errors in #errors; Chromium's own log is searched for console errors too).
# Usage: Scripts/serve-check.sh COMMEND [OUTDIR]   (screenshot: OUTDIR/serve-check.png)
set -eu
COMMEND=$1
OUT=${2:-.serve-check}
PHASE=${PHASE:-dot2}
DECL=${DECL:-xep-loai-cdcs}
SUBJECT=${SUBJECT:-CD00001}
mkdir -p "$OUT"
CHROMIUM=$(command -v chromium || command -v chromium-browser)

"$COMMEND" serve --rules rules --data examples/bac-kan-2021 --port 0 >"$OUT/serve.out" 2>"$OUT/serve.log" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT INT TERM
i=0
until grep -q '^listening on ' "$OUT/serve.out"; do
  kill -0 $SERVER 2>/dev/null || { cat "$OUT/serve.log"; echo "serve-check: the server did not start"; exit 1; }
  i=$((i + 1)); [ $i -lt 600 ] || { echo "serve-check: no address after 60 s"; exit 1; }
  sleep 0.1
done
BASE=$(sed -n 's/^listening on //p' "$OUT/serve.out" | head -n 1)
URL="$BASE/?phase=$PHASE&decl=$DECL&subject=$SUBJECT"
echo "serve-check: $URL"

# --virtual-time-budget lets the page's requests finish before the DOM is taken.
FLAGS="--headless --no-sandbox --disable-gpu --no-first-run --hide-scrollbars --virtual-time-budget=120000 --enable-logging=stderr --v=0"
$CHROMIUM $FLAGS --dump-dom "$URL" >"$OUT/page.html" 2>"$OUT/chromium.log"
$CHROMIUM $FLAGS --window-size=1400,1100 --screenshot="$OUT/serve-check.png" "$URL" >/dev/null 2>>"$OUT/chromium.log"

fail=0
grep -q '<table class="ranking"' "$OUT/page.html" || { echo "serve-check: no ranking table in the page"; fail=1; }
grep -q "<tr data-subject=\"$SUBJECT\"" "$OUT/page.html" || { echo "serve-check: $SUBJECT is not in the ranking"; fail=1; }
grep -q "data-explained=\"$SUBJECT\"" "$OUT/page.html" || { echo "serve-check: no explanation of $SUBJECT"; fail=1; }
grep -q '<ul class="items"><li' "$OUT/page.html" || { echo "serve-check: the explanation has no items"; fail=1; }
if grep -q '<pre id="errors">' "$OUT/page.html"; then
  echo "serve-check: the page reported errors:"; sed -n 's/.*<pre id="errors">\(.*\)/\1/p' "$OUT/page.html"; fail=1
fi
if grep -E 'CONSOLE|Uncaught' "$OUT/chromium.log"; then echo "serve-check: console messages above"; fail=1; fi
[ -s "$OUT/serve-check.png" ] || { echo "serve-check: no screenshot"; fail=1; }
[ $fail = 0 ] && echo "serve-check: ranking table and explanation present, no console errors; screenshot $OUT/serve-check.png"
exit $fail
