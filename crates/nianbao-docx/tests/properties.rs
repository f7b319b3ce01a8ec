//! Document properties from docProps/core.xml and docProps/app.xml.

mod common;

use pretty_assertions::assert_eq;

#[test]
fn core_and_app_properties_are_kept() {
    let doc = common::read_fixture("properties");
    let props: Vec<(&str, &str)> = doc
        .properties
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    assert_eq!(
        props,
        [
            ("application", "Microsoft Office Word"),
            ("author", "示例县人民政府办公室"),
            ("created", "2024-01-20T08:00:00Z"),
            ("modified", "2024-01-25T09:30:00Z"),
            ("title", "示例县2023年政府信息公开工作年度报告"),
        ]
    );
    assert_eq!(common::texts(&doc), ["正文"]);
}

#[test]
fn the_crate_root_names_read_the_same() {
    let bytes = common::package("properties");
    let limits = nianbao_core::Limits::default();
    let a = nianbao_docx::read(&bytes, &limits).unwrap();
    let b = nianbao_docx::read_docx(&bytes, &limits).unwrap();
    assert_eq!(a, b);
    let err: nianbao_core::Error = nianbao_docx::read(b"not a zip", &limits)
        .unwrap_err()
        .into();
    assert_eq!(err.kind(), "unsupported");
}
