#!/usr/bin/env bash
# The .doc reader's speed beside antiword, catdoc and our .docx reader, in one run, on
# the bench corpus converted to .doc. See BENCHMARKS.md ("The .doc reader").
#
#   scripts/bench-doc.sh [ROUNDS]      # default 3
#
# Needs soffice (libreoffice-writer), antiword and catdoc (Debian packages). The .doc
# files are made once into target/bench-doc/ from testdata/corpus/bench/*.docx with
#   soffice --headless --convert-to 'doc:MS Word 97' --outdir target/bench-doc FILES
# (not committed). Each row runs ROUNDS times, the rows interleaved round by round;
# the median time is shown. Times are wall-clock, files from the page cache.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
rounds="${1:-3}"
bench="testdata/corpus/bench"
out="target/bench-doc"
mkdir -p "$out"
n_docx=$(ls "$bench"/*.docx | wc -l)
if [ "$(ls "$out"/*.doc 2>/dev/null | wc -l)" -ne "$n_docx" ]; then
  echo "converting $n_docx files to .doc with LibreOffice (once)..." >&2
  soffice --headless --convert-to 'doc:MS Word 97' --outdir "$out" "$bench"/*.docx >/dev/null 2>&1
fi
cargo build -q --release --example throughput -p nianbao
cargo build -q --release -p nianbao-cli
tp="target/release/examples/throughput"
cli="target/release/nianbao"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

doc_bytes=$(cat "$out"/*.doc | wc -c)
docx_bytes=$(cat "$bench"/*.docx | wc -c)
files=$n_docx

# name | input bytes | command (no "|" in a command: the row is split on it)
rows=(
  "nianbao .doc → Document (in process)|$doc_bytes|$tp $out --stage document -j 1"
  "nianbao .doc → JSON string (read, recognize, rules; in process)|$doc_bytes|$tp $out --stage full -j 1"
  "nianbao .docx → Document (in process)|$docx_bytes|$tp $bench --stage document -j 1"
  "nianbao .docx → JSON string (in process)|$docx_bytes|$tp $bench --stage full -j 1"
  "nianbao convert .doc → JSON file, one process per file|$doc_bytes|for f in $out/*.doc; do $cli convert \"\$f\" >/dev/null 2>&1; done"
  "antiword .doc → text, one process per file|$doc_bytes|for f in $out/*.doc; do antiword \"\$f\" >/dev/null 2>&1; done"
  "catdoc .doc → text, one process per file|$doc_bytes|for f in $out/*.doc; do catdoc \"\$f\" >/dev/null 2>&1; done"
)

# Warm-up (page cache, binaries).
for row in "${rows[@]}"; do bash -c "${row##*|}" >/dev/null 2>&1 || true; done

declare -A times
for ((r = 0; r < rounds; r++)); do
  for i in "${!rows[@]}"; do
    cmd="${rows[$i]##*|}"
    s=$(date +%s.%N)
    bash -c "$cmd" >/dev/null 2>&1 || true
    e=$(date +%s.%N)
    times[$i]="${times[$i]:-} $(echo "$e - $s" | bc -l)"
  done
done

echo "$files files; .doc $(echo "scale=1; $doc_bytes/1000000" | bc) MB, .docx $(echo "scale=1; $docx_bytes/1000000" | bc) MB; median of $rounds rounds; $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
printf '| %s | %s | %s | %s | %s |\n' "what" "secs" "docs/s" "MB/s (input)" "ms/doc"
printf '|---|---:|---:|---:|---:|\n'
for i in "${!rows[@]}"; do
  IFS='|' read -r name bytes _ <<< "${rows[$i]}"
  med=$(echo ${times[$i]} | tr ' ' '\n' | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf '| %s | %.3f | %.0f | %.1f | %.2f |\n' "$name" "$med" \
    "$(echo "$files / $med" | bc -l)" "$(echo "$bytes / 1000000 / $med" | bc -l)" \
    "$(echo "1000 * $med / $files" | bc -l)"
done

# Work check: the .doc and the .docx of each report give the same report (positions
# aside, which name the stream or part).
"$cli" batch "$out" -o "$tmp/doc" -j 2 >/dev/null 2>&1 || true
"$cli" batch "$bench" -o "$tmp/docx" -j 2 >/dev/null 2>&1 || true
python3 - "$tmp" <<'PY'
import glob, json, os, sys
tmp = sys.argv[1]
def strip(v):
    if isinstance(v, dict):
        return {k: strip(x) for k, x in v.items() if k != "pos"}
    if isinstance(v, list):
        return [strip(x) for x in v]
    return v
same = total = 0
for f in sorted(glob.glob(f"{tmp}/docx/**/*.docx.json", recursive=True)):
    base = os.path.basename(f)[: -len(".docx.json")]
    g = glob.glob(f"{tmp}/doc/**/{base}.doc.json", recursive=True)
    total += 1
    if g and strip(json.load(open(f))["report"]) == strip(json.load(open(g[0]))["report"]):
        same += 1
print(f"work check: {same} of {total} .doc reports equal their .docx report (positions aside)")
PY
