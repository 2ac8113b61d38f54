//! Running Graphviz: the `dot` program with a layout engine.

use crate::error::{Error, Result};

/// Graphviz engines verkosto can call.
pub const ENGINES: &[&str] = &["dot", "neato", "fdp", "sfdp"];

/// Runs the Graphviz `dot` program with `args` on `dot_text` and returns
/// what it writes, or `Ok(None)` when Graphviz is not installed.
pub fn run_graphviz(dot_text: &str, args: &[String]) -> Result<Option<Vec<u8>>> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let child = Command::new("dot")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => {
            return Err(Error::Write {
                path: "dot".into(),
                source,
            })
        }
    };
    let mut stdin = child.stdin.take().expect("piped");
    let text = dot_text.to_string();
    let writer = std::thread::spawn(move || stdin.write_all(text.as_bytes()));
    let out = child.wait_with_output().map_err(|source| Error::Write {
        path: "dot".into(),
        source,
    })?;
    let _ = writer.join();
    if !out.status.success() {
        return Err(Error::Graphviz(
            String::from_utf8_lossy(&out.stderr).trim().to_string(),
        ));
    }
    Ok(Some(out.stdout))
}

/// True when the Graphviz `dot` program can be run.
pub fn graphviz_available() -> bool {
    std::process::Command::new("dot")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}
