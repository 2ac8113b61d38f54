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
//! - [`io`]: loading JSON, importing CSV, writing files safely;
//! - [`graph`]: the two-mode graph, the actor projection (`count`, `newman`,
//!   `jaccard` weights, with provenance), the dual projection, filters;
//! - [`metrics`]: centrality (degree, strength, betweenness, closeness,
//!   harmonic, eigenvector, PageRank, Katz), clustering, structural holes,
//!   brokerage, k-cores, cohesion, mixing, communities, the summary;
//! - [`render`]: tables as text, CSV and JSON.
//!
//! ```
//! use verkosto::graph::{Projection, ProjectionOptions};
//! use verkosto::metrics::{summarize, SummaryOptions};
//!
//! let text = r#"{"name": "demo",
//!   "actors": [{"id": "kouvola", "name": "Kouvolan kaupunki", "kind": "municipality"},
//!              {"id": "xamk", "name": "Kaakkois-Suomen ammattikorkeakoulu", "kind": "university_of_applied_sciences"}],
//!   "engagements": [{"id": "A75739", "name": "Talenttimagneetti",
//!     "participants": [{"actor": "kouvola", "role": "coordinator"}, {"actor": "xamk", "role": "partner"}]}]}"#;
//! let (dataset, _warnings) = verkosto::io::json::parse_dataset(text, "demo.json").unwrap();
//! let projection = Projection::new(&dataset, &ProjectionOptions::default()).unwrap();
//! let summary = summarize(&projection, &SummaryOptions::default()).unwrap();
//! assert_eq!((summary.actors, summary.ties, summary.density), (2, 1, 1.0));
//! ```

#![warn(missing_docs)]

pub mod error;
pub mod graph;
pub mod io;
pub mod metrics;
pub mod model;
pub mod render;

pub use error::{Error, Result};
