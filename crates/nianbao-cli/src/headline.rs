//! The figures of a report that a summary shows: the library's [`Headline`].

pub use nianbao::headline::{Headline, NUMBER_NAMES};
