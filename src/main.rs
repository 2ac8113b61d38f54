//! The `verkosto` command: parse, run, map errors to exit codes
//! (0 success, 1 bad data, 2 bad usage).

mod cli;

use clap::Parser;
use std::alloc::{GlobalAlloc, Layout};
use std::process::ExitCode;

/// The allocator (mimalloc: loading and projecting a large network make
/// millions of small allocations, which it serves about a third faster
/// than the C library's), with a clean end when memory runs out: instead
/// of an abort, a message naming the limit and exit 1. Outputs are
/// written whole or not at all, so nothing half-written is left; a
/// temporary file left behind is removed by the next run (its lock is
/// gone). Size limits ([`verkosto::memory`]) refuse most such inputs
/// before this is reached.
struct CleanOutOfMemory;

unsafe impl GlobalAlloc for CleanOutOfMemory {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { mimalloc::MiMalloc.alloc(layout) };
        if p.is_null() {
            out_of_memory(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { mimalloc::MiMalloc.alloc_zeroed(layout) };
        if p.is_null() {
            out_of_memory(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { mimalloc::MiMalloc.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { mimalloc::MiMalloc.realloc(ptr, layout, new_size) };
        if p.is_null() {
            out_of_memory(new_size);
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: CleanOutOfMemory = CleanOutOfMemory;

/// Says that memory ran out and ends the process with exit 1, without
/// allocating (the message is written with one system call).
fn out_of_memory(size: usize) -> ! {
    const BEFORE: &[u8] = b"error: out of memory (an allocation of ";
    const AFTER: &[u8] = b" bytes failed); give the process more memory (ulimit -v, the container's limit) or narrow the input with filters\n";
    let mut message = [0u8; 256];
    let mut len = 0;
    for &b in BEFORE {
        message[len] = b;
        len += 1;
    }
    let mut digits = [0u8; 20];
    let mut count = 0;
    let mut n = size;
    loop {
        digits[count] = b'0' + (n % 10) as u8;
        count += 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for i in (0..count).rev() {
        message[len] = digits[i];
        len += 1;
    }
    for &b in AFTER {
        message[len] = b;
        len += 1;
    }
    // SAFETY: writing a buffer we own to standard error, then ending the
    // process at once (no destructors, no allocation).
    unsafe {
        libc::write(2, message.as_ptr().cast(), len);
        libc::_exit(1);
    }
}

/// The width of the terminal standard output goes to, when it goes to one.
fn terminal_columns() -> Option<usize> {
    terminal_size::terminal_size_of(std::io::stdout()).map(|(w, _)| usize::from(w.0))
}

/// mimalloc's `mi_option_purge_delay`: its index in `mi_option_e`
/// (mimalloc.h, version 3 as libmimalloc-sys 0.1.49 builds it; the crate
/// names only some options). The test below checks it against the
/// option's default there (1000 ms, options.c).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Freed memory goes back to the system at once rather than after a
/// second: a large network's peak is about 8 % lower, at no measurable
/// cost.
fn return_freed_memory_at_once() {
    // SAFETY: setting an option of the allocator before any thread is
    // started; options are plain integers read when memory is purged.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0) };
}

/// Memory in small pages only: with transparent huge pages, the
/// allocator's regions are backed by 2 MiB pages that count whole in the
/// process's memory, partly used or not; without them a large network's
/// peak is about 8 % lower (25 MB of 335 for a summary of 500,000
/// actors). The price is time: more page faults make `ties` of that
/// network 8–17 % slower (docs/src/speed.md). Only this process is
/// concerned; a system without the setting is left as it is.
fn small_pages_only() {
    #[cfg(target_os = "linux")]
    // SAFETY: a prctl call with integer arguments, changing only this
    // process's flag; its result is not needed.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

fn main() -> ExitCode {
    small_pages_only();
    return_freed_memory_at_once();
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
    verkosto::render::set_full_table_hint("the full table with -f csv or -f json");
    if let Some(columns) = terminal_columns() {
        verkosto::render::set_text_width(columns);
    }
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
                Some(own @ verkosto::Error::OverLimit { .. }) => {
                    cli::say!("error: {own} (--memory SIZE sets the budget)");
                    false
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

#[cfg(test)]
mod tests {
    #[test]
    #[cfg(target_os = "linux")]
    fn huge_pages_are_turned_off_for_the_process() {
        super::small_pages_only();
        // SAFETY: reading this process's flag.
        let flag = unsafe { libc::prctl(libc::PR_GET_THP_DISABLE, 0, 0, 0, 0) };
        assert_eq!(flag, 1);
    }

    #[test]
    fn the_purge_delay_option_is_the_one_set() {
        // The default of mi_option_purge_delay is 1000 (ms): a renumbered
        // enum would show here.
        // SAFETY: reading an allocator option.
        let delay = unsafe { libmimalloc_sys::mi_option_get(super::MI_OPTION_PURGE_DELAY) };
        assert_eq!(delay, 1000);
        super::return_freed_memory_at_once();
        let delay = unsafe { libmimalloc_sys::mi_option_get(super::MI_OPTION_PURGE_DELAY) };
        assert_eq!(delay, 0);
    }
}
