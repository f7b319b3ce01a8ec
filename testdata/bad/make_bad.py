#!/usr/bin/env python3
"""Writes the small must-fail inputs of testdata/bad/ (deterministic: same bytes each run).

Run from anywhere: python3 testdata/bad/make_bad.py. The large cases (a 100 MB line,
a zip with 100,000 entries, a row of 1,000,000 cells) are not files here: the test
tests/bad_inputs.rs builds them in memory. See README.md.
"""
import io
import os
import struct
import zipfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)
HEAD = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}"><w:body>'
TAIL = "</w:body></w:document>"


def para(text):
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


GOOD_BODY = (
    para("示例县2021年政府信息公开工作年度报告")
    + para("一、总体情况")
    + para("本年度，本机关认真落实政府信息公开工作要求。")
)
FIXED_TIME = (2021, 1, 1, 0, 0, 0)


def docx(document_xml, extra=(), compress=zipfile.ZIP_DEFLATED):
    """A package with the given word/document.xml bytes (and extra (name, bytes) parts)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in [
            ("[Content_Types].xml", CONTENT_TYPES.encode()),
            ("_rels/.rels", RELS.encode()),
            ("word/document.xml", document_xml),
            *extra,
        ]:
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = compress
            z.writestr(info, data)
    return buf.getvalue()


def bomb(size):
    """A document.xml of `size` bytes that is almost all spaces: it deflates ~1000:1."""
    start = (HEAD + para("一、总体情况")).encode()
    end = TAIL.encode()
    return start + b" " * (size - len(start) - len(end)) + end


def lie_about_sizes(data, real, fake):
    """Rewrites the uncompressed size `real` of every header to `fake` (local headers
    and central directory), so the reader cannot trust what the zip declares."""
    out = bytearray(data)
    for sig, off in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        i = out.find(sig)
        while i >= 0:
            if struct.unpack_from("<I", out, i + off)[0] == real:
                struct.pack_into("<I", out, i + off, fake)
            i = out.find(sig, i + 4)
    return bytes(out)


def cfb(streams):
    """A minimal OLE2 compound file (version 3, 512-byte sectors) holding `streams`
    ((name, size) pairs, each at least 4096 bytes so no mini stream is needed), all
    zeros: enough structure for a sniffer or a CFB parser to list the streams."""
    sector = 512
    end, free, fat_sect = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
    chains = []
    next_sector = 2  # 0: FAT, 1: directory
    for _, size in streams:
        n = (size + sector - 1) // sector
        chains.append((next_sector, n))
        next_sector += n
    fat = [fat_sect, end]
    for start, n in chains:
        fat += [start + k + 1 for k in range(n - 1)] + [end]
    fat += [free] * (sector // 4 - len(fat))
    assert len(fat) == sector // 4, "one FAT sector is enough"

    def entry(name, kind, start, size, child=free, right=free):
        raw = name.encode("utf-16-le") + b"\0\0"
        e = raw.ljust(64, b"\0")
        e += struct.pack("<HBB", len(raw), kind, 1)  # name length, type, black
        e += struct.pack("<III", free, right, child)  # left, right, child
        e += b"\0" * 16 + b"\0" * 4 + b"\0" * 16  # clsid, state, times
        e += struct.pack("<IQ", start, size)
        return e.ljust(128, b"\0")

    dirs = [entry("Root Entry", 5, end, 0, child=1)]
    for i, ((name, size), (start, _)) in enumerate(zip(streams, chains)):
        right = i + 2 if i + 1 < len(streams) else free
        dirs.append(entry(name, 2, start, size, right=right))
    directory = b"".join(dirs).ljust(sector, b"\0")
    header = bytearray(sector)
    header[0:8] = bytes.fromhex("D0CF11E0A1B11AE1")
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIII", header, 40, 0, 1, 1, 0, 4096, end, 0, end)
    struct.pack_into("<I", header, 72, 0)  # no DIFAT sectors
    struct.pack_into("<I", header, 76, 0)  # DIFAT[0] = FAT in sector 0
    for k in range(1, 109):
        struct.pack_into("<I", header, 76 + 4 * k, free)
    body = b"".join(b"\0" * (n * sector) for _, n in chains)
    return bytes(header) + struct.pack(f"<{sector // 4}I", *fat) + directory + body


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def main():
    good = docx((HEAD + GOOD_BODY + TAIL).encode())
    # A download cut off: the central directory at the end is gone.
    write("truncated.docx", good[: len(good) // 2])
    # A well-formed zip whose document.xml stops in the middle of an element.
    write("cut-mid-element.docx", docx((HEAD + GOOD_BODY + "<w:p><w:r><w:t>二、主动公开政").encode()))
    # 10,000 nested elements (content controls, as Word nests them).
    deep = HEAD + "<w:sdt><w:sdtContent>" * 10_000 + para("x") + "</w:sdtContent></w:sdt>" * 10_000 + TAIL
    write("deep-nesting.docx", docx(deep.encode()))
    # Billion laughs: a DTD whose entities would expand to 10^9 copies.
    lol = '<!DOCTYPE w:document [<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1)) * 10}">' for i in range(1, 10)
    ) + "]>"
    laughs = HEAD.replace("<w:document", lol + "<w:document", 1) + para("&lol9;") + TAIL
    write("entity-expansion.docx", docx(laughs.encode()))
    # Bytes that are no UTF-8 in a part that declares UTF-8.
    bad_utf8 = (HEAD + para("一、总体情况")).encode() + b"<w:p><w:r><w:t>\xff\xfe\xc3\x28\xa0\xa1</w:t></w:r></w:p>" + TAIL.encode()
    write("invalid-utf8.docx", docx(bad_utf8))
    # A zip bomb that tells the truth: 50 MiB of document.xml in ~50 KB.
    write("zip-bomb.docx", docx(bomb(50 << 20)))
    # A zip bomb that lies: 100 MiB inflated, every header says 2,000 bytes.
    real = 100 << 20
    write("zip-bomb-lying-sizes.docx", lie_about_sizes(docx(bomb(real)), real, 2000))
    # An encrypted (password-protected) Word file: OOXML inside a CFB container.
    write("encrypted.docx", cfb([("EncryptionInfo", 4096), ("EncryptedPackage", 4096)]))
    # A Word 97-2003 binary document.
    write("word97.doc", cfb([("WordDocument", 4096), ("1Table", 4096)]))
    # An Excel workbook.
    xlsx = io.BytesIO()
    with zipfile.ZipFile(xlsx, "w") as z:
        for name, data in [
            ("[Content_Types].xml", "<Types/>"),
            ("xl/workbook.xml", '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>'),
        ]:
            z.writestr(zipfile.ZipInfo(name, FIXED_TIME), data)
    write("spreadsheet.xlsx", xlsx.getvalue())
    # The HTML error page a server sent instead of the file, saved under the .docx name.
    write(
        "html-error-page.docx",
        b"<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head>\n"
        b"<body><h1>404 Not Found</h1><p>The requested URL was not found on this server.</p></body></html>\n",
    )
    write("empty.docx", b"")
    # Binary noise under a .txt name: no encoding we read decodes it.
    noise = bytes((i * 197 + 89) % 256 for i in range(4096))
    write("binary-noise.txt", noise.replace(b"\n", b"\x00"))


if __name__ == "__main__":
    main()
