#!/usr/bin/env python3
"""How well `roles code` codes titles and job descriptions to O*NET occupations, judged by what
an analyst at O*NET filed, never by what we wrote. Beside it, the simple baselines on the same
files (and sockit, when it is installed).

    ONET=../shared/onet scripts/coding-benchmark.py [--seeds 1,2,3] [--titles 300]
                                                   [--descriptions 200] [--roles PATH]

Needs the O*NET 29.3 Excel folder, the 27.0 text folder and openpyxl (pip install openpyxl).

- Held-out titles: the Alternate Titles of 29.3 whose text (lower-cased, spaces collapsed) is
  not among 27.0's; the truth is every occupation 29.3 files the title under. Two imports of
  29.3: "fair", its Alternate Titles replaced by 27.0's rows; "none", with no Alternate Titles.
- Descriptions: occupations with 8 or more task statements; 3 tasks are withheld from the
  import (Task Statements rewritten without them) and joined as the query.
- Each scored top-1 and top-5 at the O*NET-SOC code, at 6 digits (XX-XXXX) and at the major
  group (XX). Tune on seeds 1, 2, 3; the others are for checking.
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
import time
from collections import Counter, defaultdict
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parent.parent
LEVELS = [("code", 10), ("6-digit", 7), ("major", 2)]


def sheet(path):
    book = openpyxl.load_workbook(path, read_only=True)
    rows = book.worksheets[0].iter_rows(values_only=True)
    header = list(next(rows))
    return header, [list(row) for row in rows]


def write_sheet(path, header, rows):
    book = openpyxl.Workbook(write_only=True)
    out = book.create_sheet()
    out.append(header)
    for row in rows:
        out.append(row)
    book.save(path)


def collapsed(text):
    return " ".join(str(text).lower().split())


def held_out_titles(onet29, onet27):
    header, rows = sheet(onet29 / "Alternate Titles.xlsx")
    code, title = header.index("O*NET-SOC Code"), header.index("Alternate Title")
    filed = defaultdict(set)
    for row in rows:
        filed[collapsed(row[title])].add(row[code])
    old = set()
    with open(onet27 / "Alternate Titles.txt", encoding="utf-8") as text:
        names = text.readline().rstrip("\n").split("\t")
        at = names.index("Alternate Title")
        for line in text:
            old.add(collapsed(line.rstrip("\n").split("\t")[at]))
    held = sorted(t for t in filed if t not in old)
    return held, filed


def fair_titles(onet29, onet27):
    """27.0's Alternate Titles rows in 29.3's columns, for the occupations 29.3 has."""
    header, rows = sheet(onet29 / "Occupation Data.xlsx")
    titles = {row[0]: row[1] for row in rows}
    header29, _ = sheet(onet29 / "Alternate Titles.xlsx")
    out = []
    with open(onet27 / "Alternate Titles.txt", encoding="utf-8") as text:
        names = text.readline().rstrip("\n").split("\t")
        for line in text:
            cell = dict(zip(names, line.rstrip("\n").split("\t")))
            code = cell["O*NET-SOC Code"]
            if code in titles:
                row = {"O*NET-SOC Code": code, "Title": titles[code], **cell}
                out.append([row.get(name, "") for name in header29])
    return header29, out


def import_folder(roles, source, work, name, replace=None, drop=()):
    """29.3 with some files replaced or left out, imported as JSON."""
    folder = work / name
    folder.mkdir()
    replace = replace or {}
    for entry in source.iterdir():
        if entry.name in drop:
            continue
        if entry.name in replace:
            write_sheet(folder / entry.name, *replace[entry.name])
        else:
            (folder / entry.name).symlink_to(entry)
    out = work / f"{name}.json"
    subprocess.run([roles, "import", "onet", str(folder), "--format", "json", "-o", str(out)],
                   check=True, stderr=subprocess.DEVNULL)
    return out


def roles_code(roles, data, queries, work):
    batch = work / "queries.txt"
    batch.write_text("".join(q.replace("\n", " ") + "\n" for q in queries), encoding="utf-8")
    env = dict(os.environ, XDG_CACHE_HOME=str(work / "cache"))
    env.pop("ROLES_NO_CACHE", None)
    started = time.monotonic()
    out = subprocess.run([roles, "--no-builtin", "--data", str(data), "code", "--batch",
                          str(batch), "--format", "json", "--limit", "5"],
                         check=True, capture_output=True, env=env, text=True).stdout
    seconds = time.monotonic() - started
    records = [json.loads(line) for line in out.splitlines()]
    return [[c["id"] for c in r["candidates"]] for r in records], [r["clear"] for r in records]


def clear_line(name, clears, ranked_codes, truths):
    """How often the verdict is "clear", and how often a clear first code is right (6 digits)."""
    clear = [(r, t) for c, r, t in zip(clears, ranked_codes, truths) if c]
    right = sum(bool(r) and r[0][:7] in {c[:7] for c in t} for r, t in clear)
    share = len(clear) / len(truths)
    precision = right / len(clear) if clear else float("nan")
    return f"{name}: clear for {share:.0%} of the texts; the first code right (6 digits) for {precision:.0%} of those"


def words(text):
    out = []
    for word in re.findall(r"[a-z0-9]+", text.lower()):
        if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        out.append(word)
    return out


def trigrams(text):
    text = " " + " ".join(re.findall(r"[a-z0-9]+", text.lower())) + " "
    return {text[i:i + 3] for i in range(len(text) - 2)}


class Baselines:
    """Nearest title by character trigrams, and TF-IDF of title, description and tasks."""

    def __init__(self, dataset):
        self.ids = [r["id"] for r in dataset["roles"]]
        self.titles = []
        for r in dataset["roles"]:
            for title in [r["name"]] + [a for a in r.get("aliases", []) if re.search("[A-Za-z]", a)]:
                self.titles.append((r["id"], trigrams(title)))
        self.grams = defaultdict(list)
        for at, (_, grams) in enumerate(self.titles):
            for gram in grams:
                self.grams[gram].append(at)
        docs = {r["id"]: Counter(words(" ".join([r["name"], r["summary"]["text"]]
                                               + [d["text"] for d in r.get("duties", [])])))
                for r in dataset["roles"]}
        df = Counter()
        for counts in docs.values():
            df.update(counts.keys())
        self.n = len(docs)
        self.idf = {w: math.log(self.n / c) for w, c in df.items()}
        self.vectors = {k: self.unit({w: (1 + math.log(c)) * self.idf[w] for w, c in counts.items()})
                        for k, counts in docs.items()}
        self.postings = defaultdict(list)
        for k, vector in self.vectors.items():
            for w, x in vector.items():
                self.postings[w].append((k, x))

    @staticmethod
    def unit(vector):
        norm = math.sqrt(sum(x * x for x in vector.values()))
        return {k: x / norm for k, x in vector.items()} if norm else {}

    def nearest_title(self, query):
        grams = trigrams(query)
        shared = Counter()
        for gram in grams:
            for at in self.grams.get(gram, ()):
                shared[at] += 1
        best = {}
        for at, common in shared.items():
            rid, theirs = self.titles[at]
            score = common / (len(grams) + len(theirs) - common)
            best[rid] = max(best.get(rid, 0), score)
        return sorted(best, key=lambda r: (-best[r], r))[:5]

    def tfidf(self, query):
        vector = self.unit({w: (1 + math.log(c)) * self.idf.get(w, 0)
                            for w, c in Counter(words(query)).items()})
        scores = Counter()
        for w, x in vector.items():
            for k, y in self.postings.get(w, ()):
                scores[k] += x * y
        return sorted(scores, key=lambda r: (-scores[r], r))[:5]


def sockit_codes(queries, work):
    """sockit's top-5 SOC codes, or None where sockit is not installed (evaluation only: its
    licence is non-commercial)."""
    script = ("import json,sys\nfrom sockit.title import clean, search, sort\n"
              "for line in sys.stdin:\n"
              "    out = sort(search(clean(line.strip())))[:5]\n"
              "    print(json.dumps([r['soc'] for r in out]))\n")
    python = os.environ.get("SOCKIT_PYTHON", sys.executable)
    try:
        done = subprocess.run([python, "-c", script], input="\n".join(queries) + "\n",
                              capture_output=True, text=True, check=True)
    except (subprocess.CalledProcessError, FileNotFoundError):
        return None
    codes = []
    for line in done.stdout.splitlines():
        codes.append([str(soc)[:2] + "-" + str(soc)[2:] if "-" not in str(soc) else str(soc)
                      for soc in json.loads(line)])
    return codes


def scores(ranked_codes, truths):
    out = {}
    for level, digits in LEVELS:
        top1 = top5 = 0
        for ranked, truth in zip(ranked_codes, truths):
            truth = {c[:digits] for c in truth}
            cut = [c[:digits] for c in ranked]
            top1 += bool(cut) and cut[0] in truth
            top5 += any(c in truth for c in cut[:5])
        out[level] = (top1 / len(truths), top5 / len(truths))
    return out


def report(title, table):
    print(f"\n{title}")
    print("| method | top-1 code | top-5 code | top-1 6-digit | top-5 6-digit | top-1 major | "
          "top-5 major | top-1 6-digit by seed |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for name, runs in table.items():
        mean = {level: tuple(sum(r[level][i] for r in runs) / len(runs) for i in range(2))
                for level, _ in LEVELS}
        spread = ", ".join(f"{r['6-digit'][0]:.3f}" for r in runs)
        cells = " | ".join(f"{mean[level][0]:.3f} | {mean[level][1]:.3f}" for level, _ in LEVELS)
        print(f"| {name} | {cells} | {spread} |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", default="1,2,3")
    parser.add_argument("--titles", type=int, default=300)
    parser.add_argument("--descriptions", type=int, default=200)
    parser.add_argument("--roles", default=str(ROOT / "target/release/roles"))
    parser.add_argument("--only", choices=["titles", "descriptions"])
    args = parser.parse_args()
    onet = Path(os.environ.get("ONET", ROOT.parent / "shared/onet")).resolve()
    onet29, onet27 = onet / "onet-29.3-excel", onet / "onet-27.0-text"
    seeds = [int(s) for s in args.seeds.split(",")]
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        if args.only != "descriptions":
            held, filed = held_out_titles(onet29, onet27)
            print(f"{len(held)} held-out titles; {args.titles} a seed, seeds {args.seeds}")
            fair = import_folder(args.roles, onet29, work, "fair",
                                 replace={"Alternate Titles.xlsx": fair_titles(onet29, onet27)})
            none = import_folder(args.roles, onet29, work, "none", drop={"Alternate Titles.xlsx"})
            for name, data in [("fair", fair), ("none", none)]:
                dataset = json.loads(data.read_text())
                code_of = {r["id"]: r["aliases"][0] for r in dataset["roles"]}
                baselines = Baselines(dataset)
                table = defaultdict(list)
                verdicts = []
                for seed in seeds:
                    queries = random.Random(seed).sample(held, args.titles)
                    truths = [filed[q] for q in queries]
                    mine, clears = roles_code(args.roles, data, queries, work)
                    mine = [[code_of[r] for r in m] for m in mine]
                    table["roles code"].append(scores(mine, truths))
                    verdicts.append(clear_line(f"seed {seed}", clears, mine, truths))
                    for method in ["nearest title by trigrams", "TF-IDF of title, description, tasks"]:
                        pick = baselines.nearest_title if method.startswith("nearest") else baselines.tfidf
                        ranked = [[code_of[r] for r in pick(q)] for q in queries]
                        table[method].append(scores(ranked, truths))
                    if name == "fair":
                        theirs = sockit_codes(queries, work)
                        if theirs is not None:
                            table["sockit (SOC 6-digit only)"].append(scores(theirs, truths))
                report(f"Held-out titles, {name} (Alternate Titles: "
                       f"{'27.0' if name == 'fair' else 'none'})", table)
                print("\n".join(verdicts))
        if args.only != "titles":
            descriptions(args, onet29, seeds, work)


def descriptions(args, onet29, seeds, work):
    header, rows = sheet(onet29 / "Task Statements.xlsx")
    code, task_id, task = (header.index(n) for n in ("O*NET-SOC Code", "Task ID", "Task"))
    tasks = defaultdict(list)
    for row in rows:
        tasks[row[code]].append(row)
    eligible = sorted(c for c, ts in tasks.items() if len(ts) >= 8)
    print(f"\n{len(eligible)} occupations with 8 or more tasks; {args.descriptions} a seed")
    table = defaultdict(list)
    verdicts = []
    for seed in seeds:
        chance = random.Random(seed)
        sample = chance.sample(eligible, args.descriptions)
        withheld = {c: {r[task_id] for r in chance.sample(tasks[c], 3)} for c in sample}
        kept = [r for r in rows if r[task_id] not in withheld.get(r[code], ())]
        data = import_folder(args.roles, onet29, work, f"descriptions-{seed}",
                             replace={"Task Statements.xlsx": (header, kept)})
        dataset = json.loads(data.read_text())
        code_of = {r["id"]: r["aliases"][0] for r in dataset["roles"]}
        queries = [" ".join(r[task] for r in tasks[c] if r[task_id] in withheld[c]) for c in sample]
        truths = [{c} for c in sample]
        mine, clears = roles_code(args.roles, data, queries, work)
        mine = [[code_of[r] for r in m] for m in mine]
        table["roles code"].append(scores(mine, truths))
        verdicts.append(clear_line(f"seed {seed}", clears, mine, truths))
        baselines = Baselines(dataset)
        for method, pick in [("nearest title by trigrams", baselines.nearest_title),
                             ("TF-IDF of title, description, tasks", baselines.tfidf)]:
            table[method].append(scores([[code_of[r] for r in pick(q)] for q in queries], truths))
    report("Descriptions (3 withheld task statements)", table)
    print("\n".join(verdicts))


if __name__ == "__main__":
    main()
