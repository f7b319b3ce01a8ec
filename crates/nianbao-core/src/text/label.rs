//! Label keys: what is left of a label to match on, and how alike two keys are.

use super::{is_space, strip_numbering};

/// The key of a label for matching: numbering removed (repeatedly, so
/// `（三）不予公开 1.属于国家秘密` loses both), white space and punctuation removed,
/// full-width forms folded, `合计` read as `总计`, Traditional characters of the
/// labels read as Simplified.
///
/// ```
/// use nianbao_core::text::label_key;
/// assert_eq!(label_key("4.无正当理由大量反复 申请"), "无正当理由大量反复申请");
/// assert_eq!(label_key("（七）总 计"), "总计");
/// assert_eq!(label_key("（七）合计"), "总计");
/// assert_eq!(label_key("本年新\n制作数量"), "本年新制作数量");
/// ```
pub fn label_key(label: &str) -> String {
    let mut rest = label;
    loop {
        let (n, after) = strip_numbering(rest);
        if n.is_none() || after.is_empty() {
            break;
        }
        rest = after;
    }
    let mut key = String::with_capacity(rest.len());
    for c in rest.chars() {
        if is_space(c) || is_punctuation(c) {
            continue;
        }
        key.push(simplify(fold_char(c)));
    }
    if key == "合计" {
        "总计".to_owned()
    } else {
        key
    }
}

/// One character of [`fold_full_width`](super::fold_full_width).
fn fold_char(c: char) -> char {
    match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '＋' | '－' | '．' | '，' | '％' => {
            char::from_u32(u32::from(c) - 0xfee0).unwrap_or(c)
        }
        _ => c,
    }
}

fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(
            c,
            '、' | '，'
                | '。'
                | '：'
                | '；'
                | '“'
                | '”'
                | '‘'
                | '’'
                | '（'
                | '）'
                | '《'
                | '》'
                | '〈'
                | '〉'
                | '【'
                | '】'
                | '—'
                | '－'
                | '…'
                | '·'
                | '「'
                | '」'
                | '『'
                | '』'
                | '！'
                | '？'
        )
}

/// Traditional characters that occur in the labels and headings, read as Simplified
/// (the table made with OpenCC's s2t over every character of the catalogue).
fn simplify(c: char) -> char {
    match c {
        '萬' => '万',
        '業' => '业',
        '舉' => '举',
        '鄉' => '乡',
        '於' => '于',
        '會' => '会',
        '體' => '体',
        '關' => '关',
        '內' => '内',
        '決' => '决',
        '況' => '况',
        '減' => '减',
        '製' => '制',
        '辦' => '办',
        '務' => '务',
        '動' => '动',
        '區' => '区',
        '單' => '单',
        '縣' => '县',
        '發' => '发',
        '臺' => '台',
        '後' => '后',
        '國' => '国',
        '處' => '处',
        '復' => '复',
        '覆' => '复',
        '複' => '复',
        '審' => '审',
        '對' => '对',
        '屬' => '属',
        '廢' => '废',
        '開' => '开',
        '強' => '强',
        '當' => '当',
        '總' => '总',
        '執' => '执',
        '護' => '护',
        '報' => '报',
        '數' => '数',
        '無' => '无',
        '機' => '机',
        '權' => '权',
        '條' => '条',
        '構' => '构',
        '沒' => '没',
        '現' => '现',
        '確' => '确',
        '祕' => '秘',
        '穩' => '稳',
        '類' => '类',
        '糾' => '纠',
        '納' => '纳',
        '組' => '组',
        '織' => '织',
        '經' => '经',
        '結' => '结',
        '繼' => '继',
        '續' => '续',
        '維' => '维',
        '繳' => '缴',
        '罰' => '罚',
        '範' => '范',
        '獲' => '获',
        '補' => '补',
        '規' => '规',
        '計' => '计',
        '認' => '认',
        '議' => '议',
        '訊' => '讯',
        '許' => '许',
        '訟' => '讼',
        '訪' => '访',
        '訴' => '诉',
        '詢' => '询',
        '請' => '请',
        '購' => '购',
        '費' => '费',
        '資' => '资',
        '轉' => '转',
        '過' => '过',
        '這' => '这',
        '進' => '进',
        '採' => '采',
        '鎮' => '镇',
        '問' => '问',
        '項' => '项',
        '題' => '题',
        '額' => '额',
        _ => c,
    }
}

/// How alike two label keys are, from 0 to 1: twice their longest common subsequence
/// over their total length (1 when equal). Catches typos such as `其他法律行政止公开`.
pub fn similarity(a: &str, b: &str) -> f64 {
    if a == b {
        return 1.0;
    }
    let len_a = a.chars().count();
    let len_b = b.chars().count();
    if len_a == 0 || len_b == 0 {
        return 0.0;
    }
    // One row of the LCS table, over the characters of `b`.
    let b: Vec<char> = b.chars().collect();
    let mut row = vec![0u16; b.len() + 1];
    for ca in a.chars() {
        let mut diag = 0u16;
        for (j, cb) in b.iter().enumerate() {
            let (Some(&up), Some(&left)) = (row.get(j + 1), row.get(j)) else {
                break;
            };
            let v = if ca == *cb {
                diag.saturating_add(1)
            } else {
                up.max(left)
            };
            diag = up;
            if let Some(slot) = row.get_mut(j + 1) {
                *slot = v;
            }
        }
    }
    let lcs = usize::from(row.last().copied().unwrap_or(0));
    // Lengths of labels are small: the casts are exact.
    (2 * lcs) as f64 / (len_a + len_b) as f64
}

/// The highest [`similarity`] two keys of these lengths (in characters) can have.
pub fn similarity_bound(len_a: usize, len_b: usize) -> f64 {
    if len_a + len_b == 0 {
        return 1.0;
    }
    (2 * len_a.min(len_b)) as f64 / (len_a + len_b) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_survive_the_drift_of_real_reports() {
        // 、 vs ， vs , inside the （六） labels
        let a = label_key("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请");
        assert_eq!(
            a,
            label_key("1、申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请")
        );
        assert_eq!(
            a,
            label_key("1.申请人无正当理由逾期不补正,行政机关不再处理其政府信息公开申请")
        );
        assert_eq!(label_key("大量反复 申请"), "大量反复申请");
        assert_eq!(label_key("总 计"), "总计");
        assert_eq!(label_key("合计"), "总计");
        assert_eq!(label_key("（六）其他"), "其他");
        assert_eq!(
            label_key("收到和處理政府信息公開申請情況"),
            "收到和处理政府信息公开申请情况"
        );
        assert_eq!(label_key("3.危及“三安全一稳定”"), "危及三安全一稳定");
        assert_eq!(
            label_key("（三）不予公开 1.属于国家秘密"),
            "不予公开1属于国家秘密"
        );
    }

    #[test]
    fn similarity_catches_typos_not_neighbours() {
        let typo = similarity(
            &label_key("其他法律行政止公开"),
            &label_key("2.其他法律行政法规禁止公开"),
        );
        assert!(typo > 0.8, "{typo}");
        assert!(similarity("社会公益", "社会公益组织") >= 0.8);
        assert!(similarity("予以公开", "部分公开") < 0.8);
        assert!(similarity("其他", "其他法律行政止公开") < 0.5);
        assert_eq!(similarity("总计", "总计"), 1.0);
    }
}
