//! A report of a generated 7,000-actor network with a few large projects,
//! many separate parts and long lists of bridges and cut points, in three
//! languages: it never fails on size, and every output keeps its medium's
//! limits.

use crate::util::run_in;

#[path = "../common/generated.rs"]
mod generated;
pub use generated::generated_network;
use std::io::Read;

/// The longest text in any cell of a workbook's sheets, in characters
/// (entities counted as written, so never fewer than the text has).
fn longest_cell(path: &std::path::Path) -> usize {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut longest = 0;
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).unwrap();
        if !file.name().starts_with("xl/") || !file.name().ends_with(".xml") {
            continue;
        }
        let mut xml = String::new();
        file.read_to_string(&mut xml).unwrap();
        for piece in xml.split("<t").skip(1) {
            let text = piece.split_once('>').map_or("", |(_, t)| t);
            let text = text.split("</t>").next().unwrap_or("");
            longest = longest.max(text.chars().count());
        }
    }
    longest
}

#[test]
fn a_report_of_seven_thousand_actors_in_three_languages() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("big.json"), generated_network()).unwrap();
    for lang in ["fi", "sv", "en"] {
        let out = dir.path().join(format!("report-{lang}"));
        let r = run_in(
            dir.path(),
            &[
                "report",
                "big.json",
                "--builtin",
                "--lang",
                lang,
                "--group",
                "country",
                "-o",
                out.to_str().unwrap(),
            ],
            None,
        );
        assert_eq!(r.code, 0, "{lang}: {}", r.stderr);
        for file in [
            "report.html",
            "report.md",
            "map.svg",
            "map-groups.svg",
            "actors.csv",
            "ties.csv",
            "projects.csv",
            "summary.csv",
            "tables.xlsx",
        ] {
            assert!(out.join(file).exists(), "{lang}: {file} missing");
        }
        assert!(longest_cell(&out.join("tables.xlsx")) <= 32_767);
        let md = std::fs::read_to_string(out.join("report.md")).unwrap();
        let findings: Vec<&str> = md
            .split("\n## ")
            .nth(1)
            .unwrap()
            .lines()
            .filter(|l| l.starts_with("- "))
            .collect();
        assert!(findings.len() >= 5, "{lang}: {findings:?}");
        for f in findings {
            assert!(f.split_whitespace().count() <= 61, "{lang}: too long: {f}");
        }
        // The heat map of 31 countries shows the largest and pools the rest.
        let html = std::fs::read_to_string(out.join("report.html")).unwrap();
        let start = html.find("<table class=\"heat\">").unwrap();
        let heat = &html[start..start + html[start..].find("</table>").unwrap()];
        assert_eq!(
            heat.split("<thead>")
                .nth(1)
                .unwrap()
                .split("</thead>")
                .next()
                .unwrap()
                .matches("<th>")
                .count(),
            13
        );
    }
    let r = run_in(
        dir.path(),
        &["summary", "big.json", "--group", "country"],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let longest = r.stdout.lines().map(|l| l.chars().count()).max().unwrap();
    assert!(longest <= 200, "a summary line of {longest} characters");
    assert!(
        r.stdout.contains(" more"),
        "long lists are shortened with a count"
    );
    assert!(r.stdout.contains("FAROE ISLANDS"));
}
