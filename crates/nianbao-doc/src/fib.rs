//! The File Information Block at the start of the `WordDocument` stream ([MS-DOC] 2.5).

use crate::DocError;
use crate::bytes::{u16_at, u32_at};

const STREAM: &str = "WordDocument";

/// The `wIdent` of a Word 97 and later document.
const WORD97_IDENT: u16 = 0xA5EC;
/// The `nFib` of Word 97; later versions write it too, with a larger one further on.
const WORD97_NFIB: u16 = 0x00C1;

/// A (file offset, length) pair of `FibRgFcLcb97`, pointing into the table stream.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct FcLcb {
    pub(crate) fc: u32,
    pub(crate) lcb: u32,
}

/// What the reader needs from the FIB.
#[derive(Debug, Clone, Default)]
pub(crate) struct Fib {
    /// The table stream is `1Table` (else `0Table`).
    pub(crate) table_1: bool,
    /// The number of characters of the main document.
    pub(crate) ccp_text: u32,
    /// The piece table (`Clx`).
    pub(crate) clx: FcLcb,
    /// The bin table of character properties (`PlcBteChpx`).
    pub(crate) plcf_bte_chpx: FcLcb,
    /// The bin table of paragraph properties (`PlcBtePapx`).
    pub(crate) plcf_bte_papx: FcLcb,
    /// The style sheet (`STSH`).
    pub(crate) stshf: FcLcb,
    /// The list definitions (`PlfLst`).
    pub(crate) plf_lst: FcLcb,
    /// The list overrides (`PlfLfo`).
    pub(crate) plf_lfo: FcLcb,
}

/// Indices into `FibRgFcLcb97` ([MS-DOC] 2.5.6).
const I_STSHF: usize = 1;
const I_PLCF_BTE_CHPX: usize = 12;
const I_PLCF_BTE_PAPX: usize = 13;
const I_CLX: usize = 33;
const I_PLF_LST: usize = 73;
const I_PLF_LFO: usize = 74;

impl Fib {
    /// Parses the FIB, or says why the document cannot be read (an older Word, encryption).
    pub(crate) fn parse(data: &[u8]) -> Result<Fib, DocError> {
        let cut = |at: usize| DocError::corrupt(STREAM, at as u64, "the FIB is cut short");
        let ident = u16_at(data, 0).ok_or_else(|| cut(0))?;
        let nfib = u16_at(data, 2).ok_or_else(|| cut(2))?;
        match ident {
            WORD97_IDENT => {}
            0xA5DC => {
                return Err(DocError::OldFormat {
                    what: "a Word 6.0/95 document".to_owned(),
                });
            }
            0xA59B | 0xA59C => {
                return Err(DocError::OldFormat {
                    what: "a Word 2.0 (or older) document".to_owned(),
                });
            }
            other => {
                return Err(DocError::corrupt(
                    STREAM,
                    0,
                    format!("no Word FIB here (wIdent {other:#06x})"),
                ));
            }
        }
        if nfib < WORD97_NFIB {
            return Err(DocError::OldFormat {
                what: format!("a Word 6.0/95 document (nFib {nfib})"),
            });
        }
        let flags = u16_at(data, 0x0A).ok_or_else(|| cut(0x0A))?;
        if flags & 0x0100 != 0 {
            let what = if flags & 0x8000 != 0 {
                "an obfuscated (XOR-protected) .doc: remove the password and save it again"
            } else {
                "an encrypted (password-protected) .doc: remove the password and save it again"
            };
            return Err(DocError::Encrypted {
                what: what.to_owned(),
            });
        }
        // FibBase (32 bytes), then csw + FibRgW, cslw + FibRgLw, cbRgFcLcb + FibRgFcLcb.
        let csw = usize::from(u16_at(data, 32).ok_or_else(|| cut(32))?);
        let lw = 34 + csw * 2;
        let cslw = usize::from(u16_at(data, lw).ok_or_else(|| cut(lw))?);
        let rg_lw = lw + 2;
        // FibRgLw97: cbMac, reserved1, reserved2, ccpText, …
        let ccp_text = u32_at(data, rg_lw + 3 * 4).ok_or_else(|| cut(rg_lw + 12))?;
        if cslw < 4 {
            return Err(DocError::corrupt(STREAM, lw as u64, "FibRgLw too short"));
        }
        let fc_at = rg_lw + cslw * 4;
        let count = usize::from(u16_at(data, fc_at).ok_or_else(|| cut(fc_at))?);
        let rg = fc_at + 2;
        let pair = |i: usize| -> FcLcb {
            if i >= count {
                return FcLcb::default();
            }
            let at = rg + i * 8;
            match (u32_at(data, at), u32_at(data, at + 4)) {
                (Some(fc), Some(lcb)) => FcLcb { fc, lcb },
                _ => FcLcb::default(),
            }
        };
        let clx = pair(I_CLX);
        if clx.lcb == 0 {
            return Err(DocError::corrupt(
                STREAM,
                (rg + I_CLX * 8) as u64,
                "the FIB names no piece table (Clx)",
            ));
        }
        Ok(Fib {
            table_1: flags & 0x0200 != 0,
            ccp_text,
            clx,
            plcf_bte_chpx: pair(I_PLCF_BTE_CHPX),
            plcf_bte_papx: pair(I_PLCF_BTE_PAPX),
            stshf: pair(I_STSHF),
            plf_lst: pair(I_PLF_LST),
            plf_lfo: pair(I_PLF_LFO),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base(ident: u16, nfib: u16, flags: u16) -> Vec<u8> {
        let mut d = vec![0u8; 32];
        d[0..2].copy_from_slice(&ident.to_le_bytes());
        d[2..4].copy_from_slice(&nfib.to_le_bytes());
        d[0x0A..0x0C].copy_from_slice(&flags.to_le_bytes());
        d
    }

    #[test]
    fn older_words_and_encryption_are_named() {
        let e = Fib::parse(&base(0xA5DC, 0x65, 0)).unwrap_err();
        assert!(e.to_string().contains("Word 6.0/95"), "{e}");
        let e = Fib::parse(&base(0xA5EC, 0x68, 0)).unwrap_err();
        assert!(e.to_string().contains("Word 6.0/95"), "{e}");
        let e = Fib::parse(&base(0xA5EC, 0xC1, 0x0100)).unwrap_err();
        assert!(matches!(e, DocError::Encrypted { .. }), "{e}");
        let e = Fib::parse(&base(0xA5EC, 0xC1, 0)).unwrap_err();
        assert!(matches!(e, DocError::Corrupt { .. }), "{e}");
        let e = Fib::parse(&[0xEC]).unwrap_err();
        assert!(e.to_string().contains("cut short"), "{e}");
    }
}
