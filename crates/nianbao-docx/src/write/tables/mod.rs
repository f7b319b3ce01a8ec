//! The three national tables in the official layout, and the other tables as plain
//! grids.

mod active_disclosure;
mod applications;
mod grid;
mod review_litigation;

pub use active_disclosure::active_disclosure;
pub use applications::{HEADER_NOTE, applications};
pub use grid::{plain, spacer};
pub use review_litigation::review_litigation;

use std::borrow::Cow;

use nianbao_core::catalog::ColumnSpec;
use nianbao_core::model::Row;

use crate::write::text::cell_text;

/// The printed text of a row's cell in each column (blank where the row, or its cell,
/// is missing).
fn column_texts<'a>(row: Option<&'a Row>, columns: &[ColumnSpec]) -> Vec<Cow<'a, str>> {
    columns
        .iter()
        .map(|c| {
            row.and_then(|r| r.cell(c.key))
                .map(cell_text)
                .unwrap_or_default()
        })
        .collect()
}
