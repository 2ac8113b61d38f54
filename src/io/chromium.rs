//! Printing a page to PDF with headless Chromium.

use crate::error::{Error, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

const PROGRAMS: [&str; 3] = ["chromium", "chromium-browser", "google-chrome"];

/// The first of Chromium's program names found on the `PATH`.
fn installed() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    PROGRAMS.iter().find_map(|name| {
        std::env::split_paths(&path)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    })
}

/// Whether `program` starts (`--version` succeeds); the last line it
/// printed to standard error when it does not.
fn starts(program: &Path) -> std::result::Result<(), String> {
    match Command::new(program).arg("--version").output() {
        Ok(o) if o.status.success() => Ok(()),
        Ok(o) => Err(String::from_utf8_lossy(&o.stderr)
            .lines()
            .last()
            .unwrap_or("")
            .to_string()),
        Err(e) => Err(e.to_string()),
    }
}

/// The Chromium (or Chrome) program, if one is installed and starts.
pub fn chromium() -> Option<PathBuf> {
    installed().filter(|p| starts(p).is_ok())
}

/// Prints the HTML file `page` to the PDF file `pdf` (A4, as the page's
/// print stylesheet asks) with headless Chromium, without network access.
pub fn print_to_pdf(page: &Path, pdf: &Path) -> Result<()> {
    let Some(browser) = installed() else {
        return Err(Error::Browser("a PDF of the report needs Chromium, which is not installed (Debian: apt-get install chromium); report.html prints to PDF from any browser".into()));
    };
    if let Err(why) = starts(&browser) {
        return Err(Error::Browser(format!(
            "Chromium is installed ({}) but could not start{}; it may need more memory than the process is allowed. report.html prints to PDF from any browser",
            browser.display(),
            if why.is_empty() { String::new() } else { format!(": {why}") }
        )));
    }
    let profile = tempfile::tempdir().map_err(|source| Error::Write {
        path: std::env::temp_dir(),
        source,
    })?;
    let page = page.canonicalize().map_err(|source| Error::Read {
        path: page.to_path_buf(),
        source,
    })?;
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .map_err(|source| Error::Write {
            path: pdf.to_path_buf(),
            source,
        })?;
    if !out.status.success() || !pdf.exists() {
        return Err(Error::Browser(format!(
            "Chromium could not print {}: {}",
            page.display(),
            String::from_utf8_lossy(&out.stderr)
                .lines()
                .last()
                .unwrap_or("")
        )));
    }
    Ok(())
}
