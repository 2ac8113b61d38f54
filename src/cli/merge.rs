//! `verkosto merge`.

use clap::Args;
use std::path::{Path, PathBuf};
use verkosto::import::merge::{merge, MergeInput};
use verkosto::io::Output;

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The datasets (JSON), two or more.
    #[arg(required = true, num_args = 2..)]
    pub files: Vec<PathBuf>,
    /// The merged dataset's name (default: the inputs' name when they
    /// share one, else their names joined by " + ").
    #[arg(long)]
    pub name: Option<String>,
    /// Write the merged dataset here (default: standard output).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(args: MergeArgs) -> anyhow::Result<()> {
    let mut inputs = Vec::with_capacity(args.files.len());
    for file in &args.files {
        inputs.push(MergeInput {
            origin: file.display().to_string(),
            dataset: super::load(file)?,
        });
    }
    let (dataset, conflicts) = merge(&inputs, args.name.as_deref())?;
    for line in &conflicts {
        super::say!("conflict: {line}");
    }
    let paths: Vec<&Path> = args.files.iter().map(PathBuf::as_path).collect();
    Output::from_arg(args.output.as_deref()).write(dataset.to_json().as_bytes(), &paths)?;
    Ok(())
}
