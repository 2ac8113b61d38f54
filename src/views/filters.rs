//! The filters of an analysis in the reader's language, for the options
//! table of the report and the caption of a map.

use crate::graph::{Filter, RoleFilter, RoleTies};
use crate::lang::Lang;

/// `filter` in words in `lang`: the roles kept, whether the tie rules were
/// changed, the kinds kept and the period (dates as the language writes
/// them); `min_weight` when a minimum tie weight is set. Parts are joined
/// by `; `.
///
/// ```
/// use verkosto::graph::Filter;
/// use verkosto::lang::Lang;
/// use verkosto::views::filter_text;
/// let filter = Filter { from: "2016-01-01".parse().ok(), ..Filter::default() };
/// assert_eq!(filter_text(&filter, None, Lang::Fi), "roolit: kaikki; ajanjakso: 1.1.2016 –");
/// ```
pub fn filter_text(filter: &Filter, min_weight: Option<f64>, lang: Lang) -> String {
    let t = |k: &str| lang.text(k);
    let roles = match &filter.roles {
        RoleFilter::All => t("filter.all_roles").to_string(),
        RoleFilter::AllButTarget => t("filter.all_but_target").to_string(),
        RoleFilter::Only(roles) => roles
            .iter()
            .map(|r| lang.role(r))
            .collect::<Vec<_>>()
            .join(", "),
    };
    let mut parts = vec![format!("{}: {roles}", t("filter.roles"))];
    if filter.ties != RoleTies::default() {
        parts.push(t("filter.rules_changed").to_string());
    }
    if let Some(kinds) = &filter.engagement_kinds {
        let names: Vec<String> = kinds.iter().map(|k| lang.engagement_kind(k)).collect();
        parts.push(format!(
            "{}: {}",
            t("filter.engagement_kinds"),
            names.join(", ")
        ));
    }
    if let Some(kinds) = &filter.actor_kinds {
        let names: Vec<String> = kinds.iter().map(|k| lang.kind(k)).collect();
        parts.push(format!("{}: {}", t("filter.actor_kinds"), names.join(", ")));
    }
    if filter.from.is_some() || filter.to.is_some() {
        let day = |d: Option<crate::model::Date>| d.map(|d| lang.date(d)).unwrap_or_default();
        parts.push(
            format!(
                "{}: {} – {}",
                t("filter.window"),
                day(filter.from),
                day(filter.to)
            )
            .trim_end()
            .to_string(),
        );
    }
    if let Some(w) = min_weight {
        parts.push(t("filter.min_weight").replace("{w}", &lang.value(w)));
    }
    parts.join("; ")
}
