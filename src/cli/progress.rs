//! Progress bars on standard error, only when it is a terminal.

use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::sync::Mutex;

/// Networks smaller than this finish too fast to need a bar.
const MIN_ACTORS: usize = 1000;

/// One bar at a time, replaced when the metric changes.
pub struct Bars {
    enabled: bool,
    current: Mutex<Option<(&'static str, ProgressBar)>>,
}

impl Bars {
    /// Bars for a network of `actors` actors.
    pub fn new(actors: usize) -> Bars {
        Bars {
            enabled: std::io::stderr().is_terminal() && actors >= MIN_ACTORS,
            current: Mutex::new(None),
        }
    }

    /// Whether bars are shown at all.
    pub fn enabled(&self) -> bool {
        self.enabled
    }

    /// Reports `done` of `total` steps of `what`.
    pub fn update(&self, what: &'static str, done: usize, total: usize) {
        if !self.enabled {
            return;
        }
        let mut current = self.current.lock().unwrap_or_else(|e| e.into_inner());
        if current.as_ref().map(|(name, _)| *name) != Some(what) {
            if let Some((_, bar)) = current.take() {
                bar.finish_and_clear();
            }
            let bar = ProgressBar::new(total as u64);
            bar.set_style(
                ProgressStyle::with_template("{msg:>12} [{bar:40}] {pos}/{len} ({eta})")
                    .expect("valid template")
                    .progress_chars("=> "),
            );
            bar.set_message(what);
            *current = Some((what, bar));
        }
        if let Some((_, bar)) = current.as_ref() {
            bar.set_position(done as u64);
        }
    }
}

impl Drop for Bars {
    fn drop(&mut self) {
        if let Some((_, bar)) = self.current.lock().ok().and_then(|mut c| c.take()) {
            bar.finish_and_clear();
        }
    }
}
