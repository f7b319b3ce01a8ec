//! Title, agency and year from the lines before the first section.

use std::collections::BTreeMap;

use crate::model::Meta;
use crate::text::{self, chinese_numeral};

/// The most lines a title may be printed on.
const MAX_TITLE_LINES: usize = 4;
/// The longest line (in characters) that can be part of a title.
const MAX_TITLE_LINE_CHARS: usize = 60;

/// Reads title, agency and year from the preamble (or, failing that, from the
/// document's `title` property).
pub fn read_meta(preamble: &[String], properties: &BTreeMap<String, String>) -> Meta {
    let title = title_from_lines(preamble).or_else(|| {
        properties
            .get("title")
            .map(|t| text::trim(t).to_owned())
            .filter(|t| t.contains("报告") || t.contains("報告"))
    });
    let mut meta = Meta {
        title: title.clone(),
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
    meta
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
            return Some(parts.concat());
        }
    }
    None
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

/// The agency from a title: the year and the words of the report's name removed;
/// an administrative area (`乡宁县双鹤乡`) is read as its people's government.
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
    const AREAS: [char; 8] = ['省', '市', '县', '区', '乡', '镇', '旗', '州'];
    if agency.ends_with("街道") {
        return Some(format!("{agency}办事处"));
    }
    if agency.chars().last().is_some_and(|c| AREAS.contains(&c)) {
        return Some(format!("{agency}人民政府"));
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
            Some("乡宁县双鹤乡人民政府")
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
            Some("示例县人民政府")
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
    fn title_spans_lines_until_the_word_report() {
        let lines = vec![
            "淮安市人民政府".to_owned(),
            "2024 年政府信息公开工作年度报告".to_owned(),
        ];
        let meta = read_meta(&lines, &BTreeMap::new());
        assert_eq!(
            meta.title.as_deref(),
            Some("淮安市人民政府2024 年政府信息公开工作年度报告")
        );
        assert_eq!(meta.year, Some(2024));
        assert_eq!(meta.agency.as_deref(), Some("淮安市人民政府"));
    }
}
