//! The report, opened in a real headless Chromium.

use crate::maps::{assert_well_formed_xml, graphviz};
use crate::util::{repo, run_in};
use std::path::{Path, PathBuf};
use std::process::Command;

fn chromium() -> Option<PathBuf> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .map(PathBuf::from)
        .find(|p| {
            Command::new(p)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
}

/// Runs headless Chromium on `page` with the flags this machine needs (no
/// background networking); returns (stdout, stderr).
fn chrome(browser: &Path, page: &Path, extra: &[&str]) -> (String, String) {
    let profile = tempfile::tempdir().unwrap();
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn make_report(dir: &Path, file: &str, extra: &[&str]) {
    let mut args = vec!["report", file, "-o", dir.to_str().unwrap()];
    args.extend_from_slice(extra);
    let r = run_in(&repo(), &args, None);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn report_files_and_numbers() {
    let dir = tempfile::tempdir().unwrap();
    make_report(dir.path(), "graphs/finland-regional.json", &[]);
    for file in [
        "report.html",
        "report.md",
        "map.svg",
        "map.dot",
        "actors.csv",
        "ties.csv",
        "communities.csv",
        "summary.csv",
    ] {
        assert!(dir.path().join(file).exists(), "{file} missing");
    }
    let html = std::fs::read_to_string(dir.path().join("report.html")).unwrap();
    // Self-contained: no external references, no scripts.
    for forbidden in [
        "src=\"http",
        "href=\"http",
        "url(http",
        "<script",
        "<link",
        "@import",
    ] {
        assert!(!html.contains(forbidden), "{forbidden} in report.html");
    }
    assert!(html.contains("Content-Security-Policy"));
    for section in [
        "Network summary",
        "Collaboration density by kind",
        "Network map",
        "Top actors by betweenness",
        "Top actors per kind",
        "Brokers: who bridges whom",
        "Articulation points",
        "Communities",
        "What the numbers mean",
        "<svg",
    ] {
        assert!(html.contains(section), "{section} missing");
    }
    // Numbers identical to the CLI's.
    let summary = crate::util::json(&run_in(
        &repo(),
        &["summary", "graphs/finland-regional.json", "-f", "json"],
        None,
    ));
    let density = verkosto::render::format_float(summary["density"].as_f64().unwrap(), 4);
    assert!(
        html.contains(&format!("<td class=\"n\">{density}</td>")),
        "density {density} as in the CLI"
    );
    let md = std::fs::read_to_string(dir.path().join("report.md")).unwrap();
    assert!(md.contains(&format!("| density | {density} |")));
    assert!(md.contains("![Network map](map.svg)"));
    let cli_csv = run_in(
        &repo(),
        &["summary", "graphs/finland-regional.json", "-f", "csv"],
        None,
    )
    .stdout;
    assert_eq!(
        std::fs::read_to_string(dir.path().join("summary.csv")).unwrap(),
        cli_csv
    );
}

#[test]
fn report_opens_offline_in_chromium() {
    let Some(browser) = chromium() else {
        eprintln!("skipped: Chromium is not installed (CI installs Debian's chromium)");
        return;
    };
    for (file, extra) in [
        ("graphs/finland-regional.json", vec![]),
        ("graphs/examples/hostile-names.json", vec!["--builtin"]),
    ] {
        let dir = tempfile::tempdir().unwrap();
        make_report(dir.path(), file, &extra);
        let page = dir.path().join("report.html");
        let (dom, log) = chrome(&browser, &page, &["--dump-dom"]);
        assert!(dom.contains("<svg"), "{file}: the map is in the page");
        assert!(
            dom.matches("<table").count() >= 8,
            "{file}: tables are in the page"
        );
        assert!(dom.contains("What the numbers mean"));
        assert!(
            !dom.contains("<script"),
            "{file}: no script element, injected or not"
        );
        if file.contains("hostile") {
            assert!(
                dom.contains("&lt;script&gt;alert('x')&lt;/script&gt;"),
                "hostile name shown as text"
            );
            assert!(dom.contains("Åbo Akademi"));
        }
        // Console errors and refused loads are logged as CONSOLE lines.
        let console: Vec<&str> = log
            .lines()
            .filter(|l| l.contains("CONSOLE") || l.contains("Refused to"))
            .collect();
        assert!(console.is_empty(), "{file}: console messages: {console:?}");
        let shot = dir.path().join("shot.png");
        chrome(
            &browser,
            &page,
            &[
                &format!("--screenshot={}", shot.display()),
                "--window-size=1200,2000",
            ],
        );
        assert_not_blank(&shot);
    }
    if !graphviz() {
        eprintln!("note: Graphviz absent, the seed report used the built-in layout");
    }
}

/// The screenshot shows something: enough pixels that are not white.
fn assert_not_blank(png: &Path) {
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(png).expect("a screenshot"),
    ));
    let mut reader = decoder.read_info().unwrap();
    let mut buffer = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buffer).unwrap();
    let channels = info.color_type.samples();
    let pixels = &buffer[..info.buffer_size()];
    let total = pixels.len() / channels;
    let inked = pixels
        .chunks(channels)
        .filter(|p| p[..3].iter().any(|&c| c < 200))
        .count();
    let share = inked as f64 / total as f64;
    assert!(
        share > 0.01 && share < 0.9,
        "screenshot looks blank or solid: {share:.3} inked"
    );
}

#[test]
fn report_without_graphviz_uses_the_builtin_map() {
    let dir = tempfile::tempdir().unwrap();
    make_report(dir.path(), "graphs/finland-regional.json", &["--builtin"]);
    let svg = std::fs::read_to_string(dir.path().join("map.svg")).unwrap();
    assert_well_formed_xml(&svg, "built-in map");
    let html = std::fs::read_to_string(dir.path().join("report.html")).unwrap();
    assert!(
        html.contains("Drawn with verkosto&apos;s built-in layout"),
        "the report says which renderer drew the map"
    );
}

#[test]
fn report_refuses_to_overwrite_its_input() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("report.html");
    std::fs::copy(repo().join("graphs/finland-regional.json"), &input).unwrap();
    let before = std::fs::read(&input).unwrap();
    let r = run_in(dir.path(), &["report", "report.html", "-o", "."], None);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert_eq!(std::fs::read(&input).unwrap(), before);
}
