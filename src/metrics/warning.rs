//! Warnings that travel with the figures: the caveats without which a
//! number misleads (one engagement makes most ties, separate islands, groups
//! too small for a density, rankings where most actors tie, centrality that
//! rests only on being listed).

use crate::lang::Lang;
use serde_json::{json, Value};

/// One caveat: a machine-readable code, a sentence for people, and what it
/// is about (ids of actors, engagements or groups).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// `dominant_engagement`, `separate_components`, `small_group`,
    /// `tied_ranking`, `listed_only_centrality`, `did_not_converge` or
    /// `open_ended`.
    pub code: &'static str,
    /// The caveat in words.
    pub message: String,
    /// What it concerns: engagement ids, actor ids, group names or metric
    /// names.
    pub subjects: Vec<String>,
}

impl Warning {
    /// The warning as a JSON object (`code`, `message`, `subjects`).
    pub fn to_json(&self) -> Value {
        json!({"code": self.code, "message": self.message, "subjects": self.subjects})
    }
}

/// Groups in density or mixing figures with fewer than this many actors
/// are flagged.
pub const SMALL_GROUP: usize = 3;

/// `small_group`: the groups of `sizes` (name, actors) below
/// [`SMALL_GROUP`].
pub fn small_groups(key: &str, sizes: &[(String, usize)], lang: Lang) -> Option<Warning> {
    let small: Vec<&(String, usize)> = sizes.iter().filter(|(_, n)| *n < SMALL_GROUP).collect();
    if small.is_empty() {
        return None;
    }
    let name = |g: &str| {
        if key == "kind" {
            lang.kind(g)
        } else {
            g.to_string()
        }
    };
    let list: Vec<String> = small
        .iter()
        .map(|(g, n)| format!("{} ({n})", name(g)))
        .collect();
    let group = lang.lookup(&format!("group.{key}")).unwrap_or(key);
    Some(Warning {
        code: "small_group",
        message: lang
            .text("warn.small_group")
            .replace("{n}", &lang.integer(small.len() as i64))
            .replace("{group}", group)
            .replace("{list}", &list.join(", ")),
        subjects: small.iter().map(|(g, _)| g.clone()).collect(),
    })
}

/// `tied_ranking`: more than half of the `values` share the top value.
pub fn tied_ranking(metric: &str, values: &[f64], lang: Lang) -> Option<Warning> {
    let n = values.len();
    let top = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if n < 3 || !top.is_finite() {
        return None;
    }
    let tolerance = 1e-9 * top.abs().max(1.0);
    let tied = values
        .iter()
        .filter(|v| (top - **v).abs() <= tolerance)
        .count();
    (2 * tied > n).then(|| Warning {
        code: "tied_ranking",
        message: lang
            .text("warn.tied_ranking")
            .replace("{tied}", &lang.integer(tied as i64))
            .replace("{n}", &lang.integer(n as i64))
            .replace("{metric}", metric),
        subjects: vec![metric.to_string()],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_groups_and_tied_rankings() {
        let sizes = vec![("firm".to_string(), 2), ("municipality".to_string(), 5)];
        let w = small_groups("kind", &sizes, Lang::En).unwrap();
        assert_eq!(
            (w.code, w.subjects.clone()),
            ("small_group", vec!["firm".to_string()])
        );
        assert!(small_groups("kind", &sizes[1..], Lang::En).is_none());
        assert!(tied_ranking("degree", &[2.0, 2.0, 1.0], Lang::En).is_some());
        assert!(tied_ranking("degree", &[3.0, 2.0, 2.0], Lang::En).is_none());
        assert!(
            tied_ranking("degree", &[1.0, 1.0], Lang::En).is_none(),
            "too few to rank"
        );
    }
}
