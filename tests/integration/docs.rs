//! The README and the manual in `docs/src` say what is true: every link
//! leads to a file, every chapter is in the book, every command the README
//! shows exists, and the claims a test can check (the report's one script)
//! hold.

use crate::util::{repo, run_in};
use std::path::Path;

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The relative link targets of a Markdown text (`](target)`), without
/// their `#anchor`.
fn links(text: &str) -> Vec<String> {
    text.split("](")
        .skip(1)
        .filter_map(|rest| rest.split(')').next())
        .filter(|t| !t.starts_with("http") && !t.starts_with('#') && !t.is_empty())
        .map(|t| t.split('#').next().unwrap_or(t).to_string())
        .collect()
}

#[test]
fn the_readme_is_a_front_door_whose_links_lead_somewhere() {
    let readme = read(&repo().join("README.md"));
    let lines = readme.lines().count();
    assert!(lines <= 200, "README.md has {lines} lines");
    let targets = links(&readme);
    assert!(targets.iter().any(|t| t.starts_with("docs/src/")));
    for target in targets {
        assert!(
            repo().join(&target).exists(),
            "README.md links to {target}, which does not exist"
        );
    }
}

#[test]
fn every_chapter_is_in_the_book_and_every_link_leads_to_a_file() {
    let src = repo().join("docs/src");
    let summary = read(&src.join("SUMMARY.md"));
    let listed = links(&summary);
    for entry in std::fs::read_dir(&src).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().to_string();
        if name.ends_with(".md") && name != "SUMMARY.md" {
            assert!(listed.contains(&name), "{name} is not in SUMMARY.md");
        }
        if name.ends_with(".md") {
            let text = read(&src.join(&name));
            for target in links(&text) {
                assert!(
                    src.join(&target).exists(),
                    "docs/src/{name} links to {target}, which does not exist"
                );
            }
        }
    }
    assert!(repo().join("docs/book.toml").exists());
}

#[test]
fn every_command_the_readme_shows_exists() {
    let readme = read(&repo().join("README.md"));
    let commands: Vec<&str> = readme
        .lines()
        .filter_map(|l| l.trim().strip_prefix("verkosto "))
        .filter_map(|rest| rest.split_whitespace().next())
        .collect();
    assert!(commands.len() >= 5, "{commands:?}");
    let dir = tempfile::tempdir().unwrap();
    for command in commands {
        let run = run_in(dir.path(), &[command, "--help"], None);
        assert_eq!(run.code, 0, "verkosto {command} --help: {}", run.stderr);
    }
}

#[test]
fn the_report_has_the_one_script_the_manual_speaks_of() {
    let dir = tempfile::tempdir().unwrap();
    let seed = repo().join("graphs/finland-regional.json");
    let out = dir.path().join("report");
    let run = run_in(
        dir.path(),
        &[
            "report",
            seed.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--builtin",
        ],
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = read(&out.join("report.html"));
    // One script that runs, and the data it reads as an inline JSON block.
    assert_eq!(html.matches("<script>").count(), 1);
    assert_eq!(
        html.matches("<script").count(),
        1 + html.matches("<script type=\"application/json\"").count()
    );
    let manual = read(&repo().join("docs/src/getting-started.md"));
    assert!(manual.contains("one small inline script"));
    let report = read(&repo().join("docs/src/report.md"));
    assert!(report.contains("The script is inline and loads nothing"));
    assert!(!html.contains(" src=\"http"), "the report loads nothing");
}
