#!/usr/bin/env bash
# Seeds fuzz/corpus/<target>/ from the repository's fixtures (and, when it is beside
# the checkout, the real corpus in testdata/corpus). The corpora are not committed
# (.gitignore); run this once before fuzzing. See README.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
shared="$root/testdata/corpus"
corpus="$here/corpus"
mkdir -p "$corpus/text" "$corpus/docx" "$corpus/json" "$corpus/roundtrip" "$corpus/pdf" "$corpus/html" "$corpus/doc"

# Text: our Tika fixtures, the bundled sample, the text dumps of the real corpus.
for f in "$root"/testdata/tika/*.txt "$root"/testdata/sample/*.txt "$root"/testdata/txt/*.txt \
         "$shared"/*.txt; do
  [ -f "$f" ] && cp "$f" "$corpus/text/$(basename "$f")"
done

# .docx: whole files (read as zip) and their word/document.xml alone (the target
# wraps non-zip input in a minimal package).
for f in "$root"/testdata/docx/*/*.docx "$root"/testdata/docx/*.docx "$shared"/*.docx \
         "$shared"/bench/bench-000[1-3].docx; do
  [ -f "$f" ] || continue
  name="$(basename "$f" .docx)"
  cp "$f" "$corpus/docx/$name.docx"
  unzip -p "$f" word/document.xml > "$corpus/docx/$name.document.xml" 2>/dev/null || true
done

# HTML: our HTML fixtures and the pages of the real corpus.
find "$root/testdata" -type f \( -name '*.html' -o -name '*.htm' -o -name '*.mht' \) -print0 |
  while IFS= read -r -d '' f; do
    cp "$f" "$corpus/html/$(echo "$f" | sed "s|$root/testdata/||; s|/|_|g")"
  done

# .doc: the LibreOffice and hand-built fixtures, and the must-fail .doc/.wps cases.
for f in "$root"/testdata/doc/*/*.doc "$root"/testdata/bad/*.doc "$root"/testdata/bad/*.wps; do
  [ -f "$f" ] && cp "$f" "$corpus/doc/$(basename "$f")"
done

# JSON: the normalized JSON of every text and .docx seed, written by the convert
# example of the root package (built with the caller's CARGO_TARGET_DIR).
(cd "$root" && cargo build -q --example convert)
convert="${CARGO_TARGET_DIR:-$root/target}/debug/examples/convert"
for f in "$corpus"/text/*.txt "$corpus"/docx/*.docx; do
  [ -f "$f" ] || continue
  "$convert" "$f" > "$corpus/json/$(basename "$f").json" 2>/dev/null || rm -f "$corpus/json/$(basename "$f").json"
done

# PDF: our fixtures, the hostile ones and the real report.
for f in "$root"/testdata/pdf/*.pdf "$root"/testdata/bad/*.pdf "$shared"/*.pdf; do
  [ -f "$f" ] && cp "$f" "$corpus/pdf/$(basename "$f")"
done

for t in text docx json roundtrip html pdf doc; do
  echo "$t: $(find "$corpus/$t" -type f | wc -l) seeds"
done
