#!/usr/bin/env bash
# Runs every Slipway test: installs what the tests need, builds, runs the suite, prints "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"

scripts/install-test-deps.sh

results=$(mktemp -d)
# The tests run the CLI as a process thousands of times: a ReadyToRun build of it (the same code, compiled ahead of time)
# spares each run the JIT. Elsewhere than linux-x64 the tests run the build beside them.
if [ "$(uname -sm)" = "Linux x86_64" ]; then
  if ! out=$(dotnet publish src/Slipway.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -p:PublishAot=false -o "$results/cli" 2>&1); then
    echo "$out"; exit 1
  fi
  export SLIPWAY_TEST_CLI="$results/cli/slipway.dll"
fi
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
