#!/usr/bin/env bash
# The PDF reader against what analysts use today, in one paired run on the same files,
# pages per second (see BENCHMARKS.md, "PDF"):
#
#   scripts/compare_pdf.sh [PDF…]     # default: the real report and our PDF fixtures
#
#  - nianbao: read + recognize (crates/nianbao-pdf/examples/pdf_throughput.rs, release),
#    ROUNDS passes over the files in one process;
#  - `pdftotext -layout` (poppler-utils): one process per file, as a pipeline runs it;
#  - pdfplumber (pinned, in a venv): open each file and `extract_tables()` on every page.
# It installs poppler-utils and pdfplumber itself. Not for CI.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
work=${NIANBAO_COMPARE_DIR:-$root/target/compare-pdf}
mkdir -p "$work"
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$root/target}
ROUNDS=${ROUNDS:-20}
if [ $# -gt 0 ]; then files=("$@"); else
    files=("$root"/testdata/corpus/huaian-2024.pdf "$root"/testdata/pdf/word-export-2021.libreoffice.pdf "$root"/testdata/pdf/word-export-2021.chromium.pdf)
fi

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
command -v pdftotext >/dev/null || { as_root apt-get update -qq; as_root apt-get install -y -qq poppler-utils >/dev/null; }
venv=$work/venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -c 'import pdfplumber' 2>/dev/null \
    || "$venv/bin/pip" install --quiet --disable-pip-version-check 'pdfplumber==0.11.10'

cargo build --quiet --release --manifest-path "$root/Cargo.toml" -p nianbao-pdf --example pdf_throughput
bin=$CARGO_TARGET_DIR/release/examples/pdf_throughput

pages=0
for f in "${files[@]}"; do pages=$((pages + $(pdfinfo "$f" | awk '/^Pages:/ {print $2}'))); done
echo "files: ${#files[@]}, pages per pass: $pages, rounds: $ROUNDS"

nianbao=$("$bin" "$ROUNDS" "${files[@]}")
echo "nianbao (read + recognize): $nianbao"

start=$(date +%s.%N)
for _ in $(seq "$ROUNDS"); do
    for f in "${files[@]}"; do pdftotext -layout "$f" /dev/null; done
done
end=$(date +%s.%N)
python3 -c "p=$pages*$ROUNDS; s=$end-$start; print(f'pdftotext -layout: {{\"pages\": {p}, \"seconds\": {s:.4f}, \"pages_per_second\": {p/s:.1f}}}')"

plumber_rounds=$(( ROUNDS / 10 > 0 ? ROUNDS / 10 : 1 ))
"$venv/bin/python" - "$plumber_rounds" "${files[@]}" 2>/dev/null <<'PY'
import sys, time, pdfplumber
rounds, files = int(sys.argv[1]), sys.argv[2:]
pages = 0
start = time.perf_counter()
for _ in range(rounds):
    for f in files:
        with pdfplumber.open(f) as pdf:
            for page in pdf.pages:
                page.extract_tables()
                pages += 1
secs = time.perf_counter() - start
print(f'pdfplumber extract_tables: {{"pages": {pages}, "seconds": {secs:.4f}, "pages_per_second": {pages/secs:.1f}}}')
PY
