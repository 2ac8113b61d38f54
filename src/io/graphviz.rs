//! Running Graphviz: the `dot` program with a layout engine.

use crate::error::{Error, Result};

/// Graphviz engines verkosto can call.
pub const ENGINES: &[&str] = &["dot", "neato", "fdp", "sfdp"];

/// How long Graphviz may run by default.
pub const DEFAULT_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(60);

/// Runs the Graphviz `dot` program with `args` on `dot_text` and returns
/// what it writes, or `Ok(None)` when Graphviz is not installed; stops it
/// after `timeout` with [`Error::GraphvizTimeout`].
pub fn run_graphviz_for(
    dot_text: &str,
    args: &[String],
    timeout: std::time::Duration,
) -> Result<Option<Vec<u8>>> {
    use std::io::{Read as _, Write};
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
    let read = |pipe: Option<Box<dyn std::io::Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut p) = pipe {
                let _ = p.read_to_end(&mut bytes);
            }
            bytes
        })
    };
    let stdout = read(child.stdout.take().map(|p| Box::new(p) as _));
    let stderr = read(child.stderr.take().map(|p| Box::new(p) as _));
    let start = std::time::Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if start.elapsed() > timeout => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(Error::GraphvizTimeout {
                    seconds: timeout.as_secs_f64(),
                });
            }
            Ok(None) => std::thread::sleep(std::time::Duration::from_millis(10)),
            Err(source) => {
                return Err(Error::Write {
                    path: "dot".into(),
                    source,
                })
            }
        }
    };
    let _ = writer.join();
    let out = stdout.join().unwrap_or_default();
    let err = stderr.join().unwrap_or_default();
    if !status.success() {
        return Err(Error::Graphviz(
            String::from_utf8_lossy(&err).trim().to_string(),
        ));
    }
    Ok(Some(out))
}

/// [`run_graphviz_for`] with the default timeout.
pub fn run_graphviz(dot_text: &str, args: &[String]) -> Result<Option<Vec<u8>>> {
    run_graphviz_for(dot_text, args, DEFAULT_TIMEOUT)
}

/// True when the Graphviz `dot` program can be run.
pub fn graphviz_available() -> bool {
    std::process::Command::new("dot")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}
