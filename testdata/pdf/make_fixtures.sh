#!/bin/sh
# Makes the PDFs of testdata/pdf/ that come from other programs (run from the
# repository root, as root). The tests read the committed files only: CI needs neither
# LibreOffice nor Chromium. Made 2026-11-30 with LibreOffice 7.4.7.2 and Chromium
# 156.0.8078.108 (Debian 12), fonts-wqy-microhei for the Chinese text.
#
#   apt-get update && apt-get install -y libreoffice-writer chromium fonts-wqy-microhei
set -eu
out=testdata/pdf
tmp=$(mktemp -d)
cp testdata/html/word-export-2021.docx testdata/html/word-export-2021.html "$tmp/"
# LibreOffice from the .docx fixture (TrueType fonts, WinAnsi + ToUnicode; table 3
# runs over a page break).
(cd "$tmp" && soffice --headless --convert-to pdf word-export-2021.docx)
cp "$tmp/word-export-2021.pdf" "$out/word-export-2021.libreoffice.pdf"
# The same, encrypted (RC4): with an owner password only (read: the empty user
# password opens it), and with a user password (refused).
(cd "$tmp" && soffice --headless --convert-to 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"PermissionPassword":{"type":"string","value":"owner"},"RestrictPermissions":{"type":"boolean","value":"true"}}' word-export-2021.docx)
cp "$tmp/word-export-2021.pdf" "$out/word-export-2021.owner-password.pdf"
(cd "$tmp" && soffice --headless --convert-to 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"secret"}}' word-export-2021.docx)
cp "$tmp/word-export-2021.pdf" "$out/word-export-2021.user-password.pdf"
# Chromium's print-to-PDF from the HTML fixture (Type 3 fonts, Kangxi radicals in the
# ToUnicode maps, the browser's date/title header and file/page footer on every page,
# table 3 over two page breaks with the merged label columns not redrawn).
chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$(mktemp -d)" \
  --print-to-pdf="$out/word-export-2021.chromium.pdf" "$tmp/word-export-2021.html"
python3 "$out/make_fixtures.py"
