#!/usr/bin/env python3
"""Writes the batch fixtures of testdata/archive: synthetic 2021-format reports of
fictional agencies (示例县…) with numbers drawn from fixed seeds, in Apache Tika layout
(one table cell per line prefixed by a tab, a blank line between rows), and one as the
XML parts of a minimal .docx. Run from this folder: python3 make_fixtures.py
"""
import os
import random
from xml.sax.saxutils import escape

APP_ROWS = [
 ("一、本年新收政府信息公开申请数量", None, None, "new"),
 ("二、上年结转政府信息公开申请数量", None, None, "co"),
 ("三、本年度办理结果", "（一）予以公开", None, "r"),
 ("", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", None, "r"),
 ("", "（三）不予公开", "1.属于国家秘密", "r"),
 ("", "", "2.其他法律行政法规禁止公开", "r"),
 ("", "", "3.危及“三安全一稳定”", "r"),
 ("", "", "4.保护第三方合法权益", "r"),
 ("", "", "5.属于三类内部事务信息", "r"),
 ("", "", "6.属于四类过程性信息", "r"),
 ("", "", "7.属于行政执法案卷", "r"),
 ("", "", "8.属于行政查询事项", "r"),
 ("", "（四）无法提供", "1.本机关不掌握相关政府信息", "r"),
 ("", "", "2.没有现成信息需要另行制作", "r"),
 ("", "", "3.补正后申请内容仍不明确", "r"),
 ("", "（五）不予处理", "1.信访举报投诉类申请", "r"),
 ("", "", "2.重复申请", "r"),
 ("", "", "3.要求提供公开出版物", "r"),
 ("", "", "4.无正当理由大量反复申请", "r"),
 ("", "", "5.要求行政机关确认或重新出具已获取信息", "r"),
 ("", "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "r"),
 ("", "", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "r"),
 ("", "", "3.其他", "r"),
 ("", "（七）总计", None, "tot"),
 ("四、结转下年度继续办理", None, None, "cf"),
]
def cell(v): return "\t%s\n" % v
def row(cells): return "".join(cell(c) for c in cells) + "\n"
def report(agency, year, seed, break_rule=False):
    rnd = random.Random(seed)
    out = []
    out.append("\n\n%s%d年政府信息公开工作年度报告\n" % (agency, year))
    out.append("本报告依据《中华人民共和国政府信息公开条例》编制，统计期限自%d年1月1日至12月31日。\n" % year)
    out.append("一、总体情况\n　　（一）主动公开情况\n　　本年度通过门户网站主动公开各类政府信息。\n")
    out.append("二、主动公开政府信息情况\n")
    t = ""
    t += row(["第二十条第（一）项"]) + row(["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"])
    for lab in ["规章", "行政规范性文件"]:
        t += row([lab, rnd.randint(0, 9), rnd.randint(0, 3), rnd.randint(10, 90)])
    t += row(["第二十条第（五）项"]) + row(["信息内容", "本年处理决定数量"]) + row(["行政许可", rnd.randint(0, 5000)])
    t += row(["第二十条第（六）项"]) + row(["信息内容", "本年处理决定数量"])
    t += row(["行政处罚", rnd.randint(0, 900)]) + row(["行政强制", rnd.randint(0, 40)])
    t += row(["第二十条第（八）项"]) + row(["信息内容", "本年收费金额（单位：万元）"]) + row(["行政事业性收费", "%d.%02d" % (rnd.randint(0, 99), rnd.randint(0, 99))])
    out.append(t + "\n")
    out.append("三、收到和处理政府信息公开申请情况\n")
    t = row(["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"])
    t += row(["", "自然人", "法人或其他组织", "总计"])
    t += row(["", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""])
    results = []
    for r in APP_ROWS:
        if r[3] == "r":
            results.append([rnd.choice([0, 0, 1, 2, 3, 5]) for _ in range(6)])
    tot = [sum(c) for c in zip(*results)]
    co = [rnd.randint(0, 2) for _ in range(6)]
    cf = [rnd.randint(0, 2) for _ in range(6)]
    new = [tot[i] + cf[i] - co[i] for i in range(6)]
    new = [max(v, 0) for v in new]
    cf = [new[i] + co[i] - tot[i] for i in range(6)]
    ri = 0
    for (a, b, c, kind) in APP_ROWS:
        vals = {"new": new, "co": co, "tot": tot, "cf": cf}.get(kind)
        if kind == "r":
            vals = results[ri]; ri += 1
        vals = list(vals) + [sum(vals)]
        labels = [x for x in (a, b, c) if x is not None]
        t += row(labels + vals)
    out.append(t + "\n")
    out.append("四、政府信息公开行政复议、行政诉讼情况\n")
    t = row(["行政复议", "行政诉讼"])
    t += row(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"])
    t += row(["", "", "", "", ""] + ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2)
    vals = []
    for g in range(3):
        four = [rnd.randint(0, 3) for _ in range(4)]
        total = sum(four) + (1 if (break_rule and g == 0) else 0)
        vals += four + [total]
    t += row(vals)
    out.append(t + "\n")
    out.append("五、存在的主要问题及改进情况\n　　信息公开的及时性还需提高。下一步将加强培训。\n")
    out.append("六、其他需要报告的事项\n　　本年度未收取信息处理费。\n")
    return "".join(out)
def blocks_from_tika(text):
    blocks = []; table = None; row = None
    for line in text.split("\n"):
        if line.startswith("\t"):
            if table is None: table = []; blocks.append(("t", table))
            if row is None: row = []; table.append(row)
            row.append(line[1:])
        elif line == "":
            if row is not None: row = None
            elif table is not None: table = None
        else:
            table = None; row = None
            blocks.append(("p", line))
    return blocks
def p(text):
    return '<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % escape(text)
def tbl(rows):
    width = max(len(r) for r in rows)
    out = ['<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>']
    out += ['<w:gridCol w:w="900"/>'] * width
    out.append('</w:tblGrid>')
    for r in rows:
        out.append('<w:tr>')
        for i, c in enumerate(r):
            span = width - len(r) + 1 if i == len(r) - 1 and len(r) < width else 1
            pr = '<w:tcPr><w:gridSpan w:val="%d"/></w:tcPr>' % span if span > 1 else '<w:tcPr/>'
            out.append('<w:tc>%s%s</w:tc>' % (pr, p(c)))
        out.append('</w:tr>')
    out.append('</w:tbl>')
    return "".join(out)
def document(text):
    body = []
    for kind, b in blocks_from_tika(text):
        body.append(p(b) if kind == "p" else tbl(b) + p(""))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\n'
            + "\n".join(body) + '\n<w:sectPr/></w:body></w:document>\n')
def write_docx_parts(text, out):
    os.makedirs(os.path.join(out, "word"), exist_ok=True)
    os.makedirs(os.path.join(out, "_rels"), exist_ok=True)
    with open(os.path.join(out, "word/document.xml"), "w", encoding="utf-8") as f:
        f.write(document(text))
    with open(os.path.join(out, "[Content_Types].xml"), "w") as f:
        f.write('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>\n')
    with open(os.path.join(out, "_rels/.rels"), "w") as f:
        f.write('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>\n')


def write_text(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    write_text("input/reports/county/示例县人民政府-2021.txt", report("示例县人民政府", 2021, 11))
    # 行政复议's 总计 is one more than its four cells: review_litigation.group_total fails.
    write_text("input/reports/departments/示例县交通运输局-2022.txt", report("示例县交通运输局", 2022, 12, True))
    write_text("input/reports/towns/示例镇-2023.tika.txt", report("示例县示例镇人民政府", 2023, 13))
    write_docx_parts(report("示例县审计局", 2024, 14), "docx/audit-2024")
