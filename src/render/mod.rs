//! Turning results into bytes for people and machines. Writers return
//! strings and do no I/O.

pub mod export;
mod fit;
pub mod map;
pub mod palette;
pub mod report;
mod summary;
mod table;
pub mod xlsx;
pub mod xml;

pub use fit::{set_full_table_hint, set_text_width, shorten_list, text_width, wrap, TEXT_WIDTH};
pub use summary::{json_with_warnings, render_summary, warnings_text};
pub use table::{
    csv_rows, float_json as float_value, format_float, restore_text, terminal_safe, Cell,
    CsvStream, FloatStyle, Format, JsonStream, Table, TextStyle,
};
pub use xlsx::{workbook, workbook_of, workbook_to, Sheet};
