//! Key findings: the first things a funder should be told, as plain
//! sentences generated from the measured figures, each pointing at the
//! table it comes from. A sentence is written only when the data support
//! it.

use crate::analysis::Analysis;
use crate::error::Result;
use crate::lang::Lang;
use crate::metrics::warning::{Listing, SMALL_GROUP};

/// One finding: a sentence and the id of the report section it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The sentence.
    pub text: String,
    /// The id of the section with the figures behind it.
    pub section: &'static str,
}

/// The key findings, in `lang`: the network's size, its separate parts,
/// the actors holding it together, the densest and sparsest collaboration
/// between groups, a project making most ties, and the money.
pub fn findings(analysis: &Analysis<'_>, lang: Lang) -> Result<Vec<Finding>> {
    let mut out = vec![size(analysis, lang)?, parts(analysis, lang)];
    out.extend(cut_points(analysis, lang)?);
    out.extend(density(analysis, lang)?);
    out.extend(dominant(analysis, lang)?);
    out.extend(funding(analysis, lang));
    Ok(out)
}

fn size(analysis: &Analysis<'_>, lang: Lang) -> Result<Finding> {
    let summary = analysis.summary()?;
    let dataset = analysis.dataset();
    let graph = analysis.projection().two_mode();
    let reached_outside = analysis
        .reach()
        .reached
        .keys()
        .filter(|&&a| {
            graph
                .actor_position(&dataset.actors[a as usize].id)
                .is_none()
        })
        .count();
    Ok(Finding {
        text: lang
            .text("finding.size")
            .replace("{n}", &lang.integer(summary.actors as i64))
            .replace("{m}", &lang.integer(summary.ties as i64))
            .replace("{reached}", &lang.integer(reached_outside as i64)),
        section: "summary",
    })
}

fn parts(analysis: &Analysis<'_>, lang: Lang) -> Finding {
    let (parts, isolated) = analysis.parts();
    let text = if parts.len() + isolated <= 1 {
        lang.text("finding.one_part").to_string()
    } else {
        lang.text("finding.parts")
            .replace("{k}", &lang.integer((parts.len() + isolated) as i64))
            .replace(
                "{list}",
                &super::warnings::parts_text(parts, *isolated, lang),
            )
    };
    Finding {
        text,
        section: "map",
    }
}

fn cut_points(analysis: &Analysis<'_>, lang: Lang) -> Result<Vec<Finding>> {
    let summary = analysis.summary()?;
    let mut out = Vec::new();
    let cut = analysis.cut_structure();
    let mut points = cut.articulation_points.clone();
    points.sort_by(|&a, &b| {
        cut.separated_pairs[b]
            .cmp(&cut.separated_pairs[a])
            .then(a.cmp(&b))
    });
    if points.is_empty() {
        if summary.ties > 0 {
            out.push(Finding {
                text: lang.text("finding.no_cut").to_string(),
                section: "cut",
            });
        }
    } else {
        for &p in points.iter().take(2) {
            out.push(Finding {
                text: lang
                    .text("finding.cut")
                    .replace("{name}", &analysis.actor(p).name)
                    .replace("{pairs}", &lang.integer(cut.separated_pairs[p] as i64)),
                section: "cut",
            });
        }
    }

    Ok(out)
}

/// Densest and sparsest blocks among groups of at least 3 actors.
fn density(analysis: &Analysis<'_>, lang: Lang) -> Result<Option<Finding>> {
    let summary = analysis.summary()?;
    let mixing = &summary.mixing;
    let k = mixing.groups.len();
    let name = |g: usize| {
        if summary.group == "kind" {
            lang.kind(&mixing.groups[g])
        } else {
            mixing.groups[g].clone()
        }
    };
    let mut blocks: Vec<(f64, usize, usize)> = Vec::new();
    for g in 0..k {
        for h in g..k {
            if mixing.sizes[g] < SMALL_GROUP || mixing.sizes[h] < SMALL_GROUP {
                continue;
            }
            if let Some(d) = mixing.density(g, h) {
                blocks.push((d, g, h));
            }
        }
    }
    if blocks.len() < 2 {
        return Ok(None);
    }
    {
        blocks.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
        let (d, g, h) = blocks[0];
        let (ds, gs, hs) = blocks[blocks.len() - 1];
        let pair = |g: usize, h: usize| {
            if g == h {
                lang.text("finding.within").replace("{a}", &name(g))
            } else {
                lang.text("finding.between")
                    .replace("{a}", &name(g))
                    .replace("{b}", &name(h))
            }
        };
        let mut text = lang
            .text("finding.densest")
            .replace("{pair}", &pair(g, h))
            .replace("{d}", &percent(lang, d));
        text.push(' ');
        text.push_str(
            &lang
                .text("finding.sparsest")
                .replace("{pair}", &pair(gs, hs))
                .replace("{d}", &percent(lang, ds)),
        );
        if mixing.sizes.iter().any(|&s| s < SMALL_GROUP) {
            text.push(' ');
            text.push_str(lang.text("finding.small_groups"));
        }
        Ok(Some(Finding {
            text,
            section: "density",
        }))
    }
}

fn dominant(analysis: &Analysis<'_>, lang: Lang) -> Result<Option<Finding>> {
    let summary = analysis.summary()?;
    let graph = analysis.projection().two_mode();
    Ok(analysis.dominant().map(|(count, e, how)| {
        let e = graph.engagement(e);
        Finding {
            text: lang
                .text("finding.dominant")
                .replace("{count}", &lang.integer(count as i64))
                .replace("{ties}", &lang.integer(summary.ties as i64))
                .replace(
                    "{how}",
                    match how {
                        Some(Listing::Members) => lang.text("finding.member_list"),
                        Some(Listing::Targets) => lang.text("finding.target_list"),
                        None => "",
                    },
                )
                .replace("{project}", &format!("{} ({})", e.name, e.id)),
            section: "read-first",
        }
    }))
}

fn funding(analysis: &Analysis<'_>, lang: Lang) -> Option<Finding> {
    let graph = analysis.projection().two_mode();
    let funding = analysis.funding();
    let &(a, _, _, share) = funding.first()?;
    {
        let total: f64 = {
            let mut seen = std::collections::BTreeSet::new();
            let mut sum = 0.0;
            for e in 0..graph.engagement_count() {
                let engagement = graph.engagement(e);
                if engagement.part_of.is_none() && seen.insert(engagement.id.as_str()) {
                    sum += engagement.funding_eur.unwrap_or(0.0);
                }
            }
            sum
        };
        Some(Finding {
            text: lang
                .text("finding.funding")
                .replace("{sum}", &lang.number(total, 0))
                .replace("{name}", &analysis.dataset().actors[a].name)
                .replace("{share}", &lang.number(share, 0)),
            section: "projects",
        })
    }
}

/// A share as a percentage for people.
fn percent(lang: Lang, x: f64) -> String {
    format!("{} %", lang.value(100.0 * x))
}
