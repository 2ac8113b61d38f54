//! The progress bar, under a pseudo-terminal made by `script` (util-linux).

use crate::util::dir_with;
use std::process::Command;

pub fn progress_bar_on_a_terminal() {
    let dir = dir_with(&[("ring.json", &crate::util::ring())]);
    let command = format!(
        "{} actors ring.json --metrics betweenness --top 1 -o out.txt",
        env!("CARGO_BIN_EXE_verkosto")
    );
    let out = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let screen = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{screen}");
    assert!(
        screen.contains("betweenness"),
        "no progress bar shown: {screen:?}"
    );
    assert!(dir.path().join("out.txt").exists());
}
