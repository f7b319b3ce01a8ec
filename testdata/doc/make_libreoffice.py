#!/usr/bin/env python3
"""Makes testdata/doc/libreoffice/*.doc from .docx sources with LibreOffice.

    nice -n 10 python3 testdata/doc/make_libreoffice.py

Needs `soffice` (Debian: apt-get install libreoffice-writer). The fixture folders of
testdata/docx/ are zipped first (with the package boilerplate the docx tests add), then
each .docx is converted with

    soffice --headless --convert-to 'doc:MS Word 97' --outdir OUT IN.docx

The tests only read the committed .doc files; they never run LibreOffice.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "testdata", "doc", "libreoffice")

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>"""
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"""


def zip_fixture(folder, dest):
    parts = {}
    for base, _, files in os.walk(folder):
        for f in sorted(files):
            path = os.path.join(base, f)
            parts[os.path.relpath(path, folder).replace(os.sep, "/")] = open(path, "rb").read()
    parts.setdefault("[Content_Types].xml", CONTENT_TYPES.encode())
    parts.setdefault("_rels/.rels", ROOT_RELS.encode())
    if "word/_rels/document.xml.rels" not in parts:
        rels = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        if "word/styles.xml" in parts:
            rels += '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        if "word/numbering.xml" in parts:
            rels += '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
        rels += "</Relationships>"
        parts["word/_rels/document.xml.rels"] = rels.encode()
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as z:
        for name in sorted(parts, key=lambda n: (n != "[Content_Types].xml", n)):
            z.writestr(name, parts[name])


def convert(src_docx, out_dir):
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "doc:MS Word 97", "--outdir", out_dir, src_docx],
        check=True,
        stdout=subprocess.DEVNULL,
    )


def main():
    os.makedirs(OUT, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        sources = []
        for name in ["vmerge-deep", "nested-table", "numbering", "grid-before", "field"]:
            dest = os.path.join(tmp, name + ".docx")
            zip_fixture(os.path.join(ROOT, "testdata", "docx", name), dest)
            sources.append(dest)
        # Sources of our own (testdata/doc/sources/), zipped the same way.
        for name in ["hidden-revisions"]:
            dest = os.path.join(tmp, name + ".docx")
            zip_fixture(os.path.join(ROOT, "testdata", "doc", "sources", name), dest)
            sources.append(dest)
        for name in ["huaian-2024.docx", "template-2021-blank.docx"]:
            sources.append(os.path.join(ROOT, "testdata", "corpus", name))
        sources.append(os.path.join(ROOT, "testdata", "docx", "libreoffice", "merged-table.docx"))
        for src in sources:
            convert(src, OUT)
            print("made", os.path.splitext(os.path.basename(src))[0] + ".doc", file=sys.stderr)


if __name__ == "__main__":
    main()
