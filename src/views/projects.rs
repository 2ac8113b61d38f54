//! Projects and money, and what the filters left out: the tables a funder
//! reads next to the network figures.

use crate::analysis::{ActorIds, Analysis};
use crate::lang::Lang;
use crate::model::Engagement;
use crate::render::{Cell, Table};
use std::collections::{BTreeMap, BTreeSet, HashMap};

fn names_in(
    analysis: &Analysis<'_>,
    index: &ActorIds<'_>,
    engagement: &Engagement,
    roles: &[&str],
) -> Vec<String> {
    let dataset = analysis.dataset();
    engagement
        .participants
        .iter()
        .filter(|p| roles.contains(&p.role.as_str()))
        .filter_map(|p| index.get(p.actor.as_str()))
        .map(|a| dataset.actors[a].name.to_string())
        .collect()
}

/// One row per project: code, name, kind, coordinator, implementers
/// and partners, funder and authority, period (in `lang`'s date
/// format), funding in euros, participants and activities (engagements
/// `part_of` it).
pub fn projects_table<'a>(analysis: &Analysis<'a>, lang: Lang) -> Table {
    let rows = project_rows(analysis, lang);
    let mut table = Table {
        columns: rows.columns(),
        rows: Vec::with_capacity(rows.len()),
    };
    for k in 0..rows.len() {
        table.rows.push(rows.row(k));
    }
    table
}

/// The rows of [`projects_table`], each made when asked for, so that
/// hundreds of thousands of projects can be written row by row instead of
/// held as a table.
pub struct ProjectRows<'a, 'd> {
    analysis: &'a Analysis<'d>,
    lang: Lang,
    index: ActorIds<'d>,
    /// The number of engagements `part_of` each engagement that has any.
    activities: HashMap<&'d str, usize>,
    /// The projects, as two-mode engagement positions, in row order.
    projects: Vec<usize>,
}

/// [`projects_table`]'s rows.
pub fn project_rows<'a, 'd>(analysis: &'a Analysis<'d>, lang: Lang) -> ProjectRows<'a, 'd> {
    let dataset = analysis.dataset();
    let mut activities: HashMap<&'d str, usize> = HashMap::new();
    for x in &dataset.engagements {
        if let Some(parent) = x.part_of() {
            *activities.entry(parent).or_default() += 1;
        }
    }
    ProjectRows {
        analysis,
        lang,
        index: analysis.actor_index(),
        activities,
        projects: analysis.projects(),
    }
}

impl ProjectRows<'_, '_> {
    /// The column names in the rows' language.
    pub fn columns(&self) -> Vec<String> {
        [
            "code",
            "name",
            "engagement_kind",
            "coordinator",
            "implementers",
            "funder",
            "period",
            "funding",
            "participants",
            "activities",
        ]
        .iter()
        .map(|c| self.lang.text(&format!("col.{c}")).to_string())
        .collect()
    }

    /// The number of rows.
    pub fn len(&self) -> usize {
        self.projects.len()
    }

    /// Whether there is no row.
    pub fn is_empty(&self) -> bool {
        self.projects.is_empty()
    }

    /// Row `k`; `k` must be below [`ProjectRows::len`].
    pub fn row(&self, k: usize) -> Vec<Cell> {
        let (analysis, lang, index) = (self.analysis, self.lang, &self.index);
        let graph = analysis.projection().two_mode();
        let e = self.projects[k];
        let engagement = graph.engagement(e);
        let period = match graph.dates(e) {
            (Some(a), Some(b)) => format!("{} – {}", lang.date(a), lang.date(b)),
            (Some(a), None) => format!("{} –", lang.date(a)),
            (None, Some(b)) => format!("– {}", lang.date(b)),
            (None, None) => String::new(),
        };
        let activities = self
            .activities
            .get(engagement.id.as_str())
            .copied()
            .unwrap_or(0);
        vec![
            engagement.id.as_str().into(),
            engagement.name.as_str().into(),
            lang.engagement_kind(&engagement.kind).into(),
            Cell::list(names_in(analysis, index, engagement, &["coordinator"])),
            Cell::list(names_in(
                analysis,
                index,
                engagement,
                &["implementer", "partner"],
            )),
            Cell::list(names_in(
                analysis,
                index,
                engagement,
                &["funder", "authority"],
            )),
            Cell::Text(period.into()),
            engagement.funding_eur().map_or(Cell::Empty, Cell::Float),
            engagement.participants.len().into(),
            activities.into(),
        ]
    }
}

/// The funding table per actor (see [`Analysis::funding`]).
pub fn funding_table<'a>(analysis: &Analysis<'a>, lang: Lang) -> Table {
    let dataset = analysis.dataset();
    let mut table = people_table(
        lang,
        &["actor", "kind", "region", "projects", "involved", "share"],
    );
    for (a, n, involved, share) in analysis.funding() {
        let actor = &dataset.actors[a];
        table.rows.push(vec![
            actor.name.as_str().into(),
            lang.kind(&actor.kind).into(),
            actor.region().unwrap_or_default().into(),
            n.into(),
            Cell::Float(involved),
            Cell::Float(share),
        ]);
    }
    table
}

/// The funding shares summed by actor kind (`by_kind`) or region.
pub fn funding_by_group<'a>(analysis: &Analysis<'a>, lang: Lang, by_kind: bool) -> Table {
    let dataset = analysis.dataset();
    let mut groups: BTreeMap<String, (usize, f64)> = BTreeMap::new();
    for (a, _, _, share) in analysis.funding() {
        let actor = &dataset.actors[a];
        let key = if by_kind {
            lang.kind(&actor.kind)
        } else {
            actor.region().unwrap_or("–").to_string()
        };
        let g = groups.entry(key).or_default();
        g.0 += 1;
        g.1 += share;
    }
    let mut rows: Vec<(String, (usize, f64))> = groups.into_iter().collect();
    rows.sort_by(|x, y| y.1 .1.total_cmp(&x.1 .1).then(x.0.cmp(&y.0)));
    let mut table = people_table(
        lang,
        &[if by_kind { "kind" } else { "region" }, "actor", "share"],
    );
    table.columns[1] = lang.text("sum.actors").to_string();
    for (group, (n, share)) in rows {
        table
            .rows
            .push(vec![group.into(), n.into(), Cell::Float(share)]);
    }
    table
}

/// Everything the filters left out, grouped by reason: (what, reason,
/// names).
pub fn left_out_table<'a>(analysis: &Analysis<'a>, lang: Lang) -> Table {
    let dataset = analysis.dataset();
    let mut groups: BTreeMap<(u8, String), Vec<String>> = BTreeMap::new();
    for a in 0..dataset.actors.len() {
        if let Some(reason) = analysis.left_out(a) {
            groups
                .entry((0, lang.text(reason.key()).to_string()))
                .or_default()
                .push(dataset.actors[a].name.to_string());
        }
    }
    let graph = analysis.projection().two_mode();
    let filter = graph.filter();
    let kept: BTreeSet<&str> = (0..graph.engagement_count())
        .map(|e| graph.engagement(e).id.as_str())
        .collect();
    for e in &dataset.engagements {
        if kept.contains(e.id.as_str()) {
            continue;
        }
        let reason = if filter
            .engagement_kinds
            .as_ref()
            .is_some_and(|k| !k.contains(e.kind.as_str()))
        {
            "left.engagement_kind"
        } else {
            "left.engagement_window"
        };
        groups
            .entry((1, lang.text(reason).to_string()))
            .or_default()
            .push(format!("{} ({})", e.name, e.id));
    }
    let mut table = people_table(lang, &["kind", "reason", "size", "items"]);
    for ((what, reason), mut names) in groups {
        names.sort();
        table.rows.push(vec![
            lang.text(if what == 0 {
                "left.actors"
            } else {
                "left.engagements"
            })
            .into(),
            reason.into(),
            names.len().into(),
            Cell::list(names),
        ]);
    }
    table
}

/// A table whose columns are translated `col.*` keys.
pub(crate) fn people_table(lang: Lang, keys: &[&str]) -> Table {
    Table {
        columns: keys
            .iter()
            .map(|k| lang.text(&format!("col.{k}")).to_string())
            .collect(),
        rows: Vec::new(),
    }
}
