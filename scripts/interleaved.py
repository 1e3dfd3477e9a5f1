#!/usr/bin/env python3
"""Ratios that drift less than one hyperfine run's: rounds of hyperfine, each running every
command a few times, and each command's median over the rounds' medians. The first command is
the floor the others are divided by.

    scripts/interleaved.py ROUNDS RUNS 'cat data/roles.yaml' 'target/release/roles show po' ...
"""
import json
import statistics
import subprocess
import sys
import tempfile

rounds, runs, commands = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
medians = {command: [] for command in commands}
with tempfile.NamedTemporaryFile(suffix=".json") as export:
    for _ in range(rounds):
        subprocess.run(
            ["hyperfine", "-N", "--warmup", "5", "--runs", runs,
             "--export-json", export.name, *commands],
            check=True, capture_output=True)
        with open(export.name) as results:
            for result in json.load(results)["results"]:
                medians[result["command"]].append(statistics.median(result["times"]) * 1e6)
floor = statistics.median(medians[commands[0]])
for command in commands:
    median = statistics.median(medians[command])
    low, high = min(medians[command]), max(medians[command])
    print(f"{median:7.0f} µs  {median / floor:5.2f}×  (rounds {low:.0f}–{high:.0f})  {command}")
