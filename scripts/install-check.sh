#!/usr/bin/env bash
# Runs the install steps of docs/commands.md ("Shell completions and the manual page") exactly
# as written, in a fresh HOME, then checks that each shell completes `roles sh` to `show` and
# that `man` finds the page. Needs bash-completion, zsh, fish and man-db
# (apt-get install bash-completion zsh fish man-db).
#
#   scripts/install-check.sh
#
# The crates are fetched into the fresh HOME's cargo (a real first install); the build reuses
# this checkout's target folder to save time (CARGO_TARGET_DIR), which cargo install honours.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
steps=$(awk '/^## Shell completions and the manual page/{on=1} on && /^```sh$/{inside=1; next} inside && /^```$/{exit} inside' docs/commands.md)
[ -n "$steps" ] || { echo "install-check: no install steps found in docs/commands.md" >&2; exit 1; }

run() {
    env -i HOME="$home" TERM=dumb \
        CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$repo/target}" RUSTUP_HOME="${RUSTUP_HOME:-$HOME/.rustup}" \
        RUSTUP_TOOLCHAIN="${RUSTUP_TOOLCHAIN:-$(rustup show active-toolchain 2>/dev/null | cut -d' ' -f1)}" \
        PATH="$home/.cargo/bin:$(dirname "$(command -v cargo)"):/usr/local/bin:/usr/bin:/bin" "$@"
}

echo "install-check: running the documented steps in $home"
run bash -euo pipefail -c "cd '$repo'; $steps"

fail=0
check() {
    local what=$1 got=$2
    if grep -qx 'show' <<<"$got"; then
        echo "ok: $what"
    else
        echo "FAILED: $what: got: $got" >&2
        fail=1
    fi
}

check "bash completes 'roles sh'" "$(run bash -ic '
    source /usr/share/bash-completion/bash_completion
    _completion_loader roles 2>/dev/null || true
    COMP_WORDS=(roles sh); COMP_CWORD=1; COMP_LINE="roles sh"; COMP_POINT=${#COMP_LINE}
    $(complete -p roles | sed -E "s/.*-F ([^ ]+).*/\1/") roles sh roles
    printf "%s\n" "${COMPREPLY[@]}"' 2>/dev/null | sed 's/ *$//')"
check "zsh completes 'roles sh'" "$(run zsh -ic '
    (( $+_comps[roles] )) && print show' 2>/dev/null)"
check "fish completes 'roles sh'" "$(run fish -c 'complete -C "roles sh"' 2>/dev/null | cut -f1)"
if page=$(run man -w roles 2>/dev/null) && [ -n "$page" ]; then
    echo "ok: man -w roles finds $page"
else
    echo "FAILED: man -w roles finds no page" >&2
    fail=1
fi
exit $fail
