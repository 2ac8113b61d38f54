//! networkx node-link JSON, streamed.

use super::{all_node_columns, check_columns, tie_engagements, write_failed, written, NodeColumns};
use crate::error::Result;
use crate::graph::Projection;
use crate::render::{float_value, Cell};
use serde_json::{json, Map, Value};

/// networkx node-link JSON (`networkx.node_link_graph(data, edges="edges")`).
///
/// # Errors
///
/// As [`node_link_to`].
pub fn node_link(projection: &Projection<'_>, extra: &NodeColumns) -> Result<String> {
    written(|out| node_link_to(projection, extra, out))
}

/// A sequence serialised from an iterator made when it is written, so a
/// list of millions of ties is never held whole.
struct Lazy<F>(F);

impl<F, I> serde::Serialize for Lazy<F>
where
    F: Fn() -> I,
    I: Iterator,
    I::Item: serde::Serialize,
{
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        serializer.collect_seq((self.0)())
    }
}

/// Writes networkx node-link JSON to `out` as it is made: one node or tie
/// at a time (the same bytes as [`node_link`]).
///
/// # Errors
///
/// [`crate::Error::InvalidParameter`] for node columns of the wrong length;
/// [`crate::Error::Write`] when `out` fails.
pub fn node_link_to(
    projection: &Projection<'_>,
    extra: &NodeColumns,
    out: &mut dyn std::io::Write,
) -> Result<()> {
    check_columns(projection, extra)?;
    let columns = all_node_columns(projection, extra);
    let nodes = Lazy(|| {
        (0..projection.actor_count()).map(|a| {
            let mut node = Map::new();
            node.insert(
                "id".into(),
                Value::String(projection.actor(a).id.to_string()),
            );
            for column in &columns {
                let cell = column.cell(a);
                if !matches!(cell, Cell::Empty) {
                    node.insert(column.name.clone(), cell.to_json());
                }
            }
            Value::Object(node)
        })
    });
    let edges = Lazy(|| {
        projection.ties().iter().enumerate().map(|(t, tie)| {
            json!({
                "source": projection.actor(tie.source as usize).id,
                "target": projection.actor(tie.target as usize).id,
                "weight": float_value(tie.weight),
                "shared": projection.shared(tie),
                "engagements": tie_engagements(projection, t, tie),
                "first_seen": projection.tie_span(tie).0.map(|d| d.to_string()),
                "last_seen": projection.tie_span(tie).1.map(|d| d.to_string()),
            })
        })
    });
    #[derive(serde::Serialize)]
    struct Graph<'a> {
        name: &'a str,
    }
    #[derive(serde::Serialize)]
    struct Document<'a, N: serde::Serialize, E: serde::Serialize> {
        directed: bool,
        multigraph: bool,
        graph: Graph<'a>,
        nodes: N,
        edges: E,
    }
    let document = Document {
        directed: false,
        multigraph: false,
        graph: Graph {
            name: &projection.two_mode().dataset().name,
        },
        nodes,
        edges,
    };
    let fail = write_failed("node-link JSON");
    serde_json::to_writer_pretty(&mut *out, &document).map_err(|e| fail(e.into()))?;
    out.write_all(b"\n").map_err(fail)
}
