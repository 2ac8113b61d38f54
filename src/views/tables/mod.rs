//! The tables of the `actors`, `brokers`, `communities` and `ties`
//! commands, built from an [`Analysis`]'s results.

mod actors;
mod brokers;
mod communities;
mod reach;
mod sorts;
mod ties;

pub use actors::{actor_rows, actor_table, ActorRows};
pub use brokers::{broker_rows, broker_table, BrokerRows, BROKER_COLUMNS};
pub use communities::communities_text;
pub use reach::reach_table;
pub use sorts::{ActorSort, ActorTableOptions, BrokerSort, TieSort};
pub use ties::{dual_tie_table, tie_rows, tie_table, TieRows, TIE_COLUMNS};
