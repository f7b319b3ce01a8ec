//! Reading a file or bytes into an analysed report, whatever the format.

use std::path::Path;

use nianbao_core::{Analysis, Error, Limits, analyze, ir::Document};

use crate::Format;

/// How to read an input.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct Options {
    /// The limits for hostile input.
    pub limits: Limits,
    /// Force a format instead of deciding by extension and content.
    pub format: Option<Format>,
}

impl Options {
    /// Options with a forced format.
    pub fn with_format(mut self, format: Format) -> Self {
        self.format = Some(format);
        self
    }

    /// Options with other limits.
    pub fn with_limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }
}

/// Reads, recognizes and checks a report file with default options.
pub fn read_path(path: impl AsRef<Path>) -> Result<Analysis, Error> {
    let path = path.as_ref();
    let name = path.display().to_string();
    let limits = Limits::default();
    let meta = std::fs::metadata(path).map_err(|source| Error::Io {
        file: name.clone(),
        source,
    })?;
    if meta.len() > limits.max_input_bytes {
        return Err(Error::limit(
            "max_input_bytes",
            meta.len(),
            limits.max_input_bytes,
            Default::default(),
        )
        .with_file(name));
    }
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        file: name.clone(),
        source,
    })?;
    read_bytes(&bytes, Some(&name), &Options::default())
}

/// Reads, recognizes and checks a report from bytes. `name` (a file name or URL) picks
/// the reader by its extension when it has a known one, and is kept as the source.
///
/// An input in which nothing of a report is found (no section heading, none of the
/// three tables) is [`Error::NoReport`]; to look at such a document anyway, use
/// [`read_document`] and [`analyze`].
pub fn read_bytes(bytes: &[u8], name: Option<&str>, options: &Options) -> Result<Analysis, Error> {
    let (format, doc) = read_document(bytes, name, options)?;
    let mut analysis = analyze(&doc);
    if !analysis.report.has_report_content() {
        let reason = "no section heading of the six and none of the three tables was found";
        return Err(Error::NoReport {
            file: name.unwrap_or(nianbao_core::UNNAMED).to_owned(),
            reason: reason.to_owned(),
        });
    }
    analysis.report.source.name = name.map(str::to_owned);
    analysis.report.source.format = Some(format.name().to_owned());
    Ok(analysis)
}

/// Reads bytes into the Document IR (before recognition), with the format used.
pub fn read_document(
    bytes: &[u8],
    name: Option<&str>,
    options: &Options,
) -> Result<(Format, Document), Error> {
    let file = name.unwrap_or(nianbao_core::UNNAMED);
    let limits = &options.limits;
    let len = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if len > limits.max_input_bytes {
        return Err(Error::limit(
            "max_input_bytes",
            len,
            limits.max_input_bytes,
            Default::default(),
        )
        .with_file(file));
    }
    let format = options
        .format
        .or_else(|| name.and_then(Format::from_path))
        .unwrap_or_else(|| Format::sniff(bytes));
    let doc = match format {
        Format::Docx => read_docx(bytes, limits),
        Format::Text => read_text(bytes, limits),
        Format::Html => read_html(bytes, name, limits),
        Format::Doc => read_doc(bytes, limits),
    };
    doc.map(|d| (format, d)).map_err(|e| e.with_file(file))
}

#[cfg(any(not(feature = "txt"), not(feature = "docx"), not(feature = "html")))]
fn unsupported(feature: &str) -> Error {
    Error::unsupported(format!("this build of nianbao has no `{feature}` feature"))
}

#[cfg(feature = "txt")]
fn read_text(bytes: &[u8], limits: &Limits) -> Result<Document, Error> {
    nianbao_txt::read(bytes, limits).map_err(Error::from)
}

#[cfg(not(feature = "txt"))]
fn read_text(_: &[u8], _: &Limits) -> Result<Document, Error> {
    Err(unsupported("txt"))
}

#[cfg(not(feature = "docx"))]
fn read_docx(_: &[u8], _: &Limits) -> Result<Document, Error> {
    Err(unsupported("docx"))
}

#[cfg(not(feature = "html"))]
fn read_html(_: &[u8], _: Option<&str>, _: &Limits) -> Result<Document, Error> {
    Err(unsupported("html"))
}

#[cfg(feature = "docx")]
fn read_docx(bytes: &[u8], limits: &Limits) -> Result<Document, Error> {
    nianbao_docx::read(bytes, limits).map_err(Error::from)
}

#[cfg(feature = "doc")]
fn read_doc(bytes: &[u8], limits: &Limits) -> Result<Document, Error> {
    nianbao_doc::read(bytes, limits).map_err(Error::from)
}

/// Without the `doc` feature a .doc goes to the .docx reader, which says what it is.
#[cfg(not(feature = "doc"))]
fn read_doc(bytes: &[u8], limits: &Limits) -> Result<Document, Error> {
    read_docx(bytes, limits)
}

#[cfg(feature = "html")]
fn read_html(bytes: &[u8], url: Option<&str>, limits: &Limits) -> Result<Document, Error> {
    // A file name is not a URL: only a name with a scheme is kept as the page's URL.
    let url = url.filter(|u| u.contains("://"));
    nianbao_html::read(bytes, url, limits).map_err(Error::from)
}
