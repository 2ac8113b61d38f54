//! Turning results into bytes for people and machines. Writers return
//! strings and do no I/O.

pub mod export;
pub mod map;
pub mod palette;
pub mod report;
mod summary;
mod table;

pub use summary::{json_with_warnings, render_summary, warnings_text};
pub use table::{
    float_json as float_value, format_float, Cell, FloatStyle, Format, Table, TextStyle,
};
