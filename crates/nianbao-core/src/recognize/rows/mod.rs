//! Splitting a grid row into its label cells and its value cells (`view`), matching
//! labels to template rows (`matching`), and placing values in columns (`values`).

mod matching;
mod values;
mod view;

pub use matching::{
    LabelMatch, MATCH_THRESHOLD, RowRole, fuzzy_diagnostic, match_key, match_row, row_role,
    spec_keys,
};
pub use values::{place_values, push_row, text_cell_diagnostics};
pub use view::RowView;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{TableFormat, TableKind};
    use crate::{codes, ir};

    fn key_of(labels: &[&str], format: TableFormat) -> Option<&'static str> {
        let table = ir::Table::from_text_rows(vec![
            labels.iter().copied().chain(["1", "2"]).collect::<Vec<_>>(),
        ]);
        let row = table.rows.first().unwrap();
        let view = RowView::new(row);
        match_row(&view, &TableKind::Applications.rows(Some(format))).map(|m| m.spec.key)
    }

    #[test]
    fn every_drift_example_of_the_spec() {
        use TableFormat::*;
        let f21 = Format2021;
        // 、 vs ， vs , inside the （六） labels
        for sep in ["、", "，", ","] {
            let label =
                format!("1.申请人无正当理由逾期不补正{sep}行政机关不再处理其政府信息公开申请");
            assert_eq!(
                key_of(&["（六）其他处理", &label], f21),
                Some("results.other.overdue_correction"),
                "{sep}"
            );
        }
        assert_eq!(
            key_of(&["（六）其他"], Trial2019),
            Some("results.other.other")
        );
        assert_eq!(
            key_of(&["（六）其他处理"], Trial2019),
            Some("results.other.other")
        );
        assert_eq!(key_of(&["3.其他"], f21), Some("results.other.other"));
        assert_eq!(
            key_of(&["2.其他法律行政止公开"], f21),
            Some("results.denied.prohibited_by_law")
        );
        assert_eq!(
            key_of(&["4.无正当理由大量反复 申请"], f21),
            Some("results.not_processed.excessive")
        );
        assert_eq!(key_of(&["（七）总 计"], f21), Some("results.total"));
        assert_eq!(key_of(&["（七）合计"], f21), Some("results.total"));
        assert_eq!(
            key_of(&["三、本年度办理结果", "（一）予以公开"], f21),
            Some("results.granted")
        );
        assert_eq!(
            key_of(&["（三）不予公开", "1.属于国家秘密"], f21),
            Some("results.denied.state_secret")
        );
        assert_eq!(
            key_of(
                &[
                    "（二）部分公开（区分处理的，只计这一情形，",
                    "不计其他情形）"
                ],
                f21
            ),
            Some("results.partially_granted")
        );
        assert_eq!(
            key_of(&["二、上年结转政府信息公开申请数量"], f21),
            Some("carried_over")
        );
        assert_eq!(
            key_of(&["四、结转下年度继续办理"], f21),
            Some("carried_forward")
        );
        assert_eq!(
            key_of(&["1.屬於國家秘密"], f21),
            Some("results.denied.state_secret")
        );
        // Not rows of the table.
        assert_eq!(key_of(&["其他主动公开文件"], f21), None);
        assert_eq!(key_of(&["申请人情况"], f21), None);
    }

    #[test]
    fn text_in_a_value_cell_stays_a_value() {
        let table = ir::Table::from_text_rows(vec![vec![
            "1.属于国家秘密",
            "1",
            "见附件",
            "0",
            "0",
            "0",
            "0",
            "1",
        ]]);
        let row = table.rows.first().unwrap();
        assert_eq!(RowView::new(row).values.len(), 5);
        let view = RowView::with_columns(row, 7);
        assert_eq!(view.label(), "1.属于国家秘密");
        assert_eq!(view.values.len(), 7);
        // A row of labels only stays as it is.
        let header = ir::Table::from_text_rows(vec![vec!["自然人", "商业企业"]]);
        assert_eq!(
            RowView::with_columns(header.rows.first().unwrap(), 7)
                .labels
                .len(),
            2
        );
    }

    #[test]
    fn resplit_is_the_last_cells_view_when_it_differs() {
        // Text in three value cells: `new` sees four values, the last seven are values.
        let table = ir::Table::from_text_rows(vec![vec![
            "1.属于国家秘密",
            "1",
            "见附件",
            "另见",
            "附表",
            "0",
            "0",
            "1",
        ]]);
        let row = table.rows.first().unwrap();
        let view = RowView::new(row);
        assert_eq!(view.values.len(), 3);
        let resplit = view.resplit(7).expect("the last seven cells are values");
        assert_eq!(resplit.values.len(), 7);
        assert_eq!(resplit.label(), "1.属于国家秘密");
        assert_eq!(
            RowView::last_cells_as_values(row, 7).values.len(),
            resplit.values.len()
        );
        // Enough values already, or no label left before them: nothing to re-split.
        assert!(resplit.resplit(7).is_none());
        assert!(view.resplit(3).is_none());
        assert!(view.resplit(8).is_none());
        assert!(view.label_starts_with('1'));
        assert!(!view.label_starts_with('注'));
    }

    #[test]
    fn values_follow_the_last_label() {
        let table = ir::Table::from_text_rows(vec![vec![
            "",
            "（三）不予公开",
            "1.属于国家秘密",
            "\u{a0}",
            "",
            "1",
            "—",
            "2",
            "3",
            "6",
        ]]);
        let view = RowView::new(table.rows.first().unwrap());
        assert_eq!(view.label(), "（三）不予公开 1.属于国家秘密");
        assert_eq!(view.values.len(), 7);
        let mut d = Vec::new();
        let cells = place_values(
            &view,
            &crate::catalog::APPLICANT_COLUMNS,
            &[],
            false,
            &mut d,
        );
        let shown: Vec<String> = cells
            .iter()
            .map(|(k, c)| format!("{k}={:?}", c.as_number().map(|n| n.to_string())))
            .collect();
        assert_eq!(shown[0], "natural_person=None");
        assert_eq!(shown[2], "research=Some(\"1\")");
        assert_eq!(shown[6], "total=Some(\"6\")");
        assert!(d.is_empty());
        // Fewer values than columns: nothing placed by order alone, all blank for
        // want of evidence, with a diagnostic that shows the values.
        let short = ir::Table::from_text_rows(vec![vec!["1.属于国家秘密", "1", "2"]]);
        let view = RowView::new(short.rows.first().unwrap());
        let cells = place_values(
            &view,
            &crate::catalog::APPLICANT_COLUMNS,
            &[],
            false,
            &mut d,
        );
        assert!(
            cells
                .iter()
                .all(|(_, c)| c.is_blank() && c.provenance == crate::model::Provenance::NoEvidence)
        );
        assert_eq!(d[0].code, codes::ROW_VALUE_COUNT);
        assert!(d[0].message.contains("1 | 2"), "{}", d[0].message);
    }
}
