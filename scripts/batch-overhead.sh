#!/usr/bin/env bash
# What the analyst outputs of `nianbao batch` (cells.csv, findings.csv, cross_year.csv,
# agencies.csv: years linked) cost: the same batch over the bench corpus (200 .docx) by
# the command built at BASE (before them) and at the working tree, counted in
# instructions (callgrind's Ir, one worker thread: repeatable on a busy machine) and
# timed (wall clock on all cores and on one, runs alternated, the median of each).
#
#   scripts/batch-overhead.sh [BASE] [RUNS]
#
# BASE defaults to 9b35107 (the last commit before the analyst outputs), RUNS to 7.
# Needs valgrind (installed with apt-get when missing). Builds both in release.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
base=${1:-9b35107}
runs=${2:-7}
input=$root/testdata/corpus/bench

if ! command -v valgrind >/dev/null; then
    apt-get update -qq && apt-get install -y -qq valgrind >/dev/null
fi

work=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$work/base" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git -C "$root" worktree add --detach -q "$work/base" "$base"
# Two target folders: cargo names a workspace crate's artifacts the same from both
# checkouts, and would take one build for the other.
target=${CARGO_TARGET_DIR:-$root/target}
CARGO_TARGET_DIR=$target/overhead-base cargo build -q --release -p nianbao-cli --manifest-path "$work/base/Cargo.toml"
cp "$target/overhead-base/release/nianbao" "$work/nianbao-base"
CARGO_TARGET_DIR=$target cargo build -q --release -p nianbao-cli --manifest-path "$root/Cargo.toml"
cp "$target/release/nianbao" "$work/nianbao-head"
cmp -s "$work/nianbao-base" "$work/nianbao-head" && { echo "the two builds are the same binary" >&2; exit 1; }

count() {
    rm -rf "$work/out"
    valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" \
        "$work/nianbao-$1" batch "$input" -o "$work/out" -j 1 -q >/dev/null 2>"$work/cg.log"
    grep -E '^summary:|^totals:' "$work/cg.out" | head -1 | awk '{print $2}'
}
ir_base=$(count base)
ir_head=$(count head)

declare -a t_base t_head t1_base t1_head
for _ in $(seq "$runs"); do
    for which in base head; do
        for jobs in all 1; do
            rm -rf "$work/out"
            flags=(-q)
            [ "$jobs" = 1 ] && flags+=(-j 1)
            start=$(date +%s%N)
            "$work/nianbao-$which" batch "$input" -o "$work/out" "${flags[@]}"
            end=$(date +%s%N)
            ms=$(( (end - start) / 1000000 ))
            case $which/$jobs in
                base/all) t_base+=("$ms") ;; head/all) t_head+=("$ms") ;;
                base/1) t1_base+=("$ms") ;; head/1) t1_head+=("$ms") ;;
            esac
        done
    done
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
mb=$(median "${t_base[@]}")
mh=$(median "${t_head[@]}")
m1b=$(median "${t1_base[@]}")
m1h=$(median "${t1_head[@]}")

echo "bench corpus: $(ls "$input"/*.docx | wc -l) .docx; base $base, head $(git -C "$root" rev-parse --short HEAD) + working tree"
awk -v b="$ir_base" -v h="$ir_head" 'BEGIN {printf "instructions (-j 1): base %.3e, head %.3e: %+.1f %%\n", b, h, (h - b) * 100 / b}'
awk -v b="$mb" -v h="$mh" -v n="$runs" 'BEGIN {printf "wall clock (median of %d, all cores): base %d ms, head %d ms: %+.1f %%\n", n, b, h, (h - b) * 100 / b}'
awk -v b="$m1b" -v h="$m1h" -v n="$runs" 'BEGIN {printf "wall clock (median of %d, -j 1): base %d ms, head %d ms: %+.1f %%\n", n, b, h, (h - b) * 100 / b}'
echo "runs base: ${t_base[*]}"
echo "runs head: ${t_head[*]}"
