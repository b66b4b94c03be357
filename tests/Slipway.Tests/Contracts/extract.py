# Extracts the GitHub operations Slipway uses, one subset per contract file, from @octokit/openapi's
# generated/api.github.com.json, verbatim with every component they reference; drops only example/examples values and
# x-octokit markers.
# usage: python3 extract.py pulls PATH/TO/api.github.com.json > github-pulls.openapi.json
#        python3 extract.py deployments PATH/TO/api.github.com.json > ../Deployments/contract/github-deployments.openapi.json
#        python3 extract.py checks PATH/TO/api.github.com.json > github-checks.openapi.json
import json, sys
SUBSETS = {
    "pulls": ("GitHub REST API: pull requests and labels subset used by Slipway (ci release-pr)", [
        ("/repos/{owner}/{repo}/pulls", "get"),
        ("/repos/{owner}/{repo}/pulls", "post"),
        ("/repos/{owner}/{repo}/pulls/{pull_number}", "patch"),
        ("/repos/{owner}/{repo}/issues/{issue_number}/labels", "post"),
        ("/repos/{owner}/{repo}/issues/{issue_number}/labels", "put"),
    ]),
    "checks": ("GitHub REST API: commit checks, statuses, a commit's pull requests and their reviews, as Slipway's release gates read them", [
        ("/repos/{owner}/{repo}/commits/{ref}/check-runs", "get"),
        ("/repos/{owner}/{repo}/commits/{ref}/status", "get"),
        ("/repos/{owner}/{repo}/commits/{commit_sha}/pulls", "get"),
        ("/repos/{owner}/{repo}/pulls/{pull_number}/reviews", "get"),
    ]),
    "deployments": ("GitHub REST API: Deployments subset used by Slipway", [
        ("/repos/{owner}/{repo}/deployments", "get"),
        ("/repos/{owner}/{repo}/deployments", "post"),
        ("/repos/{owner}/{repo}/deployments/{deployment_id}/statuses", "get"),
        ("/repos/{owner}/{repo}/deployments/{deployment_id}/statuses", "post"),
    ]),
}
title, wanted = SUBSETS[sys.argv[1]]
src = json.load(open(sys.argv[2]))
def clean(node):
    if isinstance(node, dict):
        return {k: clean(v) for k, v in node.items() if k not in ("example", "examples") and not k.startswith("x-octokit")}
    if isinstance(node, list):
        return [clean(v) for v in node]
    return node
paths = {}
for path, method in wanted:
    paths.setdefault(path, {})[method] = clean(src["paths"][path][method])
components, todo, seen = {}, [], set()
def refs(node):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "$ref" and isinstance(v, str):
                yield v
            else:
                yield from refs(v)
    elif isinstance(node, list):
        for v in node:
            yield from refs(v)
todo.extend(refs(paths))
while todo:
    ref = todo.pop()
    if ref in seen:
        continue
    seen.add(ref)
    _, _, kind, name = ref.split("/", 3)
    item = clean(src["components"][kind][name])
    components.setdefault(kind, {})[name] = item
    todo.extend(refs(item))
out = {
    "openapi": src["openapi"],
    "info": {"title": title, "version": src["info"]["version"],
             "description": "Extracted from npm @octokit/openapi 23.0.2 generated/api.github.com.json by extract.py (see README.md)"},
    "servers": src.get("servers", [{"url": "https://api.github.com"}]),
    "paths": paths,
    "components": {k: dict(sorted(v.items())) for k, v in sorted(components.items())},
}
json.dump(out, sys.stdout, indent=2, sort_keys=False)
print()
