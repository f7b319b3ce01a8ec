//! Title, agency and year from the lines before the first section.

use std::collections::BTreeMap;

use crate::model::Meta;
use crate::text::{self, chinese_numeral};

/// The most lines a title may be printed on.
const MAX_TITLE_LINES: usize = 4;
/// The longest line (in characters) that can be part of a title.
const MAX_TITLE_LINE_CHARS: usize = 60;

/// Reads title, agency, year, publisher and signature: the title from the preamble
/// (or, failing that, the document's `title` property, or a title line standing alone
/// among the first paragraphs), the publisher from the
/// `publisher` property, the signature from the last paragraphs of `body` (every
/// paragraph of the document, in order).
pub fn read_meta(
    preamble: &[String],
    properties: &BTreeMap<String, String>,
    body: &[&str],
) -> Meta {
    let property = properties
        .get("title")
        .map(|t| text::trim(t).to_owned())
        .filter(|t| t.contains("报告") || t.contains("報告"));
    let title = match title_from_lines(preamble) {
        // Page chrome before the title (`当前位置：首页…年报`) joined to it: the
        // page's own title field, printed at its end, is the title.
        Some(lines)
            if property.as_ref().is_some_and(|p| {
                lines.len() > p.len()
                    && lines.ends_with(p.as_str())
                    && agency_from_title(p).is_some()
            }) =>
        {
            property
        }
        Some(lines) => Some(lines),
        None => property.or_else(|| title_in_body(body)),
    };
    let mut meta = Meta {
        title: title.clone(),
        publisher: properties
            .get("publisher")
            .map(|p| text::trim(p).to_owned())
            .filter(|p| !p.is_empty()),
        signature: signature(body),
        ..Meta::default()
    };
    if let Some(title) = &title {
        if let Some((year, year_text)) = find_year(title) {
            meta.year = Some(year);
            meta.year_text = Some(year_text);
        }
        meta.agency = agency_from_title(title);
    }
    if meta.year.is_none()
        && let Some((year, text)) = preamble.iter().take(3).find_map(|p| find_year(p))
    {
        meta.year = Some(year);
        meta.year_text = Some(text);
    }
    if meta.agency.is_none() {
        meta.agency = meta.signature.clone().or_else(|| meta.publisher.clone());
    }
    if let Some(agency) = &meta.agency {
        meta.agency = Some(with_named_body(agency, body));
    }
    meta
}

/// The endings of an agency's name (the body, not the area).
const BODY_ENDINGS: [&str; 16] = [
    "人民政府",
    "政府",
    "委员会",
    "管委会",
    "办公室",
    "办公厅",
    "办事处",
    "中心",
    "局",
    "厅",
    "院",
    "所",
    "委",
    "办",
    "会",
    "处",
];

/// The body signed at the end: among the last paragraphs, a short line that names a
/// body (ends in 人民政府, 委员会, 局, …) with no sentence punctuation and no digits.
fn signature(body: &[&str]) -> Option<String> {
    body.iter()
        .rev()
        .map(|p| text::trim(p))
        .filter(|p| !p.is_empty())
        .take(4)
        .find(|p| {
            p.chars().count() <= 30
                && !p.contains(['。', '，', '；', '：', ':', '、', '（', '(', ' '])
                && !p.chars().any(|c| c.is_ascii_digit() || c == '〇')
                && BODY_ENDINGS.iter().any(|e| p.ends_with(e))
        })
        .map(str::to_owned)
}

/// An area's name (`乡宁县双鹤乡`) with the body the report itself names for it:
/// 人民政府 when the text names `双鹤乡人民政府` (or the whole name with it), 办事处
/// for a 街道 likewise; otherwise the name as printed.
fn with_named_body(agency: &str, body: &[&str]) -> String {
    const AREAS: [char; 8] = ['省', '市', '县', '区', '乡', '镇', '旗', '州'];
    let suffix = if agency.ends_with("街道") {
        "办事处"
    } else if agency.chars().last().is_some_and(|c| AREAS.contains(&c)) {
        "人民政府"
    } else {
        return agency.to_owned();
    };
    // The whole name and its last unit (after the last area character before it).
    let chars: Vec<char> = agency.chars().collect();
    let mut names = vec![agency.to_owned()];
    if let Some(cut) = chars
        .iter()
        .take(chars.len().saturating_sub(1))
        .rposition(|c| AREAS.contains(c))
    {
        let last: String = chars.iter().skip(cut + 1).collect();
        if last.chars().count() >= 2 {
            names.push(last);
        }
    }
    let named = names.iter().any(|name| {
        let body_name = format!("{name}{suffix}");
        body.iter().any(|p| {
            let compact: String = p.chars().filter(|c| !text::is_space(*c)).collect();
            compact.contains(&body_name)
        })
    });
    if named {
        format!("{agency}{suffix}")
    } else {
        agency.to_owned()
    }
}

/// The title: the first short lines up to the one that says 报告.
fn title_from_lines(lines: &[String]) -> Option<String> {
    let mut parts = Vec::new();
    for line in lines.iter().take(MAX_TITLE_LINES) {
        let line = text::trim(line);
        if line.chars().count() > MAX_TITLE_LINE_CHARS {
            break;
        }
        parts.push(line);
        if line.contains("报告") || line.contains("報告") {
            // A line that is a whole title by itself (an agency, a year, 报告) is the
            // title: the short lines before it are page chrome (a menu bar printed
            // with the page), not the start of a title.
            if parts.len() > 1 && find_year(line).is_some() && agency_from_title(line).is_some() {
                return Some(line.to_owned());
            }
            return Some(parts.concat());
        }
    }
    None
}

/// How many paragraphs from the start a title is looked for in, when the lines before
/// the first section hold none (a printed portal page: its menus come first, and a
/// menu item may read as a section heading).
const MAX_TITLE_SEARCH: usize = 80;

/// A title standing alone among the first paragraphs: one short line that names a
/// year and 政府信息公开 and ends with 报告.
fn title_in_body(body: &[&str]) -> Option<String> {
    body.iter().take(MAX_TITLE_SEARCH).find_map(|p| {
        let line = text::trim(p);
        let ends = line.ends_with("报告") || line.ends_with("報告");
        let names = line.contains("政府信息公开") || line.contains("政府信息公開");
        (ends
            && names
            && line.chars().count() <= MAX_TITLE_LINE_CHARS
            && find_year(line).is_some()
            && agency_from_title(line).is_some())
        .then(|| line.to_owned())
    })
}

/// The first year of a text written as 4 digits (ASCII or full-width) or 4 Chinese
/// numerals before 年: the value and the text as printed.
pub fn find_year(text: &str) -> Option<(i32, String)> {
    let chars: Vec<char> = text.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if *c != '年' && *c != '度' {
            continue;
        }
        // Skip spaces between the number and 年.
        let mut end = i;
        while end > 0 && chars.get(end - 1).is_some_and(|c| text::is_space(*c)) {
            end -= 1;
        }
        let start = end.saturating_sub(4);
        if end < 4 {
            continue;
        }
        let Some(digits) = chars.get(start..end) else {
            continue;
        };
        if start > 0 && chars.get(start - 1).is_some_and(|c| c.is_ascii_digit()) {
            continue;
        }
        let printed: String = digits.iter().collect();
        let ascii = text::fold_full_width(&printed);
        let value = if ascii.chars().all(|c| c.is_ascii_digit()) {
            ascii.parse().ok()
        } else {
            chinese_numeral(&printed).and_then(|v| i32::try_from(v).ok())
        };
        if let Some(year) = value.filter(|y| (1990..=2100).contains(y)) {
            return Some((year, printed));
        }
    }
    None
}

/// The agency from a title, as printed: the year and the words of the report's name
/// removed (`乡宁县2020年双鹤乡信息公开工作报告` gives `乡宁县双鹤乡`; whether that is
/// a 人民政府 only the report's text can say).
pub fn agency_from_title(title: &str) -> Option<String> {
    let compact: String = title.chars().filter(|c| !text::is_space(*c)).collect();
    let mut s = compact.as_str().trim_start_matches("关于");
    // Remove the year (and 年度 / 年) wherever it stands.
    let without_year;
    if let Some((_, printed)) = find_year(s) {
        let printed: String = printed.chars().filter(|c| !text::is_space(*c)).collect();
        without_year = ["年度", "年"]
            .iter()
            .find_map(|suffix| {
                let pat = format!("{printed}{suffix}");
                s.contains(&pat).then(|| s.replacen(&pat, "", 1))
            })
            .unwrap_or_else(|| s.to_owned());
        s = &without_year;
    }
    let cut = [
        "政府信息公开",
        "政务公开",
        "信息公开",
        "政府信息",
        "年度报告",
        "工作报告",
    ]
    .iter()
    .filter_map(|word| s.find(word))
    .min()?;
    let agency = s.get(..cut)?.trim_end_matches(['的', '、', '，']);
    if agency.chars().count() < 2 {
        return None;
    }
    Some(agency.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agencies_and_years_from_titles() {
        assert_eq!(
            agency_from_title("乡宁县2020年双鹤乡信息公开工作报告").as_deref(),
            Some("乡宁县双鹤乡")
        );
        assert_eq!(
            agency_from_title("淮安市人民政府2024 年政府信息公开工作年度报告").as_deref(),
            Some("淮安市人民政府")
        );
        assert_eq!(
            agency_from_title("示例市东区卫生健康委员会2023年政府信息公开工作年度报告").as_deref(),
            Some("示例市东区卫生健康委员会")
        );
        assert_eq!(
            agency_from_title("2021年示例县政府信息公开工作年度报告").as_deref(),
            Some("示例县")
        );
        assert_eq!(
            find_year("淮安市人民政府 2024 年政府信息公开"),
            Some((2024, "2024".into()))
        );
        assert_eq!(
            find_year("二〇二〇年度报告"),
            Some((2020, "二〇二〇".into()))
        );
        assert_eq!(find_year("２０２１年"), Some((2021, "２０２１".into())));
        assert_eq!(find_year("共12345年"), None);
    }

    #[test]
    fn a_title_after_page_chrome_is_found_standing_alone() {
        let body = [
            "今天是登录注册English",
            "首页",
            "主动公开政府信息",
            "白石镇人民政府2020年政府信息公开工作年度报告",
            "现将2020年政府信息公开工作年度报告如下。",
        ];
        let meta = read_meta(&[], &BTreeMap::new(), &body);
        assert_eq!(meta.agency.as_deref(), Some("白石镇人民政府"));
        assert_eq!(meta.year, Some(2020));
        // A sentence that mentions a report is no title.
        let meta = read_meta(&[], &BTreeMap::new(), &body[4..]);
        assert_eq!(meta.title, None);
    }

    #[test]
    fn a_menu_bar_before_a_whole_title_is_not_part_of_it() {
        let lines = [
            "网站首页|政务公开|办事服务|互动交流信息公开指南".to_owned(),
            "云溪区司法局2022年政府信息公开工作年度报告".to_owned(),
        ];
        let meta = read_meta(&lines, &BTreeMap::new(), &[]);
        assert_eq!(meta.agency.as_deref(), Some("云溪区司法局"));
        // A title printed on two lines is still joined.
        let lines = [
            "示例市人民政府办公室".to_owned(),
            "2021年政府信息公开工作年度报告".to_owned(),
        ];
        let meta = read_meta(&lines, &BTreeMap::new(), &[]);
        assert_eq!(
            meta.title.as_deref(),
            Some("示例市人民政府办公室2021年政府信息公开工作年度报告")
        );
    }

    #[test]
    fn title_spans_lines_until_the_word_report() {
        let lines = vec![
            "淮安市人民政府".to_owned(),
            "2024 年政府信息公开工作年度报告".to_owned(),
        ];
        let meta = read_meta(&lines, &BTreeMap::new(), &[]);
        assert_eq!(
            meta.title.as_deref(),
            Some("淮安市人民政府2024 年政府信息公开工作年度报告")
        );
        assert_eq!(meta.year, Some(2024));
        assert_eq!(meta.agency.as_deref(), Some("淮安市人民政府"));
    }

    #[test]
    fn a_body_is_added_only_where_the_report_names_it() {
        let title = vec!["乡宁县2020年双鹤乡信息公开工作报告".to_owned()];
        let body = ["双鹤乡人民政府", "2021年1月"];
        let meta = read_meta(&title, &BTreeMap::new(), &body);
        assert_eq!(meta.agency.as_deref(), Some("乡宁县双鹤乡人民政府"));
        assert_eq!(meta.signature.as_deref(), Some("双鹤乡人民政府"));
        let title = vec!["平潭综合实验区2024年度政府信息公开工作年度报告".to_owned()];
        let mut props = BTreeMap::new();
        props.insert(
            "publisher".to_owned(),
            "平潭综合实验区管委会办公室".to_owned(),
        );
        let body = ["区管委会办公室编制完成了本报告。", "平潭综合实验区管委会"];
        let meta = read_meta(&title, &props, &body);
        assert_eq!(meta.agency.as_deref(), Some("平潭综合实验区"));
        assert_eq!(
            meta.publisher.as_deref(),
            Some("平潭综合实验区管委会办公室")
        );
        assert_eq!(meta.signature.as_deref(), Some("平潭综合实验区管委会"));
        // No title: the signature, as printed.
        let meta = read_meta(&[], &props, &body);
        assert_eq!(meta.agency.as_deref(), Some("平潭综合实验区管委会"));
        assert_eq!(
            signature(&["本机关将继续做好公开工作。", "2024年1月20日"]),
            None
        );
    }
}
