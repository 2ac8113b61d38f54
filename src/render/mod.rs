//! Turning results into bytes for people and machines. Writers return
//! strings and do no I/O.

mod table;

pub use table::{format_float, Cell, Format, Table};
