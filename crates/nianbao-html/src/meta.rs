//! What the page states about itself: title, publishing date and agency, from the
//! `<meta>` tags of the government-site standard (`ArticleTitle`, `PubDate`,
//! `ContentSource`), the `<title>`, and the 发布时间/来源 line above the article.

use std::sync::LazyLock;

use regex::Regex;

use crate::dom::{Dom, ROOT};
use crate::flow::Placed;
use nianbao_core::ir::Block;

/// What the page says about the report.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct PageMeta {
    /// The report's title.
    pub title: Option<String>,
    /// The publishing date (`YYYY-MM-DD`, with ` HH:MM[:SS]` when the page gives it).
    pub published: Option<String>,
    /// The publishing agency.
    pub publisher: Option<String>,
}

static DATE_LINE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?:发布时间|发布日期|发文日期|成文日期|日期|时间)\s*[:：]\s*(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})\s*日?(?:\s*(\d{1,2}:\d{2}(?::\d{2})?))?").ok()
});

static DATE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})\s*日?(?:\s*(\d{1,2}:\d{2}(?::\d{2})?))?").ok()
});

static SOURCE_LINE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?:信息来源|来源单位|发布机构|发布单位|来源)\s*[:：]\s*([^\s:：|｜丨/]+)([:：]?)")
        .ok()
});

/// Reads the page's meta data from its `<head>` and its paragraphs (all of the page's
/// paragraphs, before the article is chosen: the 发布时间 line sits above it).
pub fn read(dom: &Dom, placed: &[Placed]) -> PageMeta {
    let mut meta = PageMeta::default();
    let mut meta_date = None;
    let mut meta_source = None;
    for id in dom.find_all(ROOT, "meta") {
        let Some(node) = dom.node(id) else { continue };
        let (Some(name), Some(content)) = (node.attr("name"), node.attr("content")) else {
            continue;
        };
        let content = nianbao_core::text::trim(content);
        if content.is_empty() {
            continue;
        }
        if name.eq_ignore_ascii_case("ArticleTitle") && meta.title.is_none() {
            meta.title = Some(content.to_owned());
        } else if name.eq_ignore_ascii_case("PubDate") && meta_date.is_none() {
            meta_date = date(&DATE, content);
        } else if name.eq_ignore_ascii_case("ContentSource") && meta_source.is_none() {
            meta_source = Some(content.to_owned());
        }
    }
    if meta.title.is_none() {
        meta.title = dom
            .find_first(ROOT, "title")
            .map(|t| title_from_title_element(&dom.raw_text(t)))
            .filter(|t| !t.is_empty());
    }
    let lines = placed.iter().filter_map(|p| match &p.block {
        Block::Paragraph(p) => Some(p.text.as_str()),
        Block::Table(_) => None,
    });
    for line in lines {
        if meta.published.is_none() {
            meta.published = date(&DATE_LINE, line);
        }
        if meta.publisher.is_none() {
            meta.publisher = source(line);
        }
        if meta.published.is_some() && meta.publisher.is_some() {
            break;
        }
    }
    meta.published = meta.published.or(meta_date);
    meta.publisher = meta.publisher.or(meta_source);
    meta
}

/// A date found by `re`, as `YYYY-MM-DD[ HH:MM[:SS]]`.
fn date(re: &LazyLock<Option<Regex>>, text: &str) -> Option<String> {
    let caps = re.as_ref()?.captures(text)?;
    let num = |i: usize| caps.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let (y, m, d) = (num(1)?, num(2)?, num(3)?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let mut out = format!("{y:04}-{m:02}-{d:02}");
    if let Some(time) = caps.get(4) {
        let mut parts = time.as_str().split(':');
        let hour: u32 = parts.next()?.parse().ok()?;
        out.push_str(&format!(" {hour:02}"));
        for p in parts {
            out.push(':');
            out.push_str(p);
        }
    }
    Some(out)
}

/// The agency of a `来源：…` line (not another label that follows an empty 来源).
fn source(text: &str) -> Option<String> {
    let caps = SOURCE_LINE.as_ref()?.captures(text)?;
    if caps.get(2).is_some_and(|m| !m.as_str().is_empty()) {
        return None;
    }
    caps.get(1).map(|m| m.as_str().to_owned())
}

/// The title from `<title>`: site names after `_`, ` - `, `--`, `|` or `——` are cut
/// off, keeping the part that says 报告 when there is one.
fn title_from_title_element(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let parts: Vec<&str> = text
        .split(['_', '|', '｜'])
        .flat_map(|p| p.split(" - "))
        .flat_map(|p| p.split("--"))
        .flat_map(|p| p.split("——"))
        .flat_map(|p| p.split(" — "))
        .map(nianbao_core::text::trim)
        .filter(|p| !p.is_empty())
        .collect();
    parts
        .iter()
        .find(|p| p.contains("报告") || p.contains("報告"))
        .or(parts.first())
        .map_or_else(String::new, |p| (*p).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_and_source_lines() {
        assert_eq!(
            date(
                &DATE_LINE,
                "发布时间：2024-03-28 09:05 来源：淮安市人民政府办公室"
            ),
            Some("2024-03-28 09:05".into())
        );
        assert_eq!(
            date(&DATE_LINE, "发布日期: 2024年1月5日"),
            Some("2024-01-05".into())
        );
        assert_eq!(date(&DATE_LINE, "共有2024个"), None);
        assert_eq!(
            source("发布时间：2024-03-28 来源：示例县人民政府办公室 浏览次数：12"),
            Some("示例县人民政府办公室".into())
        );
        assert_eq!(source("来源： 作者：张三"), None);
        assert_eq!(source("本报告数据来源于统计"), None);
    }

    #[test]
    fn title_element_loses_the_site_name() {
        assert_eq!(
            title_from_title_element("示例市人民政府_示例市2023年政府信息公开工作年度报告"),
            "示例市2023年政府信息公开工作年度报告"
        );
        assert_eq!(
            title_from_title_element("页面不存在 - 示例市人民政府"),
            "页面不存在"
        );
    }
}
