#!/usr/bin/env bash
# scripts/kill-release.sh — kill `slipway release auto --yes` at random moments, then run the same command again, and check
# that the release is finished every time (issue 22). By hand, not in CI: the kill moments are random times, so each run
# differs; the suite's kill matrix (tests/Slipway.Tests/Signals) puts kills at exact points instead.
#
#   scripts/kill-release.sh [RUNS]        (default 200)
#
# Each run: a repository with CHANGELOG.md and two bump_files and a feat and a fix to release, a bare remote over file://
# (every other run: one whose pre-receive hook refuses half the pushes), `release auto --yes` started in its own process
# group, SIGINT, SIGTERM or SIGKILL sent after a random delay to the process or to its whole group; then, once whatever the
# kill left running has ended, the same command again (again while the remote refuses, at most 30 times: each refuses with odds 1/2, so 8 tries still failed about once in 256 runs). Checked after:
# one release commit on the fix, the annotated tag on it with the whole message, the remote's main and tag the same as the
# clone's, one 0.2.0 section in CHANGELOG.md, 0.2.0 in both files, a clean tree, no lock file, no temporary file; and, for
# SIGINT/SIGTERM, exit 130/143 with one line naming the step (or 0 when the release was finished), nothing left behind.
#
# Environment: SLIPWAY (default: dotnet src/Slipway.Cli/bin/Release/net10.0/slipway.dll, build it first), SEED (RANDOM's
# seed, default: the time). Prints one line per run and the count; keeps the failed runs' folders under $TMPDIR.
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-200}
slipway=${SLIPWAY:-dotnet $root/src/Slipway.Cli/bin/Release/net10.0/slipway.dll}
seed=${SEED:-$(date +%s)}
RANDOM=$seed
work=$(mktemp -d "${TMPDIR:-/tmp}/slipway-kills.XXXXXX")
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null GIT_AUTHOR_NAME=Kill GIT_AUTHOR_EMAIL=kill@example.com \
  GIT_COMMITTER_NAME=Kill GIT_COMMITTER_EMAIL=kill@example.com GIT_TERMINAL_PROMPT=0 NO_COLOR=1 LC_ALL=C.UTF-8

# make_repo DIR: the repository to release (DIR) and its remote (DIR.git); prints the expected tag message's file.
make_repo() {
  local d=$1
  git init -q --bare -b main "$d.git" && git init -q -b main "$d" || return 1
  (
    cd "$d" || exit 1
    git config commit.gpgsign false && git config tag.gpgsign false
    printf 'changelog:\n  file: CHANGELOG.md\nbump_files:\n  - { path: package.json, key: version }\n  - { path: helm/app/Chart.yaml, key: appVersion }\n' > slipway.yml
    mkdir -p helm/app src
    printf '{\n  "name": "app",\n  "version": "0.1.0"\n}\n' > package.json
    printf 'apiVersion: v2\nname: app\nversion: 0.1.0\nappVersion: "0.1.0"\n' > helm/app/Chart.yaml
    printf '# Changelog\n' > CHANGELOG.md
    git add -A && git commit -qm "feat: the first release" && git tag -a v0.1.0 -m "Release v0.1.0"
    git remote add origin "file://$d.git" && git push -q origin main --tags
    echo a > src/report.txt && git add -A && git commit -qm "feat: export the report as CSV"
    echo b >> src/report.txt && git add -A && git commit -qm "fix: keep the header row"
    printf 'Release v0.2.0\n\n- fix: keep the header row (%s)\n- feat: export the report as CSV (%s)\n' \
      "$(git rev-parse HEAD | cut -c1-7)" "$(git rev-parse HEAD~1 | cut -c1-7)" > "$d.expected"
  )
}

# refuse_half DIR.git: a pre-receive hook that refuses every other push at random.
refuse_half() {
  printf '#!/bin/sh\n[ $(od -An -N1 -tu1 /dev/urandom) -lt 128 ] && { echo "refused at random (kill-release.sh)" >&2; exit 1; }\nexit 0\n' > "$1/hooks/pre-receive"
  chmod +x "$1/hooks/pre-receive"
}

# busy DIRS...: true while a process works in one of the folders (what a kill of slipway alone leaves running).
busy() {
  local p cwd dir
  for p in /proc/[0-9]*; do
    cwd=$(readlink "$p/cwd" 2>/dev/null) || continue
    for dir in "$@"; do [[ $cwd == "$dir" || $cwd == "$dir"/* ]] && return 0; done
  done
  return 1
}

# check DIR: every promise of a finished release; prints what is wrong, returns 1 if anything is.
check() {
  local d=$1 problems=() head
  cd "$d" || return 1
  head=$(git rev-parse HEAD)
  [ "$(git log -1 --format=%s)" = "chore(release): v0.2.0" ] || problems+=("HEAD is not the release commit")
  [ "$(git log -1 --format=%s HEAD~1)" = "fix: keep the header row" ] || problems+=("not one release commit on the fix")
  [ "$(git cat-file -t v0.2.0 2>/dev/null)" = tag ] || problems+=("v0.2.0 is not an annotated tag")
  [ "$(git rev-parse 'v0.2.0^{commit}' 2>/dev/null)" = "$head" ] || problems+=("v0.2.0 is not on HEAD")
  diff -q <(git for-each-ref --format='%(contents)' refs/tags/v0.2.0) <(cat "$d.expected"; echo) >/dev/null || problems+=("the tag message is not the release's")
  [ "$(git --git-dir="$d.git" rev-parse refs/heads/main)" = "$head" ] || problems+=("the remote's main differs")
  [ "$(git --git-dir="$d.git" rev-parse refs/tags/v0.2.0 2>/dev/null)" = "$(git rev-parse refs/tags/v0.2.0)" ] || problems+=("the remote's tag differs")
  [ "$(grep -c '^## \[0.2.0\]' CHANGELOG.md)" = 1 ] || problems+=("not one 0.2.0 section")
  grep -q '"version": "0.2.0"' package.json || problems+=("package.json")
  grep -q 'appVersion: "0.2.0"' helm/app/Chart.yaml || problems+=("Chart.yaml")
  [ -z "$(git status --porcelain --untracked-files=all)" ] || problems+=("the tree is not clean: $(git status --porcelain --untracked-files=all | head -3 | tr '\n' ' ')")
  left=$(find .git "$d.git" -name '*.lock' ! -name 'next-index-*' | head -3)
  [ -z "$left" ] || problems+=("locks left: $left")
  cd - >/dev/null || true
  [ ${#problems[@]} -eq 0 ] && return 0
  printf '%s; ' "${problems[@]}"
  return 1
}

# Calibration: how long one release takes here, so that the kills land all over it.
make_repo "$work/calibrate" >/dev/null || { echo "kill-release: cannot build a repository" >&2; exit 1; }
start=$(date +%s%N)
(cd "$work/calibrate" && $slipway release auto --yes >/dev/null 2>&1) || { echo "kill-release: an uninterrupted release failed" >&2; exit 1; }
span_ms=$(( ($(date +%s%N) - start) / 1000000 ))
check "$work/calibrate" >/dev/null || { echo "kill-release: the check fails on an uninterrupted release" >&2; exit 1; }
echo "kill-release: a release takes ${span_ms} ms here; kills land in 0..$((span_ms * 11 / 10)) ms; SEED=$seed"

finished=0; broken=0
signals=(INT TERM KILL)
for ((i = 1; i <= runs; i++)); do
  d="$work/run$i"
  make_repo "$d" || { echo "run $i: cannot build the repository"; broken=$((broken + 1)); continue; }
  refusing=$((i % 2 == 0))
  [ $refusing = 1 ] && refuse_half "$d.git"
  signal=${signals[RANDOM % 3]}
  group=$((RANDOM % 2))
  delay_ms=$((RANDOM % (span_ms * 11 / 10 + 1)))

  (cd "$d" && exec setsid $slipway release auto --yes >"$d.out" 2>"$d.err") &
  pid=$!
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  if [ $group = 1 ]; then kill -s "$signal" -- "-$pid" 2>/dev/null; else kill -s "$signal" "$pid" 2>/dev/null; fi
  wait "$pid" 2>/dev/null; code=$?
  for _ in $(seq 1 600); do busy "$d" "$d.git" || break; sleep 0.1; done

  problem=""
  if [ "$signal" != KILL ] && [ $code -ne 0 ]; then
    expected=$([ "$signal" = INT ] && echo 130 || echo 143)
    last=$(tail -n 1 "$d.err")
    if [ $code -eq "$expected" ] && [ ! -s "$d.err" ]; then
      : # the signal came before slipway had started (the runtime's default: it ended, having done nothing)
    elif [ $code -eq "$expected" ]; then
      [[ $last =~ ^slipway:\ cancelled\ at\ step\ [a-z]+\;\ run\ the\ same\ command\ to\ finish$ ]] || problem="exit $code without the one line: $last"
    elif [ $code -eq 1 ] && [[ $last == *refused* ]]; then
      : # the remote refused before the signal was handled: an ordinary failure, finished by the same command
    else
      problem="SIG$signal ended it with exit $code: $last"
    fi
    temporary=$(find "$d" -name '*.slipway-*.tmp' -not -path '*/.git/*' | head -1)
    [ -z "$temporary" ] || problem="$problem; a temporary file left by SIG$signal: $temporary"
  fi

  tries=0
  while :; do
    tries=$((tries + 1))
    (cd "$d" && $slipway release auto --yes >"$d.rerun.out" 2>"$d.rerun.err"); rerun=$?
    [ $rerun -eq 0 ] && break
    if [ $refusing = 1 ] && [ $tries -lt 30 ] && grep -q refused "$d.rerun.err"; then continue; fi
    problem="$problem; the same command again: exit $rerun: $(tail -n 1 "$d.rerun.err")"
    break
  done

  if [ -z "$problem" ] && why=$(check "$d"); then
    finished=$((finished + 1))
    printf 'run %3d: SIG%-4s to the %-7s after %5d ms%s: exit %3d, finished by %d more run(s)\n' "$i" "$signal" \
      "$([ $group = 1 ] && echo group || echo process)" "$delay_ms" "$([ $refusing = 1 ] && echo ', remote refusing half' || echo '')" "$code" "$tries"
    rm -rf "$d" "$d.git" "$d".*
  else
    broken=$((broken + 1))
    printf 'run %3d: SIG%-4s to the %-7s after %5d ms%s: NOT FINISHED: %s%s (kept in %s)\n' "$i" "$signal" \
      "$([ $group = 1 ] && echo group || echo process)" "$delay_ms" "$([ $refusing = 1 ] && echo ', remote refusing half' || echo '')" "$problem" "${why:-}" "$d"
  fi
  why=""
done

echo "kill-release: $finished of $runs killed releases finished by the same command, $broken not"
[ $broken -eq 0 ] && rm -rf "$work"
[ $broken -eq 0 ]
