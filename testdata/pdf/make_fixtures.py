#!/usr/bin/env python3
"""Writes the hand-built fixtures of testdata/pdf/ (standard library only, deterministic).

  scanned.pdf         two pages, each a page-sized grey image and no text layer
  scanned-mixed.pdf   page 1 has a text layer (a report heading), page 2 is a scan
  unmapped-font.pdf   a heading in a font with a ToUnicode map, then 10 glyphs in an
                      Identity-H font without one (as WPS embeds fonts with no cmap)

The PDFs made by LibreOffice and Chromium are made by make_fixtures.sh.
"""

import os
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "bad"))
from make_bad_pdf import pdf, stream  # noqa: E402  (the PDF writer of the bad cases)


def image():
    # 120 x 170 grey pixels: a light page with darker "lines of text" bands.
    w, h = 120, 170
    rows = bytearray()
    for y in range(h):
        dark = (y % 12) < 3 and 10 < y < 160
        rows += bytes([0x60 if dark and 10 < x < 110 else 0xF0 for x in range(w)])
    data = zlib.compress(bytes(rows), 9)
    return stream(
        data,
        b" /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray"
        b" /BitsPerComponent 8 /Filter /FlateDecode" % (w, h),
    )


def scanned():
    # 1 catalog, 2 pages, 3-4 page objects, 5 image, 6 content, 7 resources
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources 7 0 R /Contents 6 0 R >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources 7 0 R /Contents 6 0 R >>",
            image(),
            stream(b"q 595 0 0 842 0 0 cm /Im0 Do Q"),
            b"<< /XObject << /Im0 5 0 R >> >>",
        ]
    )


def mixed():
    cmap = b"".join(
        b"<%04X> <%04X>\n" % (i + 1, ord(c)) for i, c in enumerate("一、总体情况")
    )
    codes = b"".join(b"%04X" % (i + 1) for i in range(6))
    text = b"BT /F1 16 Tf 72 760 Td <" + codes + b"> Tj ET"
    to_unicode = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        b"1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        b"6 beginbfchar\n" + cmap + b"endbfchar\nendcmap end end"
    )
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources 8 0 R /Contents 7 0 R >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources 6 0 R /Contents 5 0 R >>",
            stream(b"q 595 0 0 842 0 0 cm /Im0 Do Q"),
            b"<< /XObject << /Im0 9 0 R >> >>",
            stream(text),
            b"<< /Font << /F1 10 0 R >> >>",
            image(),
            b"<< /Type /Font /Subtype /Type0 /BaseFont /Heading /Encoding /Identity-H"
            b" /DescendantFonts [11 0 R] /ToUnicode 12 0 R >>",
            b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Heading /DW 1000"
            b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>",
            stream(to_unicode),
        ]
    )


def unmapped():
    cmap = b"".join(b"<%04X> <%04X>\n" % (i + 1, ord(c)) for i, c in enumerate("一、总体情况"))
    codes = b"".join(b"%04X" % (i + 1) for i in range(6))
    to_unicode = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        b"1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        b"6 beginbfchar\n" + cmap + b"endbfchar\nendcmap end end"
    )
    text = (
        b"BT /F1 16 Tf 72 760 Td <" + codes + b"> Tj ET\n"
        b"BT /F2 16 Tf 72 700 Td <" + b"".join(b"%04X" % (0x300 + i) for i in range(10)) + b"> Tj ET"
    )
    font = (
        b"<< /Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H"
        b" /DescendantFonts [%d 0 R]%s >>"
    )
    cid = (
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /%s /DW 1000"
        b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>"
    )
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources 5 0 R /Contents 4 0 R >>",
            stream(text),
            b"<< /Font << /F1 6 0 R /F2 8 0 R >> >>",
            font % (b"Heading", 7, b" /ToUnicode 10 0 R"),
            cid % b"Heading",
            font % (b"ABCDEF+FangSong_GB2312", 9, b""),
            cid % b"ABCDEF+FangSong_GB2312",
            stream(to_unicode),
        ]
    )


if __name__ == "__main__":
    fixtures = {"scanned.pdf": scanned, "scanned-mixed.pdf": mixed, "unmapped-font.pdf": unmapped}
    for name, make in fixtures.items():
        data = make()
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(data)
        print(f"{name}: {len(data)} bytes")
