//! The library's error type.

use crate::model::{Problem, Report};
use std::path::PathBuf;

/// Everything that can go wrong in the library. Each variant owns what the
/// user needs to fix the input: the file, the place, the value.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A file could not be written.
    #[error("cannot write {}: {source}", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The text is not JSON at all.
    #[error("{origin}:{line}:{column}: not valid JSON: {message}")]
    Syntax {
        /// The file (or `<stdin>`).
        origin: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser expected.
        message: String,
    },
    /// The data has problems; every one is listed.
    #[error("{}", format_problems(origin, &report.problems))]
    Invalid {
        /// The file (or `<stdin>`) the data came from.
        origin: String,
        /// Every problem found.
        report: Report,
    },
    /// An imported file has problems; each names its file, line and column.
    #[error("{}", format_problems("", problems))]
    Import {
        /// Every problem found.
        problems: Vec<Problem>,
    },
    /// A parameter's value cannot be used (a usage error, not a data
    /// error). `name` is the parameter's name in the library (a field of an
    /// options struct, such as `resolution`); front ends map it to their
    /// own spelling.
    #[error("invalid {name} {value:?}: expected {expected}")]
    InvalidParameter {
        /// The parameter.
        name: &'static str,
        /// The value given.
        value: String,
        /// What would have been accepted.
        expected: String,
    },
    /// An iterative method did not converge; no result is made up.
    #[error("{metric} did not converge within {iterations} iterations")]
    NoConvergence {
        /// Which metric.
        metric: &'static str,
        /// The iteration limit reached.
        iterations: usize,
    },
    /// Graphviz rejected the DOT or failed.
    #[error("Graphviz failed: {0}")]
    Graphviz(String),
    /// The projection would be too large to build.
    #[error("the engagements could make up to {estimate} ties, more than the limit of {limit} (set by the memory available, {memory}); the largest: {}. Narrow the filters or the role rules (a long member list as a star), or raise the limit (max_ties) when the machine has more memory", engagements.join(", "))]
    TooManyTies {
        /// The upper bound counted.
        estimate: u64,
        /// The limit.
        limit: u64,
        /// The engagements making most pairs.
        engagements: Vec<String>,
        /// The memory budget the limit came from, in words.
        memory: String,
    },
    /// The dual projection (engagements tied by shared actors) would be
    /// too large to build.
    #[error("the actors' engagements could make up to {estimate} engagement–engagement ties, more than the limit of {limit} (set by the memory available, {memory}); the actors in most engagements: {}. Narrow the filters (dates, kinds, roles), or raise the limit (max_ties) when the machine has more memory", actors.join(", "))]
    TooManyEngagementTies {
        /// The upper bound counted.
        estimate: u64,
        /// The limit.
        limit: u64,
        /// The actors making most pairs of engagements.
        actors: Vec<String>,
        /// The memory budget the limit came from, in words.
        memory: String,
    },
    /// A map of a significance backbone that kept no tie: the sentence
    /// says so and what would change it.
    #[error("nothing to draw: {0}")]
    NothingSignificant(String),
    /// Graphviz took longer than allowed.
    #[error("Graphviz did not finish within {seconds} s")]
    GraphvizTimeout {
        /// The time allowed.
        seconds: f64,
    },
    /// A format only Graphviz can draw was asked for, and it is not
    /// installed.
    #[error("{format} maps need Graphviz (the `dot` program), which is not installed: install it (Debian: apt-get install graphviz) or write .svg or .dot")]
    GraphvizMissing {
        /// The format asked for (`png`, `pdf`).
        format: &'static str,
    },
    /// An output would replace a file verkosto did not write.
    #[error("refusing to replace {}: verkosto did not write it (the force option replaces it anyway)", path.display())]
    NotOurs {
        /// The file in the way.
        path: PathBuf,
    },
    /// The browser that prints PDFs is missing or failed.
    #[error("{0}")]
    Browser(String),
    /// An input is over a size limit set by the memory available
    /// ([`crate::memory`]).
    #[error("{place}: {what}: the limit is {limit}, set by the memory available ({memory}); give the process more memory, or split or narrow the input")]
    OverLimit {
        /// The file, and the place in it when known.
        place: String,
        /// What went over the limit.
        what: String,
        /// The limit.
        limit: u64,
        /// The memory budget the limit came from, in words.
        memory: String,
    },
    /// Two outputs of one command name the same file.
    #[error("the {first} and the {second} name the same file {}; choose two different files", path.display())]
    SameOutput {
        /// The parameter of the first output.
        first: &'static str,
        /// The parameter of the second output.
        second: &'static str,
        /// The path given.
        path: PathBuf,
    },
    /// Writing would destroy an input.
    #[error("refusing to write {}: it is one of the input files; choose another output path", path.display())]
    WouldOverwriteInput {
        /// The output path that names an input.
        path: PathBuf,
    },
}

impl Error {
    /// An [`Error::InvalidParameter`].
    pub fn invalid(name: &'static str, value: impl ToString, expected: impl Into<String>) -> Error {
        Error::InvalidParameter {
            name,
            value: value.to_string(),
            expected: expected.into(),
        }
    }
}

/// Shorthand for results of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

fn format_problems(origin: &str, problems: &[Problem]) -> String {
    let mut text = format!(
        "{} problem{} found:",
        problems.len(),
        if problems.len() == 1 { "" } else { "s" }
    );
    if !origin.is_empty() {
        text = format!("{origin}: {text}");
    }
    for p in problems {
        text.push_str("\n  ");
        if !origin.is_empty() {
            text.push_str(origin);
            text.push_str(": ");
        }
        text.push_str(&p.to_string());
    }
    text
}
