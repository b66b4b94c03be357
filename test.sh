#!/usr/bin/env bash
# Runs every Slipway test: installs what the tests need, builds, runs the suite, prints "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"

scripts/install-test-deps.sh

results=$(mktemp -d)
status=0
dotnet test Slipway.slnx --configuration Release --logger "trx;LogFileName=results.trx" \
  --results-directory "$results" "$@" || status=$?

trx=$(find "$results" -name '*.trx' | head -n 1)
if [ -n "$trx" ]; then
  passed=$(grep -o 'passed="[0-9]*"' "$trx" | head -n 1 | tr -dc 0-9)
  failed=$(grep -o 'failed="[0-9]*"' "$trx" | head -n 1 | tr -dc 0-9)
  echo "tests: ${passed:-0} passed, ${failed:-0} failed"
else
  echo "tests: 0 passed, 1 failed (no test results were written)"
  status=1
fi
rm -rf "$results"
exit "$status"
