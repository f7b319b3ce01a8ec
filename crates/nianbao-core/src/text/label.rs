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
    let mut key = String::with_capacity(label.len());
    label_key_into(label, &mut key);
    key
}

/// [`label_key`] written into `key` (cleared first), so that a caller keying many
/// labels reuses one buffer.
pub fn label_key_into(label: &str, key: &mut String) {
    key.clear();
    let mut rest = label;
    loop {
        let (n, after) = strip_numbering(rest);
        if n.is_none() || after.is_empty() {
            break;
        }
        rest = after;
    }
    for c in rest.chars() {
        // Most characters of a label are ideographs: no space, punctuation or
        // full-width form among them.
        if is_ideograph(c) {
            key.push(simplify(c));
        } else if !is_space(c) && !is_punctuation(c) {
            key.push(simplify(fold_char(c)));
        }
    }
    if key == "合计" {
        key.clear();
        key.push_str("总计");
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

/// Traditional characters that occur in the labels and headings, with their Simplified
/// forms (the table made with OpenCC's s2t over every character of the catalogue).
/// All are CJK Unified Ideographs (U+4E00–U+9FFF); sorted.
const TRADITIONAL: [(char, char); 88] = [
    ('內', '内'),
    ('動', '动'),
    ('務', '务'),
    ('區', '区'),
    ('問', '问'),
    ('單', '单'),
    ('國', '国'),
    ('執', '执'),
    ('報', '报'),
    ('審', '审'),
    ('對', '对'),
    ('屬', '属'),
    ('廢', '废'),
    ('強', '强'),
    ('後', '后'),
    ('復', '复'),
    ('採', '采'),
    ('數', '数'),
    ('於', '于'),
    ('會', '会'),
    ('條', '条'),
    ('業', '业'),
    ('構', '构'),
    ('機', '机'),
    ('權', '权'),
    ('決', '决'),
    ('沒', '没'),
    ('況', '况'),
    ('減', '减'),
    ('無', '无'),
    ('獲', '获'),
    ('現', '现'),
    ('當', '当'),
    ('發', '发'),
    ('確', '确'),
    ('祕', '秘'),
    ('穩', '稳'),
    ('範', '范'),
    ('糾', '纠'),
    ('納', '纳'),
    ('組', '组'),
    ('結', '结'),
    ('經', '经'),
    ('維', '维'),
    ('縣', '县'),
    ('總', '总'),
    ('織', '织'),
    ('繳', '缴'),
    ('繼', '继'),
    ('續', '续'),
    ('罰', '罚'),
    ('臺', '台'),
    ('舉', '举'),
    ('萬', '万'),
    ('處', '处'),
    ('補', '补'),
    ('製', '制'),
    ('複', '复'),
    ('覆', '复'),
    ('規', '规'),
    ('計', '计'),
    ('訊', '讯'),
    ('訟', '讼'),
    ('訪', '访'),
    ('許', '许'),
    ('訴', '诉'),
    ('詢', '询'),
    ('認', '认'),
    ('請', '请'),
    ('議', '议'),
    ('護', '护'),
    ('費', '费'),
    ('資', '资'),
    ('購', '购'),
    ('轉', '转'),
    ('辦', '办'),
    ('這', '这'),
    ('進', '进'),
    ('過', '过'),
    ('鄉', '乡'),
    ('鎮', '镇'),
    ('開', '开'),
    ('關', '关'),
    ('項', '项'),
    ('題', '题'),
    ('額', '额'),
    ('類', '类'),
    ('體', '体'),
];

/// The first and one past the last code point of the CJK Unified Ideographs.
const CJK: (u32, u32) = (0x4e00, 0xa000);

/// One bit per CJK Unified Ideograph: set for the characters of [`TRADITIONAL`], so
/// that the common case (a Simplified character) costs one load and one test.
#[allow(
    clippy::indexing_slicing,
    reason = "evaluated at compile time: an index out of bounds fails the build, not a run"
)]
static IS_TRADITIONAL: [u64; ((CJK.1 - CJK.0) / 64) as usize] = {
    let mut bits = [0u64; ((CJK.1 - CJK.0) / 64) as usize];
    let mut i = 0;
    while i < TRADITIONAL.len() {
        let at = TRADITIONAL[i].0 as u32 - CJK.0;
        bits[(at / 64) as usize] |= 1 << (at % 64);
        i += 1;
    }
    bits
};

/// Whether a character is a CJK Unified Ideograph (U+4E00–U+9FFF).
fn is_ideograph(c: char) -> bool {
    (CJK.0..CJK.1).contains(&u32::from(c))
}

/// A Traditional character of the labels read as Simplified; any other character as is.
fn simplify(c: char) -> char {
    if !is_ideograph(c) {
        return c;
    }
    let at = u32::from(c) - CJK.0;
    let word = IS_TRADITIONAL.get((at / 64) as usize).copied().unwrap_or(0);
    if word & (1 << (at % 64)) == 0 {
        return c;
    }
    TRADITIONAL
        .binary_search_by_key(&c, |(t, _)| *t)
        .ok()
        .and_then(|i| TRADITIONAL.get(i))
        .map_or(c, |(_, s)| *s)
}

/// How alike two label keys are, from 0 to 1: twice their longest common subsequence
/// over their total length (1 when equal). Catches typos such as `其他法律行政止公开`.
pub fn similarity(a: &str, b: &str) -> f64 {
    if a == b {
        return 1.0;
    }
    similarity_of(a, a.chars().count(), b, b.chars().count())
}

/// [`similarity`] of two keys whose lengths in characters are known (`len_a` of `a`,
/// `len_b` of `b`), for callers that keep them.
pub fn similarity_of(a: &str, len_a: usize, b: &str, len_b: usize) -> f64 {
    if a == b {
        return 1.0;
    }
    if len_a == 0 || len_b == 0 {
        return 0.0;
    }
    // One row of the LCS table, over the characters of `b`: on the stack for the
    // short keys of labels, on the heap past that.
    const STACK: usize = 64;
    let mut stack_b = ['\0'; STACK];
    let mut stack_row = [0u16; STACK + 1];
    let (heap_b, mut heap_row);
    let (b, row): (&[char], &mut [u16]) = if len_b <= STACK {
        for (slot, c) in stack_b.iter_mut().zip(b.chars()) {
            *slot = c;
        }
        (
            stack_b.get(..len_b).unwrap_or_default(),
            stack_row.get_mut(..=len_b).unwrap_or_default(),
        )
    } else {
        heap_b = b.chars().collect::<Vec<char>>();
        heap_row = vec![0u16; len_b + 1];
        (&heap_b, &mut heap_row)
    };
    // `row[0]` stays 0; the cell to the left of the first is that 0.
    let cells = row.get_mut(1..).unwrap_or_default();
    for ca in a.chars() {
        let (mut diag, mut left) = (0u16, 0u16);
        for (cb, slot) in b.iter().zip(cells.iter_mut()) {
            let up = *slot;
            let v = if ca == *cb {
                diag.saturating_add(1)
            } else {
                up.max(left)
            };
            diag = up;
            *slot = v;
            left = v;
        }
    }
    let lcs = usize::from(row.last().copied().unwrap_or(0));
    // Lengths of labels are small: the casts are exact.
    (2 * lcs) as f64 / (len_a + len_b) as f64
}

/// [`similarity`] when it can reach `threshold`, else `None`, without computing it
/// when the lengths alone rule it out.
pub fn similarity_at_least(a: &str, b: &str, threshold: f64) -> Option<f64> {
    if a == b {
        return Some(1.0);
    }
    similarity_at_least_of(a, a.chars().count(), b, b.chars().count(), threshold)
}

/// [`similarity_at_least`] of two keys whose lengths in characters are known.
pub fn similarity_at_least_of(
    a: &str,
    len_a: usize,
    b: &str,
    len_b: usize,
    threshold: f64,
) -> Option<f64> {
    if a == b {
        return Some(1.0);
    }
    if similarity_bound(len_a, len_b) < threshold {
        return None;
    }
    Some(similarity_of(a, len_a, b, len_b)).filter(|s| *s >= threshold)
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
    fn every_traditional_character_is_simplified() {
        assert!(TRADITIONAL.windows(2).all(|w| w[0].0 < w[1].0), "sorted");
        for (t, simple) in TRADITIONAL {
            assert_eq!(simplify(t), simple, "{t}");
            assert_ne!(t, simple);
        }
        for c in ['万', '公', '开', 'a', '１', '（', '\u{9fff}', '\u{4e00}'] {
            assert_eq!(simplify(c), c, "{c}");
        }
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
        assert_eq!(similarity_at_least("总计", "总计", 0.8), Some(1.0));
        assert_eq!(similarity_at_least("其他", "其他法律行政止公开", 0.8), None);
        assert!(similarity_at_least("社会公益", "社会公益组织", 0.8).is_some());
    }

    #[test]
    fn similarity_of_long_keys_uses_the_heap_path_alike() {
        let a = "申".repeat(70) + "请";
        let b = "申".repeat(70) + "诉";
        let s = similarity(&a, &b);
        assert!((s - 140.0 / 142.0).abs() < 1e-12, "{s}");
        assert_eq!(similarity(&a, "申请"), 4.0 / 73.0);
    }
}
