//! What goes into a projection: roles, kinds, a time window, a weighting.

use crate::error::{Error, Result};
use crate::model::{Dataset, Date, Engagement};
use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::str::FromStr;

/// How a projected actor–actor tie is weighted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
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
        match self {
            ProjectionWeight::Count => "count",
            ProjectionWeight::Newman => "newman",
            ProjectionWeight::Jaccard => "jaccard",
        }
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
        match s {
            "count" => Ok(ProjectionWeight::Count),
            "newman" => Ok(ProjectionWeight::Newman),
            "jaccard" => Ok(ProjectionWeight::Jaccard),
            other => Err(Error::invalid("weight", other, "count, newman or jaccard")),
        }
    }
}

/// Which participations make ties.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum RoleFilter {
    /// Every role but `target` (the default: a target group is not a
    /// collaborator).
    #[default]
    AllButTarget,
    /// Every role.
    All,
    /// Only these roles.
    Only(BTreeSet<String>),
}

impl RoleFilter {
    /// Parses `all`, `default` or a comma-separated list of roles.
    pub fn parse(list: &str) -> Result<RoleFilter> {
        match list.trim() {
            "all" => Ok(RoleFilter::All),
            "default" => Ok(RoleFilter::AllButTarget),
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

    /// True when the filter keeps everything but targets (the default).
    pub fn is_default(&self) -> bool {
        *self == Filter::default()
    }

    /// A one-line description for captions and reports.
    pub fn describe(&self) -> String {
        let mut parts = vec![format!("roles: {}", self.roles.describe())];
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

/// An engagement's dates, inherited from the engagement it is `part_of`
/// when it has none of its own.
pub fn effective_dates(
    dataset: &Dataset,
    index: &HashMap<&str, usize>,
    engagement: &Engagement,
) -> (Option<Date>, Option<Date>) {
    let mut current = engagement;
    for _ in 0..=dataset.engagements.len() {
        if current.start.is_some() || current.end.is_some() {
            return (current.start, current.end);
        }
        match current.part_of.as_deref().and_then(|p| index.get(p)) {
            Some(&i) => current = &dataset.engagements[i],
            None => break,
        }
    }
    (None, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<Date> {
        Some(s.parse().unwrap())
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
        assert!(!RoleFilter::default().admits("target"));
        assert!(RoleFilter::parse("all").unwrap().admits("target"));
        let only = RoleFilter::parse("coordinator, implementer").unwrap();
        assert!(only.admits("implementer") && !only.admits("partner"));
        assert!(RoleFilter::parse(" , ").is_err());
        assert_eq!(
            "newman".parse::<ProjectionWeight>().unwrap(),
            ProjectionWeight::Newman
        );
        assert!("weighted".parse::<ProjectionWeight>().is_err());
    }
}
