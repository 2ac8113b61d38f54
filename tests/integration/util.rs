//! Helpers: run the binary, write files into a temporary directory, find
//! the external components (Graphviz, Chromium, networkx). Shared by the
//! `integration` and `external` test binaries; each uses a part.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `verkosto` with `args` (and `stdin`, if any) in `dir`.
pub fn run_in(dir: &Path, args: &[&str], stdin: Option<&str>) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_verkosto"))
        .args(args)
        .current_dir(dir)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the verkosto binary runs");
    if let Some(text) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
    }
    let out = child.wait_with_output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

/// Runs `verkosto` in the repository root (so `graphs/…` paths work).
pub fn run(args: &[&str]) -> Run {
    run_in(&repo(), args, None)
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A temporary directory with `files` written into it.
pub fn dir_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

/// Parses stdout as JSON, with the run's stderr in the panic message.
/// The JSON file at `path`, parsed.
pub fn read_json(path: impl AsRef<Path>) -> serde_json::Value {
    let path = path.as_ref();
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub fn json(run: &Run) -> serde_json::Value {
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", run.stdout))
}

pub fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol * (1.0 + a.abs().max(b.abs()))
}

/// Parses `text` as XML from start to end; panics with the position of the
/// first error.
pub fn assert_well_formed_xml(text: &str, what: &str) {
    let mut reader = quick_xml::Reader::from_str(text);
    let mut depth = 0i64;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(quick_xml::events::Event::Start(_)) => depth += 1,
            Ok(quick_xml::events::Event::End(_)) => depth -= 1,
            Ok(_) => {}
            Err(e) => panic!(
                "{what}: not well-formed XML at byte {}: {e}",
                reader.buffer_position()
            ),
        }
    }
    assert_eq!(depth, 0, "{what}: unbalanced elements");
}

pub fn graphviz() -> bool {
    std::process::Command::new("dot")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

pub fn render(dir: &Path, file: &str, out: &str, extra: &[&str]) -> Run {
    let out = dir.join(out);
    let mut args = vec!["render", file, "-o", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    run_in(&repo(), &args, None)
}

pub fn make_report(dir: &Path, file: &str, extra: &[&str]) {
    let mut args = vec!["report", file, "-o", dir.to_str().unwrap()];
    args.extend_from_slice(extra);
    let r = run_in(&repo(), &args, None);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

/// A ring of 1,200 actors with chords: big enough for progress bars.
pub fn ring() -> String {
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
