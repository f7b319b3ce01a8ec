//! Automatic numbering (`word/numbering.xml`): list definitions and the counters that
//! render `一、` or `（1）` in front of a paragraph as Word shows it.

use std::collections::HashMap;

use quick_xml::events::{BytesStart, Event};

use super::error::DocxError;
use super::styles::Styles;
use super::xml;
use nianbao_core::text::{LIST_LEVELS as LEVELS, ListCounter, ListSuffix as Suffix, NumFmt};

/// One level of a list definition.
#[derive(Debug, Clone, Default)]
struct Level {
    start: Option<u32>,
    fmt: NumFmt,
    text: Option<String>,
    /// `w:lvlRestart`: 0 never restarts; `n` restarts after level `n` (1-based) or higher.
    restart: Option<u32>,
    legal: bool,
    suffix: Suffix,
}

impl Level {
    fn start(&self) -> u32 {
        self.start.unwrap_or(1)
    }
}

#[derive(Debug, Default)]
struct AbstractNum {
    levels: Vec<Level>,
    num_style_link: Option<Vec<u8>>,
    /// The definition whose levels this one uses (through `w:numStyleLink`): looked
    /// up, not copied, so that many links to one long definition cost nothing each.
    levels_from: Option<u32>,
}

/// One `w:lvlOverride`: `(ilvl, startOverride, full level override)`.
type Override = (usize, Option<u32>, Option<Level>);

#[derive(Debug, Default)]
struct Num {
    abstract_id: u32,
    /// The `w:lvlOverride`s, in document order while parsing.
    overrides: Vec<Override>,
    /// Per level, the index in `overrides` of the last override of that level: filled
    /// once the `w:num` is read, so that a paragraph looks its level up in constant
    /// time however many overrides the list has.
    last: [Option<usize>; LEVELS],
}

impl Num {
    /// Keeps only the last override of each level (the one Word applies), and
    /// indexes it by level.
    fn settle(&mut self) {
        let mut last: [Option<Override>; LEVELS] = Default::default();
        for o in self.overrides.drain(..) {
            if let Some(slot) = last.get_mut(o.0) {
                *slot = Some(o);
            }
        }
        self.overrides = last.into_iter().flatten().collect();
        for (i, o) in self.overrides.iter().enumerate() {
            if let Some(slot) = self.last.get_mut(o.0) {
                *slot = Some(i);
            }
        }
    }

    /// The override of level `i`, if any.
    fn override_of(&self, i: usize) -> Option<&Override> {
        self.last
            .get(i)
            .copied()
            .flatten()
            .and_then(|at| self.overrides.get(at))
    }
}

/// The characters of a level text read, and the bytes of number text rendered, in
/// front of a paragraph. Real level texts are a few characters (`（%2）`); a longer one
/// is cut here, so that a level text of 50,000 `%1`s used by every paragraph cannot
/// multiply the work or the output.
pub(crate) const MAX_NUMBER_TEXT: usize = 256;

/// The list definitions of a document plus the running counters.
#[derive(Debug, Default)]
pub(crate) struct Numbering {
    abstracts: HashMap<u32, AbstractNum>,
    nums: HashMap<u32, Num>,
    /// Counters per abstract definition: lists sharing a definition continue each other.
    counters: HashMap<u32, ListCounter>,
    /// Start overrides of each `w:num`, applied the first time it is used.
    used: HashMap<u32, ()>,
}

impl Numbering {
    /// Reads `numbering.xml`; `styles` resolves `w:numStyleLink`.
    pub(crate) fn parse(data: &[u8], part: &str, styles: &Styles) -> Result<Numbering, DocxError> {
        let mut numbering = Numbering::default();
        let mut reader = xml::reader(data);
        let mut abs: Option<(u32, AbstractNum)> = None;
        let mut num: Option<(u32, Num)> = None;
        let mut lvl: Option<(usize, Level)> = None;
        let mut override_ilvl: Option<usize> = None;
        let mut skip_depth = 0usize;
        loop {
            let ev = reader
                .read_event()
                .map_err(|e| xml::error(part, &reader, &e))?;
            match ev {
                Event::Start(ref e) | Event::Empty(ref e) => {
                    let empty = matches!(ev, Event::Empty(_));
                    if skip_depth > 0 {
                        skip_depth += usize::from(!empty);
                        continue;
                    }
                    match e.local_name().as_ref() {
                        b"abstractNum" => {
                            let id = xml::attr(e, b"abstractNumId")
                                .and_then(|v| xml::parse_u32(&v))
                                .unwrap_or(u32::MAX);
                            abs = Some((id, AbstractNum::default()));
                        }
                        b"num" => {
                            let id = xml::attr(e, b"numId")
                                .and_then(|v| xml::parse_u32(&v))
                                .unwrap_or(0);
                            num = Some((id, Num::default()));
                        }
                        b"abstractNumId" => {
                            if let (Some((_, n)), Some(v)) = (num.as_mut(), xml::val_u32(e)) {
                                n.abstract_id = v;
                            }
                        }
                        b"lvlOverride" => {
                            override_ilvl = xml::attr(e, b"ilvl")
                                .and_then(|v| xml::parse_u32(&v))
                                .map(|v| v as usize);
                            if let (Some((_, n)), Some(i)) = (num.as_mut(), override_ilvl) {
                                n.overrides.push((i, None, None));
                            }
                        }
                        b"startOverride" => {
                            if let (Some((_, n)), Some(i)) = (num.as_mut(), override_ilvl)
                                && let Some(o) = n.overrides.iter_mut().rev().find(|o| o.0 == i)
                            {
                                o.1 = xml::val_u32(e);
                            }
                        }
                        b"lvl" => {
                            let ilvl = xml::attr(e, b"ilvl")
                                .and_then(|v| xml::parse_u32(&v))
                                .unwrap_or(0) as usize;
                            lvl = Some((ilvl, Level::default()));
                        }
                        b"numStyleLink" => {
                            if let (Some((_, a)), Some(v)) = (abs.as_mut(), xml::val(e)) {
                                a.num_style_link = Some(v.into_owned());
                            }
                        }
                        b"pPr" | b"rPr" | b"legacy" | b"lvlPicBulletId" if !empty => skip_depth = 1,
                        _ => {
                            if let Some((_, l)) = lvl.as_mut() {
                                level_property(l, e);
                            }
                        }
                    }
                }
                Event::End(ref e) => {
                    if skip_depth > 0 {
                        skip_depth -= 1;
                        continue;
                    }
                    match e.local_name().as_ref() {
                        b"lvl" => {
                            if let Some((ilvl, level)) = lvl.take() {
                                if let Some((_, n)) = num.as_mut() {
                                    if let Some(o) =
                                        n.overrides.iter_mut().rev().find(|o| o.0 == ilvl)
                                    {
                                        o.2 = Some(level);
                                    }
                                } else if let Some((_, a)) = abs.as_mut()
                                    && ilvl < LEVELS
                                {
                                    if a.levels.len() <= ilvl {
                                        a.levels.resize(ilvl + 1, Level::default());
                                    }
                                    if let Some(slot) = a.levels.get_mut(ilvl) {
                                        *slot = level;
                                    }
                                }
                            }
                        }
                        b"abstractNum" => {
                            if let Some((id, a)) = abs.take() {
                                numbering.abstracts.insert(id, a);
                            }
                        }
                        b"num" => {
                            if let Some((id, mut n)) = num.take() {
                                n.settle();
                                numbering.nums.insert(id, n);
                            }
                        }
                        b"lvlOverride" => override_ilvl = None,
                        _ => {}
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        numbering.link_styles(styles);
        Ok(numbering)
    }

    /// Replaces definitions that only point at a numbering style (`w:numStyleLink`)
    /// with the levels of the definition that style uses.
    fn link_styles(&mut self, styles: &Styles) {
        let links: Vec<(u32, u32)> = self
            .abstracts
            .iter()
            .filter_map(|(&id, a)| {
                let style = a.num_style_link.as_deref()?;
                let num_id = styles.get(Some(style)).num_id?;
                let target = self.nums.get(&num_id)?.abstract_id;
                (target != id).then_some((id, target))
            })
            .collect();
        for (id, target) in links {
            if let Some(a) = self.abstracts.get_mut(&id) {
                a.levels_from = Some(target);
            }
        }
    }

    /// Counts a paragraph of list `num_id` at level `ilvl` and returns the text Word
    /// shows before it (`一、`), or `None` for no number (bullets, `numId` 0, unknown lists).
    pub(crate) fn next(&mut self, num_id: u32, ilvl: u32) -> Option<String> {
        if num_id == 0 {
            return None;
        }
        let ilvl = (ilvl as usize).min(LEVELS - 1);
        let num = self.nums.get(&num_id)?;
        let abs = self.abstracts.get(&num.abstract_id)?;
        let abs = abs
            .levels_from
            .and_then(|t| self.abstracts.get(&t))
            .unwrap_or(abs);
        let default = Level::default();
        // Borrowed, never cloned: a level's text may be long and is read once per `%N`.
        let level_of = |i: usize| -> &Level {
            num.override_of(i)
                .and_then(|o| o.2.as_ref())
                .or_else(|| abs.levels.get(i))
                .unwrap_or(&default)
        };
        let start_of = |i: usize| -> u32 {
            num.override_of(i)
                .and_then(|o| o.1)
                .unwrap_or_else(|| level_of(i).start())
        };
        let counters = self.counters.entry(num.abstract_id).or_default();
        if self.used.insert(num_id, ()).is_none() {
            for o in &num.overrides {
                if o.1.is_some() {
                    counters.reset(o.0);
                }
            }
        }
        counters.advance(ilvl, start_of, |deeper| {
            level_of(deeper).restart.unwrap_or(deeper as u32)
        });
        let level = level_of(ilvl);
        if !level.fmt.is_counter() {
            return None;
        }
        let template = level.text.as_deref().unwrap_or("");
        let mut out = String::with_capacity(template.len().min(MAX_NUMBER_TEXT) + 8);
        // At most MAX_NUMBER_TEXT characters of the level text are rendered.
        let mut chars = template.chars().take(MAX_NUMBER_TEXT).peekable();
        let mut visited = 1u64;
        while let Some(c) = chars.next() {
            visited += 1;
            if out.len() >= MAX_NUMBER_TEXT {
                break;
            }
            let digit = if c == '%' {
                chars.peek().and_then(|d| d.to_digit(10))
            } else {
                None
            };
            match digit {
                Some(d @ 1..=9) => {
                    chars.next();
                    let i = (d - 1) as usize;
                    let fmt = if level.legal {
                        NumFmt::Decimal
                    } else {
                        level_of(i).fmt
                    };
                    counters.render(i, fmt, start_of, &mut out);
                }
                _ => out.push(c),
            }
        }
        nianbao_core::work::add(visited);
        level.suffix.append(&mut out);
        (!out.is_empty()).then_some(out)
    }
}

fn level_property(level: &mut Level, e: &BytesStart<'_>) {
    match e.local_name().as_ref() {
        b"start" => level.start = xml::val_u32(e),
        b"numFmt" => {
            if let Some(v) = xml::val(e) {
                level.fmt = NumFmt::from_name(&v);
            }
        }
        b"lvlText" => level.text = xml::val(e).map(|v| xml::attr_string(&v)),
        b"lvlRestart" => level.restart = xml::val_u32(e),
        b"isLgl" => level.legal = xml::on_off(e),
        b"suff" => {
            level.suffix = match xml::val(e).as_deref() {
                Some(b"space") => Suffix::Space,
                Some(b"nothing") => Suffix::Nothing,
                _ => Suffix::Tab,
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NUMBERING: &str = r#"<w:numbering xmlns:w="w">
      <w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/><w:suff w:val="nothing"/></w:lvl>
      </w:abstractNum>
      <w:abstractNum w:abstractNumId="1">
        <w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:suff w:val="space"/></w:lvl>
        <w:lvl w:ilvl="1"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/><w:isLgl/></w:lvl>
      </w:abstractNum>
      <w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl></w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
      <w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
      <w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>
    </w:numbering>"#;

    fn numbering() -> Numbering {
        Numbering::parse(
            NUMBERING.as_bytes(),
            "word/numbering.xml",
            &Styles::default(),
        )
        .unwrap()
    }

    #[test]
    fn chinese_headings_count_and_restart() {
        let mut n = numbering();
        assert_eq!(n.next(1, 0).as_deref(), Some("一、"));
        assert_eq!(n.next(1, 1).as_deref(), Some("（一）"));
        assert_eq!(n.next(1, 1).as_deref(), Some("（二）"));
        assert_eq!(n.next(1, 2).as_deref(), Some("1."));
        assert_eq!(n.next(1, 0).as_deref(), Some("二、"));
        assert_eq!(n.next(1, 1).as_deref(), Some("（一）"));
    }

    #[test]
    fn shared_definitions_continue_and_overrides_restart() {
        let mut n = numbering();
        assert_eq!(n.next(1, 0).as_deref(), Some("一、"));
        assert_eq!(n.next(3, 0).as_deref(), Some("五、"));
        assert_eq!(n.next(3, 0).as_deref(), Some("六、"));
        assert_eq!(n.next(1, 0).as_deref(), Some("七、"));
    }

    #[test]
    fn legal_and_suffixes_and_bullets() {
        let mut n = numbering();
        assert_eq!(n.next(2, 0).as_deref(), Some("1. "));
        assert_eq!(n.next(2, 1).as_deref(), Some("1.1 "));
        assert_eq!(n.next(4, 0), None);
        assert_eq!(n.next(0, 0), None);
        assert_eq!(n.next(99, 0), None);
    }
}
