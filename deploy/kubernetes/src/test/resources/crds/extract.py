#!/usr/bin/env python3
"""Extracts one version's openAPIV3Schema from a CustomResourceDefinition (YAML on standard input)
and writes it as JSON on standard output, without the `description` keywords (they do not take
part in validation and make up most of the size). Usage: extract.py <version> < crd.yaml > out.json

A property that happens to be called "description" (a key of a `properties` map) is kept.
"""
import json
import sys

import yaml


def strip(node, in_properties=False):
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == "description" and not in_properties:
                continue
            out[key] = strip(value, in_properties=(key == "properties" and not in_properties))
        return out
    if isinstance(node, list):
        return [strip(item) for item in node]
    return node


def main():
    version = sys.argv[1]
    crd = yaml.safe_load(sys.stdin)
    for served in crd["spec"]["versions"]:
        if served["name"] == version:
            schema = strip(served["schema"]["openAPIV3Schema"])
            document = {
                "group": crd["spec"]["group"],
                "kind": crd["spec"]["names"]["kind"],
                "version": version,
                "openAPIV3Schema": schema,
            }
            json.dump(document, sys.stdout, indent=1, sort_keys=True)
            sys.stdout.write("\n")
            return
    sys.exit("version " + version + " not in the CRD")


main()
