//! Integration tests: one binary, a temporary directory per test, the real
//! `verkosto` binary.

mod analysis;
mod backbone;
mod cli;
mod descriptions;
mod determinism;
mod docs;
mod evolution;
mod exports;
mod fuzz;
mod golden;
mod importers;
mod language;
mod maps;
mod memory;
mod merge;
mod metrics_reference;
mod outputs;
mod properties;
mod reference;
mod report;
mod role_ties;
mod scale;
mod seed;
mod spreadsheets;
mod util;
mod workbooks;
