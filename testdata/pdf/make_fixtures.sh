#!/bin/sh
# Makes the PDFs of testdata/pdf/ that come from other programs (run from the
# repository root, as root). The tests read the committed files only: CI needs neither
# LibreOffice nor Chromium. Made 2026-11-30 with LibreOffice 7.4.7.2 and Chromium
# 156.0.8078.108 (Debian 12), fonts-wqy-microhei for the Chinese text (the later
# borderless and portal prints found fonts-noto-cjk installed as well).
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
# Chromium's print of two whole portal pages, without the browser's header and footer
# (Type 3 fonts; tables with bevelled 3-D borders whose sides are thin trapezoids; the
# portal's menus, links and footer printed with the report).
for name in portal-2019 gbk-layout-2021; do
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$(mktemp -d)" --no-pdf-header-footer \
    --print-to-pdf="$out/$name.chromium.pdf" "file://$PWD/testdata/html/$name.html"
done
# LibreOffice from the .docx fixture with its table borders removed.
python3 "$out/make_borderless.py"
python3 "$out/make_fixtures.py"
