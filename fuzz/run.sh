#!/usr/bin/env bash
# Builds and runs every fuzz target for SECONDS each (default 600), one
# target at a time in one process at low priority, after seeding the
# corpora (fuzz/seed.sh). Exits non-zero when any target finds a crash,
# a hang (an input running over 30 s) or an input using over 2 GiB; the
# input is in fuzz/artifacts/<target>/, the log in
# fuzz/artifacts/<target>.log.
#
# Usage: fuzz/run.sh [SECONDS] [TARGET...]
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`). libFuzzer's sanitizer
# flags are nightly-only: on a stable toolchain RUSTC_BOOTSTRAP=1 lets
# stable rustc take them.
set -euo pipefail

budget=${1:-600}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(ingest_segment glossary exchange_import check pdf)
fi

fuzz=$(cd "$(dirname "$0")" && pwd)
cd "$fuzz"
export RUSTC_BOOTSTRAP=1
export CARGO_BUILD_JOBS=${CARGO_BUILD_JOBS:-1}

bash "$fuzz/seed.sh"
nice -n 19 cargo fuzz build
mkdir -p artifacts

failed=()
for target in "${targets[@]}"; do
    echo "run.sh: $target for ${budget}s"
    if ! nice -n 19 cargo fuzz run "$target" -- \
        -max_total_time="$budget" -timeout=30 -rss_limit_mb=2048 \
        -print_final_stats=1 2>&1 | tee "artifacts/$target.log"; then
        failed+=("$target")
    fi
    # The last status line: executions, coverage, corpus size.
    grep -E '^#[0-9]+' "artifacts/$target.log" | tail -n 1 || true
done

if [ ${#failed[@]} -gt 0 ]; then
    echo "run.sh: failures in: ${failed[*]} (inputs in fuzz/artifacts/)" >&2
    exit 1
fi
echo "run.sh: no failures in ${targets[*]}"
