//! Telling which national table a grid is, by its labels (never by its position).

use crate::catalog::TableKind;
use crate::ir;
use crate::text::label_key_into;

/// Label keys that point to a table, with their weight.
const MARKERS: [(TableKind, &str, u32); 17] = [
    (TableKind::ActiveDisclosure, "第二十条", 3),
    (TableKind::ActiveDisclosure, "信息内容", 2),
    (TableKind::ActiveDisclosure, "规章", 1),
    (TableKind::ActiveDisclosure, "行政许可", 1),
    (TableKind::ActiveDisclosure, "行政处罚", 1),
    (TableKind::ActiveDisclosure, "行政事业性收费", 1),
    (TableKind::Applications, "申请人情况", 2),
    (TableKind::Applications, "自然人", 2),
    (TableKind::Applications, "本年新收政府信息公开申请数量", 3),
    (TableKind::Applications, "予以公开", 1),
    (TableKind::Applications, "结转下年度继续办理", 2),
    (TableKind::Applications, "属于国家秘密", 1),
    (TableKind::ReviewLitigation, "行政复议", 2),
    (TableKind::ReviewLitigation, "行政诉讼", 2),
    (TableKind::ReviewLitigation, "结果维持", 1),
    (TableKind::ReviewLitigation, "未经复议直接起诉", 2),
    (TableKind::ReviewLitigation, "复议后起诉", 2),
];

/// The least score that names a table.
const MIN_SCORE: u32 = 3;

/// Which national table a grid is, if its labels say so clearly.
pub fn classify(table: &ir::Table) -> Option<TableKind> {
    let mut scores = [0u32; 3];
    // Each key counts once; only keys that hit a marker need remembering.
    let mut seen: Vec<String> = Vec::new();
    let mut key = String::new();
    for row in &table.rows {
        for cell in &row.cells {
            // A number (most cells) is no marker.
            if cell
                .text
                .bytes()
                .all(|b| b.is_ascii_digit() || b.is_ascii_whitespace())
            {
                continue;
            }
            label_key_into(&cell.text, &mut key);
            let is_hit = |(_, marker, _): &(TableKind, &str, u32)| {
                if *marker == "第二十条" {
                    key.starts_with(marker)
                } else {
                    key == *marker
                }
            };
            if key.is_empty() || !MARKERS.iter().any(is_hit) || seen.contains(&key) {
                continue;
            }
            for (kind, _, weight) in MARKERS.iter().filter(|m| is_hit(m)) {
                if let Some(score) = TableKind::ALL
                    .iter()
                    .position(|k| k == kind)
                    .and_then(|i| scores.get_mut(i))
                {
                    *score += weight;
                }
            }
            seen.push(key.clone());
        }
    }
    let (best, score) = TableKind::ALL
        .into_iter()
        .zip(scores)
        .max_by_key(|(_, s)| *s)?;
    (score >= MIN_SCORE).then_some(best)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_told_by_their_labels() {
        let t = ir::Table::from_text_rows(vec![
            vec!["第二十条第（一）项"],
            vec!["信息内容", "本年制发件数"],
        ]);
        assert_eq!(classify(&t), Some(TableKind::ActiveDisclosure));
        let t = ir::Table::from_text_rows(vec![vec!["申请人情况"], vec!["自然人", "商业企业"]]);
        assert_eq!(classify(&t), Some(TableKind::Applications));
        let t = ir::Table::from_text_rows(vec![vec!["行政复议", "行政诉讼"]]);
        assert_eq!(classify(&t), Some(TableKind::ReviewLitigation));
        let t = ir::Table::from_text_rows(vec![vec!["姓名", "电话"], vec!["张三", "123"]]);
        assert_eq!(classify(&t), None);
    }
}
