//! `verkosto validate`.

use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// The dataset (JSON); `-` reads standard input.
    pub file: PathBuf,
}

pub fn run(args: ValidateArgs) -> anyhow::Result<()> {
    let dataset = super::load(&args.file)?;
    let line = format!(
        "{}: valid: {} actors, {} engagements, {} participations, {} direct ties\n",
        if args.file.as_os_str() == "-" {
            "<stdin>".to_string()
        } else {
            args.file.display().to_string()
        },
        dataset.actors.len(),
        dataset.engagements.len(),
        dataset.participation_count(),
        dataset.ties.len()
    );
    verkosto::io::Output::Stdout.write(line.as_bytes(), &[])?;
    // The process ends here: freeing a large dataset piece by piece would
    // only cost time.
    std::mem::forget(dataset);
    Ok(())
}
