//! Memory that fits the machine: limits from the memory the process may
//! use, and a clean error (exit 1) instead of an abort when an
//! allocation fails. Run under an address-space limit with `prlimit`
//! (util-linux), as the reproducers are.

use std::path::Path;
use std::process::Command;

/// A dataset of one engagement with `n` actors: n(n−1)/2 ties.
fn clique(n: usize) -> String {
    let actors: Vec<String> = (0..n)
        .map(|i| format!(r#"{{"id":"a{i}","name":"A{i}"}}"#))
        .collect();
    let members: Vec<String> = (0..n)
        .map(|i| format!(r#"{{"actor":"a{i}","role":"partner"}}"#))
        .collect();
    format!(
        r#"{{"name":"clique","actors":[{}],"engagements":[{{"id":"p","name":"P","participants":[{}]}}]}}"#,
        actors.join(","),
        members.join(",")
    )
}

/// Runs verkosto under an address-space limit of `bytes`.
fn limited(dir: &Path, bytes: u64, args: &[&str]) -> (i32, String) {
    let prlimit = Path::new("/usr/bin/prlimit");
    assert!(
        prlimit.exists(),
        "prlimit (util-linux) is needed to run under a memory limit"
    );
    let out = Command::new(prlimit)
        .arg(format!("--as={bytes}"))
        .arg(env!("CARGO_BIN_EXE_verkosto"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_clique_too_large_for_the_memory_is_refused_before_building() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("clique.json"), clique(14_000)).unwrap();
    let (code, stderr) = limited(dir.path(), 4_000_000_000, &["summary", "clique.json"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("97993000"), "the number of ties: {stderr}");
    assert!(
        stderr.contains("RLIMIT_AS"),
        "where the limit came from: {stderr}"
    );
    assert!(stderr.contains("max_ties"), "how to change it: {stderr}");
}

#[test]
fn an_allocation_that_fails_is_a_clean_error_not_an_abort() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("clique.json"), clique(6_000)).unwrap();
    // 18 million ties, allowed by hand, in 512 MB of address space.
    let (code, stderr) = limited(
        dir.path(),
        512_000_000,
        &[
            "export",
            "clique.json",
            "--to",
            "node-link",
            "-o",
            "out.json",
            "--max-ties",
            "100000000",
        ],
    );
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("error: out of memory"), "{stderr}");
    assert!(
        !stderr.contains("abort") && !stderr.contains("panicked"),
        "{stderr}"
    );
    assert!(
        !dir.path().join("out.json").exists(),
        "no half-written output"
    );
}

#[test]
fn an_input_larger_than_the_budget_allows_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("clique.json"), clique(2_000)).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_verkosto"))
        .args(["import", "xlsx", "clique.json", "--memory", "16M"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    // 16 MiB allows files of a third of it; this one is about 100 kB, so
    // it is read (and found not to be a workbook).
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("not an Excel workbook"), "{stderr}");
    std::fs::write(dir.path().join("big.xlsx"), vec![b'x'; 6 << 20]).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_verkosto"))
        .args(["import", "xlsx", "big.xlsx", "--memory", "16M"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("larger than allowed"), "{stderr}");
    assert!(stderr.contains("--memory SIZE sets the budget"), "{stderr}");
}

/// One actor in `k` engagements, each with a partner of its own: k ties
/// between actors, and k(k−1)/2 between engagements.
fn star_of_engagements(k: usize) -> String {
    let mut actors = vec![r#"{"id":"hub","name":"Hub"}"#.to_string()];
    actors.extend((0..k).map(|i| format!(r#"{{"id":"p{i}","name":"P{i}"}}"#)));
    let engagements: Vec<String> = (0..k)
        .map(|i| {
            format!(
                r#"{{"id":"e{i}","name":"E{i}","participants":[{{"actor":"hub","role":"partner"}},{{"actor":"p{i}","role":"partner"}}]}}"#
            )
        })
        .collect();
    format!(
        r#"{{"name":"star","actors":[{}],"engagements":[{}]}}"#,
        actors.join(","),
        engagements.join(",")
    )
}

#[test]
fn a_dual_projection_too_large_is_refused_before_building() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("star.json"), star_of_engagements(100)).unwrap();
    let run = |max_ties: &str| {
        Command::new(env!("CARGO_BIN_EXE_verkosto"))
            .args([
                "ties",
                "star.json",
                "--dual",
                "-f",
                "csv",
                "--max-ties",
                max_ties,
            ])
            .current_dir(dir.path())
            .output()
            .unwrap()
    };
    // 100 ties between actors fit; 4,950 between engagements do not.
    let out = run("4949");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("4950"), "the number of ties: {stderr}");
    assert!(
        stderr.contains("hub (4950 pairs)"),
        "who makes them: {stderr}"
    );
    assert!(stderr.contains("max_ties"), "how to change it: {stderr}");
    assert!(out.stdout.is_empty(), "nothing written");
    // At the limit they are built: a header and a row per pair.
    let out = run("4950");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows = String::from_utf8_lossy(&out.stdout).lines().count();
    assert_eq!(rows, 1 + 4950);
}
