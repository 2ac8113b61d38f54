//! Caveats in words: each [`Caveat`] of an analysis as a sentence in the
//! reader's language.

use crate::analysis::Analysis;
use crate::error::Result;
use crate::lang::Lang;
use crate::metrics::warning::{Caveat, Listing, Side, Warning, MAX_PARTS_NAMED};
use crate::metrics::Metric;

/// Items named one by one in a caveat's list; the rest are "…".
const NAMED: usize = 10;
/// Actors named in the `listed_only_centrality` caveat.
const NAMED_ACTORS: usize = 5;

/// Every caveat of `analysis` and of the rankings by `metrics`, in `lang`.
pub fn warnings(analysis: &Analysis<'_>, metrics: &[Metric], lang: Lang) -> Result<Vec<Warning>> {
    Ok(analysis
        .caveats(metrics)?
        .iter()
        .map(|c| warning(c, lang))
        .collect())
}

/// The caveats that travel with the network summary: those of the network
/// and of the degree and strength rankings, in `lang`.
pub fn summary_warnings(analysis: &Analysis<'_>, lang: Lang) -> Result<Vec<Warning>> {
    let mut caveats = analysis.network_caveats()?.to_vec();
    caveats.extend(analysis.ranking_caveats(&[Metric::Degree, Metric::Strength])?);
    Ok(caveats.iter().map(|c| warning(c, lang)).collect())
}

/// The first `limit` of `items`, joined by commas, with ", …" when some
/// are left out.
fn list(items: impl ExactSizeIterator<Item = String>, limit: usize) -> String {
    let more = items.len() > limit;
    let shown: Vec<String> = items.take(limit).collect();
    format!("{}{}", shown.join(", "), if more { ", …" } else { "" })
}

/// One caveat in `lang`.
pub fn warning(caveat: &Caveat, lang: Lang) -> Warning {
    Warning {
        code: caveat.code(),
        message: message(caveat, lang),
        subjects: caveat.subjects(),
    }
}

/// The caveat's sentence: one arm per kind of caveat (a flat dispatch,
/// over 80 lines only because there are ten kinds).
fn message(caveat: &Caveat, lang: Lang) -> String {
    let int = |n: usize| lang.integer(n as i64);
    match caveat {
        Caveat::DominantEngagement {
            id,
            name,
            count,
            ties,
            listing,
        } => lang
            .text("warn.dominant")
            .replace("{count}", &int(*count))
            .replace("{ties}", &int(*ties))
            .replace(
                "{how}",
                match listing {
                    Some(Listing::Members) => lang.text("finding.member_list"),
                    Some(Listing::Targets) => lang.text("finding.target_list"),
                    None => "",
                },
            )
            .replace("{project}", &format!("{name} ({id})")),
        Caveat::SeparateComponents { parts, isolated } => lang
            .text("warn.components")
            .replace("{k}", &int(parts.len() + isolated))
            .replace("{list}", &parts_text(parts, *isolated, lang)),
        Caveat::SmallGroups { key, groups } => {
            let name = |g: &str| {
                if key == "kind" {
                    lang.kind(g)
                } else {
                    g.to_string()
                }
            };
            let shown: Vec<String> = groups
                .iter()
                .map(|(g, n)| format!("{} ({n})", name(g)))
                .collect();
            let group = lang.lookup(&format!("group.{key}")).unwrap_or(key);
            lang.text("warn.small_group")
                .replace("{n}", &int(groups.len()))
                .replace("{group}", group)
                .replace("{list}", &shown.join(", "))
        }
        Caveat::GroupSpellings { key, spellings } => {
            let group = lang.lookup(&format!("group.{key}")).unwrap_or(key);
            let shown: Vec<String> = spellings.iter().map(|s| s.join(" / ")).collect();
            lang.text("warn.group_spellings")
                .replace("{group}", group)
                .replace("{n}", &int(spellings.len()))
                .replace(
                    "{list}",
                    &crate::views::findings::listed(lang, &shown, shown.len()),
                )
        }
        Caveat::ListedOnly { actors } => lang
            .text("warn.listed_only")
            .replace("{n}", &int(actors.len()))
            .replace(
                "{names}",
                &list(actors.iter().map(|(_, name)| name.clone()), NAMED_ACTORS),
            ),
        Caveat::OpenEnded { engagements } => lang
            .text("warn.open_ended")
            .replace("{n}", &int(engagements.len()))
            .replace("{list}", &list(engagements.iter().cloned(), NAMED)),
        Caveat::TiedRanking { metric, tied, of } => lang
            .text("warn.tied_ranking")
            .replace("{tied}", &int(*tied))
            .replace("{n}", &int(*of))
            .replace("{metric}", metric_name(*metric, lang)),
        Caveat::DidNotConverge { metric, iterations } => lang
            .text("warn.did_not_converge")
            .replace("{metric}", metric_name(*metric, lang))
            .replace("{iterations}", &int(*iterations)),
        Caveat::SampledBetweenness {
            samples,
            seed,
            epsilon,
            delta,
        } => lang
            .text("warn.sampled_betweenness")
            .replace("{samples}", &int(*samples))
            .replace("{seed}", &seed.to_string())
            .replace("{epsilon}", &lang.value(*epsilon))
            .replace("{probability}", &lang.value(1.0 - delta)),
        Caveat::ReversedWindows { before, after } => lang
            .text("warn.reversed_windows")
            .replace("{before}", before)
            .replace("{after}", after),
        Caveat::Backbone(summary) => crate::views::backbone_verdict(summary, lang),
        Caveat::EmptyWindow { side, window } => lang
            .text(match side {
                Side::Before => "warn.empty_before",
                Side::After => "warn.empty_after",
            })
            .replace("{window}", window),
    }
}

/// The metric's name in `lang`.
fn metric_name(metric: Metric, lang: Lang) -> &'static str {
    lang.lookup(&format!("metric.{}", metric.name()))
        .unwrap_or(metric.name())
}

/// The separate parts, the largest by the project that forms each, the
/// rest counted: a sentence's list on any network.
pub(crate) fn parts_text(
    parts: &[crate::metrics::warning::NetworkPart],
    isolated: usize,
    lang: Lang,
) -> String {
    let int = |n: usize| lang.integer(n as i64);
    let (named, rest) = parts.split_at(parts.len().min(MAX_PARTS_NAMED));
    let mut text: Vec<String> = named
        .iter()
        .map(|(size, project)| match project {
            Some((name, id)) => lang
                .text("finding.part")
                .replace("{n}", &int(*size))
                .replace("{project}", &format!("{name} ({id})")),
            None => lang.text("finding.part_mixed").replace("{n}", &int(*size)),
        })
        .collect();
    if !rest.is_empty() {
        let actors: usize = rest.iter().map(|(size, _)| size).sum();
        text.push(
            lang.text("finding.more_parts")
                .replace("{k}", &int(rest.len()))
                .replace("{n}", &int(actors)),
        );
    }
    if isolated > 0 {
        text.push(lang.text("finding.isolated").replace("{n}", &int(isolated)));
    }
    text.join("; ")
}
