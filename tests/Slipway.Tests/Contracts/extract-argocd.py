#!/usr/bin/env python3
"""Copies GET /api/v1/applications/{name} (ApplicationService_Get) from Argo CD's assets/swagger.json, verbatim, with
every definition it references ($refs kept). Usage: python3 extract-argocd.py swagger.json > argocd-applications.swagger.json"""
import json
import sys

source = json.load(open(sys.argv[1]))
operation = source["paths"]["/api/v1/applications/{name}"]["get"]
definitions = {}


def walk(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                name = value.split("/")[-1]
                if name not in definitions:
                    definitions[name] = source["definitions"][name]
                    walk(definitions[name])
            else:
                walk(value)
    elif isinstance(node, list):
        for value in node:
            walk(value)


walk(operation)
subset = {
    "swagger": source["swagger"],
    "info": source["info"],
    "consumes": source.get("consumes", ["application/json"]),
    "produces": source.get("produces", ["application/json"]),
    "paths": {"/api/v1/applications/{name}": {"get": operation}},
    "definitions": dict(sorted(definitions.items())),
}
json.dump(subset, sys.stdout, indent=2)
sys.stdout.write("\n")
