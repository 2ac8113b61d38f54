//! Key findings: the first things a funder should be told, as plain
//! sentences generated from the measured figures, each pointing at the
//! table it comes from. A sentence is written only when the data support
//! it; each is one or two sentences, and a list in one names at most
//! three items and counts the rest. Names are never inflected: the
//! sentences are built so that a name stands after a colon or in a list.

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

/// Items a list inside a finding names before counting the rest.
pub const LISTED: usize = 3;

/// The key findings, in `lang`: the network's size, its separate parts,
/// the actors and ties holding it together, who works across groups and
/// who does not, a project making most ties, the money, and the change
/// from year to year (dated data).
pub fn findings(analysis: &Analysis<'_>, lang: Lang) -> Result<Vec<Finding>> {
    let mut out = vec![size(analysis, lang)?, parts(analysis, lang)];
    out.extend(cut_points(analysis, lang)?);
    out.extend(density(analysis, lang)?);
    out.extend(dominant(analysis, lang)?);
    out.extend(money(analysis, lang));
    out.extend(years(analysis, lang)?);
    Ok(out)
}

/// The finding that points the reader to the `n` caveats under Read
/// this first.
pub(crate) fn caveats_finding(lang: Lang, n: usize) -> Finding {
    Finding {
        text: lang
            .text("finding.caveats")
            .replace("{n}", &lang.integer(n as i64)),
        section: "read-first",
    }
}

/// `items` as a list for people: at most [`LISTED`] of them, then how many
/// more of `total` there are (`A, B and C`; `A, B, C and 4 more`).
pub fn listed(lang: Lang, items: &[String], total: usize) -> String {
    let shown = &items[..items.len().min(LISTED)];
    let mut parts: Vec<String> = shown.to_vec();
    if total > shown.len() {
        parts.push(
            lang.text("finding.and_more")
                .replace("{n}", &lang.integer((total - shown.len()) as i64)),
        );
    }
    match parts.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{}{}{last}", rest.join(", "), lang.text("list.and")),
    }
}

fn size(analysis: &Analysis<'_>, lang: Lang) -> Result<Finding> {
    let summary = analysis.summary()?;
    let dataset = analysis.dataset();
    let graph = analysis.projection().two_mode();
    let reached_outside = analysis
        .reach()
        .reached_actors()
        .filter(|&a| {
            graph
                .actor_position(&dataset.actors[a as usize].id)
                .is_none()
        })
        .count();
    let key = if reached_outside > 0 {
        "finding.size"
    } else {
        "finding.size_only"
    };
    Ok(Finding {
        text: lang
            .text(key)
            .replace("{n}", &lang.integer(summary.actors as i64))
            .replace("{m}", &lang.integer(summary.ties as i64))
            .replace("{reached}", &lang.integer(reached_outside as i64)),
        section: "summary",
    })
}

/// The separate parts in numbers: the largest, then what the others are
/// (single projects of so many partners, or parts of so many actors).
fn parts(analysis: &Analysis<'_>, lang: Lang) -> Finding {
    let (parts, isolated) = analysis.parts();
    let int = |n: usize| lang.integer(n as i64);
    let text = if parts.len() + isolated <= 1 {
        lang.text("finding.one_part").to_string()
    } else {
        let largest = parts.first().map_or(1, |p| p.0);
        let others = parts.get(1..).unwrap_or(&[]);
        let mut rest = Vec::new();
        if !others.is_empty() {
            let (small, big) = (
                others.iter().map(|p| p.0).min().unwrap_or(0),
                others.iter().map(|p| p.0).max().unwrap_or(0),
            );
            let range = if small == big {
                int(small)
            } else {
                format!("{}–{}", int(small), int(big))
            };
            let single = others.iter().filter(|p| p.1.is_some()).count();
            rest.push(if others.len() == 1 {
                lang.text(if single == 1 {
                    "finding.parts_single_one"
                } else {
                    "finding.parts_other_one"
                })
                .replace("{range}", &range)
            } else if single == others.len() {
                lang.text("finding.parts_single")
                    .replace("{k}", &int(others.len()))
                    .replace("{range}", &range)
            } else {
                lang.text("finding.parts_other")
                    .replace("{k}", &int(others.len()))
                    .replace("{range}", &range)
                    .replace("{single}", &int(single))
            });
        }
        if *isolated > 0 {
            rest.push(
                lang.text("finding.parts_isolated")
                    .replace("{n}", &int(*isolated)),
            );
        }
        lang.text("finding.parts_summary")
            .replace("{k}", &int(parts.len() + isolated))
            .replace("{n}", &int(largest))
            .replace("{rest}", &rest.join("; "))
    };
    Finding {
        text,
        section: "map",
    }
}

/// The actors whose departure splits the network, most separating first,
/// and the bridges, in one finding.
fn cut_points(analysis: &Analysis<'_>, lang: Lang) -> Result<Option<Finding>> {
    let summary = analysis.summary()?;
    let cut = analysis.cut_structure();
    let mut points = cut.articulation_points.clone();
    points.sort_by(|&a, &b| {
        cut.separated_pairs[b]
            .cmp(&cut.separated_pairs[a])
            .then(a.cmp(&b))
    });
    if points.is_empty() {
        return Ok((summary.ties > 0).then(|| Finding {
            text: lang.text("finding.no_cut").to_string(),
            section: "cut",
        }));
    }
    let names: Vec<String> = points
        .iter()
        .take(LISTED)
        .map(|&p| short_name(&analysis.actor(p).name))
        .collect();
    let key = if points.len() == 1 {
        "finding.cut_one"
    } else {
        "finding.cut_many"
    };
    let mut text = lang
        .text(key)
        .replace("{k}", &lang.integer(points.len() as i64))
        .replace("{names}", &listed(lang, &names, points.len()))
        .replace(
            "{pairs}",
            &lang.integer(cut.separated_pairs[points[0]] as i64),
        );
    if !summary.bridges.is_empty() {
        text.push(' ');
        text.push_str(
            &lang
                .text("finding.bridges")
                .replace("{n}", &lang.integer(summary.bridges.len() as i64)),
        );
    }
    Ok(Some(Finding {
        text,
        section: "cut",
    }))
}

/// Who works across groups and who does not: the densest block among
/// groups of at least [`SMALL_GROUP`] actors, and the group with the
/// smallest share of its ties to other groups.
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
    let sized = |g: usize| mixing.sizes[g] >= SMALL_GROUP;
    let mut blocks: Vec<(f64, usize, usize)> = Vec::new();
    for g in (0..k).filter(|&g| sized(g)) {
        for h in (g..k).filter(|&h| sized(h)) {
            if let Some(d) = mixing.density(g, h).filter(|&d| d > 0.0) {
                blocks.push((d, g, h));
            }
        }
    }
    if blocks.is_empty() || (0..k).filter(|&g| sized(g)).count() < 2 {
        return Ok(None);
    }
    blocks.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    let (d, g, h) = blocks[0];
    let mut text = if g == h {
        lang.text("finding.densest_within").replace("{a}", &name(g))
    } else {
        lang.text("finding.densest_pair")
            .replace("{a}", &name(g))
            .replace("{b}", &name(h))
    }
    .replace("{d}", &percent(lang, d));
    // The share of a group's ties that go to other groups.
    let outward = |g: usize| {
        let all: f64 = (0..k).map(|h| mixing.ties[g][h] as f64).sum();
        (all > 0.0).then(|| 1.0 - mixing.ties[g][g] as f64 / all)
    };
    let inward = (0..k)
        .filter(|&g| sized(g))
        .filter_map(|g| outward(g).map(|o| (o, g)))
        .min_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    if let Some((o, g)) = inward.filter(|&(o, _)| o < 0.5) {
        text.push(' ');
        text.push_str(
            &lang
                .text("finding.inward")
                .replace("{a}", &name(g))
                .replace("{d}", &percent(lang, o)),
        );
    }
    Ok(Some(Finding {
        text,
        section: "density",
    }))
}

/// A name for a sentence: at most eight words, the rest as `…`.
fn short_name(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() > 8 {
        format!("{} …", words[..7].join(" "))
    } else {
        name.to_string()
    }
}

/// A project's name for a sentence: its name cut to a few words, and its
/// code.
fn project_label(name: &str, id: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let short = if words.len() > 6 {
        format!("{} …", words[..5].join(" "))
    } else {
        name.to_string()
    };
    if short == id {
        short
    } else {
        format!("{short} ({id})")
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
                .replace("{project}", &project_label(&e.name, &e.id)),
            section: "read-first",
        }
    }))
}

/// Who receives the money: the total, the largest share, and the shares
/// by kind and by region (at most three each).
fn money(analysis: &Analysis<'_>, lang: Lang) -> Option<Finding> {
    let graph = analysis.projection().two_mode();
    let funding = analysis.funding();
    let &(a, _, _, share) = funding.first()?;
    let mut seen = std::collections::BTreeSet::new();
    let mut total = 0.0;
    for e in 0..graph.engagement_count() {
        let engagement = graph.engagement(e);
        if engagement.part_of().is_none() && seen.insert(engagement.id.as_str()) {
            total += engagement.funding_eur().unwrap_or(0.0);
        }
    }
    let shares = |by_kind: bool| -> String {
        let table = crate::views::projects::funding_by_group(analysis, lang, by_kind);
        let sum: f64 = table
            .rows
            .iter()
            .filter_map(|r| match r[2] {
                crate::render::Cell::Float(v) => Some(v),
                _ => None,
            })
            .sum();
        let items: Vec<String> = table
            .rows
            .iter()
            .filter_map(|r| match (&r[0], &r[2]) {
                // Actors without a region are not a region.
                (crate::render::Cell::Text(g), crate::render::Cell::Float(v))
                    if sum > 0.0 && g.as_str() != "–" =>
                {
                    Some(format!("{g} {}", percent(lang, v / sum)))
                }
                _ => None,
            })
            .collect();
        listed(lang, &items, items.len())
    };
    let mut text = lang
        .text("finding.money")
        .replace("{sum}", &lang.number(total, 0))
        .replace("{name}", &short_name(&analysis.dataset().actors[a].name))
        .replace("{share}", &lang.number(share, 0))
        .replace("{kinds}", &shares(true));
    let regions = funding
        .iter()
        .filter(|f| analysis.dataset().actors[f.0].region().is_some())
        .count();
    if regions > 0 {
        text.push_str(
            &lang
                .text("finding.money_regions")
                .replace("{regions}", &shares(false)),
        );
    }
    Some(Finding {
        text,
        section: "projects",
    })
}

/// The change year by year, for data dated over two years or more: the
/// peak year and the new ties of the last.
fn years(analysis: &Analysis<'_>, lang: Lang) -> Result<Option<Finding>> {
    let rows = analysis.yearly()?;
    if rows.len() < 2 {
        return Ok(None);
    }
    let peak = rows
        .iter()
        .max_by(|a, b| a.ties.cmp(&b.ties).then(b.start.cmp(&a.start)))
        .expect("two rows");
    let last = rows.last().expect("two rows");
    let mut text = lang
        .text("finding.years")
        .replace("{peak}", &peak.period)
        .replace("{n}", &lang.integer(peak.active_actors as i64))
        .replace("{m}", &lang.integer(peak.ties as i64));
    if last.new_ties > 0 && last.period != peak.period {
        text.push_str(
            &lang
                .text("finding.years_new")
                .replace("{last}", &last.period)
                .replace("{new}", &lang.integer(last.new_ties as i64)),
        );
    }
    Ok(Some(Finding {
        text,
        section: "evolution",
    }))
}

/// A share as a percentage for people.
fn percent(lang: Lang, x: f64) -> String {
    format!("{} %", lang.number(100.0 * x, 1))
}
