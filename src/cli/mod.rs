//! Command-line definitions (clap) and one module per subcommand. The
//! subcommands only translate options and call the library.

mod actors;
mod backbone;
mod brokers;
mod communities;
mod compare;
mod evolution;
mod export;
mod identities;
mod import;
mod map_style;
mod merge;
mod progress;
mod projects;
mod reach;
mod render;
mod report;
mod summary;
mod ties;
mod validate;

use clap::{Args, Parser, Subcommand};
use std::path::{Path, PathBuf};
use verkosto::graph::{
    parse_list, Filter, ProjectionOptions, ProjectionWeight, RoleFilter, RoleTies,
};
use verkosto::io::Output;
use verkosto::metrics::community::{CommunityMethod, CommunityOptions};
use verkosto::model::Date;
use verkosto::render::Format;
use verkosto::views::MapSelection;
use verkosto::{AnalysisOptions, Error};

/// Stakeholder and ecosystem network analysis.
///
/// Reads a dataset of actors and the engagements (projects, workshops,
/// events…) they share, projects it into an actor–actor network and
/// reports on it. Exit codes: 0 success, 1 bad data, 2 bad usage.
#[derive(Debug, Parser)]
#[command(name = "verkosto", version, max_term_width = 100)]
pub struct Cli {
    /// Memory verkosto may use (such as 8G or 512M); every size limit
    /// follows from it. Default: 3/4 of the smallest of the cgroup limit,
    /// the address-space limit and the physical memory.
    #[arg(long, global = true, value_name = "SIZE", value_parser = parse_memory)]
    pub memory: Option<u64>,
    #[command(subcommand)]
    pub command: Command,
}

/// What `--select` keeps: the ties of a significance backbone (every
/// command), or a rule for what a map shows (render, report, compare).
#[derive(Debug, Clone, PartialEq)]
pub enum Select {
    /// `backbone:MODEL[:ALPHA[:CORRECTION]]`.
    Backbone(verkosto::graph::BackboneOptions),
    /// `repeated[:K]`, `core[:K]`, `top:N[:METRIC]` or `auto`.
    Map(MapSelection),
}

fn parse_select(text: &str) -> Result<Select, String> {
    match text.strip_prefix("backbone:") {
        Some(rule) => verkosto::graph::BackboneOptions::parse(rule)
            .map(Select::Backbone)
            .map_err(|e| e.to_string()),
        None => text.parse().map(Select::Map).map_err(|_| {
            format!(
                "{text:?} is not a selection; use backbone:MODEL[:ALPHA[:CORRECTION]] \
                 (such as backbone:sdsm:0.05), or for a map repeated[:K], core[:K], \
                 top:N[:METRIC] or auto"
            )
        }),
    }
}

fn parse_memory(text: &str) -> Result<u64, String> {
    verkosto::memory::parse_size(text)
        .filter(|&b| b >= 16 << 20)
        .ok_or_else(|| format!("{text:?} is not a size of at least 16M (such as 8G or 512M)"))
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a dataset and list every problem with its place.
    Validate(validate::ValidateArgs),
    /// Network summary: size, density, components, counts by kind.
    Summary(summary::SummaryArgs),
    /// One row per actor: centrality, brokerage, cohesion and community metrics.
    Actors(actors::ActorsArgs),
    /// Communities (Leiden or Louvain), their members, and how stable they are.
    Communities(communities::CommunitiesArgs),
    /// Who bridges whom: structural holes, brokerage roles, cut points.
    Brokers(brokers::BrokersArgs),
    /// Projected ties with the engagements behind each.
    Ties(ties::TiesArgs),
    /// Which ties are more than chance: each tie's p-value under a null
    /// model (sdsm, hypergeometric, disparity) and whether it is kept.
    Backbone(backbone::BackboneArgs),
    /// Projects: code, name, coordinator, partners, funder, period,
    /// funding, participants.
    Projects(projects::ProjectsArgs),
    /// Target groups and participants the engagements reach, by kind or
    /// region (reach is not collaboration: it makes no ties).
    Reach(reach::ReachArgs),
    /// How the network changes period by period: size, density, new,
    /// ended, persisting and repeated ties, new and returning actors.
    Evolution(evolution::EvolutionArgs),
    /// Before and after: ties formed, ended and kept, actors that changed
    /// most, new bridges, and the mixing matrix of two windows or datasets.
    Compare(compare::CompareArgs),
    /// Draw the network map: DOT, SVG, PNG or PDF.
    Render(render::RenderArgs),
    /// Write the report: report.html (self-contained), report.md, the map and CSV tables.
    Report(report::ReportArgs),
    /// Write the network for Gephi, networkx, Pajek or a spreadsheet.
    Export(export::ExportArgs),
    /// Merge datasets: one actor per organisation, one engagement per
    /// project; values that differ are kept in a `conflicts` note.
    Merge(merge::MergeArgs),
    /// Actors that may be one organisation, with the evidence, for review;
    /// --accept applies the reviewed decisions.
    Identities(identities::IdentitiesArgs),
    /// Build a dataset from other formats.
    #[command(subcommand)]
    Import(import::ImportCommand),
}

/// Runs the parsed command.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    if let Some(bytes) = cli.memory {
        verkosto::memory::set_budget(bytes);
    }
    match cli.command {
        Command::Validate(args) => validate::run(args),
        Command::Summary(args) => summary::run(args),
        Command::Actors(args) => actors::run(args),
        Command::Communities(args) => communities::run(args),
        Command::Brokers(args) => brokers::run(args),
        Command::Export(args) => export::run(args),
        Command::Render(args) => render::run(args),
        Command::Report(args) => report::run(args),
        Command::Ties(args) => ties::run(args),
        Command::Backbone(args) => backbone::run(args),
        Command::Reach(args) => reach::run(args),
        Command::Evolution(args) => evolution::run(args),
        Command::Compare(args) => compare::run(args),
        Command::Projects(args) => projects::run(args),
        Command::Import(command) => import::run(command),
        Command::Merge(args) => merge::run(args),
        Command::Identities(args) => identities::run(args),
    }
}

/// Options that decide the projection, shared by the analysis commands.
#[derive(Debug, Clone, Args)]
pub struct ProjectionArgs<End: Args + WindowEndArg = WindowEnd> {
    /// Group values that differ only in case, spacing or diacritics
    /// ("FAROE ISLANDS", "Faroe Islands") are one group, under their most
    /// common spelling. Without it such values are named in a warning.
    #[arg(long)]
    pub fold_case: bool,
    /// Tie weight: count (shared engagements), newman (1/(n−1) per shared
    /// engagement of n participants) or jaccard (shared / union).
    #[arg(long, default_value = "count", value_name = "SCHEME")]
    pub weight: ProjectionWeight,
    /// Roles whose participations count at all: `all` (default),
    /// `all-but-target`, or a comma-separated list. How each role is tied is
    /// --role-ties.
    #[arg(long, value_name = "LIST")]
    pub roles: Option<String>,
    /// How each role's participants are tied, ROLE=RULE,… on top of the
    /// defaults: clique (every pair), star (only to the lead: coordinator,
    /// else implementers), none (reached, not tied), reach (star ties of
    /// their own kind), auto (clique up to --clique-limit, star above);
    /// `all=RULE` sets every role. Defaults: coordinator, implementer,
    /// partner, trainer clique; funder, authority star; member auto;
    /// target, participant none.
    #[arg(long, value_name = "RULES")]
    pub role_ties: Option<String>,
    /// Largest member list tied as a clique under `auto` (default 8).
    #[arg(long, value_name = "N")]
    pub clique_limit: Option<usize>,
    /// Tie target groups and participants to the engagement's lead as
    /// `reach` ties (instead of no ties).
    #[arg(long)]
    pub reach: bool,
    /// Keep only engagements of these kinds (comma-separated).
    #[arg(long, value_name = "LIST")]
    pub engagement_kinds: Option<String>,
    /// Keep only actors of these kinds (comma-separated).
    #[arg(long, value_name = "LIST")]
    pub actor_kinds: Option<String>,
    /// Keep engagements that end on or after this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub from: Option<Date>,
    #[command(flatten)]
    pub end: End,
    /// Drop ties lighter than this weight.
    #[arg(long, value_name = "W")]
    pub min_weight: Option<f64>,
    /// Keep only the ties that are more than chance:
    /// backbone:MODEL[:ALPHA[:CORRECTION]], MODEL sdsm, hypergeometric or
    /// disparity, CORRECTION fdr (default), holm, bonferroni or none;
    /// α 0.05 by default (see the backbone command). On maps (render,
    /// report, compare) also: repeated[:K] (ties of at least K shared
    /// engagements; K the smallest that fits), core[:K] (the K-core),
    /// top:N[:METRIC] (the N actors highest by a metric, default degree)
    /// or auto (the default: a rule only when --max-actors is exceeded).
    #[arg(long, value_name = "RULE", value_parser = parse_select)]
    pub select: Option<Select>,
    /// Refuse networks whose engagements could make more ties than this
    /// (counted before building; default: what the memory available holds,
    /// at most 100 million).
    #[arg(long, value_name = "N")]
    pub max_ties: Option<u64>,
}

impl<End: Args + WindowEndArg> ProjectionArgs<End> {
    /// The library options; bad values are usage errors.
    pub fn options(&self) -> verkosto::Result<ProjectionOptions> {
        let options = ProjectionOptions {
            filter: Filter {
                roles: match &self.roles {
                    Some(list) => RoleFilter::parse(list)?,
                    None => RoleFilter::default(),
                },
                engagement_kinds: self
                    .engagement_kinds
                    .as_deref()
                    .map(|l| parse_list(l, "engagement_kinds"))
                    .transpose()?,
                actor_kinds: self
                    .actor_kinds
                    .as_deref()
                    .map(|l| parse_list(l, "actor_kinds"))
                    .transpose()?,
                from: self.from,
                to: self.end.date(),
                ties: self.role_ties()?,
            },
            weight: self.weight,
            min_weight: self.min_weight,
            backbone: match &self.select {
                Some(Select::Backbone(rule)) => Some(*rule),
                _ => None,
            },
            max_ties: self
                .max_ties
                .unwrap_or_else(|| verkosto::memory::budget().max_ties()),
            held: Default::default(),
        };
        options.check()?;
        Ok(options)
    }
}

impl<End: Args + WindowEndArg> ProjectionArgs<End> {
    /// The role rules: defaults, then --role-ties, --clique-limit, --reach.
    fn role_ties(&self) -> verkosto::Result<RoleTies> {
        let mut ties = match &self.role_ties {
            Some(list) => RoleTies::parse(list)?,
            None => RoleTies::default(),
        };
        if let Some(limit) = self.clique_limit {
            ties.clique_limit = limit;
        }
        Ok(if self.reach { ties.with_reach() } else { ties })
    }
}

/// The end of the time window.
pub trait WindowEndArg {
    /// The date given, if any.
    fn date(&self) -> Option<Date>;
}

/// `--to DATE` (or `--until DATE`), for the analysis commands.
#[derive(Debug, Clone, Args)]
pub struct WindowEnd {
    /// Keep engagements that start on or before this day (YYYY-MM-DD).
    #[arg(id = "to", long = "to", visible_alias = "until", value_name = "DATE")]
    pub date: Option<Date>,
}

impl WindowEndArg for WindowEnd {
    fn date(&self) -> Option<Date> {
        self.date
    }
}

/// `--until DATE`, for `export`, whose `--to` names the format.
#[derive(Debug, Clone, Args)]
pub struct UntilEnd {
    /// Keep engagements that start on or before this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub until: Option<Date>,
}

impl WindowEndArg for UntilEnd {
    fn date(&self) -> Option<Date> {
        self.until
    }
}

/// Community detection options.
#[derive(Debug, Clone, Args)]
pub struct CommunityArgs {
    /// Community detection: leiden (default) or louvain.
    #[arg(long, default_value = "leiden", value_name = "METHOD")]
    pub method: CommunityMethod,
    /// Resolution γ of modularity: above 1 gives more, smaller communities.
    #[arg(long, default_value_t = 1.0, value_name = "GAMMA")]
    pub resolution: f64,
    /// Random seed: the same seed gives the same communities (and the same
    /// sampled betweenness).
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub seed: u64,
    /// Iterations of the algorithm, each improving the last; 0 (default) =
    /// until nothing changes, or 2 on networks of more than 50,000 actors.
    /// 2 is igraph's default: faster on very large networks, slightly
    /// lower modularity.
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub iterations: usize,
}

impl CommunityArgs {
    /// The library options; a bad resolution is a usage error.
    pub fn options(&self) -> verkosto::Result<CommunityOptions> {
        if !(self.resolution.is_finite() && self.resolution > 0.0) {
            return Err(verkosto::Error::invalid(
                "resolution",
                self.resolution,
                "a positive number",
            ));
        }
        Ok(CommunityOptions {
            method: self.method,
            resolution: self.resolution,
            seed: self.seed,
            iterations: self.iterations,
        })
    }
}

/// The format of a command's results: a text format of the library, or an
/// Excel workbook of the table the CSV format holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    /// Aligned text, CSV or JSON.
    Text(Format),
    /// An Excel workbook (needs -o FILE).
    Xlsx,
}

impl std::str::FromStr for OutputFormat {
    type Err = verkosto::Error;
    fn from_str(s: &str) -> verkosto::Result<OutputFormat> {
        match s {
            "xlsx" => Ok(OutputFormat::Xlsx),
            other => other
                .parse()
                .map(OutputFormat::Text)
                .map_err(|_| verkosto::Error::invalid("format", other, "table, csv, json or xlsx")),
        }
    }
}

/// Output options shared by the commands that print results.
#[derive(Debug, Clone, Args)]
pub struct OutputArgs {
    /// Output format: table (aligned text), csv, json, or xlsx (an Excel
    /// workbook of the CSV table, with -o FILE).
    #[arg(
        long = "format",
        short = 'f',
        default_value = "table",
        value_name = "FORMAT"
    )]
    pub chosen: OutputFormat,
    /// Write to this file instead of standard output (written whole or not
    /// at all; never over an input).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

impl OutputArgs {
    /// The library format the results are rendered in (CSV for a workbook).
    pub fn format(&self) -> Format {
        match self.chosen {
            OutputFormat::Text(format) => format,
            OutputFormat::Xlsx => Format::Csv,
        }
    }

    /// Whether the output goes to standard output (no `-o`, or `-o -`).
    pub fn to_stdout(&self) -> bool {
        self.output.as_deref().is_none_or(|p| p.as_os_str() == "-")
    }

    /// Checks that a workbook has a file to go to; call before the work.
    pub fn check(&self) -> verkosto::Result<()> {
        if self.chosen == OutputFormat::Xlsx && self.to_stdout() {
            return Err(verkosto::Error::invalid(
                "format",
                "xlsx",
                "-f xlsx with -o FILE.xlsx (a workbook is not written to standard output)",
            ));
        }
        Ok(())
    }

    /// Writes what `write` makes where the user asked, as it is made (a
    /// text format only: a workbook is made whole).
    pub fn write_with(
        &self,
        inputs: &[&Path],
        write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) -> verkosto::Result<()> {
        let path = self.output.clone().unwrap_or_else(|| PathBuf::from("-"));
        let mut write = Some(write);
        verkosto::io::write_atomic_with(&path, inputs, |out| {
            let write = write.take().ok_or_else(|| verkosto::Error::Write {
                path: path.clone(),
                source: std::io::Error::other("written once"),
            })?;
            write(out).map_err(|source| verkosto::Error::Write {
                path: path.clone(),
                source,
            })
        })
    }

    /// The format to stream rows in, when the user asked for CSV or JSON:
    /// such a table is written a block of rows at a time
    /// ([`OutputArgs::write_rows`]).
    pub fn streamed(&self) -> Option<Format> {
        match self.chosen {
            OutputFormat::Text(format @ (Format::Csv | Format::Json)) => Some(format),
            _ => None,
        }
    }

    /// Writes `count` rows under `columns`, row `k` made by `row(k)`, as
    /// CSV or JSON (`format`, from [`OutputArgs::streamed`]) where the user
    /// asked, a block of rows at a time on every thread: millions of rows
    /// are never held as a table. The same bytes as the table's.
    pub fn write_rows(
        &self,
        inputs: &[&Path],
        format: Format,
        columns: &[&str],
        count: usize,
        row: impl Fn(usize) -> Vec<verkosto::render::Cell> + Sync,
    ) -> verkosto::Result<()> {
        self.write_with(inputs, |out| {
            if format == Format::Csv {
                let mut csv = verkosto::render::CsvStream::new(out, columns, false)?;
                csv.rows(count, row)?;
                csv.finish()
            } else {
                let mut json = verkosto::render::JsonStream::new(out, columns);
                json.rows(count, row)?;
                json.finish()
            }
        })
    }

    /// Writes `text` where the user asked; for a workbook, `text` is the
    /// CSV table, written as a sheet named after the file.
    pub fn write(&self, text: &str, inputs: &[&Path]) -> verkosto::Result<()> {
        self.check()?;
        let output = Output::from_arg(self.output.as_deref());
        match self.chosen {
            OutputFormat::Text(_) => output.write(text.as_bytes(), inputs),
            OutputFormat::Xlsx => {
                let sheet = self
                    .output
                    .as_deref()
                    .and_then(Path::file_stem)
                    .map_or_else(|| "table".to_string(), |s| s.to_string_lossy().into_owned());
                let bytes = verkosto::render::xlsx::workbook_from_csv(&sheet, text)?;
                output.write(&bytes, inputs)
            }
        }
    }
}

/// The analysis options of a command: its projection, community and
/// grouping options (library defaults for what the command does not take).
pub fn analysis_options<End: Args + WindowEndArg>(
    projection: &ProjectionArgs<End>,
    community: Option<&CommunityArgs>,
    group: &str,
) -> verkosto::Result<AnalysisOptions> {
    if let Some(Select::Map(rule)) = &projection.select {
        return Err(Error::invalid(
            "select",
            rule,
            "backbone:MODEL[:ALPHA[:CORRECTION]] here (repeated, core, top and auto choose what \
             a map shows: render, report and compare take them)",
        ));
    }
    map_analysis_options(projection, community, group).map(|(options, _)| options)
}

/// [`analysis_options`] for a command that draws maps, with the rule for
/// what its maps show (`--select` repeated, core, top or auto).
pub fn map_analysis_options<End: Args + WindowEndArg>(
    projection: &ProjectionArgs<End>,
    community: Option<&CommunityArgs>,
    group: &str,
) -> verkosto::Result<(AnalysisOptions, MapSelection)> {
    let selection = match &projection.select {
        Some(Select::Map(rule)) => *rule,
        _ => MapSelection::Auto,
    };
    let options = AnalysisOptions {
        projection: projection.options()?,
        community: community
            .map(CommunityArgs::options)
            .transpose()?
            .unwrap_or_default(),
        group: group.to_string(),
        fold_groups: projection.fold_case,
        ..Default::default()
    };
    Ok((options, selection))
}

/// The command-line spelling of a library parameter.
pub fn flag(parameter: &str) -> String {
    match parameter {
        "metric" => "--metrics".into(),
        "export_format" => "--to".into(),
        "map_format" => "--format".into(),
        "layout" => "--builtin".into(),
        "pagerank_alpha" => "--pagerank-alpha".into(),
        other => format!("--{}", other.replace('_', "-")),
    }
}

/// Prints a line to standard error, with control characters escaped
/// ([`verkosto::render::terminal_safe`]); a failing standard error is
/// ignored (there is nowhere left to report it), never a panic.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let text = verkosto::render::terminal_safe(&format!($($arg)*));
        let _ = writeln!(std::io::stderr(), "{text}");
    }};
}
pub(crate) use say;

/// Loads a dataset, printing its warnings to standard error.
pub fn load(path: &Path) -> verkosto::Result<verkosto::model::Dataset> {
    let (dataset, report) = verkosto::io::json::load_dataset(path)?;
    for warning in &report.warnings {
        say!("warning: {}: {warning}", path.display());
    }
    Ok(dataset)
}
