//! The network and the dataset as tables: CSV files and the Excel workbook.

use super::{all_node_columns, check_columns, tie_engagements, NodeColumns};
use crate::error::Result;
use crate::graph::Projection;
use crate::model::Dataset;
use crate::render::table::CsvStream;
use crate::render::Cell;
use crate::render::Table;
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
    let mut names = vec!["id"];
    names.extend(columns.iter().map(|c| c.name.as_str()));
    let mut nodes = Table::new(&names);
    for a in 0..projection.actor_count() {
        let mut row = vec![Cell::Text(projection.actor(a).id.clone())];
        row.extend(columns.iter().map(|c| c.cell(a)));
        nodes.push(row);
    }
    Ok(nodes)
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
    let tie = projection.ties()[t];
    let (first, last) = projection.tie_span(t);
    vec![
        Cell::Text(projection.actor(tie.source as usize).id.clone()),
        Cell::Text(projection.actor(tie.target as usize).id.clone()),
        Cell::Float(tie.weight),
        (tie.shared as usize).into(),
        Cell::list(tie_engagements(projection, t)),
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
    let attribute_names = |all: &mut dyn Iterator<Item = &String>| -> Vec<String> {
        let mut names: Vec<String> = all.cloned().collect();
        names.sort();
        names.dedup();
        names
    };
    let actor_extra = attribute_names(&mut dataset.actors.iter().flat_map(|a| a.attributes.keys()));
    let mut columns = vec!["id", "name", "kind", "region", "business_id", "aliases"];
    columns.extend(actor_extra.iter().map(String::as_str));
    let mut actors = Table::new(&columns);
    for a in &dataset.actors {
        let mut row = vec![
            Cell::Text(a.id.clone()),
            Cell::Text(a.name.clone()),
            Cell::Text(a.kind.clone()),
            a.region
                .as_ref()
                .map_or(Cell::Empty, |s| Cell::Text(s.clone())),
            a.business_id
                .as_ref()
                .map_or(Cell::Empty, |s| Cell::Text(s.clone())),
            if a.aliases.is_empty() {
                Cell::Empty
            } else {
                Cell::Text(a.aliases.join("; ").into())
            },
        ];
        row.extend(
            actor_extra
                .iter()
                .map(|k| a.attributes.get(k).map_or(Cell::Empty, value_cell)),
        );
        actors.push(row);
    }
    let engagement_extra =
        attribute_names(&mut dataset.engagements.iter().flat_map(|e| e.attributes.keys()));
    let mut columns = crate::model::ENGAGEMENT_SCALAR_FIELDS.to_vec();
    columns.extend(engagement_extra.iter().map(String::as_str));
    let mut engagements = Table::new(&columns);
    let mut participation = Table::new(&["engagement_id", "actor_id", "role"]);
    for e in &dataset.engagements {
        let mut row = vec![
            Cell::Text(e.id.clone()),
            Cell::Text(e.name.clone()),
            Cell::Text(e.kind.clone()),
            e.start.into(),
            e.end.into(),
            e.funding_eur.map_or(Cell::Empty, Cell::Float),
            e.part_of
                .as_ref()
                .map_or(Cell::Empty, |s| Cell::Text(s.clone())),
        ];
        row.extend(
            engagement_extra
                .iter()
                .map(|k| e.attributes.get(k).map_or(Cell::Empty, value_cell)),
        );
        engagements.push(row);
        for p in &e.participants {
            participation.push(vec![
                Cell::Text(e.id.clone()),
                Cell::Text(p.actor.clone()),
                Cell::Text(p.role.clone()),
            ]);
        }
    }
    let mut ties = Table::new(&["source", "target", "kind", "weight"]);
    for t in &dataset.ties {
        ties.push(vec![
            Cell::Text(t.source.clone()),
            Cell::Text(t.target.clone()),
            t.kind
                .as_ref()
                .map_or(Cell::Empty, |s| Cell::Text(s.clone())),
            Cell::Float(t.weight),
        ]);
    }
    vec![
        ("actors", actors),
        ("engagements", engagements),
        ("participation", participation),
        ("ties", ties),
    ]
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
    let mut sheets = dataset_tables(dataset);
    let (nodes, ties) = network_tables(projection, extra)?;
    sheets.push(("network_nodes", nodes));
    sheets.push(("network_ties", ties));
    let refs: Vec<(&str, &Table)> = sheets.iter().map(|(n, t)| (*n, t)).collect();
    crate::render::workbook(&refs)
}
