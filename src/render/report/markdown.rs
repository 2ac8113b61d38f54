//! The report as Markdown: the same sections, the maps as image links.

use super::ReportData;
use crate::render::{Cell, Table, TextStyle};

/// Escapes Markdown and HTML in a table cell or line: nothing in a name
/// becomes markup.
fn md_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\n' | '\r' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '(' | ')' | '#' | '!' | '|' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

fn md_table(table: &Table, style: &TextStyle) -> String {
    let mut out = format!(
        "| {} |\n|{}\n",
        table
            .columns
            .iter()
            .map(|c| md_escape(c))
            .collect::<Vec<_>>()
            .join(" | "),
        table.columns.iter().map(|_| "---|").collect::<String>()
    );
    for row in &table.rows {
        out.push_str(&format!(
            "| {} |\n",
            row.iter()
                .map(|c| md_escape(&c.text(style)))
                .collect::<Vec<_>>()
                .join(" | ")
        ));
    }
    out
}

/// The report as Markdown (the maps as image links to their files).
pub fn report_markdown(data: &ReportData) -> String {
    let lang = data.lang;
    let style = TextStyle::people(lang);
    let mut out = format!("# {}\n\n", md_escape(&data.title));
    if !data.findings.is_empty() {
        out.push_str(&format!("## {}\n\n", lang.text("report.findings")));
        for f in &data.findings {
            out.push_str(&format!("- {}\n", md_escape(&f.text)));
        }
        out.push('\n');
    }
    if !data.warnings.is_empty() {
        out.push_str(&format!("## {}\n\n", lang.text("report.read_first")));
        for w in &data.warnings {
            out.push_str(&format!("- {} (`{}`)\n", md_escape(&w.message), w.code));
        }
        out.push('\n');
    }
    out.push_str(&format!("## {}\n\n", lang.text("report.options")));
    for (k, v) in &data.options {
        out.push_str(&format!("- **{}**: {}\n", md_escape(k), md_escape(v)));
    }
    if let Some((title, text)) = &data.methods {
        out.push_str(&format!(
            "\n## {}\n\n{}\n",
            md_escape(title),
            md_escape(text)
        ));
    }
    out.push_str(&format!("\n## {}\n\n", lang.text("report.summary")));
    out.push_str(&md_table(&data.summary, &style));
    let h = &data.heatmap;
    out.push_str(&format!(
        "\n## {}\n\n{}\n\n",
        md_escape(&lang.text("report.density").replace("{group}", &h.group)),
        md_escape(lang.text("report.density_intro"))
    ));
    let mut heat = Table::new(&[""]);
    heat.columns.extend(
        h.groups
            .iter()
            .map(|(g, n)| format!("{g}{}", if *n < 3 { "*" } else { "" })),
    );
    for (g, (name, size)) in h.groups.iter().enumerate() {
        let mut row = vec![Cell::Text(format!("{name} ({size})").into())];
        row.extend(
            h.cells[g]
                .iter()
                .map(|c| c.map_or(Cell::Empty, |(d, _)| Cell::Float(d))),
        );
        heat.rows.push(row);
    }
    out.push_str(&md_table(&heat, &style));
    for map in &data.maps {
        out.push_str(&format!("\n## {}\n\n", md_escape(&map.title)));
        for note in &map.notes {
            out.push_str(&format!("*{}*\n\n", md_escape(note)));
        }
        out.push_str(&format!("![{}]({})\n", md_escape(&map.title), map.file));
    }
    if let Some(change) = &data.change {
        out.push_str(&format!(
            "\n## {}\n\n{}\n\n",
            md_escape(&change.title),
            md_escape(&change.intro)
        ));
        for (i, chart) in change.charts.iter().enumerate() {
            out.push_str(&format!(
                "![{}](chart-{}.svg)\n",
                md_escape(&chart.title),
                i + 1
            ));
        }
    }
    for s in &data.sections {
        out.push_str(&format!(
            "\n## {}\n\n{}\n\n",
            md_escape(&s.title),
            md_escape(&s.intro)
        ));
        out.push_str(&md_table(&s.table, &style));
    }
    out.push_str(&format!("\n## {}\n\n", lang.text("report.definitions")));
    for (name, meaning) in &data.definitions {
        out.push_str(&format!(
            "- **{}**: {}\n",
            md_escape(name),
            md_escape(meaning)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_cannot_become_markdown() {
        let e = md_escape("![x](http://e/i.png) *a* [l](u) <b>|");
        assert!(!e.contains("](") && !e.contains("<b>"), "{e}");
        assert_eq!(md_escape("Hämeen ELY-keskus"), "Hämeen ELY-keskus");
    }
}
