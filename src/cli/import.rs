//! `verkosto import`.

use clap::{Args, Subcommand};
use std::path::{Path, PathBuf};
use verkosto::io::csv_import::{import_csv, CsvSources};
use verkosto::io::Output;

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Build a dataset from actors.csv, participation.csv and ties.csv.
    Csv(CsvArgs),
}

#[derive(Debug, Args)]
pub struct CsvArgs {
    /// actors.csv: id,name[,kind,region,business_id,aliases,…]; other
    /// columns become attributes; aliases are separated by `;`.
    #[arg(long, value_name = "FILE")]
    pub actors: PathBuf,
    /// participation.csv: engagement_id,actor_id[,engagement_name,
    /// engagement_kind,start,end,funding_eur,part_of,role].
    #[arg(long, value_name = "FILE")]
    pub participation: Option<PathBuf>,
    /// ties.csv: source,target[,kind,weight] for direct actor–actor ties.
    #[arg(long, value_name = "FILE")]
    pub ties: Option<PathBuf>,
    /// The dataset's name (default: the actors file's directory name).
    #[arg(long)]
    pub name: Option<String>,
    /// Write the dataset JSON here (default: standard output).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(command: ImportCommand) -> anyhow::Result<()> {
    match command {
        ImportCommand::Csv(args) => {
            let name = args
                .name
                .clone()
                .unwrap_or_else(|| default_name(&args.actors));
            let dataset = import_csv(&CsvSources {
                actors: &args.actors,
                participation: args.participation.as_deref(),
                ties: args.ties.as_deref(),
                name,
            })?;
            let mut inputs: Vec<&Path> = vec![&args.actors];
            inputs.extend(args.participation.as_deref());
            inputs.extend(args.ties.as_deref());
            Output::from_arg(args.output.as_deref())
                .write(dataset.to_json().as_bytes(), &inputs)?;
            Ok(())
        }
    }
}

fn default_name(actors: &Path) -> String {
    actors
        .canonicalize()
        .ok()
        .and_then(|p| {
            p.parent()?
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
        })
        .unwrap_or_else(|| "imported dataset".into())
}
