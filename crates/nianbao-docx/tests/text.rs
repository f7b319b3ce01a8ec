//! Text as Word shows it: runs, bookmarks, fields, content controls, tracked changes,
//! alternate content, text boxes, symbols and hidden text.

mod common;

use common::{layout, read_fixture, tables, texts};
use pretty_assertions::assert_eq;

#[test]
fn label_split_over_five_runs_with_bookmark_and_proof_error() {
    let doc = read_fixture("split-label");
    let row = &tables(&doc)[0].rows[0];
    assert_eq!(row.cells[0].text, "2.其他法律行政法规禁止公开");
    // The full-width spaces stay (the recognizer trims them); the bookmark leaves no trace.
    assert_eq!(row.cells[1].text, "\u{3000}\u{3000}30");
    // Without xml:space="preserve" the ends of a w:t are trimmed; entities resolve.
    assert_eq!(texts(&doc), ["Spaces kept and trimmed & 一"]);
}

#[test]
fn fields_show_their_result_not_their_code() {
    let doc = read_fixture("field");
    assert_eq!(
        texts(&doc),
        ["第3页", "单位：示例县人民政府", "no", "勾选完"]
    );
    assert!(doc.diagnostics.is_empty(), "{:?}", doc.diagnostics);
}

#[test]
fn content_controls_are_read_through() {
    let doc = read_fixture("sdt");
    assert_eq!(
        texts(&doc),
        ["示例县2023年政府信息公开工作年度报告", "收到申请12件"]
    );
    assert_eq!(layout(tables(&doc)[0]), [["规章@0+1x1", "5@1+1x1"]]);
}

#[test]
fn tracked_changes_read_as_accepted() {
    let doc = read_fixture("tracked-change");
    assert_eq!(texts(&doc), ["予以公开（已移动）", "前半段后半段"]);
    // pPrChange holds the former outline level: it is not the paragraph's.
    assert_eq!(common::paragraphs(&doc)[0].heading_level, None);
    assert_eq!(
        layout(tables(&doc)[0]),
        [["保留@0+1x1", "1@1+1x1"], ["插入的行@0+1x1", "3@1+1x1"]]
    );
}

#[test]
fn text_boxes_are_read_once_after_their_anchor() {
    let doc = read_fixture("textbox");
    assert_eq!(
        texts(&doc),
        [
            "锚定段落",
            "文本框第一段",
            "文本框第二段",
            "下一段",
            "只读一次",
            "旧式文本框"
        ]
    );
}

#[test]
fn breaks_symbols_and_hidden_text() {
    let doc = read_fixture("symbols");
    assert_eq!(
        texts(&doc),
        [
            "本年新\n制作数量\tA\nB",
            "分页后\n下一页",
            "2023-2024×☑☑",
            "可见文字。",
            "\u{3000}\u{3000}"
        ]
    );
}

#[test]
fn formatting_is_read_where_it_matters_and_skipped_where_not() {
    // Run properties with a former version (w:rPrChange) that was hidden: the current
    // properties decide. A nested element of the same name, or a comment holding the end
    // tag, must not end the skip early.
    let body = r#"<w:p><w:r><w:rPr><w:b/><w:rPrChange w:id="1" w:author="a"><w:rPr><w:vanish/></w:rPr></w:rPrChange></w:rPr><w:t>显示</w:t></w:r><w:r><w:rPr><w:sz w:val="2"/><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:rPr><!-- </w:rPr> --><w:b/></w:rPr><w:t>注释后</w:t></w:r></w:p>"#;
    let xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    );
    let bytes = common::zip_parts(&[("word/document.xml".to_owned(), xml.into_bytes())]);
    let doc = nianbao_docx::read(&bytes, &Default::default()).unwrap();
    assert_eq!(texts(&doc), ["显示注释后"]);
}
