#!/usr/bin/env bash
# scripts/pack-tool.sh [OUTDIR]: the .NET tool packages, Native AOT per RID with a framework-dependent fallback.
#   Slipway.<v>.nupkg            pointer package (what `dotnet tool install Slipway` resolves)
#   Slipway.linux-x64.<v>.nupkg  Native AOT binary (needs clang/gcc and zlib headers on the build machine)
#   Slipway.any.<v>.nupkg        framework-dependent, for every other platform
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/artifacts}
project="$root/src/Slipway.Cli"
dotnet pack "$project" -c Release -o "$out"
dotnet pack "$project" -c Release -o "$out" -r linux-x64
dotnet pack "$project" -c Release -o "$out" -r any -p:PublishAot=false
ls -1 "$out"/*.nupkg
