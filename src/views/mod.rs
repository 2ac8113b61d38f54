//! Views: an [`Analysis`](crate::Analysis)'s results put into words for a
//! reader in one language — tables, findings, warnings, the projects and
//! money tables, map models and the report.
//!
//! Every view is a short free function of `&Analysis` (and a language or
//! options): it computes nothing the analysis has not cached, and writes no
//! bytes; [`crate::render`] turns what it returns into files.
//!
//! ```
//! use verkosto::{views, Analysis, AnalysisOptions, Metric};
//! use verkosto::lang::Lang;
//! let text = r#"{"name": "demo",
//!   "actors": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}, {"id": "c", "name": "C"}],
//!   "engagements": [{"id": "p", "name": "P", "participants": [{"actor": "a"}, {"actor": "b"}]},
//!                   {"id": "q", "name": "Q", "participants": [{"actor": "b"}, {"actor": "c"}]}]}"#;
//! let (dataset, _) = verkosto::io::json::parse_dataset(text, "demo").unwrap();
//! let analysis = Analysis::new(&dataset, AnalysisOptions::default()).unwrap();
//! let findings = views::findings(&analysis, Lang::Fi).unwrap();
//! assert!(!findings.is_empty());
//! let warnings = views::warnings(&analysis, &[Metric::Degree], Lang::En).unwrap();
//! assert!(warnings.iter().all(|w| !w.message.is_empty()));
//! ```

mod backbone;
pub mod compare;
mod evolution;
mod filters;
pub(crate) mod findings;
mod identities;
pub mod map;
pub(crate) mod projects;
pub mod report;
pub(crate) mod tables;
pub(crate) mod warnings;

pub use backbone::{
    backbone_caption, backbone_line, backbone_methods, backbone_rows, backbone_table,
    backbone_verdict, BackboneRows, BACKBONE_COLUMNS,
};
pub use evolution::{evolution_table, EVOLUTION_COLUMNS};
pub use filters::filter_text;
pub use findings::{findings, Finding};
pub use identities::identities_table;
pub use map::{map, ClusterBy, ColorBy, Labels, MapMode, MapOptions, MapSelection};
pub use projects::{
    funding_by_group, funding_table, left_out_table, project_rows, projects_table, ProjectRows,
};
pub use report::{report, ReportFile, ReportOptions};
pub use tables::{
    actor_rows, actor_table, broker_rows, broker_table, communities_text, dual_tie_table,
    reach_table, tie_rows, tie_table, ActorRows, ActorSort, ActorTableOptions, BrokerRows,
    BrokerSort, TieRows, TieSort, BROKER_COLUMNS, TIE_COLUMNS,
};
pub use warnings::{summary_warnings, warning, warnings};
