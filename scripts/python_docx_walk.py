#!/usr/bin/env python3
"""Reads every .docx of a folder with python-docx, as a user of it would to get the data
out: open the document, walk every body paragraph and every table cell in document order
(a merged cell is read once: python-docx repeats it for every grid column and row it
covers, so cells are deduplicated by their <w:tc> element), nested tables included.

    python_docx_walk.py FOLDER [-j N]

One interpreter loops over the files; with -j N the files are dealt to N processes.
Prints `files=... failed=... paragraphs=... cells=... chars=...` so scripts/compare.sh
can check that every tool did the same work. Used by scripts/compare.sh.
"""

import multiprocessing
import os
import sys

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph


def walk_table(table, counts):
    seen = set()
    for row in table.rows:
        for cell in row.cells:
            tc = cell._tc
            if tc in seen:
                continue
            seen.add(tc)
            counts["cells"] += 1
            counts["chars"] += len(cell.text)
            for nested in cell.tables:
                walk_table(nested, counts)


def walk_file(path, counts):
    document = docx.Document(path)
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            counts["paragraphs"] += 1
            counts["chars"] += len(block.text)
        elif isinstance(block, Table):
            walk_table(block, counts)


def walk_files(paths):
    counts = {"files": 0, "failed": 0, "paragraphs": 0, "cells": 0, "chars": 0}
    for path in paths:
        counts["files"] += 1
        try:
            walk_file(path, counts)
        except Exception as e:  # a failure is counted and reported, never hidden
            counts["failed"] += 1
            print(f"{path}: {e}", file=sys.stderr)
    return counts


def main(argv):
    jobs = 1
    folder = None
    args = iter(argv)
    for a in args:
        if a == "-j":
            jobs = int(next(args))
        elif folder is None:
            folder = a
        else:
            sys.exit("usage: python_docx_walk.py FOLDER [-j N]")
    if folder is None or jobs < 1:
        sys.exit("usage: python_docx_walk.py FOLDER [-j N]")
    paths = sorted(
        os.path.join(folder, n) for n in os.listdir(folder) if n.endswith(".docx")
    )
    if jobs == 1:
        parts = [walk_files(paths)]
    else:
        shards = [paths[i::jobs] for i in range(jobs)]
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            parts = pool.map(walk_files, shards)
    total = {k: sum(p[k] for p in parts) for k in parts[0]}
    print(" ".join(f"{k}={v}" for k, v in total.items()))


if __name__ == "__main__":
    main(sys.argv[1:])
