#!/usr/bin/env python3
"""The timing half of scripts/compare.sh (which installs and builds first; run that).

Times, on the same folder of .docx files, at equal work:
  - pandoc -f docx -t json, one process per file (it has no batch mode), 1 and 2 at a time;
  - python-docx (scripts/python_docx_walk.py), one interpreter looping, 1 and 2 processes;
  - docx-rs read_docx (scripts/docx-rs-harness), 1 and 2 threads;
  - nianbao batch --to json (read, recognize, check, write JSON files), -j 1 and -j 2;
  - nianbao read + recognize in process (examples/throughput.rs --stage report);
  - the floor: inflate + tokenize word/document.xml (examples/throughput.rs --stage floor).

Every comparison is a pair (A against B) run alternately, B A B A … B, so that a machine
whose speed drifts favours neither: each run of A is set against the mean of the runs of
B just before and after it, and the pair's multiple is the median of those ratios.
Times are wall-clock times of the whole command, process start included, as a user
would see them.
"""

import argparse
import concurrent.futures
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
import zipfile


def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip()
    except OSError:
        return ""


def machine():
    model = sh("lscpu | grep 'Model name' | head -1 | sed 's/.*: *//'")
    mem = sh("free -h | awk '/^Mem:/ {print $2}'")
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": sh("nproc"),
        "cpu": model,
        "memory": mem,
        "kernel": platform.release(),
        "load": sh("cat /proc/loadavg | cut -d' ' -f1-3"),
        "rustc": sh("rustc --version"),
        "pandoc": sh("pandoc --version | head -1"),
    }


class Tool:
    """A command to time. `run(out)` runs it once and returns the parsed counts."""

    def __init__(self, key, label, workers, argv=None, per_file=None, expect=None):
        self.key = key
        self.label = label
        self.workers = workers
        self.argv = argv
        self.per_file = per_file
        self.expect = expect
        self.times = []
        self.counts = None

    def run(self, files, out):
        if os.path.exists(out):
            shutil.rmtree(out)
        os.makedirs(out)
        start = time.perf_counter()
        if self.per_file:
            def one(path):
                argv = self.per_file(path, out)
                return subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)

            with concurrent.futures.ThreadPoolExecutor(self.workers) as pool:
                results = list(pool.map(one, files))
            stdout = ""
            failed = [r.stderr for r in results if r.returncode != 0]
            if failed:
                raise SystemExit(f"{self.label}: {len(failed)} files failed: {failed[0][:500]}")
        else:
            r = subprocess.run(self.argv(out), capture_output=True, text=True)
            if r.returncode != 0:
                raise SystemExit(f"{self.label} failed ({r.returncode}): {r.stderr[-2000:]}")
            stdout = r.stdout
        elapsed = time.perf_counter() - start
        counts = dict(re.findall(r"(\w+)=([\d.]+)", stdout))
        counts.pop("secs", None)
        if self.expect:
            self.expect(counts, out)
        self.times.append(elapsed)
        self.counts = counts
        return elapsed


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--nianbao", required=True)
    ap.add_argument("--throughput", required=True)
    ap.add_argument("--docx-rs", required=True)
    ap.add_argument("--python", required=True, help="the venv's python, with python-docx")
    ap.add_argument("--walker", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--rounds", type=int, default=9, help="runs of each fast tool per pair")
    ap.add_argument("--slow-rounds", type=int, default=1, help="runs of pandoc and python-docx per pair")
    ap.add_argument("--json", help="write the raw figures here")
    args = ap.parse_args()

    # Every tool reads the same folder: links to the .docx files alone (a README beside
    # them would be one more input to `nianbao batch`, which walks the whole folder).
    src = args.corpus
    args.corpus = os.path.join(args.work, "corpus")
    shutil.rmtree(args.corpus, ignore_errors=True)
    os.makedirs(args.corpus)
    for name in sorted(os.listdir(src)):
        if name.endswith(".docx"):
            os.symlink(os.path.abspath(os.path.join(src, name)), os.path.join(args.corpus, name))
    files = sorted(
        os.path.join(args.corpus, n) for n in os.listdir(args.corpus) if n.endswith(".docx")
    )
    n = len(files)
    if n == 0:
        raise SystemExit(f"no .docx in {args.corpus}")
    xml_bytes = 0
    for f in files:
        with zipfile.ZipFile(f) as z:
            xml_bytes += z.getinfo("word/document.xml").file_size
    before = machine()

    def outputs_are(ext):
        def check(counts, out):
            made = [x for x in os.listdir(out) if x.endswith(ext)]
            if len(made) != n:
                raise SystemExit(f"expected {n} {ext} outputs in {out}, found {len(made)}")
        return check

    def reports_written(counts, out):
        with open(os.path.join(out, "reports.jsonl")) as f:
            lines = sum(1 for line in f if line.strip())
        if lines != n:
            raise SystemExit(f"nianbao batch wrote {lines} reports for {n} files")

    def counted(counts, out):
        if int(counts.get("files", -1)) != n or int(counts.get("failed", -1)) != 0:
            raise SystemExit(f"a tool did not read all {n} files: {counts}")

    tools = {}

    def add(t):
        tools[t.key] = t
        return t

    for j in (1, 2):
        add(Tool(f"nianbao{j}", "nianbao batch --to json", j,
                 argv=lambda out, j=j: [args.nianbao, "batch", args.corpus, "-o", out, "--to", "json", "-j", str(j)],
                 expect=reports_written))
        add(Tool(f"pandoc{j}", "pandoc -f docx -t json", j,
                 per_file=lambda p, out: ["pandoc", "-f", "docx", "-t", "json", "-o",
                                          os.path.join(out, os.path.basename(p) + ".json"), p],
                 expect=outputs_are(".json")))
        add(Tool(f"python{j}", "python-docx (walk paragraphs + cells)", j,
                 argv=lambda out, j=j: [args.python, args.walker, args.corpus, "-j", str(j)],
                 expect=counted))
        add(Tool(f"docxrs{j}", "docx-rs read_docx (+ walk)", j,
                 argv=lambda out, j=j: [args.docx_rs, args.corpus, "-j", str(j)],
                 expect=counted))
        add(Tool(f"report{j}", "nianbao read + recognize (in process)", j,
                 argv=lambda out, j=j: [args.throughput, args.corpus, "--stage", "report", "-j", str(j)],
                 expect=counted))
        add(Tool(f"floor{j}", "floor: inflate + tokenize", j,
                 argv=lambda out, j=j: [args.throughput, args.corpus, "--stage", "floor", "-j", str(j)],
                 expect=counted))

    # (A, B, rounds): A's time as a multiple of B's, measured alternately.
    slow, fast = args.slow_rounds, args.rounds
    pairs = [
        ("nianbao2", "nianbao1", fast),
        ("floor2", "floor1", fast),
        ("report1", "floor1", fast),
        ("report2", "floor2", fast),
        ("floor1", "nianbao1", fast),
        ("floor2", "nianbao2", fast),
        ("docxrs1", "nianbao1", fast),
        ("docxrs2", "nianbao2", fast),
        ("python1", "nianbao1", slow),
        ("python2", "nianbao2", slow),
        ("pandoc1", "nianbao1", slow),
        ("pandoc2", "nianbao2", slow),
    ]
    # Warm the page cache and every binary once, untimed.
    for t in tools.values():
        if not t.key.startswith(("pandoc", "python")):
            t.run(files, os.path.join(args.work, "out", t.key))
            t.times.clear()
    subprocess.run(["pandoc", "-f", "docx", "-t", "json", "-o", os.devnull, files[0]], check=True)

    ratios = {}
    for a, b, rounds in pairs:
        ta, tb = tools[a], tools[b]
        out_a = os.path.join(args.work, "out", a)
        out_b = os.path.join(args.work, "out", b)
        print(f"timing {ta.label} -j{ta.workers} against {tb.label} -j{tb.workers} ({rounds} rounds)",
              file=sys.stderr, flush=True)
        b_times = [tb.run(files, out_b)]
        rs = []
        for _ in range(rounds):
            t_a = ta.run(files, out_a)
            b_times.append(tb.run(files, out_b))
            rs.append(t_a / statistics.mean(b_times[-2:]))
        ratios[(a, b)] = statistics.median(rs)
    after = machine()

    def docs_s(t):
        return n / statistics.median(t.times)

    def mb_s(t):
        return xml_bytes / 1e6 / statistics.median(t.times)

    rows = []
    order = ["nianbao", "report", "floor", "docxrs", "python", "pandoc"]
    for name in order:
        for j in (1, 2):
            t = tools[f"{name}{j}"]
            ref = ratios.get((t.key, f"nianbao{j}"))
            mult = "1 (ours)" if name == "nianbao" else (f"{ref:.2f}×" if ref else "")
            rows.append((t.label, j, len(t.times), statistics.median(t.times), docs_s(t), mb_s(t), mult))

    lines = []
    lines.append(f"{n} files, {xml_bytes / 1e6:.1f} MB of word/document.xml ({args.corpus})")
    lines.append(f"machine: {before['nproc']} cores, {before['cpu']}, {before['memory']} memory, "
                 f"Linux {before['kernel']}; {before['rustc']}; {before['pandoc']}")
    lines.append(f"date: {before['date']}; load average before: {before['load']}, after: {after['load']}")
    lines.append("")
    lines.append("| tool | workers | runs | median time (s) | docs/s | MB/s | time × nianbao batch |")
    lines.append("|---|---:|---:|---:|---:|---:|---:|")
    for label, j, runs, med, d, m, mult in rows:
        lines.append(f"| {label} | {j} | {runs} | {med:.3f} | {d:,.1f} | {m:.1f} | {mult} |")
    lines.append("")

    def target(name, value, ok, goal):
        return f"| {name} | {value} | {goal} | {'met' if ok else 'MISSED'} |"

    lines.append("| target (same run, paired) | figure | goal | |")
    lines.append("|---|---:|---:|---|")
    for j in (1, 2):
        r = ratios[(f"pandoc{j}", f"nianbao{j}")]
        lines.append(target(f"full job vs pandoc, {j} worker(s)", f"{r:.1f}×", r >= 50, "≥ 50×"))
    for j in (1, 2):
        r = ratios[(f"python{j}", f"nianbao{j}")]
        lines.append(target(f"full job vs python-docx, {j} worker(s)", f"{r:.1f}×", r >= 20, "≥ 20×"))
    for j in (1, 2):
        r = ratios[(f"report{j}", f"floor{j}")]
        lines.append(target(f"read + recognize vs floor, {j} worker(s)", f"{r:.2f}×", r <= 1.5, "≤ 1.5×"))
    r = 1 / ratios[("nianbao2", "nianbao1")]
    lines.append(target("nianbao batch, 2 workers vs 1", f"{r:.2f}×", r >= 1.8, "≥ 1.8×"))
    r = 1 / ratios[("floor2", "floor1")]
    lines.append(f"| (for scale) floor, 2 threads vs 1 | {r:.2f}× | | |")
    lines.append("")
    work = {k: tools[k].counts for k in ("python1", "docxrs1")}
    lines.append("work check: " + "; ".join(
        f"{tools[k].label}: " + ", ".join(f"{x}={v}" for x, v in c.items()) for k, c in work.items()))
    text = "\n".join(lines)
    print(text)
    if args.json:
        with open(args.json, "w") as f:
            json.dump({
                "files": n, "xml_bytes": xml_bytes, "machine_before": before, "machine_after": after,
                "times": {k: t.times for k, t in tools.items()},
                "ratios": {f"{a}/{b}": r for (a, b), r in ratios.items()},
                "table": text,
            }, f, indent=2, ensure_ascii=False)


if __name__ == "__main__":
    main()
