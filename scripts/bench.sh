#!/usr/bin/env bash
# Whole-process timings and peak memory for docs/performance.md, against issue 9's targets.
#   scripts/bench.sh            built-in data (vs cat and jq), 10,000 roles cold and warm,
#                               and every hostile file of the tests
#   scripts/bench.sh 100000     ... and 100,000 roles cold and warm (minutes, several GB)
#   scripts/bench.sh hostile    only the hostile files and inputs
#   ONET=../shared/onet scripts/bench.sh import
#                               only the O*NET import (issue 11): the full import's time and
#                               memory, then every command on the imported data, cache warm
#   scripts/bench.sh references [100000]
#                               issue 33: the built-in roles grown to 10,000 (and 100,000) with
#                               every versus and involvement partner pointing into its block,
#                               loaded cold from JSON and YAML (targets < 3 s and < 30 s)
#   ONET=../shared/onet scripts/bench.sh instant [100000]
#                               issue 21's ratios in one run: lookups on the built-in data, the
#                               O*NET import and (with 100000) 100,000 generated roles and
#                               1,000,000 tiny ones, beside
#                               their floors (cat, stat, reading the entry) and jq; whole-data
#                               commands on 10,000 roles; cold loads
# Needs hyperfine and jq (apt-get install hyperfine jq) and GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin roles --example generate
roles=$PWD/target/release/roles
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME="$work/cache"
unset ROLES_NO_CACHE ROLES_DATA

measure() {
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > /dev/null 2> "$work/stderr" || true
  read -r seconds kb < <(tail -n 1 "$work/time")
  echo "| $label | $seconds | $((kb / 1024)) |"
}

if [[ "${1:-}" == instant ]]; then
  onet=${ONET:-../shared/onet}
  "$roles" import onet "$onet/onet-29.3-excel" \
    --wages "$onet/bls-oews-2024/national_M2024_dl.xlsx" -o "$work/onet.yaml" 2> /dev/null
  "$roles" --data "$work/onet.yaml" export --format json > "$work/onet.json"
  "$roles" export --format json > "$work/builtin.json"
  "$roles" --data "$work/onet.yaml" list > /dev/null
  # A stamp is believed once the file's times are 2 s old; until then the file is read.
  sleep 3
  "$roles" --data "$work/onet.yaml" list > /dev/null
  entry=$(ls -S "$XDG_CACHE_HOME"/roles/*.msgpack | head -n 1)
  data="--data $work/onet.yaml"
  tab="env COMPLETE=bash _CLAP_COMPLETE_INDEX=4 _CLAP_COMPLETE_COMP_TYPE=9 _CLAP_COMPLETE_SPACE=true"
  echo "## Lookups beside their floors, cache warm (one hyperfine run)"
  hyperfine --warmup 5 --runs 50 -N --export-markdown "$work/instant.md" \
    "cat data/roles.yaml" \
    "$roles show product-owner" \
    "stat $work/onet.yaml" \
    "cat $work/onet.yaml" \
    "cat $entry" \
    "$roles $data show 13-1082.00" \
    "$roles $data compare project-manager 13-1082.00" \
    "$roles $data gap project-manager 13-1082.00" \
    "$roles $data list" \
    "$roles $data salary --all" \
    "$tab $roles -- roles $data show chief" \
    "$tab $roles -- roles $data show ''" \
    "jq -c '.roles[] | select(.id == \"chief-executives\")' $work/onet.json" > /dev/null
  cat "$work/instant.md"
  echo
  echo "## 10,000 generated roles: whole-data commands warm, and cold loads"
  echo "| command | seconds | peak MB |"
  echo "|---|---|---|"
  target/release/examples/generate 10000 > "$work/roles.yaml"
  ten=(--no-builtin --data "$work/roles.yaml")
  measure "cold: list (parse, validate, write the entry)" "$roles" "${ten[@]}" list
  sleep 3
  measure "first warm run (reads and hashes the file, records its stamp)" "$roles" "${ten[@]}" list
  for command in "list" "salary --all" "show role-42" "compare role-1 role-2" "search backlog" \
      "similar role-42" "export"; do
    # shellcheck disable=SC2086
    measure "$command, warm" "$roles" "${ten[@]}" $command
  done
  echo
  echo "## A hostile file, cache warm: two roles sharing 40,000 titles of several words"
  echo "| command | seconds | peak MB |"
  echo "|---|---|---|"
  "$roles" import onet tests/fixtures/onet/excel-29.3 -o "$work/fixture.yaml" 2> /dev/null
  "$roles" --no-builtin --data "$work/fixture.yaml" export --format json \
    | jq '.roles[0].aliases += [range(0;40000) | "shared title \(.)"]
          | .roles[1].aliases += [range(0;40000) | "shared title \(.)"]' > "$work/titles.json"
  titles=(--no-builtin --data "$work/titles.json")
  "$roles" "${titles[@]}" list > /dev/null
  sleep 3
  for command in "show chief-executives" "compare chief-executives chief-sustainability-officers" \
      "list"; do
    # shellcheck disable=SC2086
    measure "$command" "$roles" "${titles[@]}" $command
  done
  if [[ "${2:-}" == 100000 ]]; then
    echo
    echo "## 100,000 generated roles (624 MB of YAML)"
    echo "| command | seconds | peak MB |"
    echo "|---|---|---|"
    target/release/examples/generate 100000 > "$work/roles.yaml"
    measure "cold: show role-42 (parse, validate, write the entry)" "$roles" "${ten[@]}" show role-42
    sleep 3
    "$roles" "${ten[@]}" list > /dev/null
    for command in "show role-42" "show role-99999" "compare role-1 role-2" "list" "salary --all"; do
      # shellcheck disable=SC2086
      measure "$command, warm" "$roles" "${ten[@]}" $command
    done
    hyperfine --warmup 3 --runs 20 -N --export-markdown "$work/big.md" \
      "$roles show product-owner" \
      "$roles ${ten[*]} show role-42" \
      "$roles ${ten[*]} compare role-1 role-2" > /dev/null
    cat "$work/big.md"
    echo
    echo "## 1,000,000 tiny roles (id, name, summary, one duty)"
    echo "| command | seconds | peak MB |"
    echo "|---|---|---|"
    target/release/examples/generate 1000000 --tiny > "$work/roles.yaml"
    measure "cold: list (parse, validate, write the entry)" "$roles" "${ten[@]}" list
    sleep 3
    "$roles" "${ten[@]}" list > /dev/null
    for command in "show role-424242" "list"; do
      # shellcheck disable=SC2086
      measure "$command, warm" "$roles" "${ten[@]}" $command
    done
  fi
  exit 0
fi

if [[ "${1:-}" == references ]]; then
  echo "## Loading is linear in cross-references: the built-in roles grown with theirs, cold"
  echo "| roles | format | seconds | peak MB |"
  echo "|---|---|---|---|"
  for count in 10000 ${2:-}; do
    "$roles" export --format json | scripts/grow-references.py "$count" > "$work/grown.json"
    "$roles" --no-builtin --no-cache --data "$work/grown.json" export > "$work/grown.yaml"
    for format in json yaml; do
      measure "$count | $format" "$roles" --no-builtin --no-cache --data "$work/grown.$format" list
    done
  done
  exit 0
fi

if [[ "${1:-}" == import ]]; then
  onet=${ONET:-../shared/onet}
  echo "## O*NET 29.3 (Excel) + OEWS May 2024: the full import, then each command cache warm"
  echo "| command | seconds | peak MB |"
  echo "|---|---|---|"
  measure "import onet (1,016 occupations, all skill ratings)" "$roles" import onet \
    "$onet/onet-29.3-excel" --wages "$onet/bls-oews-2024/national_M2024_dl.xlsx" \
    --min-importance 0 -o "$work/onet.yaml"
  measure "import onet (default: skills rated 3+)" "$roles" import onet \
    "$onet/onet-29.3-excel" --wages "$onet/bls-oews-2024/national_M2024_dl.xlsx" \
    -o "$work/onet.yaml"
  data=(--data "$work/onet.yaml")
  measure "list, cold (parse, validate, write cache)" "$roles" "${data[@]}" list
  echo
  hyperfine --warmup 3 --runs 20 -N --export-markdown "$work/onet.md" \
    "$roles ${data[*]} list" \
    "$roles ${data[*]} show 13-1082.00" \
    "$roles ${data[*]} compare project-manager 13-1082.00" \
    "$roles ${data[*]} salary --all" \
    "$roles ${data[*]} search budget" \
    "$roles ${data[*]} similar 11-1011.00" \
    "$roles ${data[*]} gap project-manager 13-1082.00" \
    "$roles ${data[*]} match -s onet-speaking -s onet-negotiation" \
    "$roles ${data[*]} skills" \
    "$roles ${data[*]} export" \
    "$roles ${data[*]} export --format json" > /dev/null
  cat "$work/onet.md"
  exit 0
fi

if [[ "${1:-}" != hostile ]]; then
echo "## Built-in data: the customer's three commands beside cat (the floor) and jq"
"$roles" export --format json > "$work/builtin.json"
hyperfine --warmup 5 --runs 100 -N --export-markdown "$work/builtin.md" \
  "cat data/roles.yaml" \
  "$roles show delivery-lead" \
  "$roles compare product-owner product-manager" \
  "$roles salary --all" \
  "jq -c '.roles[] | select(.id == \"delivery-lead\")' $work/builtin.json" \
  "jq -c '[.roles[] | select(.id == \"product-owner\" or .id == \"product-manager\")]' $work/builtin.json" \
  "jq -c '[.roles[] | {id, salary}]' $work/builtin.json" > /dev/null
cat "$work/builtin.md"


for size in 10000 "$@"; do
  echo
  echo "## $size generated roles (YAML): seconds and peak MB, cache cold then warm"
  target/release/examples/generate "$size" > "$work/roles.yaml"
  echo "| command | seconds | peak MB |"
  echo "|---|---|---|"
  data=(--no-builtin --data "$work/roles.yaml")
  rm -rf "$XDG_CACHE_HOME"
  measure "validate (no cache)" "$roles" --no-builtin validate "$work/roles.yaml"
  measure "list, cold (parse, validate, write cache)" "$roles" "${data[@]}" list
  for command in "list" "show role-42" "compare role-1 role-2" "salary --all" \
      "search backlog" "similar role-42" "gap role-1 role-2" \
      "match -s communication -s planning" "skills"; do
    # shellcheck disable=SC2086
    measure "$command, warm" "$roles" "${data[@]}" $command
  done
done

fi

echo
echo "## Hostile files: each must be refused (exit 1) in under 1 s and 100 MB"
echo "| file | seconds | peak MB | exit | message |"
echo "|---|---|---|---|---|"
python3 - "$work" <<'PY'
import sys, pathlib
work = pathlib.Path(sys.argv[1])
# A billion-laughs bomb in list shape, a dataset-shaped quadratic bomb, a replayed large scalar.
bomb = "version: 1\nanchors:\n  - &l0 [x, x, x, x, x, x, x, x, x, x]\n"
for level in range(1, 10):
    bomb += f"  - &l{level} [" + ", ".join([f"*l{level-1}"] * 10) + "]\n"
(work / "bomb.yaml").write_text(bomb + "roles: *l9\n")
big = "x" * (1 << 20)
replay = f"version: 1\nsources:\n  - id: a\n    title: &t \"{big}\"\n    kind: k\n"
replay += "".join(f"  - id: a{i}\n    title: *t\n    kind: k\n" for i in range(1, 2000))
(work / "scalar-replay.yaml").write_text(replay)
(work / "deep.yaml").write_text("version: 1\nroles: " + "[" * 100000 + "]" * 100000 + "\n")
line = "lorem ipsum dolor sit amet roles product owner delivery lead manager\n"
(work / "junk.txt").write_text(line * (67 * 1024 * 1024 // len(line)))
(work / "long-id.yaml").write_text("version: 1\nroles:\n  - id: " + "X" * 10_000_000 + "\n")
PY
cp tests/fixtures/alias-bomb-dataset-shaped.yaml "$work/"
for file in bomb.yaml alias-bomb-dataset-shaped.yaml scalar-replay.yaml deep.yaml junk.txt long-id.yaml; do
  /usr/bin/time -f "%e %M %x" -o "$work/time" "$roles" --no-cache --data "$work/$file" list \
    > /dev/null 2> "$work/stderr" || true
  read -r seconds kb status < <(tail -n 1 "$work/time")
  echo "| $file | $seconds | $((kb / 1024)) | $status | $(cut -c1-100 "$work/stderr" | sed "s|$work/||") |"
done

echo
echo "## Hostile inputs, round two: special files, NUL padding, many problems, import bombs"
echo "| input | seconds | peak MB | exit | message |"
echo "|---|---|---|---|---|"
python3 - "$work" <<'PY'
import sys, pathlib, zipfile, shutil
work = pathlib.Path(sys.argv[1])
head = open("tests/fixtures/tech-lead.yaml").read().split("\nroles:\n")[0]
rows = [head, "roles:"]
for i in range(8000):
    rows += [f"  - id: role-{i}", '    name: ""', "    summary: {text: x, sources: [acme-ladder]}",
             "    requirements: {}", "    duties: []", "    environment: []", "    skills: []"]
(work / "bad8000.yaml").write_text("\n".join(rows) + "\n")
with open(work / "sparse.yaml", "wb") as f:
    f.write(b"version: 1\nsources: []\n")
    f.truncate(900 * 1024 * 1024)
folder = work / "onet-bomb"
shutil.copytree("tests/fixtures/onet/excel-29.3", folder)
with zipfile.ZipFile(folder / "Skills.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("xl/worksheets/sheet1.xml", b"0" * (477 * 1024 * 1024))
rows = folder.parent / "onet-rows"
shutil.copytree("tests/fixtures/onet/text-27.0", rows)
with open(rows / "Task Statements.txt", "w") as f:
    f.write("O*NET-SOC Code\tTask ID\tTask\n")
    f.writelines(f"13-1082.00\t{i}\tx\n" for i in range(10_000_000))
PY
mkfifo "$work/lonely.yaml"
ln -s /dev/zero "$work/onet-bomb-readme"
hostile() {
  local label=$1; shift
  /usr/bin/time -f "%e %M %x" -o "$work/time" "$@" > /dev/null 2> "$work/stderr" || true
  read -r seconds kb status < <(tail -n 1 "$work/time")
  echo "| $label | $seconds | $((kb / 1024)) | $status | $(head -n 1 "$work/stderr" | cut -c1-100 | sed "s|$work/||g") |"
}
hostile "8,000 roles with empty names: validate" "$roles" validate "$work/bad8000.yaml"
hostile "the same, loaded with --data" "$roles" --no-cache --data "$work/bad8000.yaml" list
hostile "the same in ROLES_DATA, a TAB press" env ROLES_DATA="$work/bad8000.yaml" COMPLETE=fish "$roles" -- roles show ro
hostile "--data /dev/zero" "$roles" --no-cache --data /dev/zero list
hostile "stdin from /dev/zero" sh -c "'$roles' --no-cache --data - list < /dev/zero"
hostile "a 900 MiB sparse file (a dataset's head, then NULs)" "$roles" --no-cache --data "$work/sparse.yaml" list
hostile "a named pipe no program writes to" "$roles" --no-cache --data "$work/lonely.yaml" list
hostile "import: a 477 MiB sheet zipped small" "$roles" import onet "$work/onet-bomb" -o -
hostile "import: 10 million task rows" "$roles" import onet "$work/onet-rows" -o -
rm "$work/onet-bomb/Read Me.txt"; ln -s /dev/zero "$work/onet-bomb/Read Me.txt"
hostile "import: Read Me.txt a link to /dev/zero" "$roles" import onet "$work/onet-bomb" -o -
"$roles" export --format json > "$work/builtin-export.json"
python3 - "$work" <<'PY'
import sys, json, pathlib
work = pathlib.Path(sys.argv[1])
data = json.loads((work / "builtin-export.json").read_text())
role = next(r for r in data["roles"] if r["id"] == "delivery-lead")
role.update(id="wide", name="Wide", aliases=[])
role["duties"][0]["text"] = "\u4ea7" * 300_000
data["roles"] = [role]
(work / "cjk-run.json").write_text(json.dumps(data, ensure_ascii=False))
PY
# Not refused: shown, stacked (a line that long is not wrapped into a table column).
hostile "show: a duty that is one 900 KB run of Chinese" "$roles" --no-cache --data "$work/cjk-run.json" show wide
