#!/usr/bin/env python3
"""Writes the cross-year fixtures of testdata/years/ from testdata/txt/sample-2021.pipe.txt
(a full 2021-format report in pipe-separated text, every rule holding).

Each report changes the template's agency, year and a few cells, keeping its own
arithmetic right (一 + 二 = 总计 + 四 in every column). What each stresses: README.md.

    python3 testdata/years/make_fixtures.py
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
TEMPLATE = os.path.join(HERE, "..", "txt", "sample-2021.pipe.txt")

NEW = "一、本年新收政府信息公开申请数量|||"
OVER = "二、上年结转政府信息公开申请数量|||"
FORWARD = "四、结转下年度继续办理|||"


def report(agency, year, rows=None, lines=None):
    with open(TEMPLATE, encoding="utf-8") as f:
        text = f.read()
    text = text.replace("示例县人民政府2023年", f"{agency}{year}年", 1)
    text = text.replace("2023年", f"{year}年")
    out = []
    for line in text.split("\n"):
        for start, cells in (rows or {}).items():
            if line.startswith(start):
                line = start + cells
        for old, new in (lines or {}).items():
            if line == old:
                line = new
        out.append(line)
    return "\n".join(out)


def write(name, text):
    with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main():
    # 2022: its 结转下年度 is 2023's 上年结转 (5|1|0|0|0|0|6); 新收 set so that its own
    # balance holds; 现行有效 14 and 39, so that 2023's 15 = 14 + 2 − 1, 48 = 39 + 12 − 3.
    write("county-2022.txt", report("示例县人民政府", 2022, rows={
        NEW: "119|8|1|0|2|2|132",
        FORWARD: "5|1|0|0|0|0|6",
    }, lines={"规章|2|1|15": "规章|2|1|14", "行政规范性文件|12|3|48": "行政规范性文件|12|3|39"}))
    # 2023: the template as it is, named by the government's office.
    write("county-2023.txt", report("示例县人民政府办公室", 2023))
    # 2024: 上年结转 6|1|0|0|0|0|7 where 2023 carried 6|1|0|0|0|1|8 forward (其他 and
    # 总计 disagree); 结转下年度 set so that its own balance holds; 规章 16 = 15 + 2 − 1
    # holds, 规范性文件 60 ≠ 48 + 10 − 2 (the soft rule fails). The name in Traditional.
    write("county-2024.txt", report("示例縣人民政府", 2024, rows={
        OVER: "6|1|0|0|0|0|7",
        FORWARD: "7|1|0|0|0|1|9",
    }, lines={"规章|2|1|15": "规章|2|1|16", "行政规范性文件|12|3|48": "行政规范性文件|10|2|60"}))
    # A re-publication of 2024 with one cell changed (行政许可 1502 for 1520).
    write("county-2024.republished.txt", report("示例县人民政府", 2024, rows={
        OVER: "6|1|0|0|0|0|7",
        FORWARD: "7|1|0|0|0|1|9",
    }, lines={
        "规章|2|1|15": "规章|2|1|16",
        "行政规范性文件|12|3|48": "行政规范性文件|10|2|60",
        "行政许可|1520": "行政许可|1502",
    }))
    # A township of the county, 2023: another agency, not linked to the county.
    write("township-2023.txt", report("示例县示例镇人民政府", 2023))


if __name__ == "__main__":
    main()
