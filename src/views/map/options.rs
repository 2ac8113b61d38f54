//! What a map shows: its options.

use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::metrics::Metric;

/// Which actors get labels.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Labels {
    /// The ego, every coordinator, and the most central actors of each
    /// component (the default).
    #[default]
    Auto,
    /// The ego and coordinators, then the most central actors of the
    /// components in turn, N labels in all.
    Top(usize),
    /// Every actor.
    All,
    /// None.
    None,
    /// These actors (ids), and the ego.
    Ids(Vec<String>),
}

impl std::str::FromStr for Labels {
    type Err = Error;
    fn from_str(s: &str) -> Result<Labels> {
        match s.trim() {
            "auto" => Ok(Labels::Auto),
            "all" => Ok(Labels::All),
            "none" => Ok(Labels::None),
            other => match other.strip_prefix("top:") {
                Some(n) => n
                    .parse()
                    .map(Labels::Top)
                    .map_err(|_| Error::invalid("labels", s, "top:N, all, none, auto or ID,ID,…")),
                None if !other.is_empty() => Ok(Labels::Ids(
                    other
                        .split(',')
                        .map(|i| i.trim().to_string())
                        .filter(|i| !i.is_empty())
                        .collect(),
                )),
                None => Err(Error::invalid(
                    "labels",
                    s,
                    "top:N, all, none, auto or ID,ID,…",
                )),
            },
        }
    }
}

/// What the map shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, strum::IntoStaticStr, strum::VariantArray)]
#[strum(serialize_all = "kebab-case")]
pub enum MapMode {
    /// The actor–actor network.
    #[default]
    Projection,
    /// Actors and engagements as different shapes, linked by role.
    TwoMode,
}

impl std::str::FromStr for MapMode {
    type Err = Error;
    fn from_str(s: &str) -> Result<MapMode> {
        crate::named::parse("mode", s)
    }
}

/// What colours the actors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ColorBy {
    /// The community of the analysis' partition.
    Community,
    /// An actor attribute: `kind` (the default), `region`, or any other.
    Attribute(String),
}

impl Default for ColorBy {
    fn default() -> Self {
        ColorBy::Attribute("kind".into())
    }
}

impl std::str::FromStr for ColorBy {
    type Err = Error;

    fn from_str(s: &str) -> Result<ColorBy> {
        match s.trim() {
            "" => Err(Error::invalid(
                "color_by",
                s,
                "community, kind, region or an attribute name",
            )),
            "community" => Ok(ColorBy::Community),
            other => Ok(ColorBy::Attribute(other.to_string())),
        }
    }
}

impl std::fmt::Display for ColorBy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ColorBy::Community => f.write_str("community"),
            ColorBy::Attribute(key) => f.write_str(key),
        }
    }
}

/// Which boxes group the actors on the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, strum::IntoStaticStr, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum ClusterBy {
    /// No boxes (the default).
    #[default]
    None,
    /// One box per community.
    Community,
    /// One box per actor kind.
    Kind,
}

impl std::str::FromStr for ClusterBy {
    type Err = Error;

    fn from_str(s: &str) -> Result<ClusterBy> {
        crate::named::parse("cluster_by", s)
    }
}

/// Which actors and ties a map shows (`--select`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MapSelection {
    /// Everyone while at most `max_actors`; above, the repeated
    /// collaboration that fits, else the core of the collaboration in
    /// projects of fewer than 30 partners, else the densest k-core.
    #[default]
    Auto,
    /// Ties of at least k shared engagements and the actors they join;
    /// `None`: the smallest k ≥ 2 at which at most `max_actors` are left.
    Repeated(Option<u32>),
    /// The actors of the k-core (each with at least k ties inside it);
    /// `None`: the smallest k at which at most `max_actors` are left.
    Core(Option<usize>),
    /// The `count` actors highest by `metric` (ties by position) and the
    /// ties among them.
    Top {
        /// How many actors.
        count: usize,
        /// Ranked by this metric.
        metric: Metric,
    },
}

impl std::str::FromStr for MapSelection {
    type Err = Error;

    /// `auto`, `repeated`, `repeated:K`, `core`, `core:K`, `top:N` or
    /// `top:N:METRIC`.
    fn from_str(s: &str) -> Result<MapSelection> {
        let bad = || {
            Error::invalid(
                "select",
                s,
                "auto, repeated[:K], core[:K] or top:N[:METRIC]",
            )
        };
        let mut parts = s.trim().split(':');
        let rule = parts.next().unwrap_or_default();
        let number = |part: Option<&str>| -> Result<Option<usize>> {
            part.map(|p| {
                p.trim()
                    .parse::<usize>()
                    .ok()
                    .filter(|&k| k >= 1)
                    .ok_or_else(bad)
            })
            .transpose()
        };
        let selection = match rule {
            "auto" => MapSelection::Auto,
            "repeated" => MapSelection::Repeated(
                number(parts.next())?
                    .map(|k| u32::try_from(k).map_err(|_| bad()))
                    .transpose()?,
            ),
            "core" => MapSelection::Core(number(parts.next())?),
            "top" => MapSelection::Top {
                count: number(parts.next())?.ok_or_else(bad)?,
                metric: match parts.next() {
                    Some(m) => m.trim().parse()?,
                    None => Metric::Degree,
                },
            },
            _ => return Err(bad()),
        };
        match parts.next() {
            Some(_) => Err(bad()),
            None => Ok(selection),
        }
    }
}

impl std::fmt::Display for MapSelection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MapSelection::Auto => f.write_str("auto"),
            MapSelection::Repeated(None) => f.write_str("repeated"),
            MapSelection::Repeated(Some(k)) => write!(f, "repeated:{k}"),
            MapSelection::Core(None) => f.write_str("core"),
            MapSelection::Core(Some(k)) => write!(f, "core:{k}"),
            MapSelection::Top { count, metric } => write!(f, "top:{count}:{metric}"),
        }
    }
}

/// Options of [`map`](crate::views::map()).
#[derive(Debug, Clone, PartialEq)]
pub struct MapOptions {
    /// What colours the actors.
    pub color_by: ColorBy,
    /// The metric that sizes the actors.
    pub size_by: Metric,
    /// Which labels to show.
    pub labels: Labels,
    /// Boxes around groups.
    pub cluster_by: ClusterBy,
    /// Projection or two-mode.
    pub mode: MapMode,
    /// Only this actor's neighbourhood: (id, radius in ties).
    pub ego: Option<(String, usize)>,
    /// Show at most this many actors; above, the repeated collaboration
    /// that fits (ties of at least k shared engagements), else the densest
    /// k-core that fits, is shown and a note says what was hidden.
    pub max_actors: usize,
    /// What a map shows of a larger network (`--select`).
    pub select: MapSelection,
    /// Engagements of at least this many participants are drawn as one
    /// node with a line to each shown member, not as the clique of their
    /// ties (`--hubs`); `None` draws every tie.
    pub hubs: Option<usize>,
    /// Place actors at their municipality (else their region) on a map of
    /// Finland; actors without either are left out, and the caption says
    /// how many.
    pub geo: bool,
    /// A map of groups instead of actors: one node per value of this
    /// attribute (`region`, `kind`, `country`…), lines by the ties between
    /// groups.
    pub aggregate: Option<String>,
    /// Title (default: the dataset's name).
    pub title: Option<String>,
    /// The language of legend, caption and tooltips.
    pub lang: Lang,
}

impl Default for MapOptions {
    fn default() -> Self {
        MapOptions {
            color_by: ColorBy::default(),
            size_by: Metric::Degree,
            labels: Labels::Auto,
            cluster_by: ClusterBy::None,
            mode: MapMode::Projection,
            ego: None,
            max_actors: 400,
            select: MapSelection::Auto,
            hubs: None,
            geo: false,
            aggregate: None,
            title: None,
            lang: Lang::default(),
        }
    }
}
