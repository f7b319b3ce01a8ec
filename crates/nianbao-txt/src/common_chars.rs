//! Frequent Chinese characters, Simplified and Traditional, used to tell a right
//! decoding (or a repaired mojibake) from a wrong one.

/// The most frequent characters of Chinese prose and of these reports, in both scripts.
const COMMON: &str = "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢极令黄德收脸钱党倒未持取设始版双府申请况据议诉讼维纠审予属秘密法规禁危及三安稳定保护第权益类部务程执案卷查询掌握相关没现需另制补仍明确访举投诉重复出版物正当理由量反确认获取逾期缴纳费他结转继续办复议诉讼维持纠正审总计章范性文件许可处罚强制收费采购集项目容增减决定数人或其他组织商企科研机构社会公益律服务然本年新收上度县乡镇市区省街道委办局厅自治州盟旗村们為這個來說時會對後還開過麼裡國學發經關與從將點現動兩長問題機實當種體應處報請書記讓認論義條變聯權達運單區號車門業協議環產預務並員總歲傳親導壓設計層顯開申況據維糾審屬護險類執詢掌無另製補確訪舉訴複獲費繼續辦維統規範許強採購項數組織構業會務計與縣鄉鎮區廳";

/// The common characters, as a bit set over the Basic Multilingual Plane.
pub(crate) struct CommonChars(Vec<u64>);

impl CommonChars {
    /// Builds the table.
    pub(crate) fn new() -> Self {
        let mut bits = vec![0u64; 1024];
        for c in COMMON.chars() {
            let i = u32::from(c) as usize;
            if let Some(word) = bits.get_mut(i / 64) {
                *word |= 1 << (i % 64);
            }
        }
        CommonChars(bits)
    }

    /// Whether `c` is a common character.
    pub(crate) fn contains(&self, c: char) -> bool {
        let i = u32::from(c) as usize;
        self.0.get(i / 64).is_some_and(|w| w >> (i % 64) & 1 == 1)
    }

    /// How many common characters `s` holds, and how many characters outside ASCII.
    pub(crate) fn count(&self, s: &str) -> (usize, usize) {
        let mut common = 0;
        let mut wide = 0;
        for c in s.chars().filter(|c| !c.is_ascii()) {
            wide += 1;
            if self.contains(c) {
                common += 1;
            }
        }
        (common, wide)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_words_are_common_and_mojibake_is_not() {
        let t = CommonChars::new();
        let (c, w) = t.count("一、总体情况");
        assert_eq!((c, w), (5, 6));
        let (c, w) = t.count("涓€銆佹€讳綋鎯呭喌");
        assert!(c * 4 < w, "{c}/{w}");
    }
}
