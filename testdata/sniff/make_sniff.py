#!/usr/bin/env python3
"""Writes the fixtures of testdata/sniff/ (see README.md). Run from the repository root:
python3 testdata/sniff/make_sniff.py. Deterministic: the same bytes every run."""
import base64
import quopri
import shutil
import struct
import zipfile
import zlib
from pathlib import Path

here = Path(__file__).resolve().parent
root = here.parent.parent

# Files whose name lies about their content.
shutil.copyfile(root / "testdata/html/word-export-2021.docx", here / "docx-named.txt")
shutil.copyfile(root / "testdata/html/portal-2019.html", here / "html-named.txt")
shutil.copyfile(root / "testdata/bad/spreadsheet.xlsx", here / "xlsx-named.txt")
shutil.copyfile(root / "testdata/bad/word97.doc", here / "doc-named.txt")

# A one-page PDF with no text (the smallest a viewer opens), named .txt.
pdf = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
(here / "pdf-named.txt").write_bytes(pdf)

# A 1×1 PNG (a "scan"), named .txt.
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)) \
    + chunk(b"IDAT", zlib.compress(b"\x00\x00")) + chunk(b"IEND", b"")
(here / "scan-named.txt").write_bytes(png)

# Web archives as browsers save them: a multipart/related message whose first part is
# the page. gbk-layout-2021.mht: the GBK page in quoted-printable with charset=gb2312,
# then an image part. portal-2019.mht: the UTF-8 page in base64 behind a
# multipart/alternative with a text/plain part first.
def mht(parts, boundary):
    out = [b"From: <Saved by Blink>", b"Snapshot-Content-Location: https://example.invalid/a.html",
           b"Subject: report", b"MIME-Version: 1.0",
           b'Content-Type: multipart/related;', b'\ttype="text/html";', b'\tboundary="' + boundary + b'"', b""]
    for headers, body in parts:
        out.append(b"--" + boundary)
        out.extend(headers)
        out.append(b"")
        out.append(body)
    out.append(b"--" + boundary + b"--")
    out.append(b"")
    return b"\r\n".join(out)

gbk = (root / "testdata/html/gbk-layout-2021.html").read_bytes()
qp = quopri.encodestring(gbk).replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
(here / "gbk-layout-2021.mht").write_bytes(mht([
    ([b'Content-Type: text/html; charset="gb2312"', b"Content-Transfer-Encoding: quoted-printable",
      b"Content-Location: https://example.invalid/a.html"], qp),
    ([b"Content-Type: image/png", b"Content-Transfer-Encoding: base64"], base64.encodebytes(png).strip()),
], b"----MultipartBoundary--abc123"))

portal = (root / "testdata/html/portal-2019.html").read_bytes()
b64 = b"\r\n".join(base64.encodebytes(portal).split(b"\n")).strip()
inner = b"\r\n".join([
    b"--alt", b"Content-Type: text/plain; charset=utf-8", b"", b"(text version)",
    b"--alt", b"Content-Type: text/html; charset=utf-8", b"Content-Transfer-Encoding: base64", b"", b64,
    b"--alt--", b""])
(here / "portal-2019.mht").write_bytes(mht([
    ([b'Content-Type: multipart/alternative; boundary="alt"'], inner),
], b"=_related"))

# A web archive with no page in it: pictures only.
(here / "pictures-only.mht").write_bytes(mht([
    ([b"Content-Type: image/png", b"Content-Transfer-Encoding: base64"], base64.encodebytes(png).strip()),
], b"b1"))

# A .docx whose _rels/.rels names word/main.xml, absent; the package has a
# word/document.xml that nothing points at.
with zipfile.ZipFile(here / "missing-main-part.docx", "w", zipfile.ZIP_DEFLATED) as z:
    def add(name, data):
        info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, data)
    add("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>')
    add("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/main.xml"/></Relationships>')
    add("word/document.xml", '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p></w:body></w:document>')
