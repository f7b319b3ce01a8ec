#!/usr/bin/env python3
"""Writes the text fixtures of nianbao-txt: one synthetic report (our own numbers,
2021 format) laid out as each kind of text dump and transcoded into each encoding.

Run from this folder: `python3 make_fixtures.py`. The Traditional-Chinese fixture
needs OpenCC (the PyPI package `opencc-python-reimplemented`): when it is not
importable, the script makes a virtual environment in `.venv-fixtures/` (ignored by
git), installs it there and runs itself again with that interpreter. The files are
committed, so the tests never run this script.
"""
import codecs
import json
import os
import re
import subprocess
import sys

VENV = os.path.join(os.path.dirname(os.path.abspath(__file__)), ".venv-fixtures")


def ensure_opencc():
    """Re-runs this script in a venv that has OpenCC, when this interpreter lacks it."""
    try:
        import opencc  # noqa: F401
        return
    except ImportError:
        pass
    if os.environ.get("NIANBAO_FIXTURES_VENV"):
        sys.exit("OpenCC is still missing inside " + VENV)
    python = os.path.join(VENV, "bin", "python3")
    if not os.path.exists(python):
        subprocess.check_call([sys.executable, "-m", "venv", VENV])
    subprocess.check_call([python, "-m", "pip", "install", "-q", "opencc-python-reimplemented==0.1.7"])
    env = dict(os.environ, NIANBAO_FIXTURES_VENV="1")
    os.execve(python, [python, os.path.abspath(__file__)] + sys.argv[1:], env)

AGENCY = "示例县人民政府"
YEAR = 2023
TITLE = f"{AGENCY}{YEAR}年政府信息公开工作年度报告"

COLS = ["natural_person", "commercial", "research", "social_welfare", "legal_services", "other_org", "total"]
ROWS = [  # (path, label, group, six applicant values; total is computed)
    ("new_received", "一、本年新收政府信息公开申请数量", None, [120, 8, 1, 0, 2, 3]),
    ("carried_over", "二、上年结转政府信息公开申请数量", None, [5, 1, 0, 0, 0, 0]),
    ("results.granted", "（一）予以公开", "三、本年度办理结果", [60, 4, 1, 0, 1, 1]),
    ("results.partially_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", None, [10, 1, 0, 0, 0, 0]),
    ("results.denied.state_secret", "1.属于国家秘密", "（三）不予公开", [0, 0, 0, 0, 0, 0]),
    ("results.denied.prohibited_by_law", "2.其他法律行政法规禁止公开", None, [1, 0, 0, 0, 0, 0]),
    ("results.denied.endangers_safety_stability", "3.危及“三安全一稳定”", None, [0, 0, 0, 0, 0, 0]),
    ("results.denied.third_party_rights", "4.保护第三方合法权益", None, [2, 0, 0, 0, 0, 0]),
    ("results.denied.internal_affairs", "5.属于三类内部事务信息", None, [1, 0, 0, 0, 0, 0]),
    ("results.denied.process_information", "6.属于四类过程性信息", None, [3, 1, 0, 0, 0, 0]),
    ("results.denied.enforcement_files", "7.属于行政执法案卷", None, [0, 0, 0, 0, 0, 0]),
    ("results.denied.inquiry_matters", "8.属于行政查询事项", None, [4, 0, 0, 0, 0, 0]),
    ("results.unable_to_provide.not_held", "1.本机关不掌握相关政府信息", "（四）无法提供", [20, 1, 0, 0, 1, 1]),
    ("results.unable_to_provide.needs_creation", "2.没有现成信息需要另行制作", None, [5, 0, 0, 0, 0, 0]),
    ("results.unable_to_provide.unclear_after_correction", "3.补正后申请内容仍不明确", None, [2, 0, 0, 0, 0, 0]),
    ("results.not_processed.complaints", "1.信访举报投诉类申请", "（五）不予处理", [3, 0, 0, 0, 0, 0]),
    ("results.not_processed.repeated", "2.重复申请", None, [4, 1, 0, 0, 0, 0]),
    ("results.not_processed.publications", "3.要求提供公开出版物", None, [0, 0, 0, 0, 0, 0]),
    ("results.not_processed.excessive", "4.无正当理由大量反复申请", None, [1, 0, 0, 0, 0, 0]),
    ("results.not_processed.confirmation", "5.要求行政机关确认或重新出具已获取信息", None, [0, 0, 0, 0, 0, 0]),
    ("results.other.overdue_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "（六）其他处理", [2, 0, 0, 0, 0, 0]),
    ("results.other.overdue_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", None, [0, 0, 0, 0, 0, 0]),
    ("results.other.other", "3.其他", None, [1, 0, 0, 0, 0, 0]),
    ("results.total", "（七）总计", None, None),
    ("carried_forward", "四、结转下年度继续办理", None, None),
]


def table3():
    """Rows as (path, label, group, seven values), totals computed so every rule holds."""
    res = [r for r in ROWS if r[0].startswith("results.") and r[3] is not None]
    total = [sum(r[3][i] for r in res) for i in range(6)]
    new, carried = ROWS[0][3], ROWS[1][3]
    forward = [new[i] + carried[i] - total[i] for i in range(6)]
    assert all(v >= 0 for v in forward)
    out = []
    for path, label, group, vals in ROWS:
        if path == "results.total":
            vals = total
        elif path == "carried_forward":
            vals = forward
        out.append((path, label, group, vals + [sum(vals)]))
    return out


T3 = table3()
T2 = [  # (block, header columns, rows (label, values), keys)
    ("第二十条第（一）项", ["本年制发件数", "本年废止件数", "现行有效件数"],
     [("规章", [2, 1, 15]), ("行政规范性文件", [12, 3, 48])], ["issued", "repealed", "in_force"]),
    ("第二十条第（五）项", ["本年处理决定数量"], [("行政许可", [1520])], ["decisions"]),
    ("第二十条第（六）项", ["本年处理决定数量"], [("行政处罚", [230]), ("行政强制", [17])], ["decisions"]),
    ("第二十条第（八）项", ["本年收费金额（单位：万元）"], [("行政事业性收费", ["12.35"])], ["amount_wan_yuan"]),
]
T2_KEYS = {"规章": "regulations", "行政规范性文件": "normative_documents", "行政许可": "licensing",
           "行政处罚": "punishment", "行政强制": "coercion", "行政事业性收费": "fees"}
T4 = [[3, 1, 0, 1], [2, 0, 1, 0], [1, 0, 0, 0]]
T4 = [g + [sum(g)] for g in T4]
T4_VALUES = [v for g in T4 for v in g]
T4_COLS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]

INTRO = [
    "　　本报告由示例县人民政府办公室根据《中华人民共和国政府信息公开条例》编制，数据统计期限为2023年1月1日至12月31日。",
]
OVERVIEW = [
    "一、总体情况",
    "　　2023年，示例县坚持以公开为常态、不公开为例外，持续推进政府信息公开工作。",
    "　　（一）主动公开情况。全年主动公开政府信息一千余条。",
]
PROBLEMS = [
    "五、存在的主要问题及改进情况",
    "　　一是公开内容还不够全面；二是解读形式还比较单一。下一步将加强培训，提升质量。",
    "六、其他需要报告的事项",
    "　　本年度未收取信息处理费。",
]
H2 = "二、主动公开政府信息情况"
H3 = "三、收到和处理政府信息公开申请情况"
H4 = "四、政府信息公开行政复议、行政诉讼情况"


def fmt(v):
    return "" if v is None else str(v)


def expected(name, blanks=(), agency=None):
    """The expected JSON; cells listed in `blanks` (path, column) are null. The agency
    is as printed (Traditional in the Traditional copy)."""
    ad = {}
    for _, _, rows, keys in T2:
        for label, vals in rows:
            ad[T2_KEYS[label]] = {k: (float(v) if isinstance(v, str) else v) for k, v in zip(keys, vals)}
    apps = {}
    for path, _, _, vals in T3:
        node = apps
        parts = path.split(".")
        for p in parts[:-1]:
            node = node.setdefault(p, {})
        node[parts[-1]] = {c: (None if (path, c) in blanks else v) for c, v in zip(COLS, vals)}
    rl = {}
    for key, g in zip(["review", "litigation_direct", "litigation_after_review"], T4):
        rl[key] = dict(zip(["upheld", "corrected", "other", "pending", "total"], g))
    return {
        "source": name, "format": "txt",
        "meta": {"agency": agency or AGENCY, "year": YEAR, "template": {"active_disclosure": "2021", "applications": "2021"}},
        "active_disclosure": ad, "applications": apps, "review_litigation": rl,
        "violated_rules": [], "notes": "Synthetic report written for the nianbao-txt tests (make_fixtures.py).",
    }


def value(path, col, vals, blanks, blank_text=""):
    i = COLS.index(col)
    return blank_text if (path, col) in blanks else str(vals[i])


# ---------------------------------------------------------------- Tika
def tika(blanks):
    L = [TITLE, *INTRO, *OVERVIEW, H2]
    cell = lambda t: "\t" + t
    for block, header, rows, _ in T2:
        L += [cell(block), ""]
        hdr = [cell("信息内容")] + [cell(h if h != "本年制发件数" else "本年制发\n件数") for h in header]
        L += hdr + [""]
        for label, vals in rows:
            vs = [fmt(v) for v in vals]
            if label == "行政强制":
                vs[0] = "[bookmark: _GoBack]" + vs[0]
            L += [cell(label)] + [cell(v) for v in vs] + [""]
    L += ["", "　　" + H3]
    L += [cell("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"), cell("申请人情况"), ""]
    L += [cell(""), cell("自然人"), cell("法人或其他组织"), cell("总计"), ""]
    L += [cell(""), cell(""), cell("商业企业"), cell("科研机构"), cell("社会公益组织"), cell("法律服务机构"), cell("其他"), cell(""), ""]
    for path, label, group, vals in T3:
        vs = [value(path, c, vals, blanks, "\u00a0") for c in COLS]
        if path in ("new_received", "carried_over", "carried_forward"):
            lead = [label]
        elif group == "三、本年度办理结果":
            lead = [group, label]
        elif path in ("results.partially_granted", "results.total"):
            lead = ["", label]
        elif group:
            lead = ["", group, label]
        else:
            lead = ["", "", label]
        L += [cell(x) for x in lead] + [cell(v) for v in vs] + [""]
    L += ["", "　　" + H4]
    L += [cell("行政复议"), cell("行政诉讼"), ""]
    L += [cell(x) for x in T4_COLS + ["未经复议直接起诉", "复议后起诉"]] + [""]
    L += [cell("")] * 5 + [cell(x) for x in T4_COLS * 2] + [""]
    L += [cell(str(v)) for v in T4_VALUES] + ["", ""]
    L += PROBLEMS
    return "\r\n".join(L) + "\r\n"


# ---------------------------------------------------------------- pdftotext -layout
def put(line, x, text):
    line = line.ljust(x)
    return line[:x] + text + line[x + len(text):]


def layout(blanks):
    L = [TITLE, *INTRO, *OVERVIEW, "     " + H2]
    for block, header, rows, _ in T2:
        L += [block[:4] + " " + block[4:], "", ""]
        hl = "信息内容"
        for i, h in enumerate(header):
            hl = put(hl, 14 + 14 * i, h)
        L += [hl, "", ""]
        for label, vals in rows:
            line = label
            for i, v in enumerate(vals):
                line = put(line, 16 + 14 * i, fmt(v))
            L += [line, ""]
    L += ["", "", "      " + H3]
    centres = [44, 54, 62, 70, 78, 86, 94]
    header = [
        put("", 57, "申请人情况"),
        "",
        put("（本列数据的勾稽关系为：第一项加第二项之和，", 62, "法人或其他组织"),
        "等于第三项加第四项之和）",
        put(put("", 31, "自然人"), 92, "总计"),
        put(put(put(put("", 50, "商业企"), 58, "科研机"), 66, "社会公益"), 74, "法律服务"),
        put("", 83, "其他"),
        put(put(put(put("", 50, "业"), 58, "构"), 66, "组织"), 74, "机构"),
        "",
    ]
    L += header

    def numbers(line, path, vals):
        for c, x in zip(COLS, centres):
            v = value(path, c, vals, blanks)
            if v:
                line = put(line, x - len(v) // 2, v)
        return line

    vertical = iter("三、 本 年 度 办 理 结 果".split())
    for path, label, group, vals in T3:
        x = 13 if path.startswith(("results.denied", "results.unable", "results.not_processed", "results.other")) else (
            6 if path.startswith("results.") else 0)
        width = 14 if x == 13 else 19 if x == 6 else 30
        pieces = [label[i:i + width] for i in range(0, len(label), width)]
        if path == "results.unable_to_provide.needs_creation":
            # A page break inside the table: footer, form feed, the header again.
            L += ["", put("", 40, "- 4 -"), "\f" + header[0], *header[1:]]
        if len(pieces) == 1:
            L += [numbers(put("", x, pieces[0]), path, vals)]
        elif len(pieces) == 2:
            L += [put("", x, pieces[0]), numbers("", path, vals), put("", x, pieces[1])]
        else:
            L += [put("", x, pieces[0]), ""]
            L += [numbers(put("", x, pieces[1]), path, vals)]
            L += [put("", x, p) for p in pieces[2:]]
        if path.startswith("results.denied") or path.startswith("results.granted"):
            ch = next(vertical, None)
            if ch:
                L += [ch]
        if group and x == 13:
            L += [put("", 6, group[:4]), put("", 6, group[4:])]
        L += [""]
    L += ["", "", "     " + H4]
    L += [put("行政复议", 30, "行政诉讼"), "", put(put("", 30, "未经复议直接起诉"), 70, "复议后起诉"), ""]
    L += ["结果   结果    其他结    尚未" + " " * 10 + "总计",
          "维持   纠正    果      审结", ""]
    vl = ""
    for i, v in enumerate(T4_VALUES):
        vl = put(vl, 6 * i, str(v))
    L += [vl, "", "", ""]
    L += ["       " + p.lstrip("　") for p in PROBLEMS]
    L += ["", put("", 40, "-6-"), "\f"]
    return "\n".join(L) + "\n"


# ---------------------------------------------------------------- one cell per line (web copy-paste)
def cells(placeholders):
    L = [TITLE, *INTRO, *OVERVIEW, H2]
    for block, header, rows, _ in T2:
        L += [block, "信息内容", *header]
        for label, vals in rows:
            L += [label, *[fmt(v) for v in vals]]
    L += [H3, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况",
          "自然人", "法人或其他组织", "总计", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
    for path, label, group, vals in T3:
        if group:
            L += [group]
        L += [label.replace("政府信息", "政府\u200b信息", 1)]
        L += [value(path, c, vals, placeholders, "—") for c in COLS]
    L += [H4, "行政复议", "行政诉讼", *T4_COLS, "未经复议直接起诉", "复议后起诉", *T4_COLS, *T4_COLS]
    L += ["\u00a0" + str(v) + "\u3000" if i == 0 else str(v) for i, v in enumerate(T4_VALUES)]
    L += PROBLEMS
    return "\n".join(L) + "\n"


# ---------------------------------------------------------------- | rows (web copy-paste)
def pipe(blanks):
    L = [TITLE, *INTRO, *OVERVIEW, H2]
    for block, header, rows, _ in T2:
        L += [block + "|" * len(header), "信息内容|" + "|".join(header)]
        for label, vals in rows:
            L += [label + "|" + "|".join(fmt(v) for v in vals)]
    L += [H3]
    L += ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）||申请人情况|||||||",
          "|||自然人|法人或其他组织|||||总计", "||||商业企业|科研机构|社会公益组织|法律服务机构|其他|"]
    for path, label, group, vals in T3:
        vs = "|".join(value(path, c, vals, blanks) for c in COLS)
        if path in ("new_received", "carried_over", "carried_forward"):
            L += [label + "|||" + vs]
        elif group == "三、本年度办理结果":
            L += [group + "|" + label + "||" + vs]
        elif group:
            L += ["|" + group + "|" + label + "|" + vs]
        elif path.startswith("results.") and path.count(".") == 1:
            L += ["|" + label + "||" + vs]
        else:
            L += ["||" + label + "|" + vs]
    L += [H4, "行政复议|||||行政诉讼", "|||||未经复议直接起诉|||||复议后起诉",
          "|".join(T4_COLS * 3), "|".join(str(v) for v in T4_VALUES)]
    L += PROBLEMS
    # Mixed line ends: CRLF in the first half, LF after.
    half = len(L) // 2
    return "\r\n".join(L[:half]) + "\r\n" + "\n".join(L[half:]) + "\n"


# ---------------------------------------------------------------- Markdown fragments
def markdown():
    def tbl(cells_):
        return ["| " + " | ".join(cells_) + " |", "|" + "---|" * len(cells_), ""]

    L = ["# " + TITLE, "", *INTRO, "", "## " + OVERVIEW[0], "", *OVERVIEW[1:], "", "## " + H2, ""]
    for block, header, rows, _ in T2:
        L += tbl([block]) + tbl(["信息内容", *header])
        for label, vals in rows:
            L += tbl([label, *[fmt(v) for v in vals]])
    L += ["## " + H3, ""]
    L += tbl(["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"])
    L += tbl(["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"])
    for n, (path, label, group, vals) in enumerate(T3):
        if n % 6 == 3:
            L += ["## 表三", ""]
        if n % 2 == 0:
            # The label detached from its numbers.
            L += tbl([label]) + tbl([str(v) for v in vals])
        else:
            L += tbl([label, *[str(v) for v in vals]])
    L += ["## " + H4, ""]
    L += tbl(["行政复议", "行政诉讼"]) + tbl(T4_COLS * 3) + tbl([str(v) for v in T4_VALUES])
    for p in PROBLEMS:
        L += [("## " + p) if not p.startswith("　") else p, ""]
    return "\n".join(L) + "\n"


# ---------------------------------------------------------------- encodings
def _euro(err):
    # Windows code page 936 reads 0x80 as the euro sign.
    if err.object[err.start:err.start + 1] == b"\x80":
        return "€", err.start + 1
    return "\ufffd", err.start + 1


codecs.register_error("cp936_euro", _euro)


def garble(line):
    return line.encode("utf-8").decode("gb18030", errors="cp936_euro")


def round_trips(m, original):
    """Whether GBK-encoding the mojibake gives back the UTF-8 bytes (as encoding_rs's
    GBK encoder does: the euro sign is 0x80, two-byte codes only)."""
    out = b""
    for ch in m:
        if ch == "€":
            out += b"\x80"
            continue
        try:
            b = ch.encode("gb18030")
        except UnicodeEncodeError:
            return False
        if len(b) > 2:
            return False
        out += b
    return out == original.encode("utf-8")


def mojibake(text):
    """UTF-8 text decoded as GBK and saved again, as broken tools do. Where a line
    would not convert back exactly, its runs of Chinese get a trailing U+3000 (which
    the reader trims) until it does; the last line is left broken on purpose."""
    lines = text.split("\n")
    last = max(i for i, l in enumerate(lines) if l.strip())
    out = []
    for i, line in enumerate(lines):
        if i == last:
            while round_trips(garble(line), line):
                line += "。"
            out.append(garble(line))
            continue
        runs = list(re.finditer(r"[^\x00-\x7f]+", line))
        for mask in range(1 << min(len(runs), 12)):
            cand, prev = "", 0
            for k, m in enumerate(runs):
                cand += line[prev:m.end()] + ("\u3000" if mask >> k & 1 else "")
                prev = m.end()
            cand += line[prev:]
            if round_trips(garble(cand), cand):
                line = cand
                break
        else:
            raise SystemExit(f"no padding makes line {i} round-trip: {line!r}")
        out.append(garble(line))
    return "\n".join(out)


def main():
    blanks_tika = {("results.denied.state_secret", "research"), ("results.denied.state_secret", "social_welfare")}
    blanks_layout = {("results.not_processed.publications", c) for c in COLS[:6]} | {("carried_over", "research")}
    placeholders = {("results.denied.enforcement_files", "commercial")}
    blanks_pipe = {("results.not_processed.repeated", "research")}
    files = {
        "sample-2021.tika.txt": (b"\xef\xbb\xbf" + tika(blanks_tika).encode("utf-8"), blanks_tika),
        "sample-2021.tika.utf16le.txt": (b"\xff\xfe" + tika(blanks_tika).encode("utf-16-le"), blanks_tika),
        "sample-2021.layout.txt": (layout(blanks_layout).encode("utf-8"), blanks_layout),
        "sample-2021.layout.gbk.txt": (layout(blanks_layout).encode("gbk"), blanks_layout),
        "sample-2021.cells.txt": (cells(placeholders).encode("utf-8"), placeholders),
        "sample-2021.cells.utf16be.txt": (b"\xfe\xff" + cells(placeholders).encode("utf-16-be"), placeholders),
        "sample-2021.pipe.txt": (pipe(blanks_pipe).encode("utf-8"), blanks_pipe),
        "sample-2021.markdown.txt": (markdown().encode("utf-8"), set()),
        "sample-2021.pipe.mojibake.txt": (mojibake(pipe(blanks_pipe)).encode("utf-8"), blanks_pipe),
    }
    ensure_opencc()
    from opencc import OpenCC

    # Taiwan forms (為, not 爲), as Big5 has them.
    trad = OpenCC("s2tw").convert(pipe(blanks_pipe))
    files["sample-2021.pipe.big5-traditional.txt"] = (trad.encode("big5"), blanks_pipe)
    for name, (data, blanks) in files.items():
        with open(name, "wb") as f:
            f.write(data)
        with open(name + ".expected.json", "w", encoding="utf-8") as f:
            agency = OpenCC("s2tw").convert(AGENCY) if "traditional" in name else None
            json.dump(expected(name, blanks, agency), f, ensure_ascii=False, indent=2)
            f.write("\n")
        print(name, len(data))


if __name__ == "__main__":
    main()
