//! A significance backbone in words: the table of tested ties, the line
//! that sums it up, and the methods paragraph for a report.

use crate::analysis::Analysis;
use crate::graph::{Backbone, BackboneModel, BackboneSummary, Correction};
use crate::lang::Lang;
use crate::render::{Cell, Table};

/// The columns of [`backbone_table`].
pub const BACKBONE_COLUMNS: [&str; 9] = [
    "source",
    "target",
    "source_name",
    "target_name",
    "co_membership",
    "weight",
    "p_value",
    "kept",
    "tested",
];

/// One row per tie of `analysis`'s projection with its test in
/// `backbone` (made from that projection): the pair, the engagements the
/// two share, the tie weight, the p-value and whether the tie is kept.
/// Ordered by p-value (smallest first), then by pair; untested ties last.
/// With `kept_only`, only the kept ties.
pub fn backbone_table(analysis: &Analysis<'_>, backbone: &Backbone, kept_only: bool) -> Table {
    let rows = backbone_rows(analysis, backbone, kept_only);
    let mut table = Table::new(&BACKBONE_COLUMNS);
    for k in 0..rows.len() {
        table.push(rows.row(k));
    }
    table
}

/// The rows of [`backbone_table`], each made when asked for: see
/// [`backbone_rows`].
pub struct BackboneRows<'a, 'd> {
    analysis: &'a Analysis<'d>,
    backbone: &'a Backbone,
    /// The ties in the order of the rows.
    order: Vec<u32>,
}

impl BackboneRows<'_, '_> {
    /// The number of rows.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// Whether there is no row.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// Row `k` ([`BACKBONE_COLUMNS`]); `k` must be below
    /// [`BackboneRows::len`].
    pub fn row(&self, k: usize) -> Vec<Cell> {
        let t = self.order[k] as usize;
        let tie = self.analysis.projection().tie(t);
        let test = self.backbone.tests[t];
        let (s, d) = (
            self.analysis.actor(tie.source as usize),
            self.analysis.actor(tie.target as usize),
        );
        vec![
            s.id.as_str().into(),
            d.id.as_str().into(),
            s.name.as_str().into(),
            d.name.as_str().into(),
            (test.co_membership() as usize).into(),
            Cell::Float(tie.weight),
            test.p_value().map_or(Cell::Empty, Cell::Probability),
            Cell::Bool(self.backbone.kept(t)),
            Cell::Bool(test.p_value().is_some()),
        ]
    }
}

/// The rows of [`backbone_table`] ([`BACKBONE_COLUMNS`]) in its order,
/// each made when asked for, so that a writer can stream millions of
/// tested ties (on every thread, [`crate::render::CsvStream::rows`])
/// without holding them as a table.
///
/// Complexity: O(m log m) to order the ties by p-value, then O(1) a row.
pub fn backbone_rows<'a, 'd>(
    analysis: &'a Analysis<'d>,
    backbone: &'a Backbone,
    kept_only: bool,
) -> BackboneRows<'a, 'd> {
    let ties = analysis.projection().ties();
    let shown = |t: &u32| !kept_only || backbone.kept(*t as usize);
    // Counted first, so that the list is made at its size.
    let mut order = Vec::with_capacity((0..ties.len() as u32).filter(shown).count());
    order.extend((0..ties.len() as u32).filter(shown));
    // Among equal p the ties stay in pair order (their index): the order
    // of a stable sort, without the buffer of half the list it takes.
    order.sort_unstable_by(|&a, &b| {
        let p = |t: u32| {
            backbone.tests[t as usize]
                .p_value()
                .unwrap_or(f64::INFINITY)
        };
        p(a).total_cmp(&p(b)).then(a.cmp(&b))
    });
    BackboneRows {
        analysis,
        backbone,
        order,
    }
}

/// α as the language writes it, with as many decimals as it needs
/// (0,05; 0,001).
fn alpha_text(alpha: f64, lang: Lang) -> String {
    let decimals = (1..=6)
        .find(|&d| {
            let scale = 10f64.powi(d);
            ((alpha * scale).round() - alpha * scale).abs() < 1e-9
        })
        .unwrap_or(6) as usize;
    lang.number(alpha, decimals)
}

/// The correction in words, with the number of tests.
fn correction_text(summary: &BackboneSummary, lang: Lang) -> String {
    let key = match summary.options.correction {
        Correction::Fdr => "backbone.fdr",
        Correction::Holm => "backbone.holm",
        Correction::Bonferroni => "backbone.bonferroni",
        Correction::None => "backbone.no_correction",
    };
    lang.text(key).replace(
        "{m}",
        &lang.integer(summary.hypotheses.min(i64::MAX as u64) as i64),
    )
}

/// One line: the model, α, the correction, the tests and the ties kept —
/// "sdsm backbone (α 0.05, Benjamini–Hochberg …): 120 of 4,000 ties kept".
///
/// ```
/// use verkosto::graph::{BackboneOptions, BackboneSummary};
/// use verkosto::lang::Lang;
/// let summary = BackboneSummary { options: BackboneOptions::default(), matrix: (10, 4),
///     hypotheses: 45, tested: 12, kept: 3, ties: 12, threshold: Some(0.01), solver_residual: None };
/// let line = verkosto::views::backbone_line(&summary, Lang::En);
/// assert!(line.contains("3 of 12 ties kept"), "{line}");
/// ```
pub fn backbone_line(summary: &BackboneSummary, lang: Lang) -> String {
    let int = |n: usize| lang.integer(n as i64);
    lang.text("backbone.line")
        .replace("{model}", lang.text(model_key(summary.options.model)))
        .replace("{alpha}", &alpha_text(summary.options.alpha, lang))
        .replace("{correction}", &correction_text(summary, lang))
        .replace("{kept}", &int(summary.kept))
        .replace("{ties}", &int(summary.ties))
        .replace("{tested}", &int(summary.tested))
}

/// [`backbone_line`], and when no tie is kept, the sentence that says so
/// and what would change that: the warning of a backbone network, and the
/// reason a map of it is not drawn.
pub fn backbone_verdict(summary: &BackboneSummary, lang: Lang) -> String {
    let line = backbone_line(summary, lang);
    if summary.kept == 0 {
        format!("{line}. {}", lang.text("backbone.none_kept"))
    } else {
        line
    }
}

fn model_key(model: BackboneModel) -> &'static str {
    match model {
        BackboneModel::Sdsm => "backbone.model_sdsm",
        BackboneModel::Hypergeometric => "backbone.model_hypergeometric",
        BackboneModel::Disparity => "backbone.model_disparity",
    }
}

/// The methods paragraph, ready to paste into a report: the model and
/// what it controls for, how the p-values were computed, α, the
/// correction and the number of tests, the ties kept, and the
/// references. When no tie is kept it says so and what would change that.
pub fn backbone_methods(summary: &BackboneSummary, lang: Lang) -> String {
    let int = |n: u64| lang.integer(n.min(i64::MAX as u64) as i64);
    let (rows, columns) = summary.matrix;
    let model = match summary.options.model {
        BackboneModel::Sdsm => "backbone.methods_sdsm",
        BackboneModel::Hypergeometric => "backbone.methods_hypergeometric",
        BackboneModel::Disparity => "backbone.methods_disparity",
    };
    let counts = match summary.options.model {
        BackboneModel::Disparity => "backbone.counts_ties",
        _ => "backbone.counts_pairs",
    };
    let fill = |text: &str| {
        text.replace("{alpha}", &alpha_text(summary.options.alpha, lang))
            .replace("{correction}", &correction_text(summary, lang))
            .replace("{pairs}", &int(summary.hypotheses))
            .replace("{rows}", &int(rows as u64))
            .replace("{columns}", &int(columns as u64))
            .replace("{tested}", &int(summary.tested as u64))
            .replace("{kept}", &int(summary.kept as u64))
    };
    let mut text = format!("{} {}", fill(lang.text(model)), fill(lang.text(counts)));
    if summary.kept == 0 {
        text.push(' ');
        text.push_str(lang.text("backbone.none_kept"));
    }
    let references = match summary.options.model {
        BackboneModel::Sdsm => {
            "Neal, Z. (2014). The backbone of bipartite projections: Inferring relationships from co-authorship, co-sponsorship, co-attendance and other co-behaviors. Social Networks 39, 84–97. Saracco, F., Straka, M. J., Di Clemente, R., Gabrielli, A., Caldarelli, G. & Squartini, T. (2017). Inferring monopartite projections of bipartite networks: an entropy-based approach. New Journal of Physics 19, 053022."
        }
        BackboneModel::Hypergeometric => {
            "Tumminello, M., Miccichè, S., Lillo, F., Piilo, J. & Mantegna, R. N. (2011). Statistically validated networks in bipartite complex systems. PLoS ONE 6(3), e17994."
        }
        BackboneModel::Disparity => {
            "Serrano, M. Á., Boguñá, M. & Vespignani, A. (2009). Extracting the multiscale backbone of complex weighted networks. PNAS 106(16), 6483–6488."
        }
    };
    let multiple = match summary.options.correction {
        Correction::Fdr => " Benjamini, Y. & Hochberg, Y. (1995). Controlling the false discovery rate. Journal of the Royal Statistical Society B 57(1), 289–300.",
        Correction::Holm => " Holm, S. (1979). A simple sequentially rejective multiple test procedure. Scandinavian Journal of Statistics 6(2), 65–70.",
        _ => "",
    };
    format!(
        "{text} {}: {references}{multiple}",
        lang.text("backbone.references")
    )
}

/// The selection in a few words for a caption or the options table:
/// "significant ties only (sdsm, α 0.05, FDR): 120 of 4,000 kept".
pub fn backbone_caption(summary: &BackboneSummary, lang: Lang) -> String {
    lang.text("backbone.caption")
        .replace("{model}", summary.options.model.name())
        .replace("{alpha}", &alpha_text(summary.options.alpha, lang))
        .replace(
            "{correction}",
            &summary.options.correction.name().to_uppercase(),
        )
        .replace("{kept}", &lang.integer(summary.kept as i64))
        .replace("{ties}", &lang.integer(summary.ties as i64))
}
