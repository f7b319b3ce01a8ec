#!/usr/bin/env bash
# Screenshots of two report pages as headless Chromium renders them, for the docs:
#   docs/screenshots/report-clean.png   testdata/corpus/huaian-2024.docx (every rule holds)
#   docs/screenshots/report-failed.png  testdata/view/failed-2019.pipe.txt (three failed rules)
# The pages are what `nianbao check --html` writes. Needs chromium and CJK fonts
# (scripts/browser-test.sh --install-only installs them).
#
#   scripts/screenshots.sh [OUT_DIR]    (default docs/screenshots)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/screenshots}
mkdir -p "$out"
scripts/browser-test.sh --install-only
cargo build -q -p nianbao-cli
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
shot() {
  local input=$1 name=$2
  target/debug/nianbao check --html "$work/$name.html" "$input" >/dev/null
  # A new empty profile, and nothing that reaches for a network (a closed network
  # makes Chromium wait otherwise).
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile-$name" --hide-scrollbars \
    --screenshot="$out/$name.png" --window-size=1280,2400 "file://$work/$name.html" \
    2>/dev/null
  echo "$out/$name.png"
}
shot testdata/corpus/huaian-2024.docx report-clean
shot testdata/view/failed-2019.pipe.txt report-failed
