//! Projects and money, and what the filters left out: the tables a funder
//! reads next to the network figures.

use super::Analysis;
use crate::lang::Lang;
use crate::model::Engagement;
use crate::render::{Cell, Table};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Why an actor of the dataset is not in the network.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum LeftOut {
    /// Its kind is not among the actor kinds kept.
    Kind,
    /// It takes part in no engagement and has no direct tie.
    Nothing,
    /// All its engagements are outside the time window or the kinds kept.
    Window,
    /// The role filter leaves out all its roles.
    Roles,
    /// It is only reached (target group or participant).
    Reached,
    /// Its other roles make no ties under the role rules.
    Rules,
}

impl LeftOut {
    /// The translation key of the reason.
    pub fn key(self) -> &'static str {
        match self {
            LeftOut::Kind => "left.kind",
            LeftOut::Nothing => "left.nothing",
            LeftOut::Window => "left.window",
            LeftOut::Roles => "left.roles",
            LeftOut::Reached => "left.reached",
            LeftOut::Rules => "left.rules",
        }
    }
}

/// Roles that lead a project's work.
const LEADS: &[&str] = &["coordinator", "implementer"];

impl<'a> Analysis<'a> {
    /// Why the dataset's actor `a` (index into `dataset.actors`) is not in
    /// the network, or `None` when it is.
    pub fn left_out(&self, a: usize) -> Option<LeftOut> {
        let dataset = self.dataset();
        let actor = &dataset.actors[a];
        let graph = self.projection().two_mode();
        if graph.actor_position(&actor.id).is_some() {
            return None;
        }
        let filter = graph.filter();
        if filter
            .actor_kinds
            .as_ref()
            .is_some_and(|k| !k.contains(actor.kind.as_str()))
        {
            return Some(LeftOut::Kind);
        }
        let kept: BTreeSet<&str> = (0..graph.engagement_count())
            .map(|e| graph.engagement(e).id.as_str())
            .collect();
        let roles: Vec<(&str, &str)> = dataset
            .engagements
            .iter()
            .flat_map(|e| {
                e.participants
                    .iter()
                    .filter(|p| p.actor == actor.id)
                    .map(move |p| (e.id.as_str(), p.role.as_str()))
            })
            .collect();
        Some(if roles.is_empty() {
            LeftOut::Nothing
        } else if !roles.iter().any(|(e, _)| kept.contains(e)) {
            LeftOut::Window
        } else if !roles.iter().any(|(_, r)| filter.roles.admits(r)) {
            LeftOut::Roles
        } else if roles
            .iter()
            .all(|(_, r)| ["target", "participant"].contains(r))
        {
            LeftOut::Reached
        } else {
            LeftOut::Rules
        })
    }

    /// The top-level engagements of the network (those not `part_of` a
    /// kept engagement), in id order, as positions.
    fn projects(&self) -> Vec<usize> {
        let graph = self.projection().two_mode();
        let kept: BTreeSet<&str> = (0..graph.engagement_count())
            .map(|e| graph.engagement(e).id.as_str())
            .collect();
        (0..graph.engagement_count())
            .filter(|&e| {
                graph
                    .engagement(e)
                    .part_of
                    .as_deref()
                    .is_none_or(|p| !kept.contains(p))
            })
            .collect()
    }

    fn names_in(
        &self,
        index: &HashMap<&str, usize>,
        engagement: &Engagement,
        roles: &[&str],
    ) -> Vec<String> {
        let dataset = self.dataset();
        engagement
            .participants
            .iter()
            .filter(|p| roles.contains(&p.role.as_str()))
            .filter_map(|p| index.get(p.actor.as_str()))
            .map(|&a| dataset.actors[a].name.to_string())
            .collect()
    }

    /// The dataset's actors by id (ids are unique in a valid dataset), so
    /// that a table of many projects looks each participant up once.
    fn actor_index(&self) -> HashMap<&'a str, usize> {
        self.dataset()
            .actors
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_str(), i))
            .collect()
    }

    /// One row per project: code, name, kind, coordinator, implementers
    /// and partners, funder and authority, period (in `lang`'s date
    /// format), funding in euros, participants and activities (engagements
    /// `part_of` it).
    pub fn projects_table(&self, lang: Lang) -> Table {
        let graph = self.projection().two_mode();
        let dataset = self.dataset();
        let columns: Vec<String> = [
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
        .map(|c| lang.text(&format!("col.{c}")).to_string())
        .collect();
        let mut table = Table {
            columns,
            rows: Vec::new(),
        };
        let index = self.actor_index();
        let mut activities: HashMap<&str, usize> = HashMap::new();
        for x in &dataset.engagements {
            if let Some(parent) = x.part_of.as_deref() {
                *activities.entry(parent).or_default() += 1;
            }
        }
        for e in self.projects() {
            let engagement = graph.engagement(e);
            let period = match graph.dates(e) {
                (Some(a), Some(b)) => format!("{} – {}", lang.date(a), lang.date(b)),
                (Some(a), None) => format!("{} –", lang.date(a)),
                (None, Some(b)) => format!("– {}", lang.date(b)),
                (None, None) => String::new(),
            };
            let activities = activities.get(engagement.id.as_str()).copied().unwrap_or(0);
            table.rows.push(vec![
                engagement.id.as_str().into(),
                engagement.name.as_str().into(),
                lang.engagement_kind(&engagement.kind).into(),
                Cell::List(self.names_in(&index, engagement, &["coordinator"])),
                Cell::List(self.names_in(&index, engagement, &["implementer", "partner"])),
                Cell::List(self.names_in(&index, engagement, &["funder", "authority"])),
                Cell::Text(period.into()),
                engagement.funding_eur.map_or(Cell::Empty, Cell::Float),
                engagement.participants.len().into(),
                activities.into(),
            ]);
        }
        table
    }

    /// Funding per actor: (dataset actor index, projects, involved €,
    /// share €) for actors that coordinate or implement a funded project.
    /// Involved: the full funding of those projects; share: each project's
    /// funding split equally among its coordinators and implementers.
    pub fn funding(&self) -> Vec<(usize, usize, f64, f64)> {
        let graph = self.projection().two_mode();
        let mut per: BTreeMap<usize, (usize, f64, f64)> = BTreeMap::new();
        let index = self.actor_index();
        for e in self.projects() {
            let engagement = graph.engagement(e);
            let Some(funding) = engagement.funding_eur else {
                continue;
            };
            let leads: Vec<usize> = engagement
                .participants
                .iter()
                .filter(|p| LEADS.contains(&p.role.as_str()))
                .filter_map(|p| index.get(p.actor.as_str()).copied())
                .collect();
            for &a in &leads {
                let row = per.entry(a).or_default();
                row.0 += 1;
                row.1 += funding;
                row.2 += funding / leads.len() as f64;
            }
        }
        let mut rows: Vec<(usize, usize, f64, f64)> =
            per.into_iter().map(|(a, (n, i, s))| (a, n, i, s)).collect();
        rows.sort_by(|x, y| y.3.total_cmp(&x.3).then(x.0.cmp(&y.0)));
        rows
    }

    /// The funding table per actor (see [`Analysis::funding`]).
    pub fn funding_table(&self, lang: Lang) -> Table {
        let dataset = self.dataset();
        let mut table = people_table(
            lang,
            &["actor", "kind", "region", "projects", "involved", "share"],
        );
        for (a, n, involved, share) in self.funding() {
            let actor = &dataset.actors[a];
            table.rows.push(vec![
                actor.name.as_str().into(),
                lang.kind(&actor.kind).into(),
                actor.region.clone().unwrap_or_default().into(),
                n.into(),
                Cell::Float(involved),
                Cell::Float(share),
            ]);
        }
        table
    }

    /// The funding shares summed by actor kind (`by_kind`) or region.
    pub fn funding_by_group(&self, lang: Lang, by_kind: bool) -> Table {
        let dataset = self.dataset();
        let mut groups: BTreeMap<String, (usize, f64)> = BTreeMap::new();
        for (a, _, _, share) in self.funding() {
            let actor = &dataset.actors[a];
            let key = if by_kind {
                lang.kind(&actor.kind)
            } else {
                actor
                    .region
                    .clone()
                    .unwrap_or_else(|| "–".into())
                    .to_string()
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
    pub fn left_out_table(&self, lang: Lang) -> Table {
        let dataset = self.dataset();
        let mut groups: BTreeMap<(u8, String), Vec<String>> = BTreeMap::new();
        for a in 0..dataset.actors.len() {
            if let Some(reason) = self.left_out(a) {
                groups
                    .entry((0, lang.text(reason.key()).to_string()))
                    .or_default()
                    .push(dataset.actors[a].name.to_string());
            }
        }
        let graph = self.projection().two_mode();
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
                Cell::List(names),
            ]);
        }
        table
    }
}

/// A table whose columns are translated `col.*` keys.
pub(super) fn people_table(lang: Lang, keys: &[&str]) -> Table {
    Table {
        columns: keys
            .iter()
            .map(|k| lang.text(&format!("col.{k}")).to_string())
            .collect(),
        rows: Vec::new(),
    }
}
