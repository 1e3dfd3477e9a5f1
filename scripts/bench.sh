#!/usr/bin/env bash
# Whole-process timings for the README's Performance section.
#   scripts/bench.sh            built-in data (vs cat and jq), then every command at 10,000 roles
#   scripts/bench.sh 100000     ... and at 100,000 roles too (slow: minutes, several GB)
# Needs hyperfine and jq (apt-get install hyperfine jq) and GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin roles --example generate
roles=target/release/roles
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "## Built-in data: the customer's three commands beside cat (the floor) and jq"
"$roles" export --format json > "$work/builtin.json"
hyperfine --warmup 5 --runs 50 -N --export-markdown "$work/builtin.md" \
  "cat data/roles.yaml" \
  "$roles compare product-owner product-manager" \
  "$roles show delivery-lead" \
  "$roles salary --all" \
  "jq -c '.roles[] | select(.id == \"delivery-lead\")' $work/builtin.json" \
  "jq -c '[.roles[] | select(.id == \"product-owner\" or .id == \"product-manager\")]' $work/builtin.json" \
  "jq -c '[.roles[] | {id, salary}]' $work/builtin.json" > /dev/null
cat "$work/builtin.md"

for size in 10000 "$@"; do
  echo
  echo "## $size generated roles (JSON; YAML load shown too): seconds and peak memory"
  target/release/examples/generate "$size" --json > "$work/roles.json"
  target/release/examples/generate "$size" > "$work/roles.yaml"
  echo "| command | seconds | peak MB |"
  echo "|---|---|---|"
  run() {
    local label=$1; shift
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" > /dev/null 2>&1 || true
    read -r seconds kb < "$work/time"
    echo "| $label | $seconds | $((kb / 1024)) |"
  }
  data=(--no-builtin --data "$work/roles.json")
  run "validate (YAML)" "$roles" --no-builtin validate "$work/roles.yaml"
  run "validate (JSON)" "$roles" --no-builtin validate "$work/roles.json"
  run "list" "$roles" "${data[@]}" list
  run "show" "$roles" "${data[@]}" show role-42
  run "compare" "$roles" "${data[@]}" compare role-1 role-2
  run "salary --all" "$roles" "${data[@]}" salary --all
  run "search" "$roles" "${data[@]}" search backlog
  run "similar" "$roles" "${data[@]}" similar role-42
  run "gap" "$roles" "${data[@]}" gap role-1 role-2
  run "match" "$roles" "${data[@]}" match -s communication -s planning
  run "skills" "$roles" "${data[@]}" skills
  run "export" "$roles" "${data[@]}" export --format json
done
