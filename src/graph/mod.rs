//! Graphs built from a dataset: the two-mode graph, the actor–actor
//! projection and the engagement–engagement (dual) projection.
//!
//! Pipeline: [`Filter`] → [`TwoModeGraph`] → [`Projection`] (or
//! [`DualProjection`]). Positions of actors and engagements follow id order,
//! so all output is deterministic.

mod adjacency;
pub mod backbone;
mod comembership;
mod csr;
mod dual;
mod filter;
mod projection;
mod two_mode;

pub use adjacency::Adjacency;
pub(crate) use adjacency::{on_adjacency, WeightList};
pub use backbone::{
    backbone, Backbone, BackboneModel, BackboneOptions, BackboneSummary, Correction, TieTest,
};
pub(crate) use csr::entry;
pub use csr::{Csr, Intersection, Rows, Weight};
pub use dual::{DualProjection, EngagementTie};
pub use filter::{
    effective_dates, parse_list, Filter, ProjectionWeight, RoleFilter, RoleRule, RoleTies, TieRule,
    DEFAULT_CLIQUE_LIMIT, ONE_DAY_KINDS, UNROLED,
};
pub use projection::{
    ProjectedTie, Projection, ProjectionOptions, TieIter, TieKey, Ties, TiesHeld, DEFAULT_MAX_TIES,
    MAX_HELD_TIES,
};
pub use two_mode::{TwoModeGraph, TwoModeNode};
