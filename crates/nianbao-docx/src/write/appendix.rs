//! The findings appendix: the failed consistency rules (勾稽关系), one sentence each,
//! after section 六.

use nianbao_core::catalog::{APPLICANT_COLUMNS, APPLICATION_ROWS, REVIEW_GROUPS};
use nianbao_core::rules::{Finding, Status};
use nianbao_core::{Number, TableKind};

/// The appendix heading.
pub const HEADING: &str = "附：数据勾稽关系核查";

/// The paragraphs of the appendix after its heading: a short introduction and one
/// numbered sentence per failed finding (or a sentence saying there is none).
pub fn paragraphs(findings: &[Finding]) -> Vec<String> {
    let failed: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.status == Status::Failed)
        .collect();
    let mut out = vec![format!(
        "以下按报告表格的勾稽关系逐项核查，列出数字不相符之处（由{}生成，报告中的数字未作改动）。",
        nianbao_core::GENERATOR
    )];
    if failed.is_empty() {
        out.push("未发现不相符之处。".to_owned());
    }
    for (i, f) in failed.iter().enumerate() {
        out.push(format!("{}．{}", i + 1, sentence(f)));
    }
    out
}

fn column(key: &str) -> &str {
    APPLICANT_COLUMNS
        .iter()
        .find(|c| c.key == key)
        .map_or(key, |c| c.label)
}

fn row(key: &str) -> &str {
    APPLICATION_ROWS
        .iter()
        .find(|r| r.key == key)
        .map_or(key, |r| r.label)
}

fn group(key: &str) -> &str {
    REVIEW_GROUPS
        .iter()
        .find(|g| g.key == key)
        .map_or(key, |g| g.label)
}

fn active_row(key: &str) -> &str {
    TableKind::ActiveDisclosure
        .rows(None)
        .into_iter()
        .find(|r| r.key == key)
        .map_or(key, |r| r.label)
}

/// One failed finding in words, with both sums.
pub fn sentence(f: &Finding) -> String {
    let n = |v: Option<Number>| v.map_or_else(|| "（空）".to_owned(), |v| v.to_string());
    let (l, r) = (n(f.left), n(f.right));
    let i = f.instance.as_str();
    match f.rule.as_str() {
        "applications.balance" => format!(
            "表三“{}”列：第一项与第二项之和为{l}，第三项与第四项之和为{r}，二者不等。",
            column(i)
        ),
        "applications.results_sum" => format!(
            "表三“{}”列：（七）总计为{l}，各项办理结果之和为{r}，二者不等。",
            column(i)
        ),
        "applications.column_total" => format!(
            "表三“{}”行：总计为{l}，自然人与法人或其他组织各列之和为{r}，二者不等。",
            row(i)
        ),
        "review_litigation.group_total" => format!(
            "表四“{}”：总计为{l}，结果维持、结果纠正、其他结果、尚未审结之和为{r}，二者不等。",
            group(i)
        ),
        "cross_year.carry" => format!(
            "表三“{}”列：本年“上年结转”为{l}，上年“结转下年度继续办理”为{r}，二者不等。",
            column(i)
        ),
        "cross_year.in_force" => format!(
            "表二“{}”（参考）：本年现行有效件数与废止件数之和为{l}，上年现行有效件数与本年制发件数之和为{r}，二者不等。",
            active_row(i)
        ),
        _ => f.describe(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use nianbao_core::rules::Term;

    fn finding(rule: &str, instance: &str, left: i64, right: i64) -> Finding {
        let t = |v| Term::new("x", Some(Number::int(v)));
        Finding::evaluate(rule, instance, vec![t(left)], vec![t(right)])
    }

    #[test]
    fn only_failed_findings_are_listed() {
        let findings = vec![
            finding("applications.balance", "total", 3, 3),
            finding("review_litigation.group_total", "review", 0, 11),
            finding(
                "applications.column_total",
                "results.denied.state_secret",
                2,
                1,
            ),
        ];
        let p = paragraphs(&findings);
        assert_eq!(p.len(), 3);
        assert_eq!(
            p[1],
            "1．表四“行政复议”：总计为0，结果维持、结果纠正、其他结果、尚未审结之和为11，二者不等。"
        );
        assert!(p[2].starts_with("2．表三“1.属于国家秘密”行：总计为2"));
        assert_eq!(paragraphs(&findings[..1])[1], "未发现不相符之处。");
    }
}
