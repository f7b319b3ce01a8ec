#!/usr/bin/env python3
"""Writes the Tika-layout fixtures of this folder and their expected.json.

Each fixture is a report of our own (fictional agencies, numbers drawn here),
laid out as Apache Tika prints a Word report: one table cell per line prefixed
by a tab, a blank line between rows, vertically merged cells as empty cells,
horizontally merged cells gone. The expected values come from the definitions
below, never from nianbao's output. Run: python3 make_fixtures.py
"""
import json
import random

COLS = ["natural_person", "commercial", "research", "social_welfare", "legal_services", "other_org", "total"]
RESULT_ROWS_2021 = [
    ("results.granted", ["三、本年度办理结果", "（一）予以公开"]),
    ("results.partially_granted", ["", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"]),
    ("results.denied.state_secret", ["", "（三）不予公开", "1.属于国家秘密"]),
    ("results.denied.prohibited_by_law", ["", "", "2.其他法律行政法规禁止公开"]),
    ("results.denied.endangers_safety_stability", ["", "", "3.危及“三安全一稳定”"]),
    ("results.denied.third_party_rights", ["", "", "4.保护第三方合法权益"]),
    ("results.denied.internal_affairs", ["", "", "5.属于三类内部事务信息"]),
    ("results.denied.process_information", ["", "", "6.属于四类过程性信息"]),
    ("results.denied.enforcement_files", ["", "", "7.属于行政执法案卷"]),
    ("results.denied.inquiry_matters", ["", "", "8.属于行政查询事项"]),
    ("results.unable_to_provide.not_held", ["", "（四）无法提供", "1.本机关不掌握相关政府信息"]),
    ("results.unable_to_provide.needs_creation", ["", "", "2.没有现成信息需要另行制作"]),
    ("results.unable_to_provide.unclear_after_correction", ["", "", "3.补正后申请内容仍不明确"]),
    ("results.not_processed.complaints", ["", "（五）不予处理", "1.信访举报投诉类申请"]),
    ("results.not_processed.repeated", ["", "", "2.重复申请"]),
    ("results.not_processed.publications", ["", "", "3.要求提供公开出版物"]),
    ("results.not_processed.excessive", ["", "", "4.无正当理由大量反复申请"]),
    ("results.not_processed.confirmation", ["", "", "5.要求行政机关确认或重新出具已获取信息"]),
    ("results.other.overdue_correction", ["", "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"]),
    ("results.other.overdue_fee", ["", "", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"]),
    ("results.other.other", ["", "", "3.其他"]),
]


def set_path(obj, path, value):
    parts = path.split(".")
    for p in parts[:-1]:
        obj = obj.setdefault(p, {})
    obj[parts[-1]] = value


def consistent_table3(rng, result_keys):
    """Numbers for which every rule of table 3 holds."""
    rows = {}
    for key in result_keys:
        vals = [rng.choice([0, 0, 1, 2, 3, 5, 8, 13, 40]) for _ in range(6)]
        rows[key] = vals + [sum(vals)]
    total = [sum(rows[k][i] for k in result_keys) for i in range(7)]
    carried_over = [rng.choice([0, 1, 2]) for _ in range(6)]
    carried_over.append(sum(carried_over))
    carried_forward = [rng.choice([0, 1, 3]) for _ in range(6)]
    carried_forward.append(sum(carried_forward))
    new = [total[i] + carried_forward[i] - carried_over[i] for i in range(7)]
    assert all(v >= 0 for v in new)
    rows["results.total"] = total
    rows["carried_over"] = carried_over
    rows["carried_forward"] = carried_forward
    rows["new_received"] = new
    return rows


def tika_table(rows):
    """A table as Tika prints it: rows of cells, a cell may hold '\n'."""
    out = []
    for row in rows:
        for cell in row:
            out.append("\t" + cell)
        out.append("")
    out.append("")
    return "\n".join(out) + "\n"


def fmt(v):
    return "" if v is None else str(v)


def write(name, text, expected):
    with open(name, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    with open(name + ".expected.json", "w", encoding="utf-8", newline="\n") as f:
        json.dump(expected, f, ensure_ascii=False, indent=2)
        f.write("\n")


def county_2021():
    """2021 format; label drift of real reports; an extra row in table 2."""
    rng = random.Random(2021)
    keys = [k for k, _ in RESULT_ROWS_2021]
    t3 = consistent_table3(rng, keys)
    labels = dict(RESULT_ROWS_2021)
    # Drift seen in real reports.
    labels["results.denied.prohibited_by_law"] = ["", "", "2.其他法律行政止公开"]
    labels["results.not_processed.excessive"] = ["", "", "4.无正当理由大量反复 申请"]
    labels["results.other.overdue_correction"] = ["", "（六）其他处理", "1、申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请"]
    labels["results.other.overdue_fee"] = ["", "", "2、申请人逾期未按收费通知要求缴纳费用,行政机关不再处理其政府信息公开申请"]
    labels["results.other.other"] = ["", "", "3、其他"]
    text = "\n\n示例县人民政府2021年政府信息公开工作年度报告\n"
    text += "本报告依据《中华人民共和国政府信息公开条例》编制，统计期限自2021年1月1日至12月31日。\n"
    text += "一、政府信息公开总体情况\n\u3000\u3000（一）主动公开情况\n\u3000\u3000本年度主动公开各类信息共计若干条。\n"
    text += "（二）依申请公开情况\n\u3000\u3000全年依法办理政府信息公开申请。\n"
    text += "二、主动公开政府信息情况\n"
    t2 = [
        ["第二十条第（一）项"],
        ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        ["规章", "1", "0", "11"],
        ["行政规范性文件", "８", "2", "66"],
        ["其他主动公开文件", "5", "0", "30"],
        ["第二十条第（五）项"],
        ["信息内容", "本年处理决定数量"],
        ["行政许可", "4,472"],
        ["第二十条第（六）项"],
        ["信息内容", "本年处理决定数量"],
        ["行政处罚", "398"],
        ["行政强制", "0"],
        ["第二十条第（八）项"],
        ["信息内容", "本年收费金额（单位：万元）"],
        ["行政事业性收费", "12.50"],
    ]
    text += tika_table(t2)
    text += "\u3000\u3000三、收到和处理政府信息公开申请情况\n"
    header = [
        ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"],
        ["", "自然人", "法人或其他组织", "总计"],
        ["", "", "商业\n企业", "科研\n机构", "社会公益", "法律服务机构", "其他", ""],
    ]
    body = [["一、本年新收政府信息公开申请数量"] + [fmt(v) for v in t3["new_received"]]]
    body.append(["二、上年结转政府信息公开申请数量"] + [fmt(v) for v in t3["carried_over"]])
    for k in keys:
        body.append(labels[k] + [fmt(v) for v in t3[k]])
    body.append(["", "（七）合计"] + [fmt(v) for v in t3["results.total"]])
    body.append(["四、结转下年度继续办理"] + [fmt(v) for v in t3["carried_forward"]])
    text += tika_table(header + body)
    text += "\u3000\u3000四、因政府信息公开工作被申请行政复议和提起行政诉讼情况\n"
    t4 = [
        ["行政复议", "行政诉讼"],
        ["结果维持", "结果纠正", "其他结果", "尚未审结", "总 计", "未经复议直接起诉", "复议后起诉"],
        ["", "", "", "", "", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"],
        ["3", "1", "0", "1", "5", "2", "0", "0", "1", "3", "0", "0", "1", "0", "1"],
    ]
    text += tika_table(t4)
    text += "五、政府信息公开工作存在的主要问题及改进情况\n\u3000\u3000一是公开内容还不够全面。\n\u3000\u3000二是解读形式还不够丰富。\n"
    text += "六、其他需要报告的事项\n\u3000\u3000本年度未收取信息处理费。\n"
    ad = {
        "regulations": {"issued": 1, "repealed": 0, "in_force": 11},
        "normative_documents": {"issued": 8, "repealed": 2, "in_force": 66},
        "licensing": {"decisions": 4472},
        "punishment": {"decisions": 398},
        "coercion": {"decisions": 0},
        "fees": {"amount_wan_yuan": 12.5},
    }
    apps = {}
    for k in ["new_received", "carried_over"] + keys + ["results.total", "carried_forward"]:
        set_path(apps, k, dict(zip(COLS, t3[k])))
    rl = {
        "review": dict(zip(["upheld", "corrected", "other", "pending", "total"], [3, 1, 0, 1, 5])),
        "litigation_direct": dict(zip(["upheld", "corrected", "other", "pending", "total"], [2, 0, 0, 1, 3])),
        "litigation_after_review": dict(zip(["upheld", "corrected", "other", "pending", "total"], [0, 0, 1, 0, 1])),
    }
    expected = {
        "source": "county-2021.txt",
        "format": "txt",
        "meta": {"agency": "示例县人民政府", "year": 2021, "template": {"active_disclosure": "2021", "applications": "2021"}},
        "active_disclosure": ad,
        "applications": apps,
        "review_litigation": rl,
        "violated_rules": [],
        "extra_rows": {"active_disclosure": [{"label": "其他主动公开文件", "values": {"issued": 5, "repealed": 0, "in_force": 30}}]},
        "notes": "Our own fixture, 2021 format. Label drift: 其他法律行政止公开 (typo), 大量反复 申请 (space), "
        "（六） labels with 、 ， and , , 3、其他, （七）合计 for 总计, 社会公益 without 组织, header cells split "
        "over two lines (商业/企业), 总 计 in table 4. Values: full-width ８, 4,472 with a separator, 12.50 万元. "
        "An extra row 其他主动公开文件 in table 2. Every rule holds.",
    }
    write("county-2021.txt", text, expected)


def township_2019():
    """2019 format; rows split differently; placeholders, units, annotations; one
    rule broken on purpose (table 4 review 10/1/0/0 with 总计 0)."""
    text = "\n乡宁县示例镇2019年政府信息公开工作年度报告\n"
    text += "\u3000\u3000１．总体情况\n\u3000\u3000我镇认真贯彻落实《条例》。\n"
    text += "\u3000\u3000２．主动公开政府信息情况\n"
    t2 = [
        ["第二十条第（一）项"],
        ["信息内容", "本年新\n制作数量", "本年新\n公开数量", "对外公开总数量"],
        ["规章", "22（其中修订 16 件）", "0", "55（含自然失效 29 件）"],
        ["规范性文件", "—", "/", "无"],
        ["第二十条第（五）项"],
        ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
        ["行政许可", "12", "+3", "96"],
        ["其他对外管理服务事项", "4", "-1", "0"],
        ["第二十条第（六）项"],
        ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
        ["行政处罚", "0", "0", "7"],
        ["行政强制", "", "", ""],
        ["第二十条第（八）项"],
        ["信息内容", "上一年项目数量", "本年增/减"],
        ["行政事业性收费", "2", "0"],
        ["第二十条第（九）项"],
        ["信息内容", "采购项目数量", "采购总金额"],
        ["政府集中采购", "3", "251000元"],
    ]
    text += tika_table(t2)
    text += "\u3000\u3000３．收到和处理政府信息公开申请情况\n"
    rng = random.Random(2019)
    keys = [k for k, _ in RESULT_ROWS_2021 if not k.startswith("results.other.overdue")]
    t3 = consistent_table3(rng, keys)
    rows = [
        ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"],
        ["", "自然人", "法人或其他组织", "总计"],
        ["", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""],
        ["一、本年新收政府信息公开申请数量"] + [fmt(v) for v in t3["new_received"]],
        ["二、上年结转政府信息公开申请数量"] + [fmt(v) for v in t3["carried_over"]],
        # 三 on a row of its own, group labels on rows of their own, extra empty
        # cells where merged cells were.
        ["三、本年度办理结果"],
    ]
    groups = {
        "results.denied.state_secret": "（三）不予公开",
        "results.unable_to_provide.not_held": "（四）无法提供",
        "results.not_processed.complaints": "（五）不予处理",
    }
    labels = dict(RESULT_ROWS_2021)
    for k in keys:
        if k in groups:
            rows.append(["", groups[k], "", "", "", "", "", "", ""])
        label = labels[k][-1]
        if k == "results.other.other":
            label = "（六）其他处理"
        rows.append(["", "", label] + [fmt(v) for v in t3[k]])
    rows.append(["", "（七）总计"] + [fmt(v) for v in t3["results.total"]])
    rows.append(["四、结转下年度继续办理"] + [fmt(v) for v in t3["carried_forward"]])
    text += tika_table(rows)
    text += "\u3000\u3000４．政府信息公开行政复议、行政诉讼情况\n"
    t4 = [
        ["行政复议", "行政诉讼"],
        ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"],
        ["", "", "", "", "", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"],
        ["10", "1", "0", "0", "0", "0", "0", "0", "0", "0", "", "", "", "", ""],
        ["注：行政复议、行政诉讼数量含上年度结转数量。"],
    ]
    text += tika_table(t4)
    text += "\u3000\u3000５．存在的主要问题及改进情况\n\u3000\u3000公开意识有待加强。\n"
    text += "\u3000\u3000６．其他需要报告的事项\n\u3000\u3000无。\n"
    ad = {
        "regulations": {"made": 22, "published": 0, "total_published": 55},
        "normative_documents": {"made": None, "published": None, "total_published": None},
        "licensing": {"previous_items": 12, "change": 3, "decisions": 96},
        "other_services": {"previous_items": 4, "change": -1, "decisions": 0},
        "punishment": {"previous_items": 0, "change": 0, "decisions": 7},
        "coercion": {"previous_items": None, "change": None, "decisions": None},
        "fees": {"previous_items": 2, "change": 0},
        "procurement": {"projects": 3, "amount_wan_yuan": 25.1},
    }
    apps = {}
    for k in ["new_received", "carried_over"] + keys + ["results.total", "carried_forward"]:
        set_path(apps, k, dict(zip(COLS, t3[k])))
    apps["results"]["other"] = {"overdue_correction": None, "overdue_fee": None, "other": apps["results"]["other"]["other"]}
    five = ["upheld", "corrected", "other", "pending", "total"]
    rl = {
        "review": dict(zip(five, [10, 1, 0, 0, 0])),
        "litigation_direct": dict(zip(five, [0, 0, 0, 0, 0])),
        "litigation_after_review": dict(zip(five, [None] * 5)),
    }
    expected = {
        "source": "township-2019.txt",
        "format": "txt",
        "meta": {"agency": "乡宁县示例镇", "year": 2019, "template": {"active_disclosure": "2019", "applications": "2019"}},
        "active_disclosure": ad,
        "applications": apps,
        "review_litigation": rl,
        "violated_rules": ["review_litigation.group_total"],
        "notes": "Our own fixture, 2019 trial format. Headings numbered with full-width digits and U+3000 indents. "
        "Rows split differently from the template: 三、本年度办理结果 and the group labels （三）（四）（五） on rows of "
        "their own, with empty cells where merged cells were. Values: annotations 22（其中修订 16 件）and 55（含自然失效 29 件）, "
        "placeholders — / 无 (null), a blank row (null), signed +3 and -1, 251000元 read as 25.1 万元. Table 4: the review "
        "group prints 10/1/0/0 with 总计 0 (a broken rule kept as printed), the last group is blank (not assessable); a note row.",
    }
    write("township-2019.txt", text, expected)


if __name__ == "__main__":
    county_2021()
    township_2019()
