//! The typed report model: what a report says, once recognized.

mod cell;
mod number;
mod provenance;
mod report;
mod table;

pub use cell::{Cell, CellValue, Normalization};
pub use number::Number;
pub use provenance::Provenance;
pub use report::{Meta, Report, ReportKind, Section, Source};
pub use table::{Row, Table};
