#!/usr/bin/env python3
"""Writes the hostile PDFs of testdata/bad/ (run from anywhere; standard library only).

Each file must fail cleanly, bounded (< 1 s, < 200 MB): see tests/bad_inputs.rs.

  pdf-decompression-bomb.pdf   a page content stream of 256 MiB of spaces, deflated to
                               ~256 KB (ratio ~1000): stops at max_compression_ratio
  pdf-deep-arrays.pdf          the page's /Contents and its content stream hold arrays
                               nested 200,000 deep (a recursive parser overflows its stack)
  pdf-self-drawing-form.pdf    a form XObject whose content draws itself (`/Fm0 Do`)
  pdf-page-tree-cycle.pdf      a page-tree node whose kid is its own parent
  pdf-huge-w-range.pdf         a CID font with /W [0 4000000000 500] and a DW of 1000,
                               a ToUnicode range over 2^32 codes, and text shown with it
  pdf-unbalanced-q.pdf         200,000 `q` with no `Q` (deflated; tests/bad_inputs.rs builds
                               the 2,000,000 case in memory, uncompressed)
  pdf-object-stream-tokens.pdf an object stream of 5,000,000 numbers in one array, deflated
                               to ~10 KB (parsed, ~600 MB of objects): stops at
                               max_syntax_tokens before lopdf parses it
  pdf-glyph-flood.pdf          2,000 pages drawing one shared content stream of 150,000
                               glyphs (300 million glyphs from ~400 KB): stops at max_glyphs
"""

import os
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))


def pdf(objects, root=1):
    """A PDF from object bodies (bytes), numbered from 1, with a correct xref table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        root,
        xref,
    )
    return bytes(out)


def stream(data, extra=b"", deflate=False):
    if deflate:
        data = zlib.compress(data, 9)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def one_page(content_obj, resources=b"<< >>", extra_objects=()):
    """Catalog, pages, one page whose content is object 4; more objects from 5."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources %s /Contents 4 0 R >>"
        % resources,
        content_obj,
    ]
    objects.extend(extra_objects)
    return pdf(objects)


def bomb():
    data = zlib.compress(b" " * (256 << 20), 9)
    return one_page(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream")


def deep_arrays():
    depth = 200_000
    deep = b"[" * depth + b"]" * depth
    content = stream(deep + b" TJ")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Annots " + deep + b" >>",
        content,
    ]
    return pdf(objects)


def self_drawing_form():
    form = stream(b"q /Fm0 Do Q", b" /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources 6 0 R")
    return one_page(
        stream(b"/Fm0 Do"),
        b"6 0 R",
        [form, b"<< /XObject << /Fm0 5 0 R >> >>"],
    )


def page_tree_cycle():
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 2 >>",
        b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 4 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 3 0 R /MediaBox [0 0 595 842] /Contents 5 0 R >>",
        stream(b"BT ET"),
    ]
    return pdf(objects)


def huge_w_range():
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        b"1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        b"1 beginbfrange <00000000> <FFFFFFFF> <4E00> endbfrange\n"
        b"endcmap end end"
    )
    text = b"BT /F1 12 Tf 72 720 Td <" + b"0001" * 1000 + b"> Tj ET"
    return one_page(
        stream(text),
        b"<< /Font << /F1 5 0 R >> >>",
        [
            b"<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H "
            b"/DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
            b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X /DW 1000 "
            b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
            b"/W [0 4000000000 500 0 [1 2 3] 4294967295 4294967295 7] >>",
            stream(cmap),
        ],
    )


def unbalanced_q():
    return one_page(stream(b"q\n" * 200_000, deflate=True))


def object_stream_tokens():
    head = b"5 0 "
    data = head + b"[" + b"0 " * 5_000_000 + b"]"
    z = zlib.compress(data, 9)
    objstm = (
        b"<< /Type /ObjStm /N 1 /First %d /Length %d /Filter /FlateDecode >>\nstream\n"
        % (len(head), len(z))
        + z
        + b"\nendstream"
    )
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R /Extra 5 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
            objstm,
        ]
    )


def glyph_flood():
    pages = 2000
    # 1 catalog, 2 pages node, 3 the shared content, 4.. the pages.
    content = stream(b"BT /F1 1 Tf (" + b"x" * 150_000 + b") Tj ET", deflate=True)
    kids = b" ".join(b"%d 0 R" % (4 + i) for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
        content,
    ]
    objects += [
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R"
        b" /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>"
    ] * pages
    return pdf(objects)


CASES = {
    "pdf-decompression-bomb.pdf": bomb,
    "pdf-deep-arrays.pdf": deep_arrays,
    "pdf-self-drawing-form.pdf": self_drawing_form,
    "pdf-page-tree-cycle.pdf": page_tree_cycle,
    "pdf-huge-w-range.pdf": huge_w_range,
    "pdf-unbalanced-q.pdf": unbalanced_q,
    "pdf-object-stream-tokens.pdf": object_stream_tokens,
    "pdf-glyph-flood.pdf": glyph_flood,
}

if __name__ == "__main__":
    for name, make in CASES.items():
        data = make()
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(data)
        print(f"{name}: {len(data)} bytes")
