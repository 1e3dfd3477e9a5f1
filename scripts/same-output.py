#!/usr/bin/env python3
"""Do two builds of roles print the same bytes? For a refactor that must change no output.

    scripts/same-output.py OLD NEW [--onet DIR] [--tests] [--keep DIR] [--jobs N]

Runs every command for every built-in role and pair, in every format, at 40, 80 and 120 columns,
with colour on and off; the same on the O*NET fixture import (tests/fixtures/onet) and, with
--onet, a sample on the full import; every subcommand's help, the completion scripts, completion
requests, the manual page, and a list of bad invocations and bad files (their errors). Each case's
stdout, stderr and exit status are compared; differences are listed and the exit status is 1.

With --tests, `cargo test` also runs with ROLES_TEST_BINARY set to a wrapper that runs every
command line of the test suite through both builds (same arguments, same standard input) and
records where they differ; the suite sees NEW's output. Runs on a terminal go to NEW alone, and
tests/single_read.rs (inputs that change while they are read) is left out.

OLD and NEW are paths to built binaries (copy target/release/roles aside before a change).
"""

import argparse
import concurrent.futures
import difflib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
BUILTIN = ["product-owner", "product-manager", "delivery-lead", "delivery-manager", "project-manager"]
FORMATS = ["table", "json", "csv", "markdown", "yaml", "text"]
WIDTHS = ["40", "80", "120"]
COLOURS = ["never", "always"]


def pairs(ids):
    return [[a, b] for a in ids for b in ids if a != b]


def role_commands(ids, data):
    """Every data command over these roles: (arguments, varies by format)."""
    cases = [["list"], ["list", "product"], ["salary", "--all"], ["salary", "--all", "--sort", "low"],
             ["salary", "--all", "--sort", "role"], ["skills"], ["matrix"], ["matrix"] + ids[:3],
             ["search", "roadmap"], ["search", "po"], ["search", "stakeholder", "--partial"],
             ["search", "budget", "--role", ids[0]], ["search", "team", "--section", "duties,skills"],
             ["search", "zzzzqq"],
             ["who", "roadmap"], ["who", "budget"], ["who", "backlog"], ["who", "roadmaps"],
             ["who", "user", "stories"], ["who", "roadmap", "--role", ids[0]], ["who", "qqqzzz"],
             ["match", "--skill", "agile", "--skill", "stakeholders"],
             ["match", "--skill", "communication,negotiation", "--limit", "0"],
             ["compare"] + ids, ["compare", "--only", "skills,salary"] + ids[:2],
             ["show", "product", "owner"], ["show", "PO"], ["compare", "product", "owner", "product", "manager"]]
    for role in ids:
        cases += [["show", role], ["show", role, "--only", "duties,salary"], ["salary", role],
                  ["similar", role], ["similar", role, "--limit", "0"]]
    for a, b in pairs(ids):
        cases += [["compare", a, b], ["compare", a, b, "--full"], ["gap", a, b]]
    return [data + case for case in cases]


def onet_commands(data, ids):
    cases = [["show", i] for i in ids] + [
        ["list"], ["salary", "--all"], ["skills"], ["search", "project"], ["who", "budget"],
        ["compare", "project-manager", "13-1082.00"], ["compare", "project-manager", "13-1082.00", "--full"],
        ["gap", "project-manager", "13-1082.00"], ["gap", "13-1082.00", "product-owner"],
        ["similar", "product-owner"], ["similar", ids[0]], ["show", "program", "manager"],
        ["match", "--skill", "agile", "--skill", "negotiation"], ["matrix"]]
    return [data + case for case in cases]


def tooling_commands():
    cases = [["--help"], ["-h"], ["--version"], ["man"], ["help"]]
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"]:
        cases.append(["completions", shell])
    for sub in ["list", "show", "compare", "salary", "search", "similar", "gap", "match", "who",
                "matrix", "skills", "validate", "export", "import", "completions", "man"]:
        cases += [[sub, "--help"], [sub, "-h"]]
    cases += [["import", "onet", "--help"]]
    return cases


def error_commands(work):
    broken = str(FIXTURES / "broken.yaml")
    bomb = str(FIXTURES / "alias-bomb-dataset-shaped.yaml")
    bad = work / "bad"
    bad.mkdir(exist_ok=True)
    files = {
        "empty.yaml": "", "tab.yaml": "roles:\n\t- id: x\n", "notmap.yaml": "- 1\n- 2\n",
        "json.json": '{"roles": [}', "unknown.yaml": "roles:\n  - id: x\n    name: X\n    bogus: 1\n",
        "dup.yaml": "roles: []\nroles: []\n", "binary.yaml": "\x00\x01\x02",
        "flow.yaml": "{roles: []}\n",
    }
    for name, text in files.items():
        (bad / name).write_text(text)
    cases = [["show", "nonexistent"], ["show", "product", "ownr"], ["compare", "product-owner"],
             ["gap", "product-owner"], ["gap", "a", "b", "c"], ["salary"], ["similar", "zzz"],
             ["match", "--skill", "nonsense"], ["match"], ["bogus"], ["--color", "bogus", "list"],
             ["--format", "pdf", "list"], ["--format", "csv", "export"], ["--format", "csv", "import", "onet", "x"],
             ["--data", "x.yaml", "man"], ["--no-builtin", "list"], ["--data", "/nonexistent.yaml", "list"],
             ["--data", broken, "list"], ["--data", bomb, "list"], ["validate", broken], ["validate", bomb],
             ["validate", str(FIXTURES / "tech-lead.yaml")], ["validate", str(FIXTURES / "cjk.yaml")],
             ["validate", "/nonexistent.yaml"], ["import", "onet", "/nonexistent"],
             ["show", "\x1b[31mred"], ["show", "a" * 500], ["who"], ["search"],
             ["--data", str(FIXTURES / "tech-lead.yaml"), "compare", "tech-lead", "delivery-lead"],
             ["--data", str(FIXTURES / "cjk.yaml"), "list"]]
    for name in files:
        cases += [["--data", str(bad / name), "list"], ["validate", str(bad / name)]]
    return cases


def completion_requests(data):
    """Completion requests as the bash script makes them: (environment, arguments)."""
    requests = []
    for line in [["show", ""], ["show", "pro"], ["show", "P"], ["compare", "product-owner", "d"],
                 ["match", "--skill", ""], ["match", "--skill", "ne"], ["--format", ""], [""], ["sh"]]:
        words = ["roles"] + data + line
        env = {"COMPLETE": "bash", "_CLAP_COMPLETE_INDEX": str(len(words) - 1),
               "_CLAP_COMPLETE_COMP_TYPE": "9", "_CLAP_COMPLETE_SPACE": "true"}
        requests.append((env, ["--"] + words))
    return requests


def expand(commands, formats=FORMATS, widths=WIDTHS, colours=COLOURS):
    for args in commands:
        for fmt in formats:
            for width in widths:
                for colour in colours:
                    yield ({"COLUMNS": width}, ["--color", colour, "--format", fmt] + args)


def run(binary, env_extra, args, work, stdin=b""):
    env = {k: v for k, v in os.environ.items()
           if k not in ("NO_COLOR", "ROLES_DATA", "ROLES_NO_CACHE", "ROLES_PAGER", "PAGER", "COLUMNS")}
    env.update({"XDG_CACHE_HOME": str(work / ("cache-" + binary.parent.name)), "HOME": str(work)})
    env.update(env_extra)
    done = subprocess.run([str(binary)] + args, input=stdin, capture_output=True, env=env,
                          cwd=work, timeout=120)
    return done.returncode, done.stdout, done.stderr


def show_difference(label, old, new):
    lines = [f"--- {label}"]
    if old[0] != new[0]:
        lines.append(f"exit status {old[0]} → {new[0]}")
    for name, a, b in [("stdout", old[1], new[1]), ("stderr", old[2], new[2])]:
        if a != b:
            diff = difflib.unified_diff(a.decode(errors="replace").splitlines(),
                                        b.decode(errors="replace").splitlines(), "old " + name,
                                        "new " + name, lineterm="", n=1)
            lines += list(diff)[:30]
    return "\n".join(lines)


WRAPPER = r'''#!/usr/bin/env python3
import json, os, subprocess, sys
old, new, log = (os.environ[k] for k in ("SAME_OUTPUT_OLD", "SAME_OUTPUT_NEW", "SAME_OUTPUT_LOG"))
args = sys.argv[1:]
if any(os.isatty(fd) for fd in (0, 1, 2)):
    os.execv(new, [new] + args)
stdin = sys.stdin.buffer.read()
runs = [subprocess.run([path] + args, input=stdin, capture_output=True) for path in (old, new)]
a, b = ((r.returncode, r.stdout, r.stderr) for r in runs)
if a != b:
    with open(log, "a") as file:
        file.write(json.dumps({"args": args, "old": [a[0], a[1].decode(errors="replace"), a[2].decode(errors="replace")],
                               "new": [b[0], b[1].decode(errors="replace"), b[2].decode(errors="replace")]}) + "\n")
try:
    sys.stdout.buffer.write(b[1]); sys.stdout.flush()
    sys.stderr.buffer.write(b[2]); sys.stderr.flush()
except BrokenPipeError:
    os._exit(0)
sys.exit(b[0] if b[0] >= 0 else 128 - b[0])
'''


def through_the_tests(binaries, work):
    """Runs `cargo test` with every command line going through both builds; the differences."""
    wrap = work / "wrap"
    wrap.mkdir(exist_ok=True)
    (wrap / "roles").write_text(WRAPPER)
    (wrap / "roles").chmod(0o755)
    log = work / "tests.log"
    log.write_text("")
    env = dict(os.environ, ROLES_TEST_BINARY=str(wrap / "roles"), SAME_OUTPUT_OLD=str(binaries["old"]),
               SAME_OUTPUT_NEW=str(binaries["new"]), SAME_OUTPUT_LOG=str(log))
    # single_read's tests change files and pipes while they are read, so two runs of one command
    # line cannot see the same input; they run on NEW alone, in the ordinary `cargo test`.
    targets = [arg for test in sorted((ROOT / "tests").glob("*.rs")) if test.stem != "single_read"
               for arg in ("--test", test.stem)]
    suite = subprocess.run(["cargo", "test", "--quiet"] + targets, cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
                           capture_output=True, text=True)
    print("cargo test through both builds:", "passed" if suite.returncode == 0 else "FAILED")
    if suite.returncode != 0:
        print(suite.stdout[-3000:])
    differences = []
    for line in log.read_text().splitlines():
        record = json.loads(line)
        differences.append(show_difference("test suite: roles " + " ".join(record["args"]),
                                           [record["old"][0]] + [t.encode() for t in record["old"][1:]],
                                           [record["new"][0]] + [t.encode() for t in record["new"][1:]]))
    return differences


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("--onet", type=Path, help="the O*NET folder of ../shared/onet, for a sample on the full import")
    parser.add_argument("--tests", action="store_true", help="also run the test suite's command lines through both")
    parser.add_argument("--keep", type=Path, help="keep the work folder here")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    options = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="same-output-")) if not options.keep else options.keep
    work.mkdir(parents=True, exist_ok=True)
    binaries = {}
    for side, path in [("old", options.old), ("new", options.new)]:
        (work / side).mkdir(exist_ok=True)
        binaries[side] = work / side / "roles"
        shutil.copy2(path, binaries[side])

    # The fixture import, by each binary: the imported files must agree too.
    onet = FIXTURES / "onet"
    import_args = ["import", "onet", str(onet / "excel-29.3"), "--wages",
                   str(onet / "oews-2024" / "national_M2024_dl.xlsx"), "-o"]
    imported = {}
    for side, binary in binaries.items():
        target = work / f"onet-{side}.yaml"
        imported[side] = run(binary, {}, import_args + [str(target)], work)
        imported[side] = (imported[side][0], target.read_bytes() if target.exists() else b"",
                          imported[side][2].replace(str(target).encode(), b"TARGET"))
    fixture = work / "onet-old.yaml"
    listed = run(binaries["old"], {}, ["--data", str(fixture), "--format", "json", "list"], work)[1]
    onet_ids = [role["id"] for role in json.loads(listed)["roles"] if role["id"] not in BUILTIN]

    cases = []
    cases += list(expand(role_commands(BUILTIN, [])))
    cases += list(expand(role_commands(["tech-lead"] + BUILTIN[:3], ["--data", str(FIXTURES / "tech-lead.yaml")]),
                         widths=["80"]))
    cases += list(expand(onet_commands(["--data", str(fixture)], onet_ids)))
    cases += [({"COLUMNS": w}, args) for args in tooling_commands() for w in WIDTHS]
    cases += [({"COLUMNS": "80"}, args) for args in error_commands(work)]
    cases += [({"COLUMNS": "80"}, ["--format", f, "export"]) for f in ["yaml", "json"]]
    cases += [({"COLUMNS": "80"}, ["--data", str(fixture), "--format", f, "export"]) for f in ["yaml", "json"]]
    cases += completion_requests([]) + completion_requests(["--data", str(fixture)])
    if options.onet:
        full = work / "onet-full.yaml"
        run(binaries["old"], {}, ["import", "onet", str(options.onet / "onet-29.3-excel"), "--wages",
                                  str(options.onet / "bls-oews-2024" / "national_M2024_dl.xlsx"), "-o", str(full)], work)
        sample = ["chief-executives", "web-developers", "13-1082.00", "15-1299.09", "office-clerks-general"]
        cases += list(expand(onet_commands(["--data", str(full)], sample), widths=["80"]))

    def both(case):
        env, args = case
        return case, run(binaries["old"], env, args, work), run(binaries["new"], env, args, work)

    differences = []
    if imported["old"] != imported["new"]:
        differences.append(show_difference("import of the O*NET fixture", imported["old"], imported["new"]))
    with concurrent.futures.ThreadPoolExecutor(options.jobs) as pool:
        for (env, args), old, new in pool.map(both, cases):
            if old != new:
                label = " ".join(f"{k}={v}" for k, v in env.items()) + " roles " + " ".join(args)
                differences.append(show_difference(label, old, new))
    print(f"{len(cases) + 1} cases, {len(differences)} differ")
    if options.tests:
        found = through_the_tests(binaries, work)
        print(f"test suite: {len(found)} command lines differ")
        differences += found
    for difference in differences[:40]:
        print(difference)
    if not options.keep:
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(1 if differences else 0)


if __name__ == "__main__":
    main()
