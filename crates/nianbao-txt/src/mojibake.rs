//! Mojibake already baked into a file: UTF-8 text that some tool decoded as GBK and
//! saved again (`涓€銆佹€讳綋鎯呭喌` for `一、总体情况`). A line is repaired when
//! encoding it back to GBK gives valid UTF-8 that reads as Chinese; a line that looks
//! like mojibake but does not round-trip exactly is reported and kept as it is.

use crate::common_chars::CommonChars;

/// Characters that GBK-decoded UTF-8 punctuation leaves behind (、，“ 。 …).
const MARKERS: [char; 6] = ['銆', '锛', '鈥', '€', '锟', '拷'];

/// What [`repair`] did.
#[derive(Debug, Default)]
pub(crate) struct Repair {
    /// The 1-based lines repaired.
    pub repaired: Vec<u32>,
    /// The 1-based lines that look like mojibake but could not be repaired exactly.
    pub unrepaired: Vec<u32>,
}

/// Whether a line reads as Chinese: at least half its non-ASCII characters common.
fn reads_well(common: &CommonChars, s: &str) -> bool {
    let (c, w) = common.count(s);
    w == 0 || c * 2 >= w
}

/// Repairs one line, if it is mojibake that round-trips exactly.
pub(crate) fn repair_line(common: &CommonChars, line: &str) -> Option<String> {
    if line.is_ascii() || reads_well(common, line) {
        return None;
    }
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(line);
    if unmappable {
        return None;
    }
    let fixed = std::str::from_utf8(&bytes).ok()?;
    let (c0, _) = common.count(line);
    let (c1, _) = common.count(fixed);
    (fixed != line && reads_well(common, fixed) && c1 > c0).then(|| fixed.to_owned())
}

/// Repairs every line of `text` that can be, and lists those that cannot.
pub(crate) fn repair(common: &CommonChars, text: &str) -> (Option<String>, Repair) {
    let mut report = Repair::default();
    let mut out = String::new();
    let mut changed = false;
    for (line, no) in text.split_inclusive('\n').zip(1u32..) {
        let body = line.trim_end_matches(['\n', '\r']);
        let end = line.get(body.len()..).unwrap_or_default();
        if let Some(fixed) = repair_line(common, body) {
            report.repaired.push(no);
            out.push_str(&fixed);
            out.push_str(end);
            changed = true;
            continue;
        }
        if body.contains(MARKERS) && !reads_well(common, body) {
            report.unrepaired.push(no);
        }
        out.push_str(line);
    }
    (changed.then_some(out), report)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Makes mojibake the way the broken tools do: UTF-8 bytes decoded as GBK.
    fn garble(s: &str) -> String {
        encoding_rs::GBK
            .decode_without_bom_handling(s.as_bytes())
            .0
            .into_owned()
    }

    #[test]
    fn repairs_the_classic_example() {
        let t = CommonChars::new();
        assert_eq!(garble("一、总体情况"), "涓€銆佹€讳綋鎯呭喌");
        assert_eq!(
            repair_line(&t, "涓€銆佹€讳綋鎯呭喌").as_deref(),
            Some("一、总体情况")
        );
        assert_eq!(repair_line(&t, "一、总体情况"), None);
        assert_eq!(repair_line(&t, "规章 0 0 0"), None);
    }

    #[test]
    fn reports_what_does_not_round_trip() {
        let t = CommonChars::new();
        // An odd number of UTF-8 bytes loses the last one to U+FFFD.
        let broken = garble("一、总体情况。");
        let text = format!("{}\n{broken}\n0\n", garble("二、主动公开政府信息情况"));
        let (fixed, r) = repair(&t, &text);
        assert_eq!(r.repaired, vec![1]);
        assert_eq!(r.unrepaired, vec![2]);
        assert!(fixed.unwrap().starts_with("二、主动公开政府信息情况\n"));
    }
}
