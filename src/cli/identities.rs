//! `verkosto identities`.

use super::OutputArgs;
use clap::Args;
use std::path::{Path, PathBuf};
use verkosto::import::identities::{apply, candidates, merged_at_import, read_decisions};
use verkosto::io::Output;

#[derive(Debug, Args)]
pub struct IdentitiesArgs {
    /// The dataset (JSON).
    pub file: PathBuf,
    /// Apply reviewed decisions: the list this command writes (CSV or
    /// xlsx) with its decision column filled in — `merge` on the rows of
    /// a cluster that are one organisation; anything else keeps them
    /// apart. Writes the dataset with those actors merged.
    #[arg(long, value_name = "DECISIONS")]
    pub accept: Option<PathBuf>,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(args: IdentitiesArgs) -> anyhow::Result<()> {
    let dataset = super::load(&args.file)?;
    match &args.accept {
        Some(decisions) => {
            let merges = read_decisions(decisions)?;
            let merged = apply(&dataset, &merges)?;
            super::say!(
                "merged {} groups: {} actors → {}",
                merges.len(),
                dataset.actors.len(),
                merged.actors.len()
            );
            let inputs: Vec<&Path> = vec![&args.file, decisions];
            Output::from_arg(args.output.output.as_deref())
                .write(merged.to_json().as_bytes(), &inputs)?;
        }
        None => {
            let found = candidates(&dataset);
            let table =
                verkosto::views::identities_table(&dataset, &found, &merged_at_import(&dataset));
            let text = match args.output.format() {
                verkosto::render::Format::Csv => table.to_csv(),
                verkosto::render::Format::Json => {
                    serde_json::to_string_pretty(&table.to_json_value())? + "\n"
                }
                verkosto::render::Format::Table => table.to_text(),
            };
            args.output.write(&text, &[&args.file])?;
        }
    }
    Ok(())
}
