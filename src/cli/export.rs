//! `verkosto export`.

use super::{CommunityArgs, ProjectionArgs, UntilEnd};
use clap::Args;
use std::path::PathBuf;
use verkosto::io::{
    write_all_atomic_with, write_atomic, write_atomic_seekable, write_atomic_with, FileWriter,
};
use verkosto::render::export::{
    gexf_to, graphml_to, node_link_to, pajek, write_nodes_csv, write_ties_csv, xlsx_workbook_to,
    ExportFormat, NodeColumns,
};
use verkosto::render::Cell;
use verkosto::Analysis;

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The dataset (JSON); `-` reads standard input.
    pub file: PathBuf,
    /// graphml, gexf (Gephi), pajek, node-link (networkx JSON), csv, or
    /// xlsx (an Excel workbook: the dataset's tables, which `import xlsx`
    /// reads back, and the network's nodes and ties).
    #[arg(long, value_name = "FORMAT")]
    pub to: ExportFormat,
    /// Output file; for csv a directory that receives nodes.csv and ties.csv.
    #[arg(long, short = 'o', value_name = "PATH")]
    pub output: PathBuf,
    /// Add every per-actor metric as a node attribute (not for pajek).
    #[arg(long)]
    pub with_metrics: bool,
    /// With --to csv: write for Excel with Finnish settings (byte-order
    /// mark, `;`, CRLF, decimal commas).
    #[arg(long)]
    pub excel: bool,
    /// With --to csv: replace files in the directory that verkosto did not
    /// write.
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub community: CommunityArgs,
    #[command(flatten)]
    pub projection: ProjectionArgs<UntilEnd>,
}

pub fn run(args: ExportArgs) -> anyhow::Result<()> {
    let mut options = super::analysis_options(&args.projection, Some(&args.community), "kind")?;
    if !args.with_metrics {
        // The network is written out, not walked: each tie is held once.
        options.projection.held = verkosto::graph::TiesHeld::Once;
    }
    if args.excel && args.to != ExportFormat::Csv {
        return Err(verkosto::Error::invalid("excel", "--excel", "--to csv with --excel").into());
    }
    let dataset = super::load(&args.file)?;
    let analysis = Analysis::new(&dataset, options)?;
    let projection = analysis.projection();
    let mut extra: NodeColumns = Vec::new();
    if args.with_metrics {
        let table = analysis.metrics(&[])?;
        for (metric, values) in table.columns.iter().zip(table.values) {
            extra.push((
                metric.name().to_string(),
                values.into_iter().map(Cell::from).collect(),
            ));
        }
    }
    let inputs = [args.file.as_path()];
    match args.to {
        ExportFormat::GraphMl => write_atomic_with(&args.output, &inputs, |out| {
            graphml_to(projection, &extra, out).map_err(|e| at_output(e, &args.output))
        })?,
        ExportFormat::Gexf => write_atomic_with(&args.output, &inputs, |out| {
            gexf_to(projection, &extra, out).map_err(|e| at_output(e, &args.output))
        })?,
        ExportFormat::Pajek => write_atomic(&args.output, pajek(projection).as_bytes(), &inputs)?,
        ExportFormat::NodeLink => write_atomic_with(&args.output, &inputs, |out| {
            node_link_to(projection, &extra, out).map_err(|e| at_output(e, &args.output))
        })?,
        ExportFormat::Csv => {
            // Nodes and ties are written as they are made: millions of
            // them are never held as a table.
            let (nodes_path, ties_path) =
                (args.output.join("nodes.csv"), args.output.join("ties.csv"));
            let excel = args.excel;
            let extra = &extra;
            let files: Vec<(String, FileWriter<'_>)> = vec![
                (
                    "nodes.csv".to_string(),
                    Box::new(move |out: &mut dyn std::io::Write| {
                        write_nodes_csv(projection, extra, out, excel)
                            .map_err(|e| at_output(e, &nodes_path))
                    }),
                ),
                (
                    "ties.csv".to_string(),
                    Box::new(move |out: &mut dyn std::io::Write| {
                        write_ties_csv(projection, out, excel).map_err(|source| {
                            verkosto::Error::Write {
                                path: ties_path.clone(),
                                source,
                            }
                        })
                    }),
                ),
            ];
            write_all_atomic_with(&args.output, files, &inputs, args.force)?;
        }
        ExportFormat::Xlsx => write_atomic_seekable(&args.output, &inputs, |out| {
            xlsx_workbook_to(&dataset, projection, &extra, out)
                .map_err(|e| at_output(e, &args.output))
        })?,
    }
    Ok(())
}

/// A writer's error naming the output file instead of the format.
fn at_output(error: verkosto::Error, output: &std::path::Path) -> verkosto::Error {
    match error {
        verkosto::Error::Write { source, .. } => verkosto::Error::Write {
            path: output.to_path_buf(),
            source,
        },
        other => other,
    }
}
