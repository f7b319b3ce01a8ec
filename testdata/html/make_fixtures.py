#!/usr/bin/env python3
"""Writes the HTML fixtures of nianbao-html and, for each, the logical grid of its
tables as the generator laid them out (expected/<name>.tables.txt).

Every report here is synthetic: invented agencies, invented numbers (consistent with
the rules of docs/REFERENCE.md). The grid is decided first, as a list of logical cells with
their grid column and spans; the HTML (rowspan/colspan, in the markup style of the
fixture) is written from it. So the expected files are an oracle independent of the
reader. Run from the repository root: python3 testdata/html/make_fixtures.py
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))

# ---------------------------------------------------------------- the logical tables
# A table is a list of rows; a row is a list of (col, colspan, rowspan, lines) where
# lines is the cell's text as a list of lines (joined with '\n' in the IR).


class Grid:
    def __init__(self):
        self.rows = []

    def row(self, *cells):
        """cells: (col, colspan, rowspan, text-or-lines)"""
        out = []
        for col, cs, rs, text in cells:
            lines = text if isinstance(text, list) else ([text] if text != "" else [])
            out.append((col, cs, rs, lines))
        self.rows.append(out)


def fmt(v):
    if v is None:
        return ""
    return str(v)


def active_2021(v):
    """v: dict of the 2021 table 2 values."""
    g = Grid()
    g.row((0, 4, 1, "第二十条第（一）项"))
    g.row((0, 1, 1, "信息内容"), (1, 1, 1, "本年制发件数"), (2, 1, 1, "本年废止件数"), (3, 1, 1, "现行有效件数"))
    g.row((0, 1, 1, "规章"), *[(1 + i, 1, 1, fmt(x)) for i, x in enumerate(v["regulations"])])
    g.row((0, 1, 1, "行政规范性文件"), *[(1 + i, 1, 1, fmt(x)) for i, x in enumerate(v["normative"])])
    g.row((0, 4, 1, "第二十条第（五）项"))
    g.row((0, 1, 1, "信息内容"), (1, 3, 1, "本年处理决定数量"))
    g.row((0, 1, 1, "行政许可"), (1, 3, 1, fmt(v["licensing"])))
    g.row((0, 4, 1, "第二十条第（六）项"))
    g.row((0, 1, 1, "信息内容"), (1, 3, 1, "本年处理决定数量"))
    g.row((0, 1, 1, "行政处罚"), (1, 3, 1, fmt(v["punishment"])))
    g.row((0, 1, 1, "行政强制"), (1, 3, 1, fmt(v["coercion"])))
    g.row((0, 4, 1, "第二十条第（八）项"))
    g.row((0, 1, 1, "信息内容"), (1, 3, 1, "本年收费金额（单位：万元）"))
    g.row((0, 1, 1, "行政事业性收费"), (1, 3, 1, fmt(v["fees"])))
    return g


def active_2019(v):
    g = Grid()
    g.row((0, 4, 1, "第二十条第（一）项"))
    g.row((0, 1, 1, "信息内容"), (1, 1, 1, ["本年新", "制作数量"]), (2, 1, 1, ["本年新", "公开数量"]), (3, 1, 1, "对外公开总数量"))
    g.row((0, 1, 1, "规章"), *[(1 + i, 1, 1, fmt(x)) for i, x in enumerate(v["regulations"])])
    g.row((0, 1, 1, "规范性文件"), *[(1 + i, 1, 1, fmt(x)) for i, x in enumerate(v["normative"])])
    for block, rows in (("第二十条第（五）项", (("行政许可", "licensing"), ("其他对外管理服务事项", "other_services"))),
                        ("第二十条第（六）项", (("行政处罚", "punishment"), ("行政强制", "coercion")))):
        g.row((0, 4, 1, block))
        g.row((0, 1, 1, "信息内容"), (1, 1, 1, "上一年项目数量"), (2, 1, 1, "本年增/减"), (3, 1, 1, "处理决定数量"))
        for label, key in rows:
            g.row((0, 1, 1, label), *[(1 + i, 1, 1, fmt(x)) for i, x in enumerate(v[key])])
    g.row((0, 4, 1, "第二十条第（八）项"))
    g.row((0, 1, 1, "信息内容"), (1, 1, 1, "上一年项目数量"), (2, 2, 1, "本年增/减"))
    g.row((0, 1, 1, "行政事业性收费"), (1, 1, 1, fmt(v["fees"][0])), (2, 2, 1, fmt(v["fees"][1])))
    g.row((0, 4, 1, "第二十条第（九）项"))
    g.row((0, 1, 1, "信息内容"), (1, 1, 1, "采购项目数量"), (2, 2, 1, "采购总金额"))
    g.row((0, 1, 1, "政府集中采购"), (1, 1, 1, fmt(v["procurement"][0])), (2, 2, 1, fmt(v["procurement"][1])))
    return g


DENIED = ["1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
          "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"]
UNABLE = ["1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"]
NOT_PROCESSED = ["1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
                 "5.要求行政机关确认或重新出具已获取信息"]
OTHER_2021 = ["1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
              "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他"]


def applications(fmt_year, results, carried_over, carried_forward, blank_zero=False):
    """results: dict name -> list of 6 per-column values (the 总计 column is added).
    new_received is computed so that 一 + 二 = （七） + 四 holds per column."""
    def with_total(vals):
        return list(vals) + [sum(vals)]

    order = ["granted", "partial"] + ["denied%d" % i for i in range(8)] + ["unable%d" % i for i in range(3)] + \
        ["np%d" % i for i in range(5)] + (["other0", "other1", "other2"] if fmt_year == 2021 else ["other"])
    total = [sum(results[k][c] for k in order) for c in range(6)]
    new = [total[c] + carried_forward[c] - carried_over[c] for c in range(6)]
    assert all(x >= 0 for x in new)

    def vals(v):
        v = with_total(v)
        return [(3 + i, 1, 1, "" if (blank_zero and x == 0) else str(x)) for i, x in enumerate(v)]

    g = Grid()
    n_results = len(order) + 1
    g.row((0, 3, 3, ["（本列数据的勾稽关系为：第一项加第二项之和，", "等于第三项加第四项之和）"]), (3, 7, 1, "申请人情况"))
    g.row((3, 1, 2, "自然人"), (4, 5, 1, "法人或其他组织"), (9, 1, 2, "总计"))
    g.row((4, 1, 1, ["商业", "企业"]), (5, 1, 1, ["科研", "机构"]), (6, 1, 1, ["社会公益", "组织"]),
          (7, 1, 1, ["法律服务", "机构"]), (8, 1, 1, "其他"))
    g.row((0, 3, 1, "一、本年新收政府信息公开申请数量"), *vals(new))
    g.row((0, 3, 1, "二、上年结转政府信息公开申请数量"), *vals(carried_over))
    g.row((0, 1, n_results, "三、本年度办理结果"), (1, 2, 1, "（一）予以公开"), *vals(results["granted"]))
    g.row((1, 2, 1, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"), *vals(results["partial"]))
    for group, labels, prefix in (("（三）不予公开", DENIED, "denied"), ("（四）无法提供", UNABLE, "unable"),
                                  ("（五）不予处理", NOT_PROCESSED, "np")):
        for i, label in enumerate(labels):
            cells = [(1, 1, len(labels), group)] if i == 0 else []
            g.row(*cells, (2, 1, 1, label), *vals(results["%s%d" % (prefix, i)]))
    if fmt_year == 2021:
        for i, label in enumerate(OTHER_2021):
            cells = [(1, 1, 3, "（六）其他处理")] if i == 0 else []
            g.row(*cells, (2, 1, 1, label), *vals(results["other%d" % i]))
    else:
        g.row((1, 2, 1, "（六）其他处理"), *vals(results["other"]))
    g.row((1, 2, 1, "（七）总计"), *vals(total))
    g.row((0, 3, 1, "四、结转下年度继续办理"), *vals(carried_forward))
    return g


def review(values):
    """values: 3 groups of (upheld, corrected, other, pending); totals are added."""
    g = Grid()
    g.row((0, 5, 1, "行政复议"), (5, 10, 1, "行政诉讼"))
    g.row(*[(i, 1, 2, label) for i, label in enumerate(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"])],
          (5, 5, 1, "未经复议直接起诉"), (10, 5, 1, "复议后起诉"))
    g.row(*[(5 + i, 1, 1, label) for i, label in enumerate(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2)])
    flat = []
    for grp in values:
        flat += list(grp) + [sum(grp)]
    g.row(*[(i, 1, 1, str(x)) for i, x in enumerate(flat)])
    return g


def results_dict(fmt_year, base):
    """Deterministic synthetic per-column result values from a base seed."""
    order = ["granted", "partial"] + ["denied%d" % i for i in range(8)] + ["unable%d" % i for i in range(3)] + \
        ["np%d" % i for i in range(5)] + (["other0", "other1", "other2"] if fmt_year == 2021 else ["other"])
    out = {}
    for k, name in enumerate(order):
        row = []
        for c in range(6):
            x = (base * (k + 3) * (c + 7)) % 11
            # Mostly zeros outside 予以公开, 部分公开, 不掌握 and the natural-person column.
            if name not in ("granted", "partial", "unable0") and c != 0:
                x = x if x > 8 else 0
            if name == "granted":
                x += 40 if c == 0 else 3
            row.append(x)
        out[name] = row
    return out


# ---------------------------------------------------------------- writing the expected grid


def dump(grids):
    out = []
    for t, g in enumerate(grids):
        out.append("table %d" % t)
        for r, row in enumerate(g.rows):
            out.append("row %d" % r)
            for col, cs, rs, lines in row:
                out.append("  c%d cs%d rs%d %s" % (col, cs, rs, "\\n".join(lines)))
    return "\n".join(out) + "\n"


def tika_table(g):
    """The table as Apache Tika writes a .docx table: one tab-prefixed cell per line, a
    blank line after each row; a cell merged down from above appears as an empty cell
    in the rows it covers, a cell merged across appears once."""
    out = []
    covering = []  # (first row, last row, col)
    for r, row in enumerate(g.rows):
        cells = [(col, lines) for col, cs, rs, lines in row]
        cells += [(col, []) for (first, last, col) in covering if first < r <= last]
        for col, cs, rs, lines in row:
            if rs > 1:
                covering.append((r, r + rs - 1, col))
        for col, lines in sorted(cells, key=lambda c: c[0]):
            out.append("\t" + "\n".join(lines))
        out.append("")
    out.append("")
    return "\n".join(out)


# ---------------------------------------------------------------- markup styles


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def plain_table(g, attrs='border="1" cellspacing="0" cellpadding="0"', line_sep="<br>", head_rows=0):
    """A portal editor's table: <td> with rowspan/colspan, lines split by <br>, optional thead."""
    out = ["<table %s>" % attrs]
    if head_rows:
        out.append("<thead>")
    for r, row in enumerate(g.rows):
        if head_rows and r == head_rows:
            out.append("</thead><tbody>")
        tds = []
        for col, cs, rs, lines in row:
            span = (" colspan=\"%d\"" % cs if cs > 1 else "") + (" rowspan=\"%d\"" % rs if rs > 1 else "")
            tag = "th" if head_rows and r < head_rows else "td"
            body = line_sep.join(esc(l) for l in lines) if lines else "&nbsp;"
            tds.append("<%s%s>%s</%s>" % (tag, span, body, tag))
        out.append("<tr>" + "".join(tds) + "</tr>")
    out.append("</tbody></table>" if head_rows else "</table>")
    return "\n".join(out)


def word_runs(text):
    """Splits a label over several runs as Word does (language, font, proofing marks)."""
    if not text:
        return "<span lang=EN-US><o:p>&nbsp;</o:p></span>"
    parts, cur = [], ""
    for ch in text:
        if cur and (ch.isdigit() != cur[-1].isdigit() or len(cur) >= 5):
            parts.append(cur)
            cur = ""
        cur += ch
    parts.append(cur)
    out = []
    for i, p in enumerate(parts):
        if p.isdigit() or p in (".",):
            out.append("<span lang=EN-US style='font-size:10.0pt;font-family:\"Times New Roman\"'>%s</span>" % esc(p))
        elif i % 3 == 2:
            # A long run wrapped by Word's HTML writer between two CJK characters.
            half = len(p) // 2 or 1
            out.append("<span style='font-size:10.0pt;font-family:宋体'>%s\r\n%s</span>" % (esc(p[:half]), esc(p[half:])))
        else:
            out.append("<span style='font-size:10.0pt;font-family:宋体;mso-ascii-font-family:\"Times New Roman\"'>%s</span>" % esc(p))
    return "".join(out)


def word_table(g, width_cols):
    out = ["<div align=center>",
           "<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 width=600",
           " style='width:450.0pt;border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;",
           " mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>"]
    for r, row in enumerate(g.rows):
        out.append(" <tr style='mso-yfti-irow:%d;height:21.0pt'>" % r)
        for col, cs, rs, lines in row:
            span = (" colspan=%d" % cs if cs > 1 else "") + (" rowspan=%d" % rs if rs > 1 else "")
            paras = []
            for line in (lines or [""]):
                paras.append("  <p class=MsoNormal align=center style='text-align:center;line-height:12.0pt'>%s</p>"
                             % word_runs(line))
            out.append("  <td width=60%s valign=middle style='border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt;height:21.0pt'>\n%s\n  </td>"
                       % (span, "\n".join(paras)))
        out.append(" </tr>")
    # Word's filler row for misaligned columns: all empty cells, inside a downlevel-revealed conditional.
    out.append(" <![if !supportMisalignedColumns]>")
    out.append(" <tr height=0>" + "".join("  <td width=60 style='border:none'></td>" for _ in range(width_cols)) + " </tr>")
    out.append(" <![endif]>")
    out.append("</table>")
    out.append("</div>")
    return "\n".join(out)


def word_para(text, heading=False, list_number=None):
    if heading:
        body = "<b><span style='font-size:16.0pt;font-family:黑体'>%s</span></b>" % word_runs(text).replace("10.0pt", "16.0pt")
    else:
        body = "<span style='font-size:16.0pt;font-family:仿宋_GB2312'>%s</span>" % esc(text)
    if list_number:
        body = ("<![if !supportLists]><span style='font-size:16.0pt'>%s<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]>"
                % list_number) + body
        return "<p class=MsoListParagraph style='margin-left:32.0pt;text-indent:-32.0pt;mso-list:l0 level1 lfo1'>%s</p>" % body
    return "<p class=MsoNormal style='text-indent:32.0pt;line-height:28.0pt'>%s<span lang=EN-US><o:p></o:p></span></p>" % body


# ---------------------------------------------------------------- the fixtures


NARRATIVE = {
    "overview": "本年度，我单位认真贯彻落实《中华人民共和国政府信息公开条例》，持续加大主动公开力度，规范依申请公开办理，各项工作有序推进。",
    "active": "全年主动公开各类政府信息1260条，其中规范性文件3件。",
    "apps": "全年共收到政府信息公开申请，均在法定期限内答复。",
    "review": "全年未发生因政府信息公开工作被纠错的情况。",
    "problems": "（一）主要问题：公开内容的解读还不够充分。（二）改进情况：加强政策解读，提高公开质量。",
    "other": "本年度未收取信息处理费。",
}


def word_export():
    """A report Word saved as a web page: UTF-8, http-equiv, runs, o:p, conditional comments."""
    t2 = active_2021({"regulations": [0, 0, 0], "normative": [3, 1, 25], "licensing": 1523,
                      "punishment": 268, "coercion": 12, "fees": "96.5"})
    res = results_dict(2021, 5)
    t3 = applications(2021, res, carried_over=[2, 0, 0, 0, 0, 0], carried_forward=[1, 0, 0, 0, 0, 0])
    t4 = review([(1, 0, 0, 0), (0, 1, 0, 1), (0, 0, 0, 0)])
    title = "青禾县人民政府2023年政府信息公开工作年度报告"
    tika = "\n".join([
        "", title, "一、总体情况", NARRATIVE["overview"], "（一）主动公开情况", NARRATIVE["active"],
        "二、主动公开政府信息情况", tika_table(t2), "三、收到和处理政府信息公开申请情况", tika_table(t3),
        "四、政府信息公开行政复议、行政诉讼情况", tika_table(t4), "五、存在的主要问题及改进情况",
        NARRATIVE["problems"], "六、其他需要报告的事项", NARRATIVE["other"], ""])
    with open(os.path.join(HERE, "word-export-2021.tika.txt"), "w", encoding="utf-8") as f:
        f.write(tika)
    body = []
    body.append("<p class=MsoNormal align=center style='text-align:center'><b><span style='font-size:22.0pt;font-family:方正小标宋简体'>青禾县人民政府</span></b><b><span lang=EN-US style='font-size:22.0pt'>2023</span></b><b><span style='font-size:22.0pt;font-family:方正小标宋简体'>年政府信息公开工作年度报告<o:p></o:p></span></b></p>")
    body.append("<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>")
    body.append(word_para("一、总体情况", heading=True))
    body.append(word_para(NARRATIVE["overview"]))
    body.append(word_para("主动公开情况", list_number="（一）"))
    body.append(word_para(NARRATIVE["active"]))
    body.append(word_para("二、主动公开政府信息情况", heading=True))
    body.append(word_table(t2, 4))
    body.append(word_para("三、收到和处理政府信息公开申请情况", heading=True))
    body.append(word_table(t3, 10))
    body.append(word_para("四、政府信息公开行政复议、行政诉讼情况", heading=True))
    body.append(word_table(t4, 15))
    body.append(word_para("五、存在的主要问题及改进情况", heading=True))
    body.append(word_para(NARRATIVE["problems"]))
    body.append(word_para("六、其他需要报告的事项", heading=True))
    body.append(word_para(NARRATIVE["other"]))
    html = """<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns:m="http://schemas.microsoft.com/office/2004/12/omml"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<meta name=Originator content="Microsoft Word 15">
<title>%s</title>
<!--[if gte mso 9]><xml>
 <o:DocumentProperties>
  <o:Author>办公室</o:Author>
  <o:Pages>6</o:Pages>
 </o:DocumentProperties>
</xml><![endif]-->
<style>
<!--
 /* Font Definitions */
 @font-face {font-family:宋体; panose-1:2 1 6 0 3 1 1 1 1 1;}
p.MsoNormal, li.MsoNormal, div.MsoNormal {margin:0cm; text-align:justify; font-size:10.5pt;}
@page WordSection1 {size:595.3pt 841.9pt;}
div.WordSection1 {page:WordSection1;}
-->
</style>
<!--[if gte mso 10]>
<style>
 table.MsoNormalTable {mso-style-name:普通表格;}
</style>
<![endif]-->
</head>

<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>

<div class=WordSection1 style='layout-grid:15.6pt'>

%s

</div>

</body>

</html>
""" % (title, "\n\n".join(body))
    return html.encode("utf-8"), [t2, t3, t4]


def page_chrome(site, inner, head_extra, charset_meta):
    nav = "\n".join('<li><a href="/col/%d/index.html">%s</a></li>' % (i, n) for i, n in enumerate(
        ["首页", "政务公开", "政府信息公开指南", "主动公开政府信息", "依申请公开", "政府信息公开年报", "互动交流"]))
    return """<!DOCTYPE html>
<html lang="zh-CN">
<head>
%s
%s
<link rel="stylesheet" href="/css/main.css">
<script src="/js/jquery.min.js"></script>
<script>var _hmt = _hmt || []; document.title = "一、总体情况";</script>
</head>
<body>
<div class="top-bar"><div class="wrap"><span>今天是</span><a href="/login">登录</a> <a href="/reg">注册</a> <a href="/en">English</a></div></div>
<div class="header"><img src="/img/logo.png" alt="%s"><div class="search"><form action="/search"><input name="q"><button>搜索</button></form></div></div>
<div class="nav"><ul>
%s
</ul></div>
<div class="location">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/nb/">政府信息公开年报</a></div>
%s
<div class="related"><h4>相关信息</h4><ul>
<li><a href="/nb/2019.html">2019年政府信息公开工作年度报告</a></li>
<li><a href="/nb/2018.html">2018年政府信息公开工作年度报告</a></li>
<li><a href="/nb/2017.html">2017年政府信息公开工作年度报告</a></li>
</ul></div>
<div class="footer"><p>主办：%s　承办：%s办公室</p><p>版权所有 © %s　网站标识码：0000000000</p></div>
<script>
  (function(){ var s = document.createElement("script"); s.src = "/stat.js"; })();
</script>
</body>
</html>
""" % (charset_meta, head_extra, site, nav, inner, site, site, site)


def portal_2019():
    """A portal page (UTF-8) with a 2019-format report in it, navigation all around."""
    t2 = active_2019({"regulations": [0, 0, 0], "normative": [2, 2, 31],
                      "licensing": [120, "+6", 890], "other_services": ["", "", ""],
                      "punishment": [35, "-3", 77], "coercion": [4, 0, 6],
                      "fees": [3, "—"], "procurement": [5, "251000元"]})
    res = results_dict(2019, 3)
    t3 = applications(2019, res, carried_over=[0, 0, 0, 0, 0, 0], carried_forward=[2, 1, 0, 0, 0, 0])
    t4 = review([(0, 0, 0, 0), (1, 0, 0, 0), (0, 0, 0, 1)])
    title = "白石镇人民政府2020年政府信息公开工作年度报告"
    inner = """<div class="article">
<h1 class="title">%s</h1>
<div class="info">发布时间：2021-01-28 16:40　　来源：白石镇人民政府　　浏览次数：<span id="count">318</span>　　【<a href="javascript:print()">打印</a>】【<a href="javascript:close()">关闭</a>】</div>
<div class="TRS_Editor" id="zoom">
<p style="text-align:center">%s</p>
<p>　　本报告依据《中华人民共和国政府信息公开条例》编制。</p>
<p><strong>一、总体情况</strong></p>
<p>　　%s</p>
<p><strong>二、主动公开政府信息情况</strong></p>
%s
<p><strong>三、收到和处理政府信息公开申请情况</strong></p>
%s
<p><strong>四、政府信息公开行政复议、行政诉讼情况</strong></p>
%s
<p><strong>五、存在的主要问题及改进情况</strong></p>
<p>　　%s</p>
<p><strong>六、其他需要报告的事项</strong></p>
<p>　　无。</p>
<p style="text-align:right">白石镇人民政府<br>2021年1月28日</p>
</div>
<div class="share">分享到：<a href="#wx">微信</a> <a href="#wb">微博</a> <a href="#qq">QQ空间</a></div>
</div>""" % (title, title, NARRATIVE["overview"], plain_table(t2), plain_table(t3, head_rows=3),
             plain_table(t4, head_rows=3), NARRATIVE["problems"])
    head = """<title>%s_白石镇人民政府</title>
<meta name="SiteName" content="白石镇人民政府">
<meta name="ArticleTitle" content="%s">
<meta name="PubDate" content="2021-01-28 16:40">
<meta name="ContentSource" content="白石镇人民政府办公室">""" % (title, title)
    html = page_chrome("白石镇人民政府", inner, head, '<meta charset="utf-8">')
    return html.encode("utf-8"), [t2, t3, t4]


def gbk_layout_2021():
    """An old GBK page: table layout, only an http-equiv charset, no meta tags of the
    government-site standard; the title only in <title>."""
    t2 = active_2021({"regulations": [0, 0, 0], "normative": [0, 0, 4], "licensing": 0,
                      "punishment": 57, "coercion": 0, "fees": 0})
    res = results_dict(2021, 2)
    t3 = applications(2021, res, carried_over=[0, 0, 0, 0, 0, 0], carried_forward=[0, 0, 0, 0, 0, 0])
    t4 = review([(0, 0, 0, 0), (0, 0, 0, 0), (0, 0, 0, 0)])
    title = "云溪区司法局2022年政府信息公开工作年度报告"
    content = """<p align="center"><font size="5"><b>%s</b></font></p>
<p>&nbsp;&nbsp;&nbsp;&nbsp;根据《中华人民共和国政府信息公开条例》，现公布本局2022年度报告。</p>
<p><font face="黑体">一、总体情况</font></p>
<p>&nbsp;&nbsp;&nbsp;&nbsp;%s</p>
<p><font face="黑体">二、主动公开政府信息情况</font></p>
%s
<p><font face="黑体">三、收到和处理政府信息公开申请情况</font></p>
%s
<p><font face="黑体">四、政府信息公开行政复议、行政诉讼情况</font></p>
%s
<p><font face="黑体">五、存在的主要问题及改进情况</font></p>
<p>&nbsp;&nbsp;&nbsp;&nbsp;%s</p>
<p><font face="黑体">六、其他需要报告的事项</font></p>
<p>&nbsp;&nbsp;&nbsp;&nbsp;%s</p>""" % (title, NARRATIVE["overview"], plain_table(t2, 'border="1" width="100%"'),
                                        plain_table(t3, 'border="1" width="100%"'),
                                        plain_table(t4, 'border="1" width="100%"'), NARRATIVE["problems"], NARRATIVE["other"])
    html = """<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>%s--云溪区人民政府</title>
<link href="/style.css" rel="stylesheet" type="text/css">
</head>
<body topmargin="0">
<table width="980" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr><td><img src="/images/banner.jpg"></td></tr>
  <tr><td class="menu"><a href="/">网站首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/bsfw/">办事服务</a> | <a href="/hdjl/">互动交流</a></td></tr>
</table>
<table width="980" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr>
    <td width="200" valign="top" class="left">
      <table width="100%%" border="0"><tr><td><a href="/zwgk/zn/">信息公开指南</a></td></tr><tr><td><a href="/zwgk/ml/">信息公开目录</a></td></tr><tr><td><a href="/zwgk/nb/">信息公开年报</a></td></tr></table>
    </td>
    <td width="780" valign="top">
      <table width="100%%" border="0" cellpadding="8"><tr><td class="content">
%s
      </td></tr></table>
    </td>
  </tr>
</table>
<table width="980" border="0" align="center"><tr><td align="center" class="bottom">云溪区人民政府主办　发布日期：2023-01-31</td></tr></table>
</body>
</html>
""" % (title, content)
    return html.encode("gbk"), [t2, t3, t4]


def news_article():
    inner = """<div class="article">
<h1>我县发布2023年政府信息公开工作年度报告</h1>
<div class="info">发布时间：2024-01-31 09:00　来源：县融媒体中心</div>
<div class="TRS_Editor">
<p>　　近日，县政府办公室发布了《青禾县人民政府2023年政府信息公开工作年度报告》。报告从总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况等六个方面，回顾了一年来的工作。</p>
<p>　　报告显示，全年主动公开政府信息1260条，办理依申请公开48件，行政复议和行政诉讼情况保持平稳。</p>
<p>　　下一步，县政府将进一步提升政务公开质量。</p>
</div></div>"""
    head = '<title>我县发布2023年政府信息公开工作年度报告_青禾县人民政府</title>\n<meta name="ArticleTitle" content="我县发布2023年政府信息公开工作年度报告">'
    return page_chrome("青禾县人民政府", inner, head, '<meta charset="utf-8">').encode("utf-8")


def not_found():
    return """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>404 页面不存在 - 青禾县人民政府</title>
<style>body{font-family:sans-serif}</style></head>
<body><div class="err"><h1>404</h1><p>抱歉，您访问的页面不存在或已被删除。</p>
<p><a href="/">返回首页</a></p></div></body></html>
""".encode("utf-8")


def main():
    fixtures = {
        "word-export-2021": word_export(),
        "portal-2019": portal_2019(),
        "gbk-layout-2021": gbk_layout_2021(),
    }
    for name, (data, grids) in fixtures.items():
        with open(os.path.join(HERE, name + ".html"), "wb") as f:
            f.write(data)
        with open(os.path.join(HERE, "expected", name + ".tables.txt"), "w", encoding="utf-8") as f:
            f.write(dump(grids))
    with open(os.path.join(HERE, "news-article.html"), "wb") as f:
        f.write(news_article())
    with open(os.path.join(HERE, "not-found-404.html"), "wb") as f:
        f.write(not_found())


if __name__ == "__main__":
    main()
