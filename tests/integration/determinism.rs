//! The same input and options give byte-identical output, whatever the
//! number of threads; progress bars appear only on a terminal.

use crate::util::{dir_with, repo, ring, run_in};
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
        vec![
            "actors",
            file,
            "-f",
            "csv",
            "--metrics",
            "closeness,harmonic",
            "--weight",
            "jaccard",
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
        vec![
            "backbone",
            "tests/reference/fixtures/backbone-generated.dataset.json",
            "-f",
            "csv",
        ],
        vec![
            "summary",
            file,
            "-f",
            "json",
            "--select",
            "backbone:disparity:0.2",
        ],
    ] {
        let one = run_with_threads("1", &root, &args);
        let two = run_with_threads("2", &root, &args);
        let four = run_with_threads("4", &root, &args);
        assert_eq!(one, two, "{args:?}");
        assert_eq!(one, four, "{args:?}");
    }
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
