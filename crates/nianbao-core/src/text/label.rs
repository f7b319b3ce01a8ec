//! Label keys: what is left of a label to match on, and how alike two keys are.

use super::{fold_full_width, is_space, strip_numbering};

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
    let folded = fold_full_width(rest);
    let key: String = folded
        .chars()
        .filter(|c| !is_space(*c) && !is_punctuation(*c))
        .map(simplify)
        .collect();
    if key == "合计" {
        "总计".to_owned()
    } else {
        key
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

/// Traditional characters that occur in the labels, read as Simplified.
fn simplify(c: char) -> char {
    const PAIRS: &[(char, char)] = &[
        ('處', '处'),
        ('與', '与'),
        ('開', '开'),
        ('請', '请'),
        ('況', '况'),
        ('資', '资'),
        ('訊', '讯'),
        ('報', '报'),
        ('數', '数'),
        ('裡', '里'),
        ('結', '结'),
        ('轉', '转'),
        ('辦', '办'),
        ('況', '况'),
        ('際', '际'),
        ('規', '规'),
        ('範', '范'),
        ('許', '许'),
        ('罰', '罚'),
        ('強', '强'),
        ('費', '费'),
        ('項', '项'),
        ('條', '条'),
        ('總', '总'),
        ('計', '计'),
        ('維', '维'),
        ('糾', '纠'),
        ('審', '审'),
        ('訴', '讼'),
        ('訟', '讼'),
        ('議', '议'),
        ('複', '复'),
        ('覆', '复'),
        ('後', '后'),
        ('經', '经'),
        ('請', '请'),
        ('機', '机'),
        ('構', '构'),
        ('組', '组'),
        ('織', '织'),
        ('業', '业'),
        ('務', '务'),
        ('律', '律'),
        ('屬', '属'),
        ('國', '国'),
        ('禁', '禁'),
        ('險', '险'),
        ('穩', '稳'),
        ('護', '护'),
        ('權', '权'),
        ('內', '内'),
        ('類', '类'),
        ('過', '过'),
        ('執', '执'),
        ('檔', '档'),
        ('詢', '询'),
        ('關', '关'),
        ('掌', '掌'),
        ('現', '现'),
        ('製', '制'),
        ('補', '补'),
        ('並', '并'),
        ('確', '确'),
        ('訪', '访'),
        ('舉', '举'),
        ('訴', '诉'),
        ('複', '复'),
        ('版', '版'),
        ('無', '无'),
        ('當', '当'),
        ('認', '认'),
        ('獲', '获'),
        ('繳', '缴'),
        ('逾', '逾'),
        ('該', '该'),
        ('體', '体'),
        ('動', '动'),
        ('問', '问'),
        ('題', '题'),
        ('進', '进'),
        ('需', '需'),
        ('時', '时'),
        ('於', '于'),
        ('發', '发'),
        ('廢', '废'),
        ('決', '决'),
        ('購', '购'),
        ('額', '额'),
        ('萬', '万'),
        ('圓', '圆'),
        ('單', '单'),
        ('這', '这'),
        ('種', '种'),
        ('區', '区'),
        ('會', '会'),
        ('個', '个'),
        ('們', '们'),
        ('為', '为'),
        ('對', '对'),
        ('據', '据'),
        ('勾', '勾'),
        ('稽', '稽'),
        ('係', '系'),
        ('於', '于'),
        ('年', '年'),
        ('學', '学'),
        ('費', '费'),
        ('聯', '联'),
        ('歸', '归'),
        ('戶', '户'),
        ('貫', '贯'),
        ('務', '务'),
        ('錄', '录'),
        ('實', '实'),
        ('施', '施'),
        ('統', '统'),
        ('門', '门'),
        ('戰', '战'),
        ('應', '应'),
        ('運', '运'),
        ('級', '级'),
        ('監', '监'),
        ('督', '督'),
        ('設', '设'),
        ('臺', '台'),
        ('台', '台'),
        ('專', '专'),
        ('見', '见'),
        ('頁', '页'),
        ('讀', '读'),
        ('網', '网'),
        ('導', '导'),
        ('傳', '传'),
        ('縣', '县'),
        ('鄉', '乡'),
        ('鎮', '镇'),
        ('廳', '厅'),
        ('異', '异'),
        ('態', '态'),
        ('眾', '众'),
        ('長', '长'),
        ('員', '员'),
        ('選', '选'),
        ('條', '条'),
        ('號', '号'),
    ];
    PAIRS.iter().find(|(t, _)| *t == c).map_or(c, |(_, s)| *s)
}

/// How alike two label keys are, from 0 to 1: twice their longest common subsequence
/// over their total length (1 when equal). Catches typos such as `其他法律行政止公开`.
pub fn similarity(a: &str, b: &str) -> f64 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    for ca in &a {
        for (j, cb) in b.iter().enumerate() {
            let diag = prev.get(j).copied().unwrap_or(0);
            let up = prev.get(j + 1).copied().unwrap_or(0);
            let left = cur.get(j).copied().unwrap_or(0);
            let v = if ca == cb { diag + 1 } else { up.max(left) };
            if let Some(slot) = cur.get_mut(j + 1) {
                *slot = v;
            }
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let lcs = prev.last().copied().unwrap_or(0);
    // Lengths of labels are small: the casts are exact.
    (2 * lcs) as f64 / (a.len() + b.len()) as f64
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
