//! Integration tests: one binary, a temporary directory per test, the real
//! `verkosto` binary.

mod cli;
mod descriptions;
mod determinism;
mod exports;
mod maps;
mod metrics_reference;
mod properties;
mod reference;
mod report;
mod seed;
mod util;
