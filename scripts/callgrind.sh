#!/usr/bin/env bash
# Counts the instructions (callgrind's Ir) that nianbao spends on one .docx, stage by
# stage, so that a change can be compared on a busy machine: instruction counts do not
# depend on the load the way times do.
#
#   scripts/callgrind.sh [FILE.docx] [--annotate STAGE]
#
# FILE defaults to testdata/corpus/bench/bench-0001.docx. Each stage is counted from
# the call of the stage's work (file read included, process start and thread spawn not:
# callgrind collects only inside `run_one` of examples/throughput.rs):
#   floor     inflate + tokenize word/document.xml
#   document  .docx -> Document
#   report    .docx -> Document -> Report (read + recognize)
#   full      read, recognize, check, JSON text
# `--annotate STAGE` also prints the 25 functions with the most instructions (inclusive)
# for that stage. Needs valgrind (installed here with apt-get when missing).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
file=$root/testdata/corpus/bench/bench-0001.docx
annotate=
while [ $# -gt 0 ]; do
    case $1 in
        --annotate) annotate=$2; shift 2 ;;
        -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
        *) file=$1; shift ;;
    esac
done
[ -f "$file" ] || { echo "no such file: $file" >&2; exit 2; }

if ! command -v valgrind >/dev/null; then
    if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq valgrind >/dev/null
    else sudo apt-get update -qq && sudo apt-get install -y -qq valgrind >/dev/null; fi
fi

export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$root/target}
# Debug line tables make the annotation readable; they do not change the code.
CARGO_PROFILE_RELEASE_DEBUG=line-tables-only \
    cargo build --quiet --release --example throughput --manifest-path "$root/Cargo.toml"
bin=$CARGO_TARGET_DIR/release/examples/throughput
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "callgrind instructions for $(basename "$file") ($(stat -c %s "$file") bytes), $(valgrind --version), $(rustc --version)"
printf '%-9s %15s\n' stage instructions
for stage in floor document report full; do
    valgrind --tool=callgrind --callgrind-out-file="$out/$stage.cg" \
        --toggle-collect='throughput::run_one' \
        "$bin" "$file" --stage "$stage" >/dev/null 2>"$out/$stage.log" || {
        cat "$out/$stage.log" >&2; exit 1; }
    ir=$(callgrind_annotate "$out/$stage.cg" 2>/dev/null | awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1}')
    printf '%-9s %15s\n' "$stage" "$(printf "%'d" "$ir")"
done
if [ -n "$annotate" ]; then
    echo
    callgrind_annotate --inclusive=yes "$out/$annotate.cg" 2>/dev/null \
        | sed -n '/^-* *$/,$p' | grep -v '^$' | head -40 \
        | sed -E 's/\[[^]]*throughput\]//; s/ \(.*\)$//' | cut -c1-160
fi
