#!/usr/bin/env bash
# bench/run.sh — Slipway against the git floor and the tools people use today, on the synthetic repositories.
#
#   bench/run.sh [table] [memory] [startup] [dashboard] [monorepo]     (no argument: the first three)
#
#   table    one hyperfine run per repository, every tool side by side: the git floor, `slipway version`,
#            `slipway plan`, MinVer, GitVersion, git-cliff (range changelog and --bumped-version);
#            prints mean wall time, CPU time, and both as a ratio of the floor; then the floor, `slipway version` and
#            `slipway plan` again, interleaved round by round (bench/interleave.py): the figures the targets are judged on.
#   memory   peak RSS (/usr/bin/time -v) and private memory at exit (RssAnon) of slipway on 20k / 200k commits and on
#            10,000 tags, beside git log of the same range.
#   startup  the same binary built three ways: framework-dependent JIT, ReadyToRun, Native AOT.
#   dashboard  `metrics` and `status --html` on a 50,000-record ledger (BENCH_LEDGER) in the 200,000-commit repository,
#            interleaved with the floor: git log (hashes and commit times) of the span the deployments cover.
#   monorepo `plan` with 50 packages on 200,000 commits (bench/make-monorepo.py), interleaved with the floor:
#            git for-each-ref + git log --format=%H --name-only <oldest of the packages' latest tags>..HEAD.
#
# Environment: BENCH_TIMEOUT (s, default 300) — a peer slower than that on its probe run is reported as
# "did not finish" and left out of the timed run; BENCH_HYPERFINE (default "--min-runs 3 --max-runs 40");
# BENCH_ROUNDS (default 40): rounds of the interleaved floor/version/plan comparison that the targets are judged on.
# Not part of test.sh or CI: benchmarks are measured by hand (results in bench/results/, gitignored).
set -euo pipefail
shopt -s inherit_errexit   # a failed publish inside $(...) stops the run

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
generator="$root/../shared/bench/make-synthetic-repo.sh"
repos="$here/.repos"      # cached synthetic repositories (gitignored), reused across runs
tools="$here/.tools"      # MinVer, GitVersion, git-cliff (gitignored)
build="$here/.tools/slipway"
results="$here/results/$(date -u +%Y%m%dT%H%M%SZ)"
timeout_s=${BENCH_TIMEOUT:-300}
read -r -a hyperfine_runs <<< "${BENCH_HYPERFINE:---min-runs 3 --max-runs 40}"
interleave_rounds=${BENCH_ROUNDS:-40}

minver_version=8.0.0
gitversion_version=6.8.2
gitcliff_version=2.14.2

log() { printf '\n== %s\n' "$*" >&2; }

install_tools() {
  local missing=()
  command -v hyperfine >/dev/null || missing+=(hyperfine)
  [ -x /usr/bin/time ] || missing+=(time)
  if [ ${#missing[@]} -gt 0 ]; then
    log "apt-get install ${missing[*]}"
    apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  mkdir -p "$tools"
  if [ ! -x "$tools/minver/minver" ]; then
    log "minver-cli $minver_version"
    dotnet tool install minver-cli --version "$minver_version" --tool-path "$tools/minver" >/dev/null
  fi
  gitversion_dll="$tools/nuget/gitversion.msbuild/$gitversion_version/tools/net10.0/gitversion.dll"
  if [ ! -f "$gitversion_dll" ]; then
    # gitversion.dll ships inside the GitVersion.MsBuild package: restore a throwaway project to fetch it.
    log "GitVersion.MsBuild $gitversion_version"
    mkdir -p "$tools/gv"
    echo '<Project />' > "$tools/gv/Directory.Build.props"      # keep the repository's settings out
    echo '<Project />' > "$tools/gv/Directory.Packages.props"
    cat > "$tools/gv/gv.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
  <ItemGroup><PackageReference Include="GitVersion.MsBuild" Version="$gitversion_version" /></ItemGroup>
</Project>
EOF
    dotnet restore "$tools/gv/gv.csproj" --packages "$tools/nuget" >/dev/null
  fi
  if [ ! -x "$tools/gc/node_modules/.bin/git-cliff" ]; then
    log "git-cliff $gitcliff_version"
    npm install --silent --prefix "$tools/gc" "git-cliff@$gitcliff_version" >/dev/null
  fi
  gitcliff="$tools/gc/node_modules/.bin/git-cliff"
}

# synthetic NAME COMMITS TAG_EVERY MODE: builds once into .repos/NAME (via a temporary name, so a broken run is not cached).
synthetic() {
  local name=$1
  if [ ! -d "$repos/$name" ]; then
    log "generating $name"
    mkdir -p "$repos"
    rm -rf "$repos/$name.tmp"
    "$generator" "$repos/$name.tmp" "$2" "$3" "$4" >&2
    mv "$repos/$name.tmp" "$repos/$name"
  fi
  echo "$repos/$name"
}

# publish KIND ARGS...: slipway built once per run, into .tools/slipway/KIND.
publish() {
  local kind=$1; shift
  log "publishing slipway ($kind)"
  rm -rf "${build:?}/$kind"
  dotnet publish "$root/src/Slipway.Cli" -c Release -o "$build/$kind" -v quiet -nologo "$@" >&2
  echo "$build/$kind/slipway"
}

# probe NAME COMMAND: one run with a timeout; prints the seconds, or "DNF" when it did not finish in time.
probe() {
  local start end status
  start=$(date +%s.%N)
  set +e
  timeout "$timeout_s" sh -c "$2" >/dev/null 2>&1
  status=$?
  set -e
  end=$(date +%s.%N)
  if [ $status -eq 124 ]; then echo DNF; elif [ $status -ne 0 ]; then echo "FAIL($status)"; else awk -v a="$start" -v b="$end" 'BEGIN{printf "%.2f", b-a}'; fi
}

# table ID TITLE DIR
table() {
  local id=$1 name=$2 dir=$3 last floor
  cd "$dir"
  last=$(git describe --tags --abbrev=0 --match 'v[0-9]*' HEAD)
  floor="git for-each-ref refs/tags; git log '--format=%H%x00%s%x00%b' $last..HEAD"
  local names=(floor "slipway version" "slipway plan" MinVer GitVersion "git-cliff $last..HEAD" "git-cliff --bumped-version")
  local commands=("$floor" "$slipway version" "$slipway plan" "$tools/minver/minver --tag-prefix v"
    "dotnet $gitversion_dll /nocache /nofetch" "$gitcliff $last..HEAD" "$gitcliff --bumped-version")
  local args=() dnf=() i p
  log "$name: probing each command once (timeout ${timeout_s}s); last version tag $last"
  for i in "${!names[@]}"; do
    p=$(probe "${names[$i]}" "${commands[$i]}")
    echo "   ${names[$i]}: ${p}s" >&2
    case $p in
      DNF) dnf+=("${names[$i]}") ;;
      FAIL*) echo "bench: '${commands[$i]}' failed in $dir" >&2; exit 1 ;;
      *) args+=(-n "${names[$i]}" "${commands[$i]}") ;;
    esac
  done
  log "$name: hyperfine"
  hyperfine --style basic "${hyperfine_runs[@]}" --export-json "$results/$id.json" "${args[@]}" >"$results/$id.hyperfine.txt"
  python3 - "$results/$id.json" "$name" "$timeout_s" "${dnf[@]}" <<'PY' | tee -a "$results/summary.md"
import json, sys
path, repo, limit, dnf = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
rows = json.load(open(path))["results"]
floor = rows[0]
fw, fc = floor["mean"], floor["user"] + floor["system"]
print(f"\n### {repo}\n")
print("| command | mean wall | ± | CPU (user+sys) | wall / floor | CPU / floor | runs |")
print("|---|---:|---:|---:|---:|---:|---:|")
for r in rows:
    cpu = r["user"] + r["system"]
    print(f"| {r['command']} | {r['mean']*1000:.1f} ms | {r['stddev']*1000:.1f} | {cpu*1000:.1f} ms | "
          f"{r['mean']/fw:.2f}x | {cpu/fc:.2f}x | {len(r['times'])} |")
for name in dnf:
    print(f"| {name} | did not finish in {limit} s | | | > {float(limit)/fw:.0f}x | | 1 |")
PY
  # The targets are judged here: floor and slipway interleaved round by round (bench/interleave.py), no shell in between,
  # so a load that drifts during the run weighs on every command alike.
  local split=("git for-each-ref refs/tags ; git log --format=%H%x00%s%x00%b $last..HEAD")
  local extra=()
  if git rev-parse --verify --quiet side/experiment >/dev/null; then
    # git's own proof that the unmerged branch is not in HEAD's history: the walk slipway version must do too.
    extra=("git merge-base HEAD side/experiment (git's own reachability walk)" "git merge-base HEAD side/experiment")
  fi
  log "$name: interleaved ($interleave_rounds rounds)"
  {
    echo; echo "#### $name: slipway against the floor, interleaved"; echo
    python3 "$here/interleave.py" --rounds "$interleave_rounds" --json "$results/$id.interleaved.json" \
      floor "${split[0]}" "slipway version" "$slipway version" "slipway plan" "$slipway plan" "${extra[@]}"
  } | tee -a "$results/summary.md"
  cd - >/dev/null
}

# dashboard: `metrics` and `status --html` on a ledger of 50,000 records (bench/make-ledger.py) in the 200,000-commit
# repository, against the floor: git log of the span the deployments cover (the first deployed version to the last), with
# the commit times the lead time needs.
dashboard() {
  local repo dir first last records=${BENCH_LEDGER:-50000}
  repo=$(synthetic default-200000-500 200000 500 default)
  dir="$repos/dashboard-200000-500-$records"
  if [ ! -d "$dir/app" ]; then
    log "dashboard: a clone of default-200000-500 and a remote whose ledger has $records records"
    rm -rf "$dir" && mkdir -p "$dir"
    git clone -q "$repo" "$dir/app"
    git init -q --bare "$dir/remote.git"
    git -C "$dir/app" remote set-url origin "$dir/remote.git"
    printf 'environments:\n  staging:\n    helm: { release: app, chart: ./chart }\n  production:\n    helm: { release: app, chart: ./chart }\n    requires: { promoted_from: staging }\n' \
      > "$dir/app/slipway.yml"
    python3 "$here/make-ledger.py" "$repo" "$records" > "$dir/ledger.jsonl"
    local blob tree commit
    blob=$(git -C "$dir/remote.git" hash-object -w "$dir/ledger.jsonl")
    tree=$(printf '100644 blob %s\tledger.jsonl\n' "$blob" | git -C "$dir/remote.git" mktree)
    commit=$(git -C "$dir/remote.git" commit-tree "$tree" -m "bench ledger")
    git -C "$dir/remote.git" update-ref refs/slipway/ledger "$commit"
  fi
  cd "$dir/app"
  first=$(git tag --sort=v:refname -l 'v*' | head -n 1)
  last=$(git tag --sort=v:refname -l 'v*' | tail -n 1)
  local window=(--since 2019-01-01 --until 2021-01-01)
  log "dashboard: interleaved ($interleave_rounds rounds); the deployments span $first..$last"
  {
    echo; echo "#### dashboard: $records ledger records, 200,000 commits; floor: git log of the deployed span $first..$last"; echo
    python3 "$here/interleave.py" --rounds "$interleave_rounds" --json "$results/dashboard.interleaved.json" \
      floor "git for-each-ref refs/tags ; git log --format=%H%x00%ct $first..$last" \
      "slipway metrics production" "$slipway metrics production ${window[*]}" \
      "slipway status --html" "$slipway status --html $dir/status.html" \
      "slipway metrics --html" "$slipway metrics production ${window[*]} --html $dir/metrics.html"
  } | tee -a "$results/summary.md"
  cd - >/dev/null
}

memory() {
  log "peak memory (max RSS) and private memory at exit"
  local preload="$tools/rss-at-exit.so"
  gcc -shared -fPIC -O2 -o "$preload" "$here/rss-at-exit.c"
  {
    echo; echo "### memory: max RSS (/usr/bin/time -v) · private memory at exit (RssAnon, bench/rss-at-exit.c)"; echo
    echo "Max RSS counts the pages of the pack and pack index that a command maps and touches (git maps them too); the"
    echo "private memory is the process's own (heap, stacks), what grows with what it holds."; echo
    echo "| repository | slipway version | slipway plan | git log of the range (floor) |"
    echo "|---|---:|---:|---:|"
    local spec name c t m dir last v p g
    for spec in "default-20000-500 20000 500 default" "default-200000-500 200000 500 default" "many-tags - - many-tags"; do
      read -r name c t m <<< "$spec"
      dir=$(synthetic "$name" "$c" "$t" "$m")
      last=$(git -C "$dir" describe --tags --abbrev=0 --match 'v[0-9]*' HEAD)
      # One line per process at its exit; the command's own is the last (its git children exit before it).
      rss() {
        local out; out=$(mktemp)
        local max; max=$(cd "$dir" && /usr/bin/time -v env RSS_AT_EXIT="$out" LD_PRELOAD="$preload" "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident/ {printf "%.1f MB", $2/1024}')
        printf '%s · %s' "$max" "$(tail -n 1 "$out" | awk '{printf "%.1f MB", $2/1024}')"
        rm -f "$out"
      }
      v=$(rss "$slipway" version); p=$(rss "$slipway" plan)
      g=$(rss git log '--format=%H%x00%s%x00%b' "$last..HEAD")
      echo "| $name ($(git -C "$dir" rev-list --count HEAD) commits, $(git -C "$dir" tag | wc -l) tags) | $v | $p | $g |"
    done
  } | tee -a "$results/summary.md"
}

startup() {
  local jit r2r dir
  jit=$(publish jit -p:PublishAot=false)
  r2r=$(publish r2r -r linux-x64 --self-contained false -p:PublishAot=false -p:PublishReadyToRun=true)
  dir=$(synthetic default-200000-500 200000 500 default)
  log "start-up: JIT vs ReadyToRun vs Native AOT"
  cd "$dir"
  hyperfine --style basic "${hyperfine_runs[@]}" -w 3 --export-json "$results/startup.json" \
    -n "JIT --version" "$jit --version" -n "ReadyToRun --version" "$r2r --version" -n "Native AOT --version" "$slipway --version" \
    -n "JIT version" "$jit version" -n "ReadyToRun version" "$r2r version" -n "Native AOT version" "$slipway version" \
    >"$results/startup.hyperfine.txt"
  cd - >/dev/null
  python3 - "$results/startup.json" <<'PY' | tee -a "$results/summary.md"
import json, sys
rows = json.load(open(sys.argv[1]))["results"]
print("\n### start-up (200,000-commit repository)\n")
print("| build | mean wall | ± | CPU (user+sys) |")
print("|---|---:|---:|---:|")
for r in rows:
    print(f"| {r['command']} | {r['mean']*1000:.1f} ms | {r['stddev']*1000:.1f} | {(r['user']+r['system'])*1000:.1f} ms |")
PY
}

parts=("$@")
# monorepo: `plan` for all 50 packages against the floor: the tags, and git log --name-only from the oldest of the
# packages' latest tags (the range every package's commits are in).
monorepo() {
  local dir="$repos/monorepo-200000-50" oldest
  if [ ! -d "$dir/.git" ]; then
    log "monorepo: 200,000 commits, 50 packages"
    rm -rf "$dir"
    python3 "$here/make-monorepo.py" "$dir" 200000 50 4000 > /dev/null
  fi
  cd "$dir"
  oldest=$(for k in $(seq -w 0 49); do git describe --tags --abbrev=0 --match "p$k-v*" HEAD; done | while read -r t; do echo "$(git rev-list --count "$t") $t"; done | sort -n | head -n 1 | cut -d' ' -f2)
  log "monorepo: interleaved ($interleave_rounds rounds); floor from $oldest"
  {
    echo; echo "#### monorepo: 200,000 commits, 50 packages; floor: git log --name-only $oldest..HEAD"; echo
    python3 "$here/interleave.py" --rounds "$interleave_rounds" --json "$results/monorepo.interleaved.json" \
      floor "git for-each-ref refs/tags ; git log --format=%H --name-only $oldest..HEAD" \
      "slipway plan" "$slipway plan"
  } | tee -a "$results/summary.md"
  cd - >/dev/null
}

[ ${#parts[@]} -gt 0 ] || parts=(table memory startup)
mkdir -p "$results"
install_tools
slipway=$(publish aot -r linux-x64 -p:PublishAot=true)
{
  echo "# bench $(date -u +%Y-%m-%dT%H:%MZ): bench/run.sh ${parts[*]}"
  echo "slipway $("$slipway" --version); $(git --version); $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$results/summary.md"
for part in "${parts[@]}"; do
  case $part in
    table)
      table default "default: 200,000 commits, a tag every 500" "$(synthetic default-200000-500 200000 500 default)"
      table many-tags "many-tags: 12,000 commits, 12,060 tags (10,000 versions on main, 30 higher on an unmerged branch)" \
        "$(synthetic many-tags - - many-tags)" ;;
    memory) memory ;;
    startup) startup ;;
    dashboard) dashboard ;;
    monorepo) monorepo ;;
    *) echo "usage: $0 [table] [memory] [startup] [dashboard] [monorepo]" >&2; exit 2 ;;
  esac
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$results/summary.md"
log "results in $results/summary.md"
