//! Output paths: two outputs naming one file, a loop of links, and the
//! temporary file a killed run leaves behind; text reaching a terminal.

use crate::util::{repo, run_in};

fn seed() -> std::path::PathBuf {
    repo().join("graphs/finland-regional.json")
}

/// `compare` of the seed's two windows, with `extra` options, in `dir`.
fn compare(dir: &std::path::Path, before: &str, after: &str, extra: &[&str]) -> crate::util::Run {
    let seed = seed();
    let mut args = vec![
        "compare",
        seed.to_str().unwrap(),
        "--before",
        before,
        "--after",
        after,
    ];
    args.extend_from_slice(extra);
    run_in(dir, &args, None)
}

#[test]
fn two_outputs_naming_one_file_are_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let r = compare(
        dir.path(),
        "2016..2020",
        "2021..",
        &["--map", "same.svg", "-o", "./same.svg"],
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("--map and --output name the same file"),
        "{}",
        r.stderr
    );
    assert!(!dir.path().join("same.svg").exists());
}

#[cfg(unix)]
#[test]
fn a_loop_of_links_as_output_is_an_error_and_stays_a_link() {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("b", dir.path().join("a")).unwrap();
    std::os::unix::fs::symlink("a", dir.path().join("b")).unwrap();
    let seed = seed();
    let r = run_in(
        dir.path(),
        &["summary", seed.to_str().unwrap(), "-o", "a"],
        None,
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("symbolic links"), "{}", r.stderr);
    assert!(std::fs::symlink_metadata(dir.path().join("a"))
        .unwrap()
        .file_type()
        .is_symlink());
}

#[test]
fn a_killed_runs_temporary_file_is_removed_by_the_next_run() {
    let dir = tempfile::tempdir().unwrap();
    // What a run killed while writing leaves: our name, no lock held.
    let stale = dir.path().join(".verkosto-4242-0-abc.tmp");
    std::fs::write(&stale, "half a file").unwrap();
    // Someone else's file with a similar name is not ours.
    let other = dir.path().join("verkosto-notes.tmp");
    std::fs::write(&other, "keep").unwrap();
    let seed = seed();
    let r = run_in(
        dir.path(),
        &["summary", seed.to_str().unwrap(), "-o", "out.txt"],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!stale.exists(), "the stale temporary file is removed");
    assert!(other.exists());
    assert!(dir.path().join("out.txt").exists());
}

#[test]
fn a_temporary_file_being_written_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let busy = dir.path().join(".verkosto-4243-0-abc.tmp");
    let file = std::fs::File::create(&busy).unwrap();
    file.lock().unwrap();
    let seed = seed();
    let r = run_in(
        dir.path(),
        &["summary", seed.to_str().unwrap(), "-o", "out.txt"],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        busy.exists(),
        "a locked temporary file belongs to a living run"
    );
    drop(file);
}

#[test]
fn warnings_and_errors_reaching_a_terminal_are_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let data = serde_json::json!({
        "name": "x",
        "actors": [{"id": "a", "name": "Evil \u{1b}]0;owned\u{7} Oy"}, {"id": "b", "name": "B"}, {"id": "c", "name": "C \u{1b}[2J"}, {"id": "d", "name": "D"}],
        "engagements": [
            {"id": "p", "name": "P", "participants": [{"actor": "a"}, {"actor": "b"}]},
            {"id": "q", "name": "Q \u{1b}[31m", "participants": [{"actor": "c"}, {"actor": "d"}]}
        ]
    });
    std::fs::write(dir.path().join("d.json"), data.to_string()).unwrap();
    for args in [
        &["summary", "d.json"][..],
        &["actors", "d.json"][..],
        &["actors", "d.json", "-f", "csv"][..],
    ] {
        let r = run_in(dir.path(), args, None);
        assert_eq!(r.code, 0, "{}", r.stderr);
        if args.len() == 2 {
            assert!(
                !r.stdout.contains('\u{1b}') && !r.stdout.contains('\u{7}'),
                "{args:?}: {}",
                r.stdout
            );
        }
        assert!(
            !r.stderr.contains('\u{1b}') && !r.stderr.contains('\u{7}'),
            "{args:?}: {}",
            r.stderr
        );
    }
}

#[test]
fn reversed_and_empty_windows_are_warned_about() {
    let r = compare(&repo(), "2021..2023", "2016..2020", &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("warning[reversed_windows]")
            && r.stderr.contains("is later than the after window"),
        "{}",
        r.stderr
    );
    let r = compare(&repo(), "1990..1991", "2016..2020", &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains(
            "warning[empty_window]: the before side (1990-01-01..1991-12-31) holds no engagements"
        ),
        "{}",
        r.stderr
    );
}

#[test]
fn too_many_monthly_periods_name_the_unit() {
    let dir = tempfile::tempdir().unwrap();
    let data = serde_json::json!({
        "name": "x",
        "actors": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
        "engagements": [
            {"id": "p", "name": "P", "start": "1900-01-01", "end": "1901-01-01", "participants": [{"actor": "a"}, {"actor": "b"}]},
            {"id": "q", "name": "Q", "start": "2020-01-01", "end": "2021-01-01", "participants": [{"actor": "a"}, {"actor": "b"}]}
        ]
    });
    std::fs::write(dir.path().join("d.json"), data.to_string()).unwrap();
    let r = run_in(dir.path(), &["evolution", "d.json", "--by", "month"], None);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("--by month"), "{}", r.stderr);
    assert!(!r.stderr.contains("--by 1"), "{}", r.stderr);
}

#[test]
fn overflowing_sums_are_never_inf() {
    let dir = tempfile::tempdir().unwrap();
    let engagement = |id: &str| serde_json::json!({"id": id, "name": id, "funding_eur": 1e308, "participants": [{"actor": "a", "role": "coordinator"}, {"actor": "b", "role": "partner"}]});
    let data = serde_json::json!({
        "name": "x",
        "actors": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
        "engagements": [engagement("p"), engagement("q"), engagement("r")]
    });
    std::fs::write(dir.path().join("d.json"), data.to_string()).unwrap();
    let r = run_in(dir.path(), &["report", "d.json", "-o", "rep"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let md = std::fs::read_to_string(dir.path().join("rep/report.md")).unwrap();
    assert!(!md.contains("inf") && !md.contains("NaN"), "{md}");
    assert!(md.contains("10³⁰⁰"), "{md}");
}

#[cfg(unix)]
#[test]
fn a_chromium_that_cannot_start_is_not_called_missing() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    let fake = bin.join("chromium");
    std::fs::write(
        &fake,
        "#!/bin/sh\necho 'cannot allocate memory' >&2\nexit 1\n",
    )
    .unwrap();
    std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_verkosto"))
        .args(["report", seed().to_str().unwrap(), "-o", "rep", "--pdf"])
        .current_dir(dir.path())
        .env("PATH", path)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("installed") && stderr.contains("could not start"),
        "{stderr}"
    );
    assert!(!stderr.contains("not installed"), "{stderr}");
    assert!(stderr.contains("cannot allocate memory"), "{stderr}");
}
