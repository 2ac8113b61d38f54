//! The network and the dataset as tables: CSV files and the Excel workbook.

use super::{
    all_node_columns, check_columns, tie_engagements, write_failed, NodeColumn, NodeColumns,
};
use crate::error::Result;
use crate::graph::Projection;
use crate::model::Dataset;
use crate::render::table::CsvStream;
use crate::render::Cell;
use crate::render::{Sheet, Table};
use serde_json::Value;

/// The nodes and ties tables of an export: nodes (id, then the actor
/// columns and `extra`) and ties (source, target, weight, shared,
/// engagements, first_seen, last_seen).
///
/// # Errors
///
/// A metric column of `extra` whose length is not the number of actors.
pub fn network_tables(projection: &Projection<'_>, extra: &NodeColumns) -> Result<(Table, Table)> {
    let nodes = nodes_table(projection, extra)?;
    let mut ties = Table::new(&TIE_COLUMNS);
    for t in 0..projection.tie_count() {
        ties.push(tie_row(projection, t));
    }
    Ok((nodes, ties))
}

/// The nodes table of an export.
fn nodes_table(projection: &Projection<'_>, extra: &NodeColumns) -> Result<Table> {
    check_columns(projection, extra)?;
    let columns = all_node_columns(projection, extra);
    let mut nodes = Table::new(&node_column_names(&columns));
    for a in 0..projection.actor_count() {
        nodes.push(node_row(projection, &columns, a));
    }
    Ok(nodes)
}

/// The nodes table's header: `id`, then `columns`.
fn node_column_names<'c>(columns: &'c [NodeColumn<'_>]) -> Vec<&'c str> {
    let mut names = vec!["id"];
    names.extend(columns.iter().map(|c| c.name.as_str()));
    names
}

/// Actor `a` as a row of the nodes table.
fn node_row(projection: &Projection<'_>, columns: &[NodeColumn<'_>], a: usize) -> Vec<Cell> {
    let mut row = vec![Cell::Text(projection.actor(a).id.clone())];
    row.extend(columns.iter().map(|c| c.cell(a)));
    row
}

/// The columns of an export's ties table.
const TIE_COLUMNS: [&str; 7] = [
    "source",
    "target",
    "weight",
    "shared",
    "engagements",
    "first_seen",
    "last_seen",
];

/// Tie `t` as a row of the ties table.
fn tie_row(projection: &Projection<'_>, t: usize) -> Vec<Cell> {
    let tie = projection.tie(t);
    let (first, last) = projection.tie_span(tie);
    vec![
        Cell::Text(projection.actor(tie.source as usize).id.clone()),
        Cell::Text(projection.actor(tie.target as usize).id.clone()),
        Cell::Float(tie.weight),
        (projection.shared(tie) as usize).into(),
        Cell::list(tie_engagements(projection, t, tie)),
        first.into(),
        last.into(),
    ]
}

/// `nodes.csv` of an export. Cells that a spreadsheet would run as
/// formulas are neutralised. With `excel`, written for Excel with Finnish
/// settings ([`Table::to_csv_excel`]).
///
/// # Errors
///
/// As [`network_tables`].
pub fn nodes_csv(projection: &Projection<'_>, extra: &NodeColumns, excel: bool) -> Result<String> {
    let nodes = nodes_table(projection, extra)?;
    Ok(if excel {
        nodes.to_csv_excel()
    } else {
        nodes.to_csv()
    })
}

/// `nodes.csv` of an export, written to `out` in blocks of rows (the
/// same bytes as [`nodes_csv`]), so that the nodes are never held as a
/// table.
///
/// # Errors
///
/// [`crate::Error::InvalidParameter`] for a metric column of `extra` whose
/// length is not the number of actors, before anything is written;
/// [`crate::Error::Write`] when writing to `out` fails.
pub fn write_nodes_csv(
    projection: &Projection<'_>,
    extra: &NodeColumns,
    out: &mut dyn std::io::Write,
    excel: bool,
) -> Result<()> {
    check_columns(projection, extra)?;
    let columns = all_node_columns(projection, extra);
    let fail = write_failed("nodes.csv");
    let mut csv = CsvStream::new(out, &node_column_names(&columns), excel).map_err(fail)?;
    csv.rows(projection.actor_count(), |a| {
        node_row(projection, &columns, a)
    })
    .map_err(fail)?;
    csv.finish().map_err(fail)
}

/// `ties.csv` of an export, written to `out` a tie at a time (the same
/// bytes as the ties table's CSV), so that millions of ties are never held
/// as a table.
///
/// # Errors
///
/// What writing to `out` returns.
pub fn write_ties_csv(
    projection: &Projection<'_>,
    out: &mut dyn std::io::Write,
    excel: bool,
) -> std::io::Result<()> {
    let mut csv = CsvStream::new(out, &TIE_COLUMNS, excel)?;
    csv.rows(projection.tie_count(), |t| tie_row(projection, t))?;
    csv.finish()
}

/// A JSON attribute value as a cell: numbers numeric, yes/no boolean,
/// the rest text.
fn value_cell(value: &Value) -> Cell {
    match value {
        Value::Null => Cell::Empty,
        Value::Bool(b) => Cell::Bool(*b),
        Value::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => Cell::Int(i),
            (None, Some(f)) => Cell::Float(f),
            _ => Cell::Text(n.to_string().into()),
        },
        Value::String(s) => Cell::from(s.as_str()),
        other => Cell::Text(other.to_string().into()),
    }
}

/// The dataset as the tables the importers read: actors (id, name, kind,
/// region, business_id, aliases joined by `;`, then one column per
/// attribute), engagements (id, name, kind, start, end, funding_eur,
/// part_of, then attributes), participation (engagement_id, actor_id,
/// role) and ties (source, target, kind, weight).
pub fn dataset_tables(dataset: &Dataset) -> Vec<(&'static str, Table)> {
    let rows = DatasetRows::new(dataset);
    rows.sheets()
        .into_iter()
        .map(|(name, columns, len, row)| {
            let mut table = Table::new(&columns);
            for k in 0..len {
                table.push(row(k));
            }
            (name, table)
        })
        .collect()
}

/// One table of [`DatasetRows`]: its name, columns, number of rows and
/// row maker.
type DatasetSheet<'r> = (
    &'static str,
    Vec<&'r str>,
    usize,
    Box<dyn Fn(usize) -> Vec<Cell> + 'r>,
);

/// The rows of [`dataset_tables`], each made when asked for, so that the
/// workbook of a dataset of hundreds of thousands of actors never holds
/// its tables whole.
struct DatasetRows<'d> {
    dataset: &'d Dataset,
    /// The actors' attribute names, sorted…
    actor_extra: Vec<String>,
    /// …and the engagements'.
    engagement_extra: Vec<String>,
    /// Each participation as (engagement, participant) positions, in
    /// engagement order.
    participations: Vec<(u32, u32)>,
}

impl<'d> DatasetRows<'d> {
    fn new(dataset: &'d Dataset) -> DatasetRows<'d> {
        let attribute_names = |all: &mut dyn Iterator<Item = &String>| -> Vec<String> {
            let mut names: Vec<String> = all.cloned().collect();
            names.sort();
            names.dedup();
            names
        };
        let actor_extra =
            attribute_names(&mut dataset.actors.iter().flat_map(|a| a.attributes().keys()));
        let engagement_extra = attribute_names(
            &mut dataset
                .engagements
                .iter()
                .flat_map(|e| e.attributes().keys()),
        );
        let participations = dataset
            .engagements
            .iter()
            .enumerate()
            .flat_map(|(e, x)| (0..x.participants.len()).map(move |p| (e as u32, p as u32)))
            .collect();
        DatasetRows {
            dataset,
            actor_extra,
            engagement_extra,
            participations,
        }
    }

    /// The four tables: actors, engagements, participation and ties.
    fn sheets(&self) -> Vec<DatasetSheet<'_>> {
        let mut actor_columns = vec!["id", "name", "kind", "region", "business_id", "aliases"];
        actor_columns.extend(self.actor_extra.iter().map(String::as_str));
        let mut engagement_columns = crate::model::ENGAGEMENT_SCALAR_FIELDS.to_vec();
        engagement_columns.extend(self.engagement_extra.iter().map(String::as_str));
        let dataset = self.dataset;
        vec![
            (
                "actors",
                actor_columns,
                dataset.actors.len(),
                Box::new(|k| self.actor_row(k)),
            ),
            (
                "engagements",
                engagement_columns,
                dataset.engagements.len(),
                Box::new(|k| self.engagement_row(k)),
            ),
            (
                "participation",
                vec!["engagement_id", "actor_id", "role"],
                self.participations.len(),
                Box::new(|k| self.participation_row(k)),
            ),
            (
                "ties",
                vec!["source", "target", "kind", "weight"],
                dataset.ties.len(),
                Box::new(|k| self.tie_row(k)),
            ),
        ]
    }

    fn actor_row(&self, k: usize) -> Vec<Cell> {
        let a = &self.dataset.actors[k];
        let mut row = vec![
            Cell::Text(a.id.clone()),
            Cell::Text(a.name.clone()),
            Cell::Text(a.kind.as_str().into()),
            a.region().map_or(Cell::Empty, |s| Cell::Text(s.into())),
            a.business_id()
                .map_or(Cell::Empty, |s| Cell::Text(s.into())),
            if a.aliases().is_empty() {
                Cell::Empty
            } else {
                Cell::Text(a.aliases().join("; ").into())
            },
        ];
        row.extend(
            self.actor_extra
                .iter()
                .map(|k| a.attributes().get(k).map_or(Cell::Empty, value_cell)),
        );
        row
    }

    fn engagement_row(&self, k: usize) -> Vec<Cell> {
        let e = &self.dataset.engagements[k];
        let mut row = vec![
            Cell::Text(e.id.clone()),
            Cell::Text(e.name.clone()),
            Cell::Text(e.kind.as_str().into()),
            e.start.into(),
            e.end.into(),
            e.funding_eur().map_or(Cell::Empty, Cell::Float),
            e.part_of().map_or(Cell::Empty, |s| Cell::Text(s.into())),
        ];
        row.extend(
            self.engagement_extra
                .iter()
                .map(|k| e.attributes().get(k).map_or(Cell::Empty, value_cell)),
        );
        row
    }

    fn participation_row(&self, k: usize) -> Vec<Cell> {
        let (e, p) = self.participations[k];
        let e = &self.dataset.engagements[e as usize];
        let p = &e.participants[p as usize];
        vec![
            Cell::Text(e.id.clone()),
            Cell::Text(p.actor.clone()),
            Cell::Text(p.role.as_str().into()),
        ]
    }

    fn tie_row(&self, k: usize) -> Vec<Cell> {
        let t = &self.dataset.ties[k];
        vec![
            Cell::Text(t.source.clone()),
            Cell::Text(t.target.clone()),
            t.kind
                .as_ref()
                .map_or(Cell::Empty, |s| Cell::Text(s.clone())),
            Cell::Float(t.weight),
        ]
    }
}

/// The Excel workbook `export --to xlsx` writes: the dataset's tables
/// ([`dataset_tables`], read back by `import xlsx`) and the network's
/// `network_nodes` and `network_ties` ([`network_tables`]).
///
/// # Errors
///
/// As [`network_tables`] and [`crate::render::workbook`].
pub fn xlsx_workbook(
    dataset: &Dataset,
    projection: &Projection<'_>,
    extra: &NodeColumns,
) -> Result<Vec<u8>> {
    let mut out = std::io::Cursor::new(Vec::new());
    xlsx_workbook_to(dataset, projection, extra, &mut out)?;
    Ok(out.into_inner())
}

/// [`xlsx_workbook`] written to `out` as it is made: no sheet's rows and
/// not the compressed workbook are held whole in memory.
///
/// # Errors
///
/// As [`xlsx_workbook`]; a failed write is [`crate::Error::Write`].
pub fn xlsx_workbook_to(
    dataset: &Dataset,
    projection: &Projection<'_>,
    extra: &NodeColumns,
    out: impl std::io::Write + std::io::Seek + Send,
) -> Result<()> {
    check_columns(projection, extra)?;
    // Every sheet's rows are made as they are written: the dataset's
    // tables and millions of ties are never held whole.
    let rows = DatasetRows::new(dataset);
    let columns = all_node_columns(projection, extra);
    let names = node_column_names(&columns);
    let mut sheets: Vec<Sheet<'_>> = rows
        .sheets()
        .into_iter()
        .map(|(name, columns, len, row)| Sheet::new(name, &columns, len, row))
        .collect();
    sheets.push(Sheet::new(
        "network_nodes",
        &names,
        projection.actor_count(),
        |a| node_row(projection, &columns, a),
    ));
    sheets.push(Sheet::new(
        "network_ties",
        &TIE_COLUMNS,
        projection.tie_count(),
        |t| tie_row(projection, t),
    ));
    crate::render::workbook_to(&sheets, out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::ProjectionOptions;

    /// A dataset of `n` actors in projects of three, with regions,
    /// attributes and a business id on some of them.
    fn dataset(n: usize) -> crate::model::Dataset {
        let actors: Vec<String> = (0..n)
            .map(|a| {
                let extra = match a % 3 {
                    0 => r#", "region": "Lappi", "attributes": {"city": "Oulu", "staff": 12}"#,
                    1 if a == 1 => r#", "business_id": "1097805-3""#,
                    _ => "",
                };
                format!(r#"{{"id": "a{a}", "name": "Actor; \"{a}\"", "kind": "firm"{extra}}}"#)
            })
            .collect();
        let engagements: Vec<String> = (0..n / 3)
            .map(|e| {
                let members: Vec<String> = (0..3)
                    .map(|k| format!(r#"{{"actor": "a{}"}}"#, 3 * e + k))
                    .collect();
                format!(
                    r#"{{"id": "e{e}", "name": "E", "participants": [{}]}}"#,
                    members.join(", ")
                )
            })
            .collect();
        let text = format!(
            r#"{{"name": "d", "actors": [{}], "engagements": [{}]}}"#,
            actors.join(", "),
            engagements.join(", ")
        );
        crate::io::json::parse_dataset(&text, "d.json").unwrap().0
    }

    #[test]
    fn streamed_nodes_are_the_nodes_table() {
        for size in [1, 7, 20_000] {
            let dataset = dataset(size);
            let projection = Projection::new(&dataset, &ProjectionOptions::default()).unwrap();
            let n = projection.actor_count();
            let extra: NodeColumns = vec![(
                "score".to_string(),
                (0..n).map(|a| Cell::Float(a as f64 / 3.0)).collect(),
            )];
            for excel in [false, true] {
                let whole = nodes_csv(&projection, &extra, excel).unwrap();
                let mut streamed = Vec::new();
                write_nodes_csv(&projection, &extra, &mut streamed, excel).unwrap();
                assert_eq!(
                    String::from_utf8(streamed).unwrap(),
                    whole,
                    "{n} actors, {excel}"
                );
                assert_eq!(whole.lines().count(), n + 1);
            }
            let short: NodeColumns = vec![("score".to_string(), vec![Cell::Int(1)])];
            let mut out = Vec::new();
            if n > 1 {
                let e = write_nodes_csv(&projection, &short, &mut out, false).unwrap_err();
                assert!(e.to_string().contains("one value per actor"), "{e}");
                assert!(out.is_empty());
            }
        }
    }
}
