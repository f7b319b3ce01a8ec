#!/usr/bin/env python3
"""Builds the hand-made .doc fixtures of testdata/doc/word-style/ and the must-fail
.doc/.wps cases of testdata/bad/: what Word writes and LibreOffice does not.

    python3 testdata/doc/make_word_style.py

Deterministic (the same bytes each run). Each file is a minimal OLE compound file
(version 3, 512-byte sectors, every stream padded to 4096 bytes so no mini stream is
needed) holding a WordDocument stream with a Word 97 FIB, a 1Table stream with the
piece table (Clx) and the paragraph bin table, and the 512-byte paragraph property
pages (PapxFkp) after the text. Only what the reader uses is filled in ([MS-DOC]).
"""
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SECTOR = 512
END, FREE, FATSECT = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD


def cfb(streams):
    """A compound file holding `streams` ((name, bytes) pairs), each padded to at least
    4096 bytes (the size recorded is the padded one)."""
    # The directory's siblings must be in order: shorter names first, then by upper case.
    streams = sorted(streams, key=lambda s: (len(s[0]), s[0].upper()))
    streams = [(n, d.ljust(max(4096, (len(d) + SECTOR - 1) // SECTOR * SECTOR), b"\0")) for n, d in streams]
    chains, nxt = [], 2  # sector 0: FAT, 1: directory
    for _, data in streams:
        n = len(data) // SECTOR
        chains.append((nxt, n))
        nxt += n
    fat = [FATSECT, END]
    for start, n in chains:
        fat += [start + k + 1 for k in range(n - 1)] + [END]
    assert len(fat) <= SECTOR // 4, "one FAT sector is enough"
    fat += [FREE] * (SECTOR // 4 - len(fat))

    def entry(name, kind, start, size, child=FREE, right=FREE):
        raw = name.encode("utf-16-le") + b"\0\0"
        e = raw.ljust(64, b"\0") + struct.pack("<HBB", len(raw), kind, 1)
        e += struct.pack("<III", FREE, right, child) + b"\0" * 36
        return (e + struct.pack("<IQ", start, size)).ljust(128, b"\0")

    dirs = [entry("Root Entry", 5, END, 0, child=1)]
    for i, ((name, data), (start, _)) in enumerate(zip(streams, chains)):
        right = i + 2 if i + 1 < len(streams) else FREE
        dirs.append(entry(name, 2, start, len(data), right=right))
    assert len(dirs) <= 4
    directory = b"".join(dirs).ljust(SECTOR, b"\0")
    header = bytearray(SECTOR)
    header[0:8] = bytes.fromhex("D0CF11E0A1B11AE1")
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIII", header, 40, 0, 1, 1, 0, 4096, END, 0, END)
    struct.pack_into("<II", header, 72, 0, 0)
    for k in range(1, 109):
        struct.pack_into("<I", header, 76 + 4 * k, FREE)
    return bytes(header) + struct.pack(f"<{SECTOR // 4}I", *fat) + directory + b"".join(d for _, d in streams)


# --- property modifiers -------------------------------------------------------------

def sprm(code, operand):
    return struct.pack("<H", code) + operand


IN_TABLE = sprm(0x2416, b"\x01")
TTP = sprm(0x2417, b"\x01")


def def_table(centers, flags):
    """sprmTDefTable: cell boundaries (twips) and per-cell TCGRF flags."""
    body = bytes([len(flags)]) + b"".join(struct.pack("<h", c) for c in centers)
    body += b"".join(struct.pack("<H", f) + b"\0" * 18 for f in flags)
    return struct.pack("<HH", 0xD608, len(body) + 1) + body


FIRST_MERGED, MERGED, VERT_MERGE, VERT_RESTART = 0x01, 0x02, 0x20, 0x40


# --- the document ---------------------------------------------------------------------

class Doc:
    """Text laid out as pieces in the WordDocument stream, with paragraph properties."""

    def __init__(self):
        self.wd = bytearray(1024)  # FIB room; text starts at 1024
        self.pieces = []  # (cp_start, cp_end, fc, compressed)
        self.cp = 0
        self.runs = []  # (fc_start, fc_end, papx bytes) per paragraph
        self.char_runs = []  # (fc_start, fc_end, chpx grpprl) of formatted text

    def piece(self, text, compressed, papx_of=None, at=None):
        """Appends `text` as one piece (8-bit or UTF-16) at byte `at` of the stream (the
        end when None). `papx_of` gives, per paragraph mark in it, its PAPX bytes."""
        fc = len(self.wd) if at is None else at
        raw = text.encode("cp1252") if compressed else text.encode("utf-16-le")
        if fc + len(raw) > len(self.wd):
            self.wd += b"\0" * (fc + len(raw) - len(self.wd))
        self.wd[fc:fc + len(raw)] = raw
        self.pieces.append((self.cp, self.cp + len(text), fc, compressed))
        width = 1 if compressed else 2
        start = fc
        marks = [i for i, ch in enumerate(text) if ch in "\r\x07"]
        for k, i in enumerate(marks):
            mark_end = fc + (i + 1) * width
            self.runs.append((start, mark_end, papx_of(k) if papx_of else b""))
            start = mark_end
        self.cp += len(text)

    def formatted(self, text, grpprl):
        """Appends `text` as a UTF-16 piece with character properties `grpprl`."""
        fc = len(self.wd)
        self.piece(text, False)
        self.char_runs.append((fc, len(self.wd), grpprl))

    def chpx_page(self):
        """A ChpxFkp covering the text: the formatted runs, plain runs between them."""
        runs, at = [], 1024
        for s, e, g in sorted(self.char_runs):
            if s > at:
                runs.append((at, s, None))
            runs.append((s, e, g))
            at = e
        page = bytearray(SECTOR)
        for i, (s, _, _) in enumerate(runs):
            struct.pack_into("<I", page, i * 4, s)
        struct.pack_into("<I", page, len(runs) * 4, runs[-1][1])
        top = SECTOR - 1
        for i, (_, _, g) in enumerate(runs):
            if g is None:
                continue
            top -= 1 + len(g)
            top -= top % 2
            page[top] = len(g)
            page[top + 1:top + 1 + len(g)] = g
            page[(len(runs) + 1) * 4 + i] = top // 2
        page[SECTOR - 1] = len(runs)
        return page, runs[0][0], runs[-1][1]

    def build(self, extra_streams=(), fib_flags=0, ident=0xA5EC, nfib=0xC1, shared_papx=False):
        # The paragraph property page: runs sorted by fc (a fast-saved file's are not
        # in CP order), one PapxInFkp per distinct PAPX (shared when equal).
        runs = sorted(self.runs)
        page_pn = (len(self.wd) + SECTOR - 1) // SECTOR
        self.wd += b"\0" * (page_pn * SECTOR - len(self.wd))
        page = bytearray(SECTOR)
        crun = len(runs)
        # Runs must be contiguous in fc: fill gaps with empty runs.
        fcs = []
        for s, e, _ in runs:
            fcs.append(s)
        fcs.append(runs[-1][1])
        for i, f in enumerate(fcs):
            struct.pack_into("<I", page, i * 4, f)
        top = SECTOR - 1
        offsets = {}
        for i, (_, _, papx) in enumerate(runs):
            key = papx if shared_papx else (i, papx)
            if key not in offsets:
                grp = struct.pack("<H", 0) + papx
                if len(grp) % 2 == 0:
                    blob = bytes([0, len(grp) // 2]) + grp
                else:
                    blob = bytes([(len(grp) + 1) // 2]) + grp
                top -= len(blob)
                top -= top % 2
                page[top:top + len(blob)] = blob
                offsets[key] = top // 2
            page[(crun + 1) * 4 + i * 13] = offsets[key]
        page[SECTOR - 1] = crun
        assert (crun + 1) * 4 + crun * 13 <= top, "the runs fit the page"
        self.wd += page
        chpx = None
        if self.char_runs:
            cpage, first, last = self.chpx_page()
            chpx = (len(self.wd) // SECTOR, first, last)
            self.wd += cpage
        # 1Table: the Clx, then the bin tables.
        plc = b"".join(struct.pack("<I", p[0]) for p in self.pieces) + struct.pack("<I", self.cp)
        for _, _, fc, compressed in self.pieces:
            raw = (fc * 2) | 0x40000000 if compressed else fc
            plc += struct.pack("<HIH", 0, raw, 0)
        clx = b"\x02" + struct.pack("<I", len(plc)) + plc
        bte = struct.pack("<II", fcs[0], fcs[-1]) + struct.pack("<I", page_pn)
        table = clx + bte
        if chpx:
            bte_chpx = struct.pack("<III", chpx[1], chpx[2], chpx[0])
            chpx_at = len(table)
            table += bte_chpx
        # The FIB: FibBase, csw 14, cslw 22, cbRgFcLcb 93 (Word 97).
        fib = bytearray(1024)
        struct.pack_into("<HH", fib, 0, ident, nfib)
        struct.pack_into("<H", fib, 0x0A, 0x0200 | 0x0004 | fib_flags)  # 1Table, fComplex
        struct.pack_into("<H", fib, 32, 14)
        lw = 34 + 28
        struct.pack_into("<H", fib, lw, 22)
        struct.pack_into("<I", fib, lw + 2 + 3 * 4, self.cp)  # ccpText
        rg = lw + 2 + 22 * 4
        struct.pack_into("<H", fib, rg, 93)
        pair = lambda i, fc, lcb: struct.pack_into("<II", fib, rg + 2 + i * 8, fc, lcb)
        pair(33, 0, len(clx))
        pair(13, len(clx), len(bte))
        if chpx:
            pair(12, chpx_at, len(bte_chpx))
        self.wd[0:1024] = fib
        return cfb([("WordDocument", bytes(self.wd)), ("1Table", table)] + list(extra_streams))


def fast_saved():
    """Several pieces in mixed encodings and out of stream order, as a fast save leaves
    them: the body text, then an edit appended at the end of the stream, then the rest."""
    d = Doc()
    d.wd += b"\0" * 3000  # room: the first pieces are written further on
    d.piece("Annual report of the Example County\r", True, at=1200)  # 8-bit
    d.piece("一、总体情况\r", False, at=3200)  # UTF-16, later in the stream
    d.piece("Caf\u00e9 \u201cquoted\u201d \u20ac5 \u2014 ", True, at=1100)  # cp1252 specials, before the first
    d.piece("（一）主动公开：本年度新制发规范性文件", False)  # appended at the end
    d.piece("12件。\r", False, at=3300)
    return d.build()


def shared_row_def():
    """A table of three rows whose row ends share one PAPX (one sprmTDefTable in the
    page, pointed to by each row's run), the first cell merged over two rows
    (fVertRestart/fVertMerge) and the last two cells of the second row merged
    (fFirstMerged/fMerged)."""
    d = Doc()
    d.piece("表\r", False)
    cell = lambda k: IN_TABLE
    row_def = IN_TABLE + TTP + def_table([0, 2000, 4000, 6000], [VERT_MERGE | VERT_RESTART, 0, 0])
    d.piece("项目\x07本年\x07上年\x07", False, papx_of=cell)
    d.piece("\x07", False, papx_of=lambda k: row_def)
    row2 = IN_TABLE + TTP + def_table([0, 2000, 4000, 6000], [VERT_MERGE, FIRST_MERGED, MERGED])
    d.piece("\x07合计\x07\x07", False, papx_of=cell)
    d.piece("\x07", False, papx_of=lambda k: row2)
    d.piece("收到申请\x0712\x0710\x07", False, papx_of=cell)
    d.piece("\x07", False, papx_of=lambda k: row_def)
    d.piece("完\r", False)
    return d.build(shared_papx=True)


def revisions():
    """Hidden text (sprmCFVanish), a tracked deletion (sprmCFRMarkDel) and a tracked
    insertion (sprmCFRMarkIns): the reader of the document sees the insertion only."""
    d = Doc()
    d.piece("一、总体情况\r本年度共收到申请", False)
    d.formatted("（隐藏批注）", sprm(0x083C, b"\x01"))
    d.formatted("99", sprm(0x0800, b"\x01"))
    d.formatted("12", sprm(0x0801, b"\x01"))
    d.piece("件。\r", False)
    return d.build()


def main():
    out = os.path.join(HERE, "word-style")
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "fast-saved.doc"), "wb") as f:
        f.write(fast_saved())
    with open(os.path.join(out, "shared-row-def.doc"), "wb") as f:
        f.write(shared_row_def())
    with open(os.path.join(out, "revisions.doc"), "wb") as f:
        f.write(revisions())
    bad = os.path.join(ROOT, "testdata", "bad")

    def simple():
        d = Doc()
        d.piece("一、总体情况\r", False)
        return d

    cases = {
        "word95.doc": simple().build(ident=0xA5DC, nfib=0x65),
        "encrypted.doc": simple().build(fib_flags=0x0100),
        # Not a compound file: the older WPS formats are not.
        "old-wps.wps": "WPS 2000 文字文档".encode("gbk") + b"\0" * 200,
        "workbook.doc": cfb([("Workbook", b"\x09\x08" + b"\0" * 100)]),
    }
    # A piece pointing past the end of the WordDocument stream.
    d = simple()
    d.pieces[0] = (0, 7, 0x7FFF0, False)
    cases["piece-outside-stream.doc"] = d.build()
    for name, data in cases.items():
        with open(os.path.join(bad, name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
