//! Every word in the reader's language: the Finnish and Swedish reports
//! (text, maps, charts, tables.xlsx and the CSV headers) hold no English
//! word that verkosto itself writes. The word list is taken from the
//! English column of the translation tables in the source: words of four
//! letters or more that neither the Finnish nor the Swedish texts use;
//! words of the data (names, titles) and method names are allowed.

use crate::util::{make_report, repo};
use std::collections::BTreeSet;
use std::io::Read;

fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 4)
        .map(str::to_lowercase)
}

/// (English words, Finnish and Swedish words) of the translation tables.
fn translation_words() -> (BTreeSet<String>, BTreeSet<String>) {
    let mut source = String::new();
    for file in ["src/lang.rs", "src/lang_report.rs"] {
        source.push_str(&std::fs::read_to_string(repo().join(file)).unwrap());
    }
    let (mut english, mut other) = (BTreeSet::new(), BTreeSet::new());
    for line in source.lines() {
        let line = line.trim();
        if !line.starts_with("(\"") {
            continue;
        }
        // ("key", "English", "Finnish", "Swedish"),
        let fields: Vec<&str> = line.split("\", \"").collect();
        if fields.len() != 4 {
            continue;
        }
        let strip = |s: &str| {
            s.split('{')
                .map(|p| p.split_once('}').map_or(p, |(_, rest)| rest))
                .collect::<String>()
        };
        english.extend(words(&strip(fields[1])));
        other.extend(words(&strip(fields[2])));
        other.extend(words(&strip(fields[3])));
    }
    (english, other)
}

/// The words a reader sees in a report folder: report.md (without
/// warning codes and file names), the text of report.html (without its
/// script and style), the maps' and charts' text, tables.xlsx and the CSV
/// headers.
fn report_text(dir: &std::path::Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let md = std::fs::read_to_string(dir.join("report.md")).unwrap();
    let md: String = md
        .split('`')
        .enumerate()
        .filter(|(i, _)| i % 2 == 0)
        .map(|(_, s)| s)
        .collect::<Vec<_>>()
        .join(" ");
    let md: String = md
        .split("](")
        .map(|p| p.split_once(')').map_or(p, |(_, r)| r))
        .collect();
    out.push(("report.md".to_string(), md));
    let html = std::fs::read_to_string(dir.join("report.html")).unwrap();
    let html = without(
        &without(&html, "<script", "</script>"),
        "<style",
        "</style>",
    );
    out.push(("report.html".to_string(), tags_out(&html)));
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        match path.extension().and_then(|e| e.to_str()) {
            Some("svg") => out.push((name, tags_out(&std::fs::read_to_string(&path).unwrap()))),
            Some("csv") => {
                let csv = std::fs::read_to_string(&path).unwrap();
                out.push((name, csv.lines().next().unwrap_or("").to_string()));
            }
            Some("xlsx") => {
                let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
                let mut all = String::new();
                for i in 0..zip.len() {
                    let mut f = zip.by_index(i).unwrap();
                    if f.name().starts_with("xl/") && f.name().ends_with(".xml") {
                        let mut xml = String::new();
                        f.read_to_string(&mut xml).unwrap();
                        all.push_str(&tags_out(&xml));
                        // Sheet names are attributes.
                        for piece in xml.split("<sheet name=\"").skip(1) {
                            all.push(' ');
                            all.push_str(piece.split('"').next().unwrap());
                        }
                    }
                }
                out.push((name, all));
            }
            _ => {}
        }
    }
    out
}

/// `s` without the elements from `open` to `close`.
fn without(s: &str, open: &str, close: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find(open) {
        out.push_str(&rest[..i]);
        rest = rest[i..].split_once(close).map_or("", |(_, r)| r);
    }
    out.push_str(rest);
    out
}

/// Text without XML or HTML tags.
fn tags_out(s: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for c in s.chars() {
        match c {
            '<' => inside = true,
            '>' => {
                inside = false;
                out.push(' ');
            }
            c if !inside => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn no_english_word_in_the_finnish_and_swedish_reports() {
    let (english, other) = translation_words();
    let dataset = std::fs::read_to_string(repo().join("graphs/finland-regional.json")).unwrap();
    let data: BTreeSet<String> = words(&dataset).collect();
    let allowed: BTreeSet<String> = [
        "pagerank",
        "leiden",
        "louvain",
        "brandes",
        "bonacich",
        "burt",
        "gould",
        "fernandez",
        "newman",
        "girvan",
        "traag",
        "waltman",
        "katz",
        "brin",
        "page",
        "jaccard",
        "wasserman",
        "faust",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    let suspicious: BTreeSet<&String> = english
        .iter()
        .filter(|w| !other.contains(*w) && !data.contains(*w) && !allowed.contains(*w))
        .collect();
    assert!(
        suspicious.len() > 100,
        "the word list is read: {}",
        suspicious.len()
    );
    for lang in ["fi", "sv"] {
        for extra in [
            vec!["--reach"],
            vec![
                "--before",
                "2016..2020",
                "--after",
                "2021..2023",
                "--maps",
                "projection,two-mode",
            ],
        ] {
            let dir = tempfile::tempdir().unwrap();
            let mut args = vec!["--builtin", "--lang", lang];
            args.extend(extra.iter().copied());
            make_report(dir.path(), "graphs/finland-regional.json", &args);
            for (file, text) in report_text(dir.path()) {
                let found: BTreeSet<String> =
                    words(&text).filter(|w| suspicious.contains(w)).collect();
                assert!(
                    found.is_empty(),
                    "{lang} {extra:?}: English in {file}: {found:?}"
                );
            }
        }
    }
}
