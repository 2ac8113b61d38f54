//! What goes into a projection: roles, kinds, a time window, a weighting.

use crate::error::{Error, Result};
use crate::model::{Dataset, Date, Engagement};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::str::FromStr;

/// How a projected actor–actor tie is weighted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, strum::IntoStaticStr, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum ProjectionWeight {
    /// Number of shared engagements (networkx `weighted_projected_graph`).
    #[default]
    Count,
    /// Each shared engagement with `n` participants adds `1/(n−1)` (Newman
    /// 2001; networkx `collaboration_weighted_projected_graph`).
    Newman,
    /// Shared engagements over the union of the two actors' engagements
    /// (networkx `overlap_weighted_projected_graph`).
    Jaccard,
}

impl ProjectionWeight {
    /// The option value: `count`, `newman` or `jaccard`.
    pub fn name(self) -> &'static str {
        self.into()
    }
}

impl fmt::Display for ProjectionWeight {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for ProjectionWeight {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        crate::named::parse("weight", s)
    }
}

/// Which participations make ties.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum RoleFilter {
    /// Every role but `target`.
    AllButTarget,
    /// Every role (the default: [`RoleTies`] decide which roles make ties).
    #[default]
    All,
    /// Only these roles.
    Only(BTreeSet<String>),
}

impl RoleFilter {
    /// Parses `all` (the default), `all-but-target` or a comma-separated
    /// list of roles.
    pub fn parse(list: &str) -> Result<RoleFilter> {
        match list.trim() {
            "all" | "default" => Ok(RoleFilter::All),
            "all-but-target" => Ok(RoleFilter::AllButTarget),
            _ => Ok(RoleFilter::Only(parse_list(list, "roles")?)),
        }
    }

    /// True when a participation in this role makes ties.
    pub fn admits(&self, role: &str) -> bool {
        match self {
            RoleFilter::AllButTarget => role != "target",
            RoleFilter::All => true,
            RoleFilter::Only(roles) => roles.contains(role),
        }
    }

    fn describe(&self) -> String {
        match self {
            RoleFilter::AllButTarget => "all but target".into(),
            RoleFilter::All => "all".into(),
            RoleFilter::Only(r) => r.iter().cloned().collect::<Vec<_>>().join(","),
        }
    }
}

/// How the participants of one role are tied to the others in an
/// engagement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::IntoStaticStr, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum RoleRule {
    /// Tied to every other participant whose rule is `Clique`.
    Clique,
    /// Tied only to the engagement's lead(s): its coordinators, else its
    /// implementers, else its participants in clique roles.
    Star,
    /// Not tied (the participant is still reached: see the reach figures).
    None,
    /// Like `Star`, but the ties are of their own kind, `reach`: an
    /// engagement reaching its target group, not a collaboration.
    Reach,
    /// `Clique` when the engagement has at most
    /// [`RoleTies::clique_limit`] participants in this role, `Star` above
    /// (`auto`).
    #[strum(serialize = "auto")]
    CliqueUpToLimit,
}

impl RoleRule {
    /// The option value.
    pub fn name(self) -> &'static str {
        self.into()
    }
}

impl FromStr for RoleRule {
    type Err = Error;
    fn from_str(s: &str) -> Result<RoleRule> {
        crate::named::parse("role_ties", s.trim())
    }
}

/// The kind of a projected tie, by the rule that made it in one engagement.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, strum::IntoStaticStr, strum::VariantArray,
)]
#[strum(serialize_all = "snake_case")]
pub enum TieRule {
    /// Both participants in clique roles.
    Clique,
    /// A participant in a star role and the engagement's lead.
    Star,
    /// A reached participant (target group) and the engagement's lead.
    Reach,
}

impl TieRule {
    /// The name shown in provenance: `clique`, `star` or `reach`.
    pub fn name(self) -> &'static str {
        self.into()
    }
}

/// Which rule ties the participants of each role.
///
/// The defaults answer "who collaborates with whom": coordinators,
/// implementers, partners and trainers work together (clique); a funder or
/// a responsible authority relates to the project's lead, not to every
/// partner (star); a short member list is a working group (clique), a long
/// one a membership roll (star, above [`RoleTies::clique_limit`] members);
/// target groups and participants are reached, not collaborators (none;
/// `reach` makes them star ties of their own kind). Roles without a rule of
/// their own follow `other`.
///
/// An engagement whose participants all have the default role
/// `participant` records who took part but not how: its participants follow
/// the rule of the pseudo-role `unroled` (default clique, the classic
/// co-participation projection), so that data without roles still makes a
/// network.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleTies {
    rules: BTreeMap<String, RoleRule>,
    /// The rule of roles not listed.
    pub other: RoleRule,
    /// Members-per-role up to which [`RoleRule::CliqueUpToLimit`] is a
    /// clique.
    pub clique_limit: usize,
}

/// The pseudo-role of participants in an engagement where every participant
/// has the default role `participant`.
pub const UNROLED: &str = "unroled";

/// The default clique limit of member lists.
pub const DEFAULT_CLIQUE_LIMIT: usize = 8;

impl Default for RoleTies {
    fn default() -> Self {
        let rules = [
            ("coordinator", RoleRule::Clique),
            ("implementer", RoleRule::Clique),
            ("partner", RoleRule::Clique),
            ("trainer", RoleRule::Clique),
            ("funder", RoleRule::Star),
            ("authority", RoleRule::Star),
            ("member", RoleRule::CliqueUpToLimit),
            ("target", RoleRule::None),
            ("participant", RoleRule::None),
            (UNROLED, RoleRule::Clique),
        ]
        .into_iter()
        .map(|(role, rule)| (role.to_string(), rule))
        .collect();
        RoleTies {
            rules,
            other: RoleRule::Clique,
            clique_limit: DEFAULT_CLIQUE_LIMIT,
        }
    }
}

impl RoleTies {
    /// Every role a clique: the classic one-mode projection (networkx's
    /// `projected_graph`).
    pub fn all_clique() -> RoleTies {
        RoleTies {
            rules: BTreeMap::new(),
            other: RoleRule::Clique,
            clique_limit: DEFAULT_CLIQUE_LIMIT,
        }
    }

    /// The defaults with `ROLE=RULE,…` applied in order; `all=RULE` sets
    /// every role.
    pub fn parse(list: &str) -> Result<RoleTies> {
        let mut ties = RoleTies::default();
        for item in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let (role, rule) = item.split_once('=').ok_or_else(|| {
                Error::invalid("role_ties", item, "ROLE=RULE, such as member=star")
            })?;
            ties.set(role.trim(), rule.parse()?);
        }
        Ok(ties)
    }

    /// Sets the rule of `role` (`all`: every role).
    pub fn set(&mut self, role: &str, rule: RoleRule) {
        if role == "all" {
            self.rules.clear();
            self.other = rule;
        } else {
            self.rules.insert(role.to_string(), rule);
        }
    }

    /// Target groups and participants, when their rule is `none`, make
    /// `reach` ties instead.
    pub fn with_reach(mut self) -> RoleTies {
        for role in ["target", "participant"] {
            if self.rule(role) == RoleRule::None {
                self.set(role, RoleRule::Reach);
            }
        }
        self
    }

    /// The rule of `role`.
    pub fn rule(&self, role: &str) -> RoleRule {
        self.rules.get(role).copied().unwrap_or(self.other)
    }

    /// The rule of `role` in an engagement with `count` participants in
    /// that role: [`RoleRule::CliqueUpToLimit`] resolved.
    pub fn rule_for(&self, role: &str, count: usize) -> RoleRule {
        match self.rule(role) {
            RoleRule::CliqueUpToLimit if count <= self.clique_limit => RoleRule::Clique,
            RoleRule::CliqueUpToLimit => RoleRule::Star,
            rule => rule,
        }
    }

    /// The listed roles by rule, rules in option-name order and roles in
    /// name order; roles not listed follow [`RoleTies::other`].
    pub fn by_rule(&self) -> Vec<(RoleRule, Vec<&str>)> {
        let mut by_rule: BTreeMap<&str, (RoleRule, Vec<&str>)> = BTreeMap::new();
        for (role, &rule) in &self.rules {
            by_rule
                .entry(rule.name())
                .or_insert((rule, Vec::new()))
                .1
                .push(role);
        }
        by_rule.into_values().collect()
    }

    /// The rules in words, e.g. `clique: coordinator, implementer; star: …`.
    pub fn describe(&self) -> String {
        let mut by_rule: BTreeMap<&str, Vec<String>> = BTreeMap::new();
        for (role, rule) in &self.rules {
            let name = match rule {
                RoleRule::CliqueUpToLimit => format!("{role} (clique up to {})", self.clique_limit),
                _ => role.clone(),
            };
            let key = match rule {
                RoleRule::CliqueUpToLimit => "star above a size",
                r => r.name(),
            };
            by_rule.entry(key).or_default().push(name);
        }
        let mut parts: Vec<String> = by_rule
            .into_iter()
            .map(|(rule, roles)| format!("{rule}: {}", roles.join(", ")))
            .collect();
        parts.push(format!("other roles: {}", self.other.name()));
        parts.join("; ")
    }
}

/// Parses a comma-separated, non-empty list.
pub fn parse_list(list: &str, option: &'static str) -> Result<BTreeSet<String>> {
    let set: BTreeSet<String> = list
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect();
    if set.is_empty() {
        return Err(Error::invalid(option, list, "a comma-separated list"));
    }
    Ok(set)
}

/// Filters applied before projecting.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// Roles whose participations count.
    pub roles: RoleFilter,
    /// How the participants of each role are tied.
    pub ties: RoleTies,
    /// Keep only engagements of these kinds (all when `None`).
    pub engagement_kinds: Option<BTreeSet<String>>,
    /// Keep only actors of these kinds (all when `None`).
    pub actor_kinds: Option<BTreeSet<String>>,
    /// Keep engagements that end on or after this day.
    pub from: Option<Date>,
    /// Keep engagements that start on or before this day.
    pub to: Option<Date>,
}

impl Filter {
    /// Checks that the options make sense together (`from` ≤ `to`).
    pub fn check(&self) -> Result<()> {
        if let (Some(from), Some(to)) = (self.from, self.to) {
            if to < from {
                return Err(Error::invalid(
                    "to",
                    to,
                    format!("a day on or after from = {from}"),
                ));
            }
        }
        Ok(())
    }

    /// Checks that every listed role, engagement kind and actor kind occurs
    /// in `dataset`: a value that occurs nowhere is a typo that would
    /// silently empty the network.
    pub fn check_against(&self, dataset: &Dataset) -> Result<()> {
        // The values of the dataset are gathered only for a list given.
        fn check<'d>(
            name: &'static str,
            listed: Option<&BTreeSet<String>>,
            known: impl FnOnce() -> BTreeSet<&'d str>,
        ) -> Result<()> {
            let Some(listed) = listed else {
                return Ok(());
            };
            let known = known();
            let unknown: Vec<&str> = listed
                .iter()
                .map(String::as_str)
                .filter(|v| !known.contains(v))
                .collect();
            if unknown.is_empty() {
                return Ok(());
            }
            Err(Error::invalid(
                name,
                unknown.join(","),
                format!(
                    "values that occur in the dataset: {}",
                    known.iter().copied().collect::<Vec<_>>().join(", ")
                ),
            ))
        }
        let roles = match &self.roles {
            RoleFilter::Only(r) => Some(r),
            _ => None,
        };
        check("roles", roles, || {
            dataset
                .engagements
                .iter()
                .flat_map(|e| e.participants.iter().map(|p| p.role.as_str()))
                .collect()
        })?;
        check("engagement_kinds", self.engagement_kinds.as_ref(), || {
            dataset
                .engagements
                .iter()
                .map(|e| e.kind.as_str())
                .collect()
        })?;
        check("actor_kinds", self.actor_kinds.as_ref(), || {
            dataset.actors.iter().map(|a| a.kind.as_str()).collect()
        })
    }

    /// True when the filter keeps everything but targets (the default).
    pub fn is_default(&self) -> bool {
        *self == Filter::default()
    }

    /// A one-line description for captions and reports.
    pub fn describe(&self) -> String {
        let mut parts = vec![format!("roles: {}", self.roles.describe())];
        if self.ties != RoleTies::default() {
            parts.push(format!("ties: {}", self.ties.describe()));
        }
        if let Some(k) = &self.engagement_kinds {
            parts.push(format!(
                "engagement kinds: {}",
                k.iter().cloned().collect::<Vec<_>>().join(",")
            ));
        }
        if let Some(k) = &self.actor_kinds {
            parts.push(format!(
                "actor kinds: {}",
                k.iter().cloned().collect::<Vec<_>>().join(",")
            ));
        }
        if self.from.is_some() || self.to.is_some() {
            parts.push(format!(
                "window: {} – {}",
                self.from.map(|d| d.to_string()).unwrap_or_default(),
                self.to.map(|d| d.to_string()).unwrap_or_default()
            ));
        }
        parts.join("; ")
    }

    /// Whether an engagement with these (possibly inherited) dates overlaps
    /// the time window. A missing start is open towards the past, a missing
    /// end open towards the future; an engagement with neither date is left
    /// out whenever a window is set, since it cannot be placed in time.
    pub fn in_window(&self, start: Option<Date>, end: Option<Date>) -> bool {
        if self.from.is_none() && self.to.is_none() {
            return true;
        }
        if start.is_none() && end.is_none() {
            return false;
        }
        let ends_after_from = match (self.from, end.or(start)) {
            (Some(from), Some(e)) if end.is_some() => e >= from,
            _ => true,
        };
        let starts_before_to = match (self.to, start.or(end)) {
            (Some(to), Some(s)) if start.is_some() => s <= to,
            _ => true,
        };
        ends_after_from && starts_before_to
    }
}

/// Engagement kinds that happen on one day: a `start` without an `end`
/// means that day.
pub const ONE_DAY_KINDS: &[&str] = &[
    "event",
    "workshop",
    "meeting",
    "seminar",
    "conference",
    "webinar",
    "hackathon",
    "fair",
];

/// An engagement's dates as verkosto uses them everywhere (time windows,
/// tie dates, periods):
///
/// 1. its own `start` and `end`;
/// 2. a one-day kind ([`ONE_DAY_KINDS`]) with only one of the two dates
///    lasts that day;
/// 3. a missing date is inherited from the nearest engagement it is
///    `part_of` that has one (a workshop of a project ends, at the latest,
///    when the project does) — but an inherited end before the own start,
///    or an inherited start after the own end, is not taken;
/// 4. what is still missing stays open: no start is open towards the past,
///    no end is *open-ended* (running to this day) and is reported as such.
///
/// Complexity: O(depth of the `part_of` chain), at most the number of
/// engagements (a cycle, which validation refuses, ends the walk).
pub fn effective_dates<S: std::hash::BuildHasher>(
    dataset: &Dataset,
    index: &HashMap<&str, usize, S>,
    engagement: &Engagement,
) -> (Option<Date>, Option<Date>) {
    let (mut start, mut end) = (engagement.start, engagement.end);
    if ONE_DAY_KINDS.contains(&engagement.kind.as_str()) && start.is_some() != end.is_some() {
        let day = start.or(end);
        return (day, day);
    }
    let mut current = engagement;
    for _ in 0..dataset.engagements.len() {
        if start.is_some() && end.is_some() {
            break;
        }
        match current.part_of().and_then(|p| index.get(p)) {
            Some(&i) => current = &dataset.engagements[i],
            None => break,
        }
        if start.is_none() {
            start = current.start.filter(|s| end.is_none_or(|e| *s <= e));
        }
        if end.is_none() {
            end = current.end.filter(|e| start.is_none_or(|s| s <= *e));
        }
    }
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<Date> {
        Some(s.parse().unwrap())
    }

    #[test]
    fn dates_are_inherited_one_day_or_open() {
        let engagement =
            |id: &str, kind: &str, start: &str, end: &str, part_of: Option<&str>| Engagement {
                id: id.into(),
                name: id.into(),
                kind: kind.into(),
                start: start.parse().ok(),
                end: end.parse().ok(),
                participants: vec![],
                details: crate::model::EngagementDetails {
                    part_of: part_of.map(Into::into),
                    ..Default::default()
                }
                .boxed(),
            };
        let dataset = Dataset {
            name: "t".into(),
            engagements: vec![
                engagement("p", "project", "2016-01-01", "2018-02-28", None),
                engagement("w", "workshop", "2017-05-04", "", Some("p")),
                engagement("t", "training", "2017-09-01", "", Some("p")),
                engagement("v", "video", "", "", Some("p")),
                engagement("late", "training", "2019-01-01", "", Some("p")),
                engagement("open", "project", "2020-01-01", "", None),
            ],
            ..Default::default()
        };
        let index: HashMap<&str, usize> = dataset
            .engagements
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.as_str(), i))
            .collect();
        let dates = |i: usize| effective_dates(&dataset, &index, &dataset.engagements[i]);
        assert_eq!(
            dates(1),
            (d("2017-05-04"), d("2017-05-04")),
            "a workshop lasts its day"
        );
        assert_eq!(
            dates(2),
            (d("2017-09-01"), d("2018-02-28")),
            "ends with its project"
        );
        assert_eq!(
            dates(3),
            (d("2016-01-01"), d("2018-02-28")),
            "the project's dates"
        );
        assert_eq!(
            dates(4),
            (d("2019-01-01"), None),
            "starts after the project: open"
        );
        assert_eq!(dates(5), (d("2020-01-01"), None), "open-ended");
    }

    #[test]
    fn window_overlap() {
        let f = Filter {
            from: d("2021-01-01"),
            to: d("2021-12-31"),
            ..Default::default()
        };
        assert!(f.in_window(d("2020-06-01"), d("2021-01-01")));
        assert!(f.in_window(d("2021-12-31"), d("2023-01-01")));
        assert!(!f.in_window(d("2020-01-01"), d("2020-12-31")));
        assert!(!f.in_window(d("2022-01-01"), None));
        assert!(
            f.in_window(d("2019-01-01"), None),
            "open-ended still running"
        );
        assert!(f.in_window(None, d("2021-03-01")));
        assert!(!f.in_window(None, None));
        assert!(Filter::default().in_window(None, None));
    }

    #[test]
    fn roles_and_weights_parse() {
        assert!(RoleFilter::default().admits("target"));
        assert!(!RoleFilter::parse("all-but-target")
            .unwrap()
            .admits("target"));
        let only = RoleFilter::parse("coordinator, implementer").unwrap();
        assert!(only.admits("implementer") && !only.admits("partner"));
        assert!(RoleFilter::parse(" , ").is_err());
        assert_eq!(
            "newman".parse::<ProjectionWeight>().unwrap(),
            ProjectionWeight::Newman
        );
        assert!("weighted".parse::<ProjectionWeight>().is_err());
    }

    #[test]
    fn role_ties_have_documented_defaults_and_parse() {
        let ties = RoleTies::default();
        for role in [
            "coordinator",
            "implementer",
            "partner",
            "trainer",
            "some_new_role",
        ] {
            assert_eq!(ties.rule(role), RoleRule::Clique, "{role}");
        }
        assert_eq!(ties.rule("funder"), RoleRule::Star);
        assert_eq!(ties.rule("authority"), RoleRule::Star);
        assert_eq!(ties.rule_for("member", 8), RoleRule::Clique);
        assert_eq!(ties.rule_for("member", 9), RoleRule::Star);
        assert_eq!(ties.rule("target"), RoleRule::None);
        assert_eq!(ties.rule("participant"), RoleRule::None);
        let reach = RoleTies::default().with_reach();
        assert_eq!(reach.rule("target"), RoleRule::Reach);
        let parsed = RoleTies::parse("member=clique, funder=none").unwrap();
        assert_eq!(parsed.rule_for("member", 100), RoleRule::Clique);
        assert_eq!(parsed.rule("funder"), RoleRule::None);
        assert_eq!(
            parsed.rule("authority"),
            RoleRule::Star,
            "others keep their default"
        );
        let all = RoleTies::parse("all=clique").unwrap();
        assert_eq!(all, RoleTies::all_clique());
        assert_eq!(all.rule("target"), RoleRule::Clique);
        assert!(RoleTies::parse("member").is_err());
        assert!(matches!(
            RoleTies::parse("member=ring"),
            Err(Error::InvalidParameter {
                name: "role_ties",
                ..
            })
        ));
    }
}
