//! The same input and options give byte-identical output, whatever the
//! number of threads; progress bars appear only on a terminal.

use crate::util::{dir_with, repo, run_in};
use std::process::Command;

fn run_with_threads(threads: &str, dir: &std::path::Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_verkosto"))
        .args(args)
        .current_dir(dir)
        .env("RAYON_NUM_THREADS", threads)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn output_does_not_depend_on_thread_count() {
    let root = repo();
    let file = "tests/reference/fixtures/projection-heavy-tailed.dataset.json";
    for args in [
        vec!["actors", file, "-f", "json"],
        vec![
            "actors",
            file,
            "-f",
            "json",
            "--unweighted",
            "--weight",
            "newman",
        ],
        vec!["summary", file, "-f", "json"],
        vec![
            "communities",
            file,
            "-f",
            "json",
            "--runs",
            "5",
            "--seed",
            "7",
        ],
        vec!["brokers", file, "-f", "csv"],
    ] {
        let one = run_with_threads("1", &root, &args);
        let two = run_with_threads("2", &root, &args);
        let four = run_with_threads("4", &root, &args);
        assert_eq!(one, two, "{args:?}");
        assert_eq!(one, four, "{args:?}");
    }
}

/// A ring of 1,200 actors with chords: big enough for progress bars.
fn ring() -> String {
    let n = 1200;
    let actors: Vec<String> = (0..n)
        .map(|i| format!(r#"{{"id": "r{i:04}", "name": "R{i}"}}"#))
        .collect();
    let mut ties = Vec::new();
    for i in 0..n {
        ties.push(format!(
            r#"{{"source": "r{i:04}", "target": "r{:04}"}}"#,
            (i + 1) % n
        ));
        ties.push(format!(
            r#"{{"source": "r{i:04}", "target": "r{:04}", "weight": 2}}"#,
            (i + 37) % n
        ));
    }
    format!(
        r#"{{"name": "ring", "actors": [{}], "ties": [{}]}}"#,
        actors.join(","),
        ties.join(",")
    )
}

#[test]
fn no_progress_bar_when_stderr_is_not_a_terminal() {
    let dir = dir_with(&[("ring.json", &ring())]);
    let r = run_in(
        dir.path(),
        &[
            "actors",
            "ring.json",
            "--metrics",
            "betweenness,closeness",
            "--top",
            "3",
        ],
        None,
    );
    assert_eq!(r.code, 0);
    assert_eq!(r.stderr, "", "piped stderr must stay empty");
}

#[test]
fn progress_bar_on_a_terminal() {
    // `script` (util-linux) gives the command a pseudo-terminal.
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("skipped: `script` (util-linux) is not installed");
        return;
    }
    let dir = dir_with(&[("ring.json", &ring())]);
    let command = format!(
        "{} actors ring.json --metrics betweenness --top 1 -o out.txt",
        env!("CARGO_BIN_EXE_verkosto")
    );
    let out = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let screen = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{screen}");
    assert!(
        screen.contains("betweenness"),
        "no progress bar shown: {screen:?}"
    );
    assert!(dir.path().join("out.txt").exists());
}
