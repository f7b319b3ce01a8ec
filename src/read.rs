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

/// Reads, recognizes and checks a report file with default options
/// ([`read_path_with`] takes options).
///
/// # Errors
///
/// As [`read_path_with`].
pub fn read_path(path: impl AsRef<Path>) -> Result<Analysis, Error> {
    read_path_with(path, &Options::default())
}

/// Reads, recognizes and checks a report file with options (limits, a forced format).
/// The file's path is kept as `source.name`.
///
/// ```
/// use nianbao::{Format, Options};
/// let options = Options::default().with_format(Format::Text);
/// let analysis = nianbao::read_path_with("testdata/tika/county-2021.txt", &options)?;
/// assert_eq!(analysis.report.source.format.as_deref(), Some("txt"));
/// # Ok::<(), nianbao::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::Io`] when the file cannot be read, [`Error::LimitExceeded`] when it is
/// over `options.limits.max_input_bytes` (at most that many bytes and one more are
/// read, whatever the file is: a device such as `/dev/zero`, a FIFO or `/dev/stdin`,
/// whose size the file system reports as 0, is refused as soon as it gives more), and
/// every error of [`read_bytes`].
pub fn read_path_with(path: impl AsRef<Path>, options: &Options) -> Result<Analysis, Error> {
    let path = path.as_ref();
    let name = path.display().to_string();
    let bytes =
        read_limited(path, options.limits.max_input_bytes).map_err(|e| e.with_file(&name))?;
    read_bytes(&bytes, Some(&name), options)
}

/// The bytes of a file, refused with [`Error::LimitExceeded`] once there are more
/// than `max`: never more than `max + 1` bytes are read.
fn read_limited(path: &Path, max: u64) -> Result<Vec<u8>, Error> {
    use std::io::Read;
    let io = |source| Error::Io {
        file: path.display().to_string(),
        source,
    };
    let too_big = |actual| Error::limit("max_input_bytes", actual, max, Default::default());
    let file = std::fs::File::open(path).map_err(io)?;
    // The size the file system reports: a regular file over the limit is refused
    // unread, and one under it is read into a buffer of its size.
    let reported = file.metadata().map_err(io)?.len();
    if reported > max {
        return Err(too_big(reported));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(reported).unwrap_or(0).saturating_add(1));
    file.take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io)?;
    let read = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if read > max {
        return Err(too_big(read));
    }
    Ok(bytes)
}

/// Reads, recognizes and checks a report from bytes. `name` (a file name or URL) is
/// kept as the source; the reader is chosen by the content where it is sure (a zip or
/// OLE file goes to the .docx reader, a web archive or HTML named `.txt` to the HTML
/// reader), else by `name`'s extension, else by the look of the text. A PDF, an image
/// or an RTF is [`Error::Unsupported`], saying what it is.
///
/// An input in which no report is found is [`Error::NoReport`]: fewer than two of the
/// six sections and none of the three tables recognized
/// ([`Report::has_report_content`](nianbao_core::Report::has_report_content), the one
/// rule nianbao has for it). To look at such a document anyway, use [`read_document`]
/// and [`analyze`].
///
/// A scraper with a page's bytes and URL in memory needs this one call:
/// `read_bytes(&bytes, Some(url), &Options::default().with_format(Format::Html))`
/// reads the page (the URL kept as the page's `url`), fills `source.name` with the URL
/// and `source.format` with `html`.
///
/// # Errors
///
/// [`Error::NoReport`] as above, and every error of [`read_document`].
pub fn read_bytes(bytes: &[u8], name: Option<&str>, options: &Options) -> Result<Analysis, Error> {
    let (format, doc) = read_document(bytes, name, options)?;
    let mut analysis = analyze(&doc);
    if !analysis.report.has_report_content() {
        let reason =
            "fewer than two section headings of the six and none of the three tables were found";
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
///
/// # Errors
///
/// [`Error::LimitExceeded`] when the input is over a limit, [`Error::Malformed`] when
/// it is broken, [`Error::Unsupported`] when it is of a kind nianbao does not read (its
/// [`UnsupportedReason`](nianbao_core::UnsupportedReason) says which) or needs a
/// feature this build lacks; each names the file.
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
    // The content first: a PDF or an image named `.txt` is said to be what it is, a
    // .docx named `.txt` read as a .docx (a forced format is the caller's word).
    let format = match options.format {
        Some(f) => f,
        None => {
            if let Some(what) = crate::format::unreadable(bytes) {
                return Err(Error::unsupported_because(
                    nianbao_core::UnsupportedReason::OtherFormat,
                    what,
                )
                .with_file(file));
            }
            crate::format::choose(bytes, name)
        }
    };
    let doc = match format {
        Format::Docx => read_docx(bytes, limits),
        Format::Text => read_text(bytes, limits),
        Format::Html => read_html(bytes, name, limits),
        Format::Pdf => read_pdf(bytes, limits),
        Format::Doc => read_doc(bytes, limits),
    };
    doc.map(|d| (format, d)).map_err(|e| e.with_file(file))
}

#[cfg(any(
    not(feature = "txt"),
    not(feature = "docx"),
    not(feature = "html"),
    not(feature = "pdf")
))]
fn unsupported(feature: &str) -> Error {
    Error::unsupported_because(
        nianbao_core::UnsupportedReason::FeatureDisabled,
        format!("this build of nianbao has no `{feature}` feature"),
    )
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

#[cfg(feature = "pdf")]
fn read_pdf(bytes: &[u8], limits: &Limits) -> Result<Document, Error> {
    nianbao_pdf::read(bytes, limits).map_err(Error::from)
}

#[cfg(not(feature = "pdf"))]
fn read_pdf(_: &[u8], _: &Limits) -> Result<Document, Error> {
    Err(unsupported("pdf"))
}
