//! Golden outputs: every command of `tests/golden/commands.txt` gives the
//! output kept in `tests/golden/`, byte for byte. A refactoring that
//! changes no behaviour must leave them all equal; a deliberate change is
//! blessed with `VERKOSTO_BLESS=1 cargo test golden` and reviewed as a diff.

use crate::util::{repo, run_in};
use std::path::Path;

fn golden_dir() -> std::path::PathBuf {
    repo().join("tests/golden")
}

/// Every file under `dir`, as (relative name, bytes), sorted by name.
fn files_under(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            for (inner, bytes) in files_under(&path) {
                out.push((format!("{name}/{inner}"), bytes));
            }
        } else {
            out.push((name, std::fs::read(&path).unwrap()));
        }
    }
    out.sort();
    out
}

/// The outputs of one golden command: `stdout` or the files it wrote.
fn outputs(args: &str) -> Vec<(String, Vec<u8>)> {
    let out = tempfile::tempdir().unwrap();
    let out_path = out.path().display().to_string();
    let args: Vec<String> = args
        .split_whitespace()
        .map(|a| a.replace("OUT", &out_path))
        .collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let run = run_in(&repo(), &args, None);
    assert_eq!(run.code, 0, "{args:?} failed: {}", run.stderr);
    let mut files = files_under(out.path());
    if files.is_empty() {
        files.push(("stdout".into(), run.stdout.into_bytes()));
    }
    files
}

#[test]
fn every_command_gives_its_golden_output() {
    let list = std::fs::read_to_string(golden_dir().join("commands.txt")).unwrap();
    let bless = std::env::var_os("VERKOSTO_BLESS").is_some();
    let mut differences = Vec::new();
    let mut compared = 0;
    for line in list
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let (name, args) = line.split_once(": ").expect("`name: arguments`");
        for (file, bytes) in outputs(args) {
            let golden = golden_dir().join(format!("{name}.{}", file.replace('/', "_")));
            if bless {
                std::fs::write(&golden, &bytes).unwrap();
                continue;
            }
            compared += 1;
            match std::fs::read(&golden) {
                Ok(expected) if expected == bytes => {}
                Ok(_) => {
                    differences.push(format!("{name}: {file} differs from {}", golden.display()))
                }
                Err(_) => differences.push(format!("{name}: no golden file {}", golden.display())),
            }
        }
    }
    assert!(differences.is_empty(), "{}", differences.join("\n"));
    assert!(bless || compared >= 28, "only {compared} outputs compared");
}
