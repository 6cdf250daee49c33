#!/bin/sh
# Load on `commend serve` (not a test): one-subject POST /v1/evaluate with wrk,
# then whole-phase evaluations of the 30k sample with the server's memory
# sampled. Usage: Scripts/bench-serve.sh COMMEND   (a release build)
# Options by environment: DURATION (wrk, default 20s), CONNECTIONS (16),
# REQUESTS (whole-phase requests, 1000), CONCURRENCY (4).
set -eu
COMMEND=$1
OUT=.bench-data
mkdir -p $OUT
"$COMMEND" serve --rules rules --data examples/bac-kan-2021 --port 0 --max-queue 1000 >$OUT/serve.out 2>/dev/null &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT INT TERM
until grep -q '^listening on ' $OUT/serve.out; do kill -0 $SERVER; sleep 0.1; done
BASE=$(sed -n 's/^listening on //p' $OUT/serve.out | head -n 1)
echo "== one subject, inline data: wrk -t2 -c${CONNECTIONS:-16} -d${DURATION:-20s} --latency"
wrk -t2 -c"${CONNECTIONS:-16}" -d"${DURATION:-20s}" --latency -s Benchmarks/Serve/one-subject.lua "$BASE/v1/evaluate"
echo "== whole phase of the served 30k sample"
python3 Benchmarks/Serve/whole-phase.py "$BASE" $SERVER --requests "${REQUESTS:-1000}" --concurrency "${CONCURRENCY:-4}"
