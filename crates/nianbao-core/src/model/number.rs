//! Exact decimal numbers: counts are integers, money is a decimal in 万元.

use std::fmt;
use std::str::FromStr;

/// An exact decimal number: `mantissa × 10^-scale`, always normalized (no trailing
/// zeros after the point), so `96171.60` and `96171.6` are the same value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Number {
    mantissa: i64,
    scale: u8,
}

/// The most digits after the point a number keeps.
const MAX_SCALE: u8 = 12;

/// A decimal (not an integer) keeps at most 15 significant digits, so that it goes
/// through a JSON number (an f64) and back exactly. Integers keep all 18.
const MAX_DECIMAL_MANTISSA: u64 = 999_999_999_999_999;

impl Number {
    /// An integer.
    pub const fn int(value: i64) -> Self {
        Number {
            mantissa: value,
            scale: 0,
        }
    }

    /// `mantissa × 10^-scale`, normalized. `None` when the scale is over 12, or a
    /// decimal has more than 15 significant digits (it could not go through JSON
    /// exactly).
    pub fn new(mantissa: i64, scale: u8) -> Option<Self> {
        if scale > MAX_SCALE {
            return None;
        }
        let mut n = Number { mantissa, scale };
        while n.scale > 0 && n.mantissa % 10 == 0 {
            n.mantissa /= 10;
            n.scale -= 1;
        }
        if n.scale > 0 && n.mantissa.unsigned_abs() > MAX_DECIMAL_MANTISSA {
            return None;
        }
        Some(n)
    }

    /// Whether the number has no fractional part.
    pub fn is_integer(&self) -> bool {
        self.scale == 0
    }

    /// The value as an integer, when it is one.
    pub fn as_i64(&self) -> Option<i64> {
        (self.scale == 0).then_some(self.mantissa)
    }

    /// The value as a float (for JSON output and rough comparisons).
    pub fn as_f64(&self) -> f64 {
        // Exact for every value a report holds: Rust's float parsing is correctly rounded.
        self.to_string().parse().unwrap_or(f64::NAN)
    }

    /// The digits and the scale: `mantissa × 10^-scale`.
    pub fn parts(&self) -> (i64, u8) {
        (self.mantissa, self.scale)
    }

    fn rescale(&self, scale: u8) -> Option<i64> {
        let factor = 10i64.checked_pow(u32::from(scale.checked_sub(self.scale)?))?;
        self.mantissa.checked_mul(factor)
    }

    /// The exact sum, or `None` on overflow.
    pub fn checked_add(self, other: Number) -> Option<Number> {
        let scale = self.scale.max(other.scale);
        Number::new(
            self.rescale(scale)?.checked_add(other.rescale(scale)?)?,
            scale,
        )
    }

    /// The exact difference, or `None` on overflow.
    pub fn checked_sub(self, other: Number) -> Option<Number> {
        let scale = self.scale.max(other.scale);
        Number::new(
            self.rescale(scale)?.checked_sub(other.rescale(scale)?)?,
            scale,
        )
    }

    /// Divides by 10^`power` exactly (元 → 万元 is `power = 4`).
    pub fn shift_down(self, power: u8) -> Option<Number> {
        Number::new(self.mantissa, self.scale.checked_add(power)?)
    }

    /// The number from a float, through its shortest decimal representation.
    pub fn from_f64(value: f64) -> Option<Number> {
        if !value.is_finite() {
            return None;
        }
        format!("{value}").parse().ok()
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.scale == 0 {
            return write!(f, "{}", self.mantissa);
        }
        let sign = if self.mantissa < 0 { "-" } else { "" };
        let digits = self.mantissa.unsigned_abs().to_string();
        let scale = usize::from(self.scale);
        let padded = if digits.len() <= scale {
            format!("{}{digits}", "0".repeat(scale + 1 - digits.len()))
        } else {
            digits
        };
        let (int, frac) = padded.split_at(padded.len() - scale);
        write!(f, "{sign}{int}.{frac}")
    }
}

impl From<i64> for Number {
    fn from(value: i64) -> Self {
        Number::int(value)
    }
}

/// Numbers order by value: `0.5 < 1 < 96171.6`, exactly (no float rounding).
impl Ord for Number {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        // 10^12 × i64::MAX fits an i128, so both rescale exactly.
        let scale = self.scale.max(other.scale);
        let wide = |n: &Number| {
            i128::from(n.mantissa) * 10i128.pow(u32::from(scale.saturating_sub(n.scale)))
        };
        wide(self).cmp(&wide(other))
    }
}

impl PartialOrd for Number {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// The exact sum of numbers, or `None` when it overflows: `let total: Option<Number> =
/// cells.iter().filter_map(Cell::as_number).sum();`. (There is no `Sum` into a bare
/// `Number`: an overflow would have to panic or give a wrong number.)
impl std::iter::Sum<Number> for Option<Number> {
    fn sum<I: Iterator<Item = Number>>(mut iter: I) -> Self {
        iter.try_fold(Number::int(0), Number::checked_add)
    }
}

/// The exact sum of borrowed numbers, or `None` when it overflows.
impl<'a> std::iter::Sum<&'a Number> for Option<Number> {
    fn sum<I: Iterator<Item = &'a Number>>(iter: I) -> Self {
        iter.copied().sum()
    }
}

/// The error of parsing a [`Number`] from ASCII text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a plain decimal number: {0:?}")]
pub struct ParseNumberError(String);

impl FromStr for Number {
    type Err = ParseNumberError;

    /// Parses `-12`, `+3`, `4068.208`; nothing else (no spaces, no separators).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || ParseNumberError(s.to_owned());
        let (negative, body) = match s.as_bytes().first() {
            Some(b'-') => (true, s.get(1..).ok_or_else(err)?),
            Some(b'+') => (false, s.get(1..).ok_or_else(err)?),
            _ => (false, s),
        };
        let (int, frac) = match body.split_once('.') {
            Some((i, f)) => (i, f),
            None => (body, ""),
        };
        let all_digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
        if int.is_empty() || !all_digits(int) || !all_digits(frac) || body.ends_with('.') {
            return Err(err());
        }
        let frac = frac.trim_end_matches('0');
        let scale = u8::try_from(frac.len()).map_err(|_| err())?;
        let mut mantissa: i64 = 0;
        for b in int.bytes().chain(frac.bytes()) {
            mantissa = mantissa
                .checked_mul(10)
                .and_then(|m| m.checked_add(i64::from(b - b'0')))
                .ok_or_else(err)?;
        }
        if negative {
            mantissa = -mantissa;
        }
        Number::new(mantissa, scale).ok_or_else(err)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> Number {
        s.parse().unwrap()
    }

    #[test]
    fn parses_and_prints_normalized() {
        assert_eq!(n("96171.60").to_string(), "96171.6");
        assert_eq!(n("4068.208").to_string(), "4068.208");
        assert_eq!(n("0.05").to_string(), "0.05");
        assert_eq!(n("-3").to_string(), "-3");
        assert_eq!(n("+1036").to_string(), "1036");
        assert_eq!(n("1.0").to_string(), "1");
        assert!(n("1.0").is_integer());
        assert!("1,000".parse::<Number>().is_err());
        assert!("".parse::<Number>().is_err());
        assert!("1.".parse::<Number>().is_err());
        assert!("99999999999999999999".parse::<Number>().is_err());
    }

    #[test]
    fn every_number_goes_through_json_exactly() {
        for s in [
            "9223372036854775807",
            "-922337203685477580",
            "0.000000000001",
            "99999999999999.9",
            "123456789.012345",
        ] {
            let x = n(s);
            assert_eq!(
                Number::from_f64(x.as_f64())
                    .filter(|_| !x.is_integer())
                    .unwrap_or(x),
                x,
                "{s}"
            );
        }
        // Found by fuzzing: a decimal of 16 significant digits did not come back.
        assert!("1234567890.123456".parse::<Number>().is_err());
        assert!(n("1234567890123456").shift_down(4).is_none());
    }

    #[test]
    fn order_from_and_sum() {
        let mut v = [n("96171.6"), n("-3"), n("0.5"), n("1"), n("0.05"), n("1.0")];
        v.sort();
        let shown: Vec<String> = v.iter().map(ToString::to_string).collect();
        assert_eq!(shown, ["-3", "0.05", "0.5", "1", "1", "96171.6"]);
        assert!(n("0.000000000001") > n("0"));
        assert!(n("9223372036854775807") > n("99999999999999.9"));
        assert_eq!(Number::from(7), n("7"));
        let total: Option<Number> = [n("0.1"), n("0.2"), Number::from(3)].into_iter().sum();
        assert_eq!(total, Some(n("3.3")));
        let borrowed: Option<Number> = v.iter().sum();
        assert_eq!(borrowed, Some(n("96171.15")));
        let empty: Option<Number> = std::iter::empty::<Number>().sum();
        assert_eq!(empty, Some(Number::from(0)));
        let overflow: Option<Number> = [Number::from(i64::MAX), Number::from(1)].into_iter().sum();
        assert_eq!(overflow, None);
    }

    #[test]
    fn yuan_to_wan_yuan_is_exact() {
        assert_eq!(n("251000").shift_down(4).unwrap().to_string(), "25.1");
        assert_eq!(n("5").shift_down(4).unwrap().to_string(), "0.0005");
    }

    #[test]
    fn arithmetic_is_exact() {
        assert_eq!(n("0.1").checked_add(n("0.2")).unwrap(), n("0.3"));
        assert_eq!(n("10").checked_sub(n("0.5")).unwrap().to_string(), "9.5");
        assert_eq!(Number::from_f64(96171.6).unwrap(), n("96171.6"));
        assert_eq!(n("96171.6").as_f64(), 96171.6);
    }
}

#[cfg(feature = "json")]
mod serde_impl {
    use super::Number;
    use serde::de::{self, Visitor};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use std::fmt;

    impl Serialize for Number {
        /// An integer as a JSON integer, a decimal as a JSON number.
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            match self.as_i64() {
                Some(i) => s.serialize_i64(i),
                None => s.serialize_f64(self.as_f64()),
            }
        }
    }

    struct NumberVisitor;

    impl Visitor<'_> for NumberVisitor {
        type Value = Number;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a number")
        }

        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Number, E> {
            Ok(Number::int(v))
        }

        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Number, E> {
            i64::try_from(v)
                .map(Number::int)
                .map_err(|_| E::custom("number too large"))
        }

        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Number, E> {
            Number::from_f64(v).ok_or_else(|| E::custom("number out of range"))
        }
    }

    impl<'de> Deserialize<'de> for Number {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Number, D::Error> {
            d.deserialize_any(NumberVisitor)
        }
    }

    impl schemars::JsonSchema for Number {
        fn schema_name() -> std::borrow::Cow<'static, str> {
            "Number".into()
        }

        fn inline_schema() -> bool {
            true
        }

        fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
            schemars::json_schema!({ "type": "number" })
        }
    }
}
