#!/usr/bin/env python3
"""Writes a deployment ledger (ledger.jsonl, the format of src/Slipway.Adapters/Ledger/LedgerJson.cs) for a repository's tags.

    bench/make-ledger.py REPO RECORDS > ledger.jsonl

Every version tag of REPO (oldest first) is deployed to staging and promoted to production, an hour and two after its
commit, then deployed again and again until RECORDS lines are written: each attempt is two lines (`unknown` when it starts,
its outcome when it ends, as Slipway writes them); one staging deploy in 7 fails, one production promotion in 9 fails and
is retried, one version in 10 is rolled back in production to the previous one; the last version is redeployed to staging until the
ledger has RECORDS lines. Deterministic (no randomness): the same
repository gives the same ledger.
"""
import json
import subprocess
import sys
from datetime import datetime, timedelta, timezone


def tags(repo):
    """(version, commit, commit time) of each version tag, oldest version first."""
    peeled = "%(if)%(*objectname)%(then)%(*objectname) %(*committerdate:unix)%(else)%(objectname) %(committerdate:unix)%(end)"
    out = subprocess.run(["git", "-C", repo, "for-each-ref", "--sort=v:refname", f"--format=%(refname:strip=2) {peeled}", "refs/tags/v*"],
                         check=True, capture_output=True, text=True).stdout
    rows = []
    for line in out.splitlines():
        name, commit, when = line.split(" ")
        rows.append((name[1:], commit, int(when)))
    return rows


def main():
    repo, wanted = sys.argv[1], int(sys.argv[2])
    versions = tags(repo)
    per_version = max(1, int(wanted / (2.3 * len(versions))))  # attempts per version; the last version fills what is left
    written = 0
    serial = 0

    def emit(env, version, commit, action, outcome, at, **extra):
        nonlocal written, serial
        serial += 1
        rid = f"{serial:016x}"
        stamp = lambda t: datetime.fromtimestamp(t, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        base = {"schema": 1, "id": rid, "environment": env, "version": version, "action": action}
        for o, t in (("unknown", at), (outcome, at + 120)):
            if written >= wanted:
                return
            line = dict(base, outcome=o, at=stamp(t), actor="Bench <bench@example.com>", commit=commit, **extra, forced=False)
            sys.stdout.write(json.dumps(line, separators=(",", ":")) + "\n")
            written += 1

    previous = None
    for index, (version, commit, when) in enumerate(versions):
        at = when + 3600
        for attempt in range(per_version):
            if attempt % 2 == 0:
                outcome = "failed" if (index + attempt) % 7 == 3 else "succeeded"
                emit("staging", version, commit, "deploy", outcome, at)
            else:
                if (index + attempt) % 9 == 4:
                    emit("production", version, commit, "promote", "failed", at, **{"from": "staging", "detail": "helm: timed out"})
                    at += 600
                emit("production", version, commit, "promote", "succeeded", at, **{"from": "staging"})
            at += 900
        if previous is not None and index % 10 == 5:
            emit("production", version, commit, "rollback", "rolled_back", at, reason="error rate", detail=f"rolled back to {previous[0]}")
            emit("production", previous[0], previous[1], "rollback", "succeeded", at + 60, reason="error rate")
        previous = (version, commit)
        if written >= wanted:
            break
    while written < wanted:
        at += 900
        emit("staging", previous[0], previous[1], "deploy", "succeeded", at)
    sys.stderr.write(f"make-ledger: {written} lines, {len(versions)} versions\n")


main()
