//! The typesetting of GB/T 9704-2012 (党政机关公文格式): page, fonts, sizes and the
//! paragraph styles the writer uses.
//!
//! Lengths are in twips (1/20 pt, 1/1440 inch); font sizes in half-points, as OOXML
//! wants them.

use docx_rs::{
    AlignmentType, LineSpacing, LineSpacingType, PageMargin, RunFonts, SpecialIndentType, Style,
    StyleType, Styles,
};

/// A4 width, 210 mm.
pub const PAGE_WIDTH: u32 = 11906;
/// A4 height, 297 mm.
pub const PAGE_HEIGHT: u32 = 16838;
/// Top margin, 37 mm.
pub const MARGIN_TOP: i32 = 2098;
/// Bottom margin, 35 mm.
pub const MARGIN_BOTTOM: i32 = 1984;
/// Left margin (订口), 28 mm.
pub const MARGIN_LEFT: i32 = 1587;
/// Right margin, 26 mm.
pub const MARGIN_RIGHT: i32 = 1474;
/// Header distance from the top edge, 15 mm.
pub const HEADER_DISTANCE: i32 = 851;
/// Footer distance from the bottom edge, 23 mm: the page number sits about 7 mm
/// below the type area, as the standard asks.
pub const FOOTER_DISTANCE: i32 = 1304;
/// The width of the type area: 210 − 28 − 26 = 156 mm.
pub const TEXT_WIDTH: usize = 8845;

/// 二号 (22 pt), the title.
pub const SIZE_TITLE: usize = 44;
/// 三号 (16 pt), the body and the headings.
pub const SIZE_BODY: usize = 32;
/// 四号 (14 pt), the page number.
pub const SIZE_PAGE_NUMBER: usize = 28;
/// 五号 (10.5 pt), table text.
pub const SIZE_TABLE: usize = 21;
/// 小五 (9 pt), the text of the wide tables 3 and 4.
pub const SIZE_TABLE_SMALL: usize = 18;

/// The fixed line spacing of the body, 28 pt.
pub const LINE_BODY: i32 = 560;
/// The fixed line spacing of the title, 35 pt (a 二号 title needs more than 28 pt).
pub const LINE_TITLE: i32 = 700;
/// Two characters of 三号 (16 pt each): the first-line indent of body paragraphs.
pub const INDENT_TWO_CHARS: i32 = 640;
/// One character of 四号 (14 pt): how far the page number stands from the margin.
pub const INDENT_PAGE_NUMBER: i32 = 280;

/// 方正小标宋简体: the title.
pub const FONT_TITLE: &str = "方正小标宋简体";
/// 仿宋_GB2312: the body.
pub const FONT_BODY: &str = "仿宋_GB2312";
/// 黑体: first-level headings.
pub const FONT_HEADING1: &str = "黑体";
/// 楷体_GB2312: second-level headings.
pub const FONT_HEADING2: &str = "楷体_GB2312";
/// 宋体: the page number.
pub const FONT_PAGE_NUMBER: &str = "宋体";

/// Every font the document names, with the font a system without it should use
/// (`w:altName` in the font table): the GB2312-era faces fall back to the faces
/// Windows ships (仿宋, 楷体), 方正小标宋简体 to 宋体.
pub const FONTS: [(&str, &str); 5] = [
    (FONT_TITLE, "宋体"),
    (FONT_BODY, "仿宋"),
    (FONT_HEADING1, "SimHei"),
    (FONT_HEADING2, "楷体"),
    (FONT_PAGE_NUMBER, "SimSun"),
];

/// Style ids.
pub mod id {
    /// The title lines.
    pub const TITLE: &str = "nbTitle";
    /// Body text.
    pub const BODY: &str = "nbBody";
    /// First-level headings (the six sections).
    pub const HEADING1: &str = "nbHeading1";
    /// Table text.
    pub const TABLE: &str = "nbTable";
    /// The smaller text of the wide tables.
    pub const TABLE_SMALL: &str = "nbTableSmall";
    /// The page number.
    pub const FOOTER: &str = "nbFooter";
}

/// Latin letters and digits: Times New Roman, whose half-width digits keep seven-digit
/// counts on one line of a value cell (Liberation Serif stands in on Linux).
pub const FONT_LATIN: &str = "Times New Roman";

/// A Chinese face in `w:eastAsia` (the slot Word and WPS use for Chinese text),
/// [`FONT_LATIN`] for Latin letters and digits, and the East Asian slot winning for
/// ambiguous characters (quotes, dashes, ellipses) through `w:hint`.
pub fn fonts(name: &str) -> RunFonts {
    RunFonts::new()
        .ascii(FONT_LATIN)
        .hi_ansi(FONT_LATIN)
        .east_asia(name)
        .cs(FONT_LATIN)
        .hint("eastAsia")
}

/// The page margins.
pub fn page_margin() -> PageMargin {
    PageMargin::new()
        .top(MARGIN_TOP)
        .bottom(MARGIN_BOTTOM)
        .left(MARGIN_LEFT)
        .right(MARGIN_RIGHT)
        .header(HEADER_DISTANCE)
        .footer(FOOTER_DISTANCE)
        .gutter(0)
}

fn exact(line: i32) -> LineSpacing {
    LineSpacing::new()
        .line_rule(LineSpacingType::Exact)
        .line(line)
        .before(0)
        .after(0)
}

/// The styles part: document defaults (the body: 仿宋_GB2312 三号, fixed 28 pt) and
/// the writer's paragraph styles.
pub fn styles() -> Styles {
    let indent = Some(SpecialIndentType::FirstLine(INDENT_TWO_CHARS));
    Styles::new()
        .default_fonts(fonts(FONT_BODY))
        .default_size(SIZE_BODY)
        .default_line_spacing(exact(LINE_BODY))
        .add_style(
            Style::new(id::TITLE, StyleType::Paragraph)
                .name("Title")
                .based_on("Normal")
                .fonts(fonts(FONT_TITLE))
                .size(SIZE_TITLE)
                .align(AlignmentType::Center)
                .line_spacing(exact(LINE_TITLE)),
        )
        .add_style(
            Style::new(id::BODY, StyleType::Paragraph)
                .name("Body Text")
                .based_on("Normal")
                .align(AlignmentType::Both)
                .indent(Some(0), indent, None, None),
        )
        .add_style(
            Style::new(id::HEADING1, StyleType::Paragraph)
                .name("heading 1")
                .based_on("Normal")
                .next(id::BODY)
                .fonts(fonts(FONT_HEADING1))
                .size(SIZE_BODY)
                .align(AlignmentType::Both)
                .indent(Some(0), indent, None, None)
                .outline_lvl(0),
        )
        .add_style(
            Style::new(id::TABLE, StyleType::Paragraph)
                .name("Table Text")
                .based_on("Normal")
                .size(SIZE_TABLE)
                .align(AlignmentType::Center)
                .line_spacing(
                    LineSpacing::new()
                        .line_rule(LineSpacingType::Auto)
                        .line(240)
                        .before(0)
                        .after(0),
                )
                .indent(Some(0), None, None, None),
        )
        .add_style(
            Style::new(id::TABLE_SMALL, StyleType::Paragraph)
                .name("Table Text Small")
                .based_on(id::TABLE)
                .size(SIZE_TABLE_SMALL),
        )
        .add_style(
            Style::new(id::FOOTER, StyleType::Paragraph)
                .name("footer")
                .based_on("Normal")
                .fonts(fonts(FONT_PAGE_NUMBER))
                .size(SIZE_PAGE_NUMBER)
                .line_spacing(
                    LineSpacing::new()
                        .line_rule(LineSpacingType::Auto)
                        .line(240)
                        .before(0)
                        .after(0),
                ),
        )
}
