//! Reading and writing: the canonical JSON format, safe output files, and
//! running Graphviz.

pub mod chromium;
mod duplicates;
mod first_error;
pub mod graphviz;
pub mod json;
mod output;

pub use output::{
    check_distinct_outputs, remove_temporaries, write_all_atomic, write_all_atomic_with,
    write_atomic, write_atomic_seekable, write_atomic_with, FileWriter, Output, SeekWrite, MARKER,
};

use crate::error::{Error, Result};
pub(crate) use first_error::FirstError;
use std::io::Read;
use std::path::Path;

/// Reads a whole input as bytes. `-` is standard input. Returns the name
/// to use in messages and the bytes.
pub fn read_input_bytes(path: &Path) -> Result<(String, Vec<u8>)> {
    let read_error = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(read_error)?;
        return Ok(("<stdin>".into(), bytes));
    }
    // An input is held with the structures made from it: a file over a
    // third of the memory budget cannot be analysed here.
    let budget = crate::memory::budget();
    if let Ok(meta) = std::fs::metadata(path) {
        if meta.is_file() && meta.len() > budget.max_input() {
            return Err(Error::OverLimit {
                place: path.display().to_string(),
                what: format!("the file is {} bytes, larger than allowed", meta.len()),
                limit: budget.max_input(),
                memory: budget.describe(),
            });
        }
    }
    let bytes = std::fs::read(path).map_err(read_error)?;
    Ok((path.display().to_string(), bytes))
}

/// Reads a whole input as text. `-` is standard input. Returns the name to
/// use in messages and the text.
pub fn read_input(path: &Path) -> Result<(String, String)> {
    let (origin, bytes) = read_input_bytes(path)?;
    Ok((origin, utf8_text(bytes, path)?))
}

/// The bytes of `path` as text, or an error that names the offset of the
/// first byte that is not UTF-8.
pub(crate) fn utf8_text(bytes: Vec<u8>, path: &Path) -> Result<String> {
    String::from_utf8(bytes).map_err(|e| Error::Read {
        path: path.to_path_buf(),
        source: std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!(
                "not UTF-8 text (invalid byte at offset {}); save the file as UTF-8",
                e.utf8_error().valid_up_to()
            ),
        ),
    })
}
