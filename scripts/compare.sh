#!/usr/bin/env bash
# Measures nianbao against what a user would pick instead, side by side, in one run on
# the same files, and prints one table (see BENCHMARKS.md for the method):
#
#   scripts/compare.sh [CORPUS_DIR]        # default: testdata/corpus/bench (200 .docx)
#
# It installs what it needs itself: pandoc from Debian's packages, python-docx (pinned)
# in a virtual environment; it builds the release binaries (nianbao,
# examples/throughput, scripts/docx-rs-harness). Work files go to $NIANBAO_COMPARE_DIR
# (default: target/compare); the raw figures to $NIANBAO_COMPARE_DIR/results.json.
# ROUNDS (default 9) runs of each fast tool per pair, SLOW_ROUNDS (default 1) of pandoc
# and python-docx. It takes a few minutes on 2 cores. Not for CI.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
corpus=$(cd "${1:-$root/testdata/corpus/bench}" && pwd)
work=${NIANBAO_COMPARE_DIR:-$root/target/compare}
mkdir -p "$work"
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$root/target}

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=
apt_install() {
    [ -n "$apt_updated" ] || { as_root apt-get update -qq; apt_updated=1; }
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

echo "== installing what the comparison needs" >&2
command -v pandoc >/dev/null || apt_install pandoc
if ! command -v python3 >/dev/null || ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
    apt_install python3 python3-venv
fi
venv=$work/venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -c 'import docx' 2>/dev/null \
    || "$venv/bin/pip" install --quiet --disable-pip-version-check 'python-docx==1.2.0'

echo "== building release binaries" >&2
cargo build --quiet --release --manifest-path "$root/Cargo.toml" -p nianbao-cli --bin nianbao
cargo build --quiet --release --manifest-path "$root/Cargo.toml" --example throughput
CARGO_TARGET_DIR=$CARGO_TARGET_DIR/docx-rs-harness \
    cargo build --quiet --release --manifest-path "$root/scripts/docx-rs-harness/Cargo.toml"

echo "== versions: $(pandoc --version | head -1); python-docx $("$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("python-docx"), "lxml", m.version("lxml"))'); docx-rs $(grep -A1 '^name = "docx-rs"' "$root/scripts/docx-rs-harness/Cargo.lock" | sed -n 's/version = "\(.*\)"/\1/p')" >&2
echo "== timing (uptime: $(uptime))" >&2
exec python3 "$root/scripts/compare.py" \
    --corpus "$corpus" \
    --nianbao "$CARGO_TARGET_DIR/release/nianbao" \
    --throughput "$CARGO_TARGET_DIR/release/examples/throughput" \
    --docx-rs "$CARGO_TARGET_DIR/docx-rs-harness/release/docx-rs-harness" \
    --python "$venv/bin/python" \
    --walker "$root/scripts/python_docx_walk.py" \
    --work "$work" \
    --rounds "${ROUNDS:-9}" --slow-rounds "${SLOW_ROUNDS:-1}" \
    --json "$work/results.json"
