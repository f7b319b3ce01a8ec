//! Compatibility characters to what a reader sees: Kangxi radicals (U+2F00–U+2FD5)
//! and the CJK radicals supplement (U+2E80–U+2EF3) to their unified ideographs, as
//! browsers' PDF fonts map them; full-width digits to ASCII in number cells.

/// U+2F00.. → unified ideographs (the Unicode decompositions of the Kangxi radicals).
const KANGXI: &str = "一丨丶丿乙亅二亠人儿入八冂冖冫几凵刀力勹匕匚匸十卜卩厂厶又口囗土士夂夊夕大女子宀寸小尢尸屮山巛工己巾干幺广廴廾弋弓彐彡彳心戈戶手支攴文斗斤方无日曰月木欠止歹殳毋比毛氏气水火爪父爻爿片牙牛犬玄玉瓜瓦甘生用田疋疒癶白皮皿目矛矢石示禸禾穴立竹米糸缶网羊羽老而耒耳聿肉臣自至臼舌舛舟艮色艸虍虫血行衣襾見角言谷豆豕豸貝赤走足身車辛辰辵邑酉釆里金長門阜隶隹雨靑非面革韋韭音頁風飛食首香馬骨高髟鬥鬯鬲鬼魚鳥鹵鹿麥麻黃黍黑黹黽鼎鼓鼠鼻齊齒龍龜龠";

/// The radicals supplement characters that have a unified ideograph in common use
/// (the ones with compatibility mappings plus the simplified forms fonts emit).
const SUPPLEMENT: &[(char, char)] = &[
    ('\u{2E81}', '厂'),
    ('\u{2E84}', '乙'),
    ('\u{2E85}', '亻'),
    ('\u{2E86}', '冂'),
    ('\u{2E87}', '几'),
    ('\u{2E88}', '刀'),
    ('\u{2E89}', '刂'),
    ('\u{2E8A}', '卜'),
    ('\u{2E8B}', '㔾'),
    ('\u{2E8C}', '小'),
    ('\u{2E8D}', '小'),
    ('\u{2E8E}', '兀'),
    ('\u{2E8F}', '尣'),
    ('\u{2E90}', '尢'),
    ('\u{2E92}', '巳'),
    ('\u{2E93}', '幺'),
    ('\u{2E94}', '彑'),
    ('\u{2E95}', '彐'),
    ('\u{2E96}', '忄'),
    ('\u{2E97}', '㣺'),
    ('\u{2E98}', '扌'),
    ('\u{2E99}', '攵'),
    ('\u{2E9B}', '旡'),
    ('\u{2E9C}', '日'),
    ('\u{2E9D}', '月'),
    ('\u{2E9E}', '歺'),
    ('\u{2E9F}', '母'),
    ('\u{2EA0}', '民'),
    ('\u{2EA1}', '氵'),
    ('\u{2EA2}', '氺'),
    ('\u{2EA3}', '灬'),
    ('\u{2EA4}', '爫'),
    ('\u{2EA5}', '爫'),
    ('\u{2EA6}', '丬'),
    ('\u{2EA7}', '牛'),
    ('\u{2EA8}', '犭'),
    ('\u{2EA9}', '王'),
    ('\u{2EAA}', '疋'),
    ('\u{2EAB}', '目'),
    ('\u{2EAC}', '示'),
    ('\u{2EAD}', '礻'),
    ('\u{2EAE}', '竹'),
    ('\u{2EAF}', '糹'),
    ('\u{2EB0}', '纟'),
    ('\u{2EB1}', '罒'),
    ('\u{2EB2}', '罒'),
    ('\u{2EB3}', '罒'),
    ('\u{2EB4}', '罒'),
    ('\u{2EB5}', '罒'),
    ('\u{2EB6}', '⺶'),
    ('\u{2EB7}', '羊'),
    ('\u{2EB9}', '耂'),
    ('\u{2EBA}', '肀'),
    ('\u{2EBB}', '聿'),
    ('\u{2EBC}', '月'),
    ('\u{2EBD}', '臼'),
    ('\u{2EBE}', '艹'),
    ('\u{2EBF}', '艹'),
    ('\u{2EC0}', '艹'),
    ('\u{2EC1}', '虎'),
    ('\u{2EC2}', '衤'),
    ('\u{2EC3}', '覀'),
    ('\u{2EC4}', '西'),
    ('\u{2EC5}', '见'),
    ('\u{2EC6}', '角'),
    ('\u{2EC7}', '角'),
    ('\u{2EC8}', '讠'),
    ('\u{2EC9}', '贝'),
    ('\u{2ECA}', '足'),
    ('\u{2ECB}', '车'),
    ('\u{2ECC}', '辶'),
    ('\u{2ECD}', '辶'),
    ('\u{2ECE}', '辶'),
    ('\u{2ECF}', '阝'),
    ('\u{2ED0}', '钅'),
    ('\u{2ED1}', '長'),
    ('\u{2ED2}', '镸'),
    ('\u{2ED3}', '长'),
    ('\u{2ED4}', '门'),
    ('\u{2ED5}', '阝'),
    ('\u{2ED6}', '阝'),
    ('\u{2ED7}', '雨'),
    ('\u{2ED8}', '青'),
    ('\u{2ED9}', '韦'),
    ('\u{2EDA}', '页'),
    ('\u{2EDB}', '风'),
    ('\u{2EDC}', '飞'),
    ('\u{2EDD}', '食'),
    ('\u{2EDE}', '𠂉'),
    ('\u{2EDF}', '飠'),
    ('\u{2EE0}', '饣'),
    ('\u{2EE1}', '𩠐'),
    ('\u{2EE2}', '马'),
    ('\u{2EE3}', '骨'),
    ('\u{2EE4}', '鬼'),
    ('\u{2EE5}', '鱼'),
    ('\u{2EE6}', '鸟'),
    ('\u{2EE7}', '卤'),
    ('\u{2EE8}', '麦'),
    ('\u{2EE9}', '黄'),
    ('\u{2EEA}', '黾'),
    ('\u{2EEB}', '斉'),
    ('\u{2EEC}', '齐'),
    ('\u{2EED}', '歯'),
    ('\u{2EEE}', '齿'),
    ('\u{2EEF}', '竜'),
    ('\u{2EF0}', '龙'),
    ('\u{2EF1}', '龜'),
    ('\u{2EF2}', '亀'),
    ('\u{2EF3}', '龟'),
];

/// One character as a reader sees it.
pub fn char(c: char) -> char {
    let u = u32::from(c);
    if (0x2F00..=0x2FD5).contains(&u) {
        let i = usize::try_from(u - 0x2F00).unwrap_or(usize::MAX);
        return KANGXI.chars().nth(i).unwrap_or(c);
    }
    if (0x2E80..=0x2EF3).contains(&u) {
        return SUPPLEMENT
            .iter()
            .find(|(k, _)| *k == c)
            .map_or(c, |(_, v)| *v);
    }
    c
}

/// A string with [`char`] applied.
pub fn text(s: &str) -> String {
    s.chars().map(char).collect()
}

/// A cell's text with full-width digits, point, comma, minus and percent made ASCII
/// when the cell holds a number and nothing else (a label keeps its characters).
pub fn number_cell(s: &str) -> String {
    let ascii = |c: char| match c {
        '０'..='９' => {
            char::from_u32(u32::from(c) - u32::from('０') + u32::from('0')).unwrap_or(c)
        }
        '．' => '.',
        '，' => ',',
        '－' => '-',
        '％' => '%',
        _ => c,
    };
    let mapped: String = s.chars().map(ascii).collect();
    let t = mapped.trim();
    let is_number = !t.is_empty()
        && t.chars().any(|c| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '%' | ' '));
    if is_number { mapped } else { s.to_owned() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn radicals_to_ideographs() {
        assert_eq!(KANGXI.chars().count(), 0x2FD5 - 0x2F00 + 1);
        assert_eq!(text("\u{2F00}、总体情况"), "一、总体情况");
        assert_eq!(text("人\u{2EA0}政府"), "人民政府");
        assert_eq!(text("\u{2F8F}\u{2F45}"), "行方");
    }

    #[test]
    fn full_width_digits_only_in_numbers() {
        assert_eq!(number_cell("１２３．５"), "123.5");
        assert_eq!(number_cell("第１项"), "第１项");
    }
}
