#!/usr/bin/env python3
"""Makes word-export-2021.borderless.pdf: the .docx fixture with every table border
removed (each cell's <w:tcBorders> and each table's <w:tblBorders> dropped), printed by
LibreOffice. Run from the repository root; needs soffice (libreoffice-writer).

    python3 testdata/pdf/make_borderless.py

The tables are then drawn without a single ruling line: the reader finds them from
the alignment of their text (pdf.table_from_alignment).
"""

import os
import re
import shutil
import subprocess
import tempfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SRC = os.path.join(ROOT, "testdata", "html", "word-export-2021.docx")
OUT = os.path.join(ROOT, "testdata", "pdf", "word-export-2021.borderless.pdf")


def main():
    tmp = tempfile.mkdtemp()
    docx = os.path.join(tmp, "word-export-2021.borderless.docx")
    with zipfile.ZipFile(SRC) as src, zipfile.ZipFile(docx, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename in ("word/document.xml", "word/styles.xml"):
                text = data.decode("utf-8")
                text = re.sub(r"<w:tcBorders>.*?</w:tcBorders>", "", text)
                text = re.sub(r"<w:tblBorders>.*?</w:tblBorders>", "", text)
                data = text.encode("utf-8")
            dst.writestr(info, data)
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, docx],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    shutil.copy(os.path.join(tmp, "word-export-2021.borderless.pdf"), OUT)
    shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
