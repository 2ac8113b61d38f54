//! # verkosto — stakeholder and ecosystem network analysis
//!
//! verkosto models the actors that regional development documents describe
//! (municipalities, universities, firms, authorities, regional councils,
//! development companies, clusters…) and the engagements that link them
//! (projects, workshops, events, study trips, trainings), and analyses the
//! resulting network.
//!
//! The layers, each depending only on those before it:
//!
//! - [`model`]: the [`model::Dataset`] and its validation;
//! - [`io`]: loading JSON, writing files safely, running Graphviz;
//! - [`import`]: CSV tables and project descriptions into a dataset;
//! - [`graph`]: the one CSR type ([`graph::Csr`]), the two-mode graph, the
//!   actor projection (`count`, `newman`, `jaccard` weights, with
//!   provenance), the dual projection, filters;
//! - [`metrics`]: the algorithms — centrality, clustering, structural holes,
//!   brokerage, k-cores, cohesion, mixing, communities — and their result
//!   types; [`algo`] runs each on any petgraph graph;
//! - [`render`]: writers that turn results into tables, DOT, SVG, HTML and
//!   exports, and compute nothing;
//! - [`analysis`]: the [`Analysis`] — a dataset and options, results
//!   computed lazily and once, caveats as data;
//! - [`views`]: the results put into words in one language — tables,
//!   findings, warnings, map models and the report.
//!
//! The manual (what every number means, the data formats, maps, report,
//! correctness and speed) is the book in the repository's `docs/`.
//!
//! ```
//! use verkosto::{Analysis, AnalysisOptions, Metric};
//! let text = r#"{"name": "demo",
//!   "actors": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}, {"id": "c", "name": "C"}],
//!   "engagements": [{"id": "p", "name": "P", "participants": [{"actor": "a"}, {"actor": "b"}, {"actor": "c"}]}]}"#;
//! let (dataset, _) = verkosto::io::json::parse_dataset(text, "demo").unwrap();
//! let analysis = Analysis::new(&dataset, AnalysisOptions::default()).unwrap();
//! assert_eq!(analysis.summary().unwrap().ties, 3);
//! ```
#![warn(missing_docs)]

pub mod algo;
pub mod analysis;
pub mod counters;
pub mod error;
pub mod graph;
pub mod import;
pub mod io;
pub mod lang;
mod lang_report;
pub mod memory;
pub mod metrics;
pub mod model;
mod named;
pub mod render;
mod rng;
pub mod text;
pub mod views;

pub use analysis::{Analysis, AnalysisOptions};
pub use error::{Error, Result};
pub use metrics::Metric;

/// The Rust blocks of the README and of the manual in `docs/src`, run as
/// doctests so that what they show keeps working.
#[cfg(doctest)]
mod manual {
    #[doc = include_str!("../README.md")]
    struct Readme;
    #[doc = include_str!("../docs/src/library.md")]
    struct Library;
}
