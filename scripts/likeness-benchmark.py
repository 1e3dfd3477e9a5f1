#!/usr/bin/env python3
"""How well `roles similar` finds related occupations, judged by O*NET's own Related Occupations
list (the field's expert judgement), with that file withheld from the import so it cannot be an
input. Beside it, the simple baselines on the same files.

    ONET=../shared/onet scripts/likeness-benchmark.py [--seeds 1,2,3] [--sample 100]

Needs the O*NET 29.3 Excel folder and python3-openpyxl (apt-get install python3-openpyxl).
Reports, per seed and on average: precision of the top 10 (share of them O*NET lists as
related), recall of O*NET's Primary-Short tier in the top 10, and the mean reciprocal rank of
the first related occupation.
"""

import argparse
import json
import math
import os
import random
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parent.parent


def related_list(folder):
    book = openpyxl.load_workbook(folder / "Related Occupations.xlsx", read_only=True)
    rows = book.worksheets[0].iter_rows(values_only=True)
    header = next(rows)
    related = {}
    for row in rows:
        cell = dict(zip(header, row))
        related.setdefault(cell["O*NET-SOC Code"], []).append(
            (cell["Related O*NET-SOC Code"], cell["Relatedness Tier"])
        )
    return related


def import_without_related(roles, folder, work, keep_related=False):
    withheld = work / "onet"
    withheld.mkdir()
    for entry in folder.iterdir():
        if keep_related or entry.name != "Related Occupations.xlsx":
            (withheld / entry.name).symlink_to(entry)
    out = work / "onet.json"
    subprocess.run(
        [roles, "import", "onet", str(withheld), "--format", "json", "-o", str(out)],
        check=True,
        stderr=subprocess.DEVNULL,
    )
    return out


def score(ranked, truth, short):
    precision = sum(code in truth for code in ranked) / 10
    reciprocal = next((1 / (i + 1) for i, code in enumerate(ranked) if code in truth), 0)
    recall = len(short & set(ranked)) / len(short) if short else None
    return precision, reciprocal, recall


def summarise(results):
    recalls = [r[2] for r in results if r[2] is not None]
    return (
        sum(r[0] for r in results) / len(results),
        sum(r[1] for r in results) / len(results),
        sum(recalls) / len(recalls) if recalls else float("nan"),
    )


def roles_similar(roles, data, code, cache):
    env = dict(os.environ, XDG_CACHE_HOME=str(cache))
    env.pop("ROLES_NO_CACHE", None)
    out = subprocess.run(
        [roles, "--no-builtin", "--data", str(data), "similar", code, "--format", "json"],
        check=True,
        capture_output=True,
        env=env,
    ).stdout
    return [other["role"]["id"] for other in json.loads(out)["others"]][:10]


STOP = set("the and for with from that this into their such other all any may using use used "
           "including are its of to in a an as by on at be is or".split())


def words(text):
    out = []
    for word in re.findall(r"[a-z0-9]+", text.lower()):
        if len(word) < 3 or word in STOP:
            continue
        if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        out.append(word)
    return out


def unit(vector):
    norm = math.sqrt(sum(x * x for x in vector.values()))
    return {k: x / norm for k, x in vector.items()} if norm else {}


def cosine(a, b):
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(k, 0) for k, x in a.items())


def baselines(dataset):
    """TF-IDF of task text, and cosine of skill (and knowledge) importances."""
    roles = dataset["roles"]
    docs = {
        r["id"]: Counter(words(" ".join([r["summary"]["text"]] + [d["text"] for d in r["duties"]])))
        for r in roles
    }
    df = Counter()
    for counts in docs.values():
        df.update(counts.keys())
    n = len(docs)
    tfidf = {
        k: unit({t: (1 + math.log(c)) * math.log(n / df[t]) for t, c in counts.items()})
        for k, counts in docs.items()
    }
    def rated(role, knowledge):
        return unit({
            s["skill"]: s.get("importance") or 0
            for s in role["skills"]
            if knowledge or not s["skill"].startswith("onet-knowledge-")
        })
    skills = {r["id"]: rated(r, False) for r in roles}
    both = {r["id"]: rated(r, True) for r in roles}
    return {
        "TF-IDF of task text": lambda a, b: cosine(tfidf[a], tfidf[b]),
        "cosine of skill importances": lambda a, b: cosine(skills[a], skills[b]),
        "cosine of skill and knowledge importances": lambda a, b: cosine(both[a], both[b]),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", default="1,2,3")
    parser.add_argument("--sample", type=int, default=100)
    parser.add_argument("--roles", default=str(ROOT / "target/release/roles"))
    parser.add_argument(
        "--with-related",
        action="store_true",
        help="import Related Occupations too (the answer key becomes an input: an upper check)",
    )
    args = parser.parse_args()
    folder = Path(os.environ.get("ONET", ROOT.parent / "shared/onet")).resolve() / "onet-29.3-excel"
    if not (folder / "Related Occupations.xlsx").exists():
        sys.exit(f"{folder}: no O*NET 29.3 Excel folder here (set ONET=…)")
    related = related_list(folder)
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        data = import_without_related(args.roles, folder, work, args.with_related)
        dataset = json.loads(data.read_text())
        code_of = {r["id"]: r["aliases"][0] for r in dataset["roles"]}
        id_of = {code: rid for rid, code in code_of.items()}
        methods = baselines(dataset)
        codes = sorted(c for c in related if c in id_of)
        table = {}
        for seed in [int(s) for s in args.seeds.split(",")]:
            sample = random.Random(seed).sample(codes, args.sample)
            runs = {"roles similar": []}
            runs.update({name: [] for name in methods})
            for code in sample:
                truth = {c for c, _ in related[code]}
                short = {c for c, tier in related[code] if tier == "Primary-Short"}
                mine = [code_of[r] for r in roles_similar(args.roles, data, code, work / "cache")]
                runs["roles similar"].append(score(mine, truth, short))
                others = [rid for rid in code_of if rid != id_of[code]]
                for name, similarity in methods.items():
                    ranked = sorted(others, key=lambda o: (-similarity(id_of[code], o), o))[:10]
                    runs[name].append(score([code_of[r] for r in ranked], truth, short))
            for name, results in runs.items():
                table.setdefault(name, []).append(summarise(results))
        withheld = "imported" if args.with_related else "withheld"
        print(f"Related Occupations {withheld}; {args.sample} occupations per seed, seeds {args.seeds}")
        print("| method | top-10 precision | Primary-Short recall | MRR | precision by seed |")
        print("|---|---:|---:|---:|---|")
        for name, rows in table.items():
            mean = [sum(r[i] for r in rows) / len(rows) for i in range(3)]
            spread = ", ".join(f"{r[0]:.3f}" for r in rows)
            print(f"| {name} | {mean[0]:.3f} | {mean[2]:.3f} | {mean[1]:.3f} | {spread} |")


if __name__ == "__main__":
    main()
