//! `verkosto import`.

use clap::{Args, Subcommand};
use std::path::{Path, PathBuf};
use verkosto::import::columns::{import_mapped, ColumnMapping};
use verkosto::import::cordis::import_cordis;
use verkosto::import::csv::{
    import_csv_with, parse_delimiter, CsvEncoding, CsvOptions, CsvSources,
};
use verkosto::import::descriptions::{descriptions_to_dataset, parse_description};
use verkosto::import::keep_eu::import_keep_eu;
use verkosto::import::merge::{merge_into, MergeInput};
use verkosto::import::xlsx::import_xlsx;
use verkosto::io::{read_input, Output};
use verkosto::model::Dataset;

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Build a dataset from actors.csv, participation.csv and ties.csv.
    Csv(CsvArgs),
    /// Build a dataset from an Excel workbook with the CSV importer's tables
    /// as sheets: actors, participation, and optional engagements and ties.
    Xlsx(XlsxArgs),
    /// Build a dataset from a keep.eu export as downloaded: the workbook
    /// (sheets "Projects (lead partners)", "Partners", "Calls") or the
    /// Partners sheet saved as CSV.
    KeepEu(KeepEuArgs),
    /// Build a dataset from CORDIS (Horizon) open data: organization.csv
    /// and project.csv, `;`-separated as published.
    Cordis(CordisArgs),
    /// Build a dataset from EU structural-fund project descriptions (the
    /// structured fields: code, name, period, authority, applicant, target
    /// area, funding; no personal data).
    Descriptions(DescriptionArgs),
}

#[derive(Debug, Args)]
pub struct KeepEuArgs {
    /// The export: keep.eu's .xlsx, or its Partners sheet as .csv.
    pub file: PathBuf,
    /// The dataset's name (default: the file's name).
    #[arg(long)]
    pub name: Option<String>,
    #[command(flatten)]
    pub into: IntoArgs,
    /// Write the dataset JSON here (default: standard output).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CordisArgs {
    /// organization.csv: one row an organisation in a project.
    #[arg(long, value_name = "FILE")]
    pub organizations: PathBuf,
    /// project.csv: the projects' acronyms, titles, dates and funding.
    #[arg(long, value_name = "FILE")]
    pub projects: Option<PathBuf>,
    /// The dataset's name (default: "CORDIS").
    #[arg(long, default_value = "CORDIS")]
    pub name: String,
    #[command(flatten)]
    pub into: IntoArgs,
    /// Write the dataset JSON here (default: standard output).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct DescriptionArgs {
    /// The description files (UTF-8 text, with or without BOM).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Add to this dataset: its actors and aliases are matched first, and
    /// projects it already holds are left as they are.
    #[arg(long, value_name = "DATASET")]
    pub into: Option<PathBuf>,
    /// The new dataset's name (without --into).
    #[arg(long, default_value = "Imported project descriptions")]
    pub name: String,
    /// Write the dataset JSON here (default: standard output).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// List every organisation found in the free text, with its sentence,
    /// whether it matched a known actor, and the role it got (on standard
    /// error; on standard output when -o is given).
    #[arg(long)]
    pub review: bool,
}

#[derive(Debug, Args)]
pub struct XlsxArgs {
    /// The workbook (.xlsx).
    pub file: PathBuf,
    /// The dataset's name (default: the workbook's file name).
    #[arg(long)]
    pub name: Option<String>,
    #[command(flatten)]
    pub into: IntoArgs,
    /// Write the dataset JSON here (default: standard output).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Adding what was imported to an existing dataset.
#[derive(Debug, Args)]
pub struct IntoArgs {
    /// Merge into this dataset (as `verkosto merge DATASET IMPORTED`):
    /// actors matched by business id, name or alias, engagements by id or
    /// by name and dates; the dataset's name is kept.
    #[arg(long, value_name = "DATASET")]
    pub into: Option<PathBuf>,
}

impl IntoArgs {
    /// The imported dataset, merged into --into when given; reports every
    /// value the merge did not keep.
    fn apply(&self, imported: Dataset, origin: &str) -> anyhow::Result<Dataset> {
        let Some(path) = &self.into else {
            return Ok(imported);
        };
        let (merged, conflicts) = merge_into(
            MergeInput {
                origin: path.display().to_string(),
                dataset: super::load(path)?,
            },
            MergeInput {
                origin: origin.to_string(),
                dataset: imported,
            },
        )?;
        for line in conflicts {
            super::say!("conflict: {line}");
        }
        Ok(merged)
    }
}

#[derive(Debug, Args)]
pub struct CsvArgs {
    /// With --columns: the table of participations (CSV, or .xlsx).
    #[arg(requires = "columns")]
    pub table: Option<PathBuf>,
    /// A column mapping (TOML) for any table of participations, one row an
    /// organisation in an engagement: which columns key and name the
    /// engagement and the organisation, the role values, date and amount
    /// columns, attributes. Examples in mappings/.
    #[arg(long, value_name = "MAPPING.toml", requires = "table", conflicts_with_all = ["actors", "engagements", "participation", "ties"])]
    pub columns: Option<PathBuf>,
    /// actors.csv: id,name[,kind,region,business_id,aliases,…]; other
    /// columns become attributes; aliases are separated by `;`.
    #[arg(long, value_name = "FILE", required_unless_present = "columns")]
    pub actors: Option<PathBuf>,
    /// engagements.csv: id[,name,kind,start,end,funding_eur,part_of,…];
    /// other columns become attributes.
    #[arg(long, value_name = "FILE")]
    pub engagements: Option<PathBuf>,
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
    /// Field separator: `,`, `;` or tab (default: detected from the header).
    #[arg(long, value_name = "SEP", value_parser = parse_delimiter)]
    pub delimiter: Option<u8>,
    /// Text encoding: utf-8 or windows-1252 / iso-8859-1 (default: UTF-8
    /// when the bytes are UTF-8, else Windows-1252, with a note).
    #[arg(long, value_name = "ENCODING")]
    pub encoding: Option<CsvEncoding>,
    #[command(flatten)]
    pub into: IntoArgs,
    /// Write the dataset JSON here (default: standard output).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(command: ImportCommand) -> anyhow::Result<()> {
    match command {
        ImportCommand::Descriptions(args) => descriptions(args),
        ImportCommand::Csv(args) if args.columns.is_some() => mapped(args),
        ImportCommand::Csv(args) => {
            let actors = args.actors.clone().unwrap_or_default();
            let name = args.name.clone().unwrap_or_else(|| default_name(&actors));
            let imported = import_csv_with(
                &CsvSources {
                    actors: &actors,
                    engagements: args.engagements.as_deref(),
                    participation: args.participation.as_deref(),
                    ties: args.ties.as_deref(),
                    name,
                },
                &CsvOptions {
                    delimiter: args.delimiter,
                    encoding: args.encoding,
                },
            )?;
            let mut inputs: Vec<&Path> = vec![&actors];
            inputs.extend(args.engagements.as_deref());
            inputs.extend(args.participation.as_deref());
            inputs.extend(args.ties.as_deref());
            finish(imported, &args.into, &inputs, args.output.as_deref())
        }
        ImportCommand::KeepEu(args) => {
            let name = args.name.clone().unwrap_or_else(|| file_stem(&args.file));
            let imported = import_keep_eu(&args.file, &name)?;
            finish(imported, &args.into, &[&args.file], args.output.as_deref())
        }
        ImportCommand::Cordis(args) => {
            let imported =
                import_cordis(&args.organizations, args.projects.as_deref(), &args.name)?;
            let mut inputs: Vec<&Path> = vec![&args.organizations];
            inputs.extend(args.projects.as_deref());
            finish(imported, &args.into, &inputs, args.output.as_deref())
        }
        ImportCommand::Xlsx(args) => {
            let name = args.name.clone().unwrap_or_else(|| file_stem(&args.file));
            let imported = import_xlsx(&args.file, &name)?;
            finish(imported, &args.into, &[&args.file], args.output.as_deref())
        }
    }
}

/// Prints an importer's notes, merges into --into when given, and writes
/// the dataset (the first of `inputs` names its origin in conflicts).
fn finish(
    (dataset, notes): (Dataset, Vec<String>),
    into: &IntoArgs,
    inputs: &[&Path],
    output: Option<&Path>,
) -> anyhow::Result<()> {
    for note in notes {
        super::say!("note: {note}");
    }
    let origin = inputs
        .first()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    let dataset = into.apply(dataset, &origin)?;
    let mut all = inputs.to_vec();
    all.extend(into.into.as_deref());
    Output::from_arg(output).write(dataset.to_json().as_bytes(), &all)?;
    Ok(())
}

/// `import descriptions`: every file read (a file that fails is reported
/// and the others imported), the review printed when asked.
fn descriptions(args: DescriptionArgs) -> anyhow::Result<()> {
    let mut descriptions = Vec::new();
    let mut failed = Vec::new();
    for file in &args.files {
        let parsed = read_input(file).and_then(|(origin, text)| parse_description(&text, &origin));
        match parsed {
            Ok(d) => {
                for note in &d.notes {
                    super::say!("note: {note}");
                }
                descriptions.push(d)
            }
            Err(e) => {
                super::say!("error: {e}");
                failed.push(file.display().to_string());
            }
        }
    }
    if descriptions.is_empty() {
        // Nothing imported: write nothing.
        return Err(verkosto::Error::Import {
            problems: vec![verkosto::model::Problem::new(
                "import".to_string(),
                format!(
                    "none of the {} files could be imported ({}); nothing was written",
                    args.files.len(),
                    failed.join(", ")
                ),
            )],
        }
        .into());
    }
    let into = match &args.into {
        Some(path) => Some(super::load(path)?),
        None => None,
    };
    let (dataset, candidates) = descriptions_to_dataset(&descriptions, into, &args.name)?;
    if args.review {
        print_review(&candidates, args.output.is_some())?;
    }
    let mut inputs: Vec<&Path> = args.files.iter().map(PathBuf::as_path).collect();
    inputs.extend(args.into.as_deref());
    Output::from_arg(args.output.as_deref()).write(dataset.to_json().as_bytes(), &inputs)?;
    if !failed.is_empty() {
        anyhow::bail!(
            "{} of {} files could not be imported ({}); the others were",
            failed.len(),
            args.files.len(),
            failed.join(", ")
        );
    }
    Ok(())
}

/// The review of what the free text named: on standard output when the
/// dataset goes to a file, else on standard error.
fn print_review(
    candidates: &[verkosto::import::descriptions::Candidate],
    to_stdout: bool,
) -> anyhow::Result<()> {
    let mut table = verkosto::render::Table::new(&[
        "file", "project", "role", "found", "actor", "status", "sentence",
    ]);
    for c in candidates {
        let status = match (c.new, c.added, &c.merged_from) {
            _ if c.missed => "missed: not found as an organisation".to_string(),
            (true, _, _) => "new actor".to_string(),
            (false, true, _) => "matched".to_string(),
            (false, false, Some(before)) => {
                format!("roles merged: {before} → {}", c.role)
            }
            (false, false, None) => "matched, already taking part".to_string(),
        };
        table.push(vec![
            c.origin.as_str().into(),
            c.project.as_str().into(),
            c.role.as_str().into(),
            c.text.as_str().into(),
            c.actor.as_str().into(),
            status.into(),
            c.sentence.as_str().into(),
        ]);
    }
    let text = table.to_text();
    if to_stdout {
        Output::Stdout.write(text.as_bytes(), &[])?;
    } else {
        use std::io::Write as _;
        let _ = std::io::stderr().write_all(text.as_bytes());
    }
    Ok(())
}

/// `import csv TABLE --columns MAPPING.toml`.
fn mapped(args: CsvArgs) -> anyhow::Result<()> {
    let (Some(table), Some(columns)) = (&args.table, &args.columns) else {
        anyhow::bail!("--columns needs the table to read");
    };
    let (origin, text) = read_input(columns)?;
    let mapping = ColumnMapping::from_toml(&text, &origin)?;
    let name = args.name.clone().unwrap_or_else(|| file_stem(table));
    let (dataset, notes) = import_mapped(
        table,
        &mapping,
        &CsvOptions {
            delimiter: args.delimiter,
            encoding: args.encoding,
        },
        &name,
    )?;
    finish(
        (dataset, notes),
        &args.into,
        &[table, columns],
        args.output.as_deref(),
    )
}

/// A file's name without its extension, as a dataset's name.
fn file_stem(path: &Path) -> String {
    path.file_stem().map_or_else(
        || "imported dataset".into(),
        |s| s.to_string_lossy().into_owned(),
    )
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
