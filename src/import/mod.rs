//! Importers that build a dataset from what people have: CSV tables
//! ([`csv`]) and EU structural-fund project descriptions
//! ([`descriptions`]), whose free text is read with a gazetteer of Finnish
//! organisations ([`gazetteer`]).

pub mod columns;
pub mod cordis;
pub mod csv;
pub mod descriptions;
pub mod gazetteer;
pub mod identities;
pub mod identity;
pub mod keep_eu;
pub mod merge;
pub mod names;
pub mod privacy;
pub mod register;
mod registry;
pub mod roles;
pub mod xlsx;
