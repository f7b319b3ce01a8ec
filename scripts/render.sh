#!/usr/bin/env bash
# Renders a .docx to PNG pages with LibreOffice and pdftoppm, so anyone can look at
# what the writer produced.
#
#   scripts/render.sh FILE.docx [OUT_DIR] [DPI]
#
# Writes OUT_DIR/FILE.pdf and OUT_DIR/FILE-1.png, FILE-2.png, … (OUT_DIR defaults to
# the file's folder, DPI to 80). Fails when LibreOffice prints a warning or an error,
# or makes no PDF. Needs `soffice` (apt: libreoffice-writer or
# libreoffice-writer-nogui) and `pdftoppm` (apt: poppler-utils); Chinese faces
# come from fonts-noto-cjk or fonts-wqy-zenhei when the GB2312 ones are missing.
set -euo pipefail

if [[ $# -lt 1 || ! -f "$1" ]]; then
  echo "usage: $0 FILE.docx [OUT_DIR] [DPI]" >&2
  exit 2
fi
input=$1
out_dir=${2:-$(dirname "$input")}
dpi=${3:-80}
for tool in soffice pdftoppm; do
  if ! command -v "$tool" >/dev/null; then
    echo "$0: $tool is not installed (apt-get install libreoffice-writer-nogui poppler-utils)" >&2
    exit 3
  fi
done
mkdir -p "$out_dir"
stem=$(basename "${input%.*}")
# A private profile: no first-start dialogs, no lock on the user's profile.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
log="$out_dir/$stem.soffice.log"
soffice -env:UserInstallation="file://$profile" --headless --norestore \
  --convert-to pdf --outdir "$out_dir" "$input" >"$log" 2>&1 || {
  cat "$log" >&2
  echo "$0: LibreOffice failed on $input" >&2
  exit 1
}
pdf="$out_dir/$stem.pdf"
if [[ ! -s "$pdf" ]]; then
  cat "$log" >&2
  echo "$0: LibreOffice made no PDF from $input" >&2
  exit 1
fi
# LibreOffice prints "convert ... -> ... using filter : writer_pdf_Export" on success;
# anything else that says error or warning is a complaint (the javaldx notice is
# about the Java runtime of the install, not about the document).
if grep -v 'failed to launch javaldx' "$log" | grep -Eiq 'error|warn|fail'; then
  cat "$log" >&2
  echo "$0: LibreOffice complained while converting $input" >&2
  exit 1
fi
rm -f "$out_dir/$stem"-*.png
pdftoppm -r "$dpi" -png "$pdf" "$out_dir/$stem"
pages=$(ls "$out_dir/$stem"-*.png | wc -l)
echo "$pdf: $pages page(s) as $out_dir/$stem-N.png"
