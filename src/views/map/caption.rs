//! A map's caption: what it shows, the filters, the period, and what the
//! ego choice and the thinning did.

use super::shown::Shown;
use crate::analysis::Analysis;
use crate::lang::Lang;
use crate::render::map::MapNode;

/// The caption's lines.
pub(super) fn caption(
    analysis: &Analysis<'_>,
    lang: Lang,
    title: &str,
    nodes: &[MapNode],
    edges: usize,
    shown: &Shown,
) -> Vec<String> {
    let graph = analysis.projection().two_mode();
    let dataset = analysis.dataset();
    let mut caption = Vec::new();
    let shown_actors = nodes.iter().filter(|n| !n.is_engagement).count();
    let mut first = lang
        .text("map.actors_ties")
        .replace("{n}", &lang.integer(shown_actors as i64))
        .replace("{m}", &lang.integer(edges as i64));
    if title != dataset.name {
        first = format!("{}: {first}", dataset.name);
    }
    let filter = graph.filter();
    if !filter.is_default() {
        first = format!("{first}; {}", crate::views::filter_text(filter, None, lang));
    }
    if let Some(b) = analysis.projection().backbone() {
        first = format!("{first}; {}", crate::views::backbone_caption(b, lang));
    }
    caption.push(first);
    if let Some((a, b)) = analysis.span() {
        caption.push(
            lang.text("map.engagements")
                .replace("{from}", &lang.date(a))
                .replace("{to}", &lang.date(b)),
        );
    }
    caption.extend(shown.notes.iter().cloned());
    caption.extend(shown.thinning_note.iter().cloned());
    caption
}
