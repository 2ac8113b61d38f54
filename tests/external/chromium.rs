//! The report, opened in a real headless Chromium.

use crate::util::{graphviz, make_report};
use std::path::{Path, PathBuf};
use std::process::Command;

pub fn chromium() -> Option<PathBuf> {
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
pub fn chrome(browser: &Path, page: &Path, extra: &[&str]) -> (String, String) {
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

pub fn report_opens_offline_in_chromium() {
    let browser = chromium().expect("Chromium is installed");
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
