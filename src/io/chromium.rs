//! Printing a page to PDF with headless Chromium.

use crate::error::{Error, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The Chromium (or Chrome) program, if one is installed.
pub fn chromium() -> Option<PathBuf> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .map(PathBuf::from)
        .find(|p| {
            Command::new(p)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
}

/// Prints the HTML file `page` to the PDF file `pdf` (A4, as the page's
/// print stylesheet asks) with headless Chromium, without network access.
pub fn print_to_pdf(page: &Path, pdf: &Path) -> Result<()> {
    let browser = chromium().ok_or_else(|| {
        Error::Browser("a PDF of the report needs Chromium, which is not installed (Debian: apt-get install chromium); report.html prints to PDF from any browser".into())
    })?;
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
