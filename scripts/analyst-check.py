#!/usr/bin/env python3
"""Runs the README's DuckDB query and pandas snippet over what `nianbao batch` writes
for the real corpus, and checks their results against the corpus's ground truth.

    python3 scripts/analyst-check.py [path/to/nianbao]

The query and the snippet are read from README.md (the code blocks after the markers
`<!-- duckdb-query` and `<!-- pandas-snippet`), so the documented text is what runs.
DuckDB and pandas come from PyPI into `.venv-analyst/` (ignored by git), made when
missing. Exits non-zero on any difference. `.ci/run` calls it.
"""
import csv
import io
import json
import os
import re
import subprocess
import sys
import tempfile
from contextlib import redirect_stdout

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV = os.path.join(ROOT, ".venv-analyst")
PACKAGES = ["duckdb==2.0.1", "pandas==3.1.1"]
CORPUS = os.path.join(ROOT, "testdata", "corpus")


def ensure_packages():
    try:
        import duckdb  # noqa: F401
        import pandas  # noqa: F401
        return
    except ImportError:
        pass
    python = os.path.join(VENV, "bin", "python")
    if not os.path.exists(python):
        subprocess.check_call([sys.executable, "-m", "venv", VENV])
        subprocess.check_call([python, "-m", "pip", "install", "-q"] + PACKAGES)
    os.execv(python, [python] + sys.argv)


def block_after(readme, marker, lang):
    at = readme.index(marker)
    m = re.compile(r"```" + lang + r"\n(.*?)```", re.S).search(readme, at)
    if not m:
        sys.exit(f"README.md: no ```{lang} block after {marker}")
    return m.group(1)


def nianbao_binary():
    if len(sys.argv) > 1:
        return os.path.abspath(sys.argv[1])
    path = os.path.join(ROOT, "target", "debug", "nianbao")
    subprocess.check_call(["cargo", "build", "-q", "-p", "nianbao-cli"], cwd=ROOT)
    return path


def expected_new_received():
    """source file name -> applications.new_received.total of its ground truth (None
    for a blank cell); reports without table 3 (legacy) are absent."""
    out = {}
    for name in sorted(os.listdir(CORPUS)):
        if not name.endswith(".expected.json"):
            continue
        with open(os.path.join(CORPUS, name), encoding="utf-8") as f:
            truth = json.load(f)
        if (truth["meta"].get("template") or {}).get("applications") is None:
            continue
        out[name[: -len(".expected.json")]] = truth["applications"]["new_received"]["total"]
    return out


def main():
    ensure_packages()
    import duckdb

    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
        readme = f.read()
    query = block_after(readme, "<!-- duckdb-query", "sql")
    snippet = block_after(readme, "<!-- pandas-snippet", "python")
    binary = nianbao_binary()
    problems = []
    with tempfile.TemporaryDirectory() as work:
        run = subprocess.run(
            [binary, "batch", CORPUS, "--exclude", "bench/**", "-o", "out", "-q"],
            cwd=work, capture_output=True, text=True,
        )
        if run.returncode != 0:
            sys.exit(f"nianbao batch failed ({run.returncode}): {run.stderr}")
        failed_in_json = {}
        with open(os.path.join(work, "out", "reports.jsonl"), encoding="utf-8") as f:
            for line in f:
                doc = json.loads(line)
                failed_in_json[doc["source"]["name"]] = sum(
                    1 for x in doc["findings"] if x["status"] == "failed"
                )
        old = os.getcwd()
        os.chdir(work)
        try:
            rows = duckdb.sql(query).fetchall()
            printed = io.StringIO()
            with redirect_stdout(printed):
                snippet_vars = {}
                exec(compile(snippet, "README.md (pandas snippet)", "exec"), snippet_vars)
        finally:
            os.chdir(old)

    expected = expected_new_received()
    got = {}
    truths = {n[: -len(".expected.json")] for n in os.listdir(CORPUS) if n.endswith(".expected.json")}
    for agency, year, source, value, failed in rows:
        name = os.path.basename(source)
        if name not in truths:
            continue  # no ground truth (the blank template)
        got[name] = None if value is None else float(value)
        if failed != failed_in_json.get(source):
            problems.append(f"{name}: the query counts {failed} failed rules, the JSON {failed_in_json.get(source)}")
    want = {k: (None if v is None else float(v)) for k, v in expected.items()}
    if got != want:
        for name in sorted(set(got) | set(want)):
            if got.get(name, "absent") != want.get(name, "absent"):
                problems.append(f"{name}: DuckDB gives {got.get(name, 'no row')}, the ground truth {want.get(name, 'no table 3')}")
    # The snippet's own frame (`new`: one row per report with table 3), each value
    # against the ground truth, and each printed.
    text = printed.getvalue()
    frame = {os.path.basename(src): float(v) for src, v in zip(snippet_vars["new"].source, snippet_vars["new"].value)}
    for name, value in want.items():
        if value is None:
            continue
        if frame.get(name) != value:
            problems.append(f"{name}: the pandas snippet gives {frame.get(name, 'no row')}, the ground truth {value:g}")
        if f"{value:g}" not in text:
            problems.append(f"the pandas snippet's output lacks {value:g} ({name}):\n{text}")
    if problems:
        print("analyst-check: FAILED", *problems, sep="\n  ")
        sys.exit(1)
    print(f"analyst-check: the README's DuckDB query gives the ground truth for {len(want)} reports "
          f"({len(rows)} rows), and the pandas snippet prints every value")


if __name__ == "__main__":
    main()
