//! A sink that keeps its first error, for writers that cannot stop
//! halfway (an XML writer event by event, a zip archive being finished).

use std::io::{Seek, SeekFrom, Write};

/// Writes to `out` until the first error, which it keeps; after it, takes
/// and seeks nothing more while telling its writer all is well. The
/// writer then finishes quietly and the caller reports the error once,
/// from [`FirstError::finish`].
#[derive(Debug)]
pub(crate) struct FirstError<W> {
    out: W,
    error: Option<std::io::Error>,
}

impl<W> FirstError<W> {
    pub(crate) fn new(out: W) -> FirstError<W> {
        FirstError { out, error: None }
    }

    /// The sink, or its first error.
    pub(crate) fn finish(self) -> std::io::Result<W> {
        match self.error {
            Some(error) => Err(error),
            None => Ok(self.out),
        }
    }

    fn keep(&mut self, result: std::io::Result<()>) {
        if let Err(error) = result {
            self.error = Some(error);
        }
    }
}

impl<W: Write> Write for FirstError<W> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        if self.error.is_none() {
            let result = self.out.write_all(bytes);
            self.keep(result);
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.error.is_none() {
            let result = self.out.flush();
            self.keep(result);
        }
        Ok(())
    }
}

impl<W: Seek> Seek for FirstError<W> {
    fn seek(&mut self, to: SeekFrom) -> std::io::Result<u64> {
        if self.error.is_some() {
            return Ok(0);
        }
        match self.out.seek(to) {
            Ok(at) => Ok(at),
            Err(error) => {
                self.error = Some(error);
                Ok(0)
            }
        }
    }
}
