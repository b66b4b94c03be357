#!/usr/bin/env python3
"""bench/make-monorepo.py DIR [COMMITS] [PACKAGES] [TAG_EVERY]

A deterministic monorepo for `slipway plan` with packages: COMMITS commits on main (default 200,000), PACKAGES packages
(default 50) under packages/pNN with slipway.yml listing them, each commit changing one file (nine in ten in one
package, the rest at the root or in the shared proto/ every package counts), and a tag pNN-vX.Y.0 on each package every
TAG_EVERY commits (default 4,000), the packages' tags staggered; HEAD is never tagged. Prints the oldest of the
packages' latest tags: the floor is `git log --format=%H --name-only <that tag>..HEAD`.
"""
import os
import subprocess
import sys

directory = sys.argv[1]
commits = int(sys.argv[2]) if len(sys.argv) > 2 else 200_000
packages = int(sys.argv[3]) if len(sys.argv) > 3 else 50
tag_every = int(sys.argv[4]) if len(sys.argv) > 4 else 4_000
EPOCH = 1577836800
TYPES = ["feat", "fix", "fix", "chore", "docs", "refactor", "perf", "test"]

os.makedirs(directory, exist_ok=True)
subprocess.run(["git", "init", "-q", "-b", "main", directory], check=True)
subprocess.run(["git", "-C", directory, "config", "gc.auto", "0"], check=True)
importer = subprocess.Popen(["git", "-C", directory, "fast-import", "--quiet", "--done"], stdin=subprocess.PIPE)
out = importer.stdin
state = 88172645463325252
latest = {}


def rand(n):
    global state
    state ^= (state << 13) & 0xFFFFFFFFFFFFFFFF
    state ^= state >> 7
    state ^= (state << 17) & 0xFFFFFFFFFFFFFFFF
    return state % n


def data(text):
    raw = text.encode()
    out.write(b"data %d\n" % len(raw) + raw + b"\n")


config = "versioning:\n  bump: conventional\npackages:\n" + "".join(
    f"  - {{ name: p{k:02d}, path: packages/p{k:02d}, also_paths: [proto], changelog: false }}\n" for k in range(packages))
tags = {k: 0 for k in range(packages)}
for n in range(1, commits + 1):
    out.write(b"commit refs/heads/main\nmark :%d\n" % n)
    out.write(b"committer Bench <bench@example.com> %d +0000\n" % (EPOCH + 60 * n))
    where = rand(100)
    package = rand(packages)
    kind = TYPES[rand(len(TYPES))]
    if n == 1:
        data("chore: the monorepo")
        out.write(b"M 100644 inline slipway.yml\n")
        data(config)
        for k in range(packages):
            out.write(b"M 100644 inline packages/p%02d/src.txt\n" % k)
            data("0\n")
        out.write(b"M 100644 inline proto/api.proto\n")
        data("0\n")
        continue
    path = f"packages/p{package:02d}/src.txt" if where < 90 else ("proto/api.proto" if where < 92 else "README.md")
    scope = f"p{package:02d}" if where < 90 else "repo"
    data(f"{kind}({scope}): change {n}")
    out.write(f"M 100644 inline {path}\n".encode())
    data(f"{n}\n")
    # Each package is tagged every tag_every commits, the packages staggered across that span.
    if n < commits and n % (tag_every // packages or 1) == 0:
        k = (n // (tag_every // packages or 1)) % packages
        tags[k] += 1
        name = f"p{k:02d}-v1.{tags[k]}.0"
        out.write(f"reset refs/tags/{name}\nfrom :{n}\n\n".encode())
        latest[k] = (n, name)
out.write(b"done\n")
out.close()
if importer.wait() != 0:
    sys.exit("git fast-import failed")
subprocess.run(["git", "-C", directory, "pack-refs", "--all"], check=True)
subprocess.run(["git", "-C", directory, "checkout", "-q", "-f", "main"], check=True)
print(min(latest.values())[1] if len(latest) == packages else "")
