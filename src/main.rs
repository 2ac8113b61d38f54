//! The `verkosto` command: parse, run, map errors to exit codes
//! (0 success, 1 bad data, 2 bad usage).

mod cli;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    // An interrupted run removes its temporary files (exit 130).
    let _ = ctrlc::set_handler(|| {
        verkosto::io::remove_temporaries();
        std::process::exit(130);
    });
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version go to stdout with 0; usage errors exit 2.
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match cli::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            let usage = match e.downcast_ref::<verkosto::Error>() {
                Some(verkosto::Error::InvalidParameter {
                    name,
                    value,
                    expected,
                }) => {
                    cli::say!("error: {} {value}: expected {expected}", cli::flag(name));
                    true
                }
                Some(verkosto::Error::SameOutput {
                    first,
                    second,
                    path,
                }) => {
                    cli::say!(
                        "error: {} and {} name the same file {}; choose two different files",
                        cli::flag(first),
                        cli::flag(second),
                        path.display()
                    );
                    true
                }
                Some(
                    verkosto::Error::WouldOverwriteInput { .. } | verkosto::Error::NotOurs { .. },
                ) => {
                    cli::say!("error: {e:#}");
                    true
                }
                // The library's errors name their cause themselves.
                Some(own) => {
                    cli::say!("error: {own}");
                    false
                }
                None => {
                    cli::say!("error: {e:#}");
                    false
                }
            };
            ExitCode::from(if usage { 2 } else { 1 })
        }
    }
}

/// A closed pipe (`verkosto actors … | head`) is not an error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
