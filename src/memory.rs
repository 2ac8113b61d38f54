//! How much memory this process may use, and the limits derived from it.
//!
//! The budget is the smallest of the memory limits that apply to the
//! process — its control group's limit (cgroup v2 `memory.max` or v1
//! `memory.limit_in_bytes`, less what the group already uses), the
//! address-space limit (`RLIMIT_AS`, less the address space already
//! mapped) and the physical memory — times a margin of 3/4, so that the
//! allocator, the stacks and the output buffers fit in the rest. Every
//! size limit of verkosto (the largest projection, the largest text, the
//! largest workbook) is derived from it, never from a constant.
//!
//! A caller that knows better (the command line's `--memory`) sets the
//! budget with [`set_budget`].

use std::sync::OnceLock;

/// The share of the available memory that the budget takes (3/4).
pub const MARGIN_NUMERATOR: u64 = 3;
/// See [`MARGIN_NUMERATOR`].
pub const MARGIN_DENOMINATOR: u64 = 4;

/// Bytes a projected tie costs while it is built and measured (the tie,
/// its provenance, both directions of the adjacency and the per-tie work
/// of the metrics), used to turn the budget into a largest projection.
pub const BYTES_PER_TIE: u64 = 160;

/// The largest projection ever allowed by default, whatever the memory.
pub const MAX_TIES_CEILING: u64 = 100_000_000;

/// A memory budget: how many bytes the process may use, and where that
/// number came from (for messages).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    /// Bytes the process may use (after the margin).
    pub bytes: u64,
    /// What limited it: `"cgroup"`, `"RLIMIT_AS"`, `"physical memory"`,
    /// `"given"` (by [`set_budget`]) or `"assumed"` where nothing could be
    /// read.
    pub source: &'static str,
}

static OVERRIDE: OnceLock<Budget> = OnceLock::new();
static DETECTED: OnceLock<Budget> = OnceLock::new();

/// Sets the budget for the rest of the process to `bytes` (taken whole,
/// without the margin). Returns `false` when a budget was already set.
pub fn set_budget(bytes: u64) -> bool {
    OVERRIDE
        .set(Budget {
            bytes,
            source: "given",
        })
        .is_ok()
}

/// The budget in force: the one set by [`set_budget`], else the one
/// detected from the machine (read once).
///
/// ```
/// let budget = verkosto::memory::budget();
/// assert!(budget.bytes > 0);
/// assert!(budget.max_ties() <= verkosto::memory::MAX_TIES_CEILING);
/// ```
pub fn budget() -> Budget {
    if let Some(b) = OVERRIDE.get() {
        return *b;
    }
    *DETECTED.get_or_init(detect)
}

impl Budget {
    /// The largest projection (in ties) this budget holds, at
    /// [`BYTES_PER_TIE`] a tie, at most [`MAX_TIES_CEILING`].
    pub fn max_ties(&self) -> u64 {
        (self.bytes / BYTES_PER_TIE).clamp(1_000, MAX_TIES_CEILING)
    }

    /// The largest single text (a name, an attribute value) accepted:
    /// a sixteenth of the budget, so that the few copies an output makes
    /// still fit.
    pub fn max_text(&self) -> u64 {
        (self.bytes / 16).max(1 << 20)
    }

    /// The largest input file read whole: a third of the budget (the
    /// file and what is made from it must fit).
    pub fn max_input(&self) -> u64 {
        self.bytes / 3
    }

    /// The budget in words: "2.9 GiB (RLIMIT_AS)".
    pub fn describe(&self) -> String {
        format!("{} ({})", human_bytes(self.bytes), self.source)
    }
}

/// `bytes` as "512 MiB" or "2.9 GiB".
pub fn human_bytes(bytes: u64) -> String {
    const GIB: f64 = (1u64 << 30) as f64;
    const MIB: f64 = (1u64 << 20) as f64;
    let b = bytes as f64;
    if b >= GIB {
        format!("{:.1} GiB", b / GIB)
    } else if b >= MIB {
        format!("{:.0} MiB", b / MIB)
    } else {
        format!("{:.0} KiB", (b / 1024.0).ceil())
    }
}

/// Parses a size such as `8G`, `512M`, `2.5GiB` or `1000000` (bytes).
///
/// ```
/// assert_eq!(verkosto::memory::parse_size("512M"), Some(512 << 20));
/// assert_eq!(verkosto::memory::parse_size("2GiB"), Some(2 << 30));
/// assert_eq!(verkosto::memory::parse_size("lots"), None);
/// ```
pub fn parse_size(text: &str) -> Option<u64> {
    let t = text.trim();
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (number, unit) = t.split_at(split);
    let number: f64 = number.parse().ok()?;
    let scale: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1 << 10,
        "m" | "mb" | "mib" => 1 << 20,
        "g" | "gb" | "gib" => 1 << 30,
        "t" | "tb" | "tib" => 1 << 40,
        _ => return None,
    };
    let bytes = number * scale as f64;
    (1.0..1e19).contains(&bytes).then_some(bytes as u64)
}

/// Reads the limits that apply to this process.
fn detect() -> Budget {
    let mut best: Option<(u64, &'static str)> = None;
    let mut consider = |available: Option<u64>, source: &'static str| {
        if let Some(a) = available {
            if best.is_none_or(|(b, _)| a < b) {
                best = Some((a, source));
            }
        }
    };
    consider(cgroup_available(), "cgroup");
    consider(address_space_available(), "RLIMIT_AS");
    consider(physical_memory(), "physical memory");
    let (available, source) = best.unwrap_or((16 << 30, "assumed"));
    Budget {
        bytes: (available / MARGIN_DENOMINATOR * MARGIN_NUMERATOR).max(64 << 20),
        source,
    }
}

fn read_number(path: &str) -> Option<u64> {
    std::fs::read_to_string(path).ok()?.trim().parse().ok()
}

/// The cgroup's limit less its current use; `None` when unlimited or
/// unknown.
fn cgroup_available() -> Option<u64> {
    let own = std::fs::read_to_string("/proc/self/cgroup").unwrap_or_default();
    let mut candidates = Vec::new();
    for line in own.lines() {
        let mut parts = line.splitn(3, ':');
        let (Some(_), Some(controllers), Some(path)) = (parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        if controllers.is_empty() {
            candidates.push((
                format!("/sys/fs/cgroup{path}/memory.max"),
                format!("/sys/fs/cgroup{path}/memory.current"),
            ));
        } else if controllers.split(',').any(|c| c == "memory") {
            candidates.push((
                format!("/sys/fs/cgroup/memory{path}/memory.limit_in_bytes"),
                format!("/sys/fs/cgroup/memory{path}/memory.usage_in_bytes"),
            ));
        }
    }
    candidates.push((
        "/sys/fs/cgroup/memory.max".into(),
        "/sys/fs/cgroup/memory.current".into(),
    ));
    candidates.push((
        "/sys/fs/cgroup/memory/memory.limit_in_bytes".into(),
        "/sys/fs/cgroup/memory/memory.usage_in_bytes".into(),
    ));
    candidates
        .iter()
        .filter_map(|(limit, used)| {
            // "max" (v2) and a huge number (v1) both mean no limit.
            let limit = read_number(limit).filter(|&l| l < 1 << 60)?;
            Some(limit.saturating_sub(read_number(used).unwrap_or(0)))
        })
        .min()
}

/// `RLIMIT_AS` less the address space already mapped; `None` when
/// unlimited or unknown.
fn address_space_available() -> Option<u64> {
    let limits = std::fs::read_to_string("/proc/self/limits").ok()?;
    let line = limits
        .lines()
        .find(|l| l.starts_with("Max address space"))?;
    let soft: u64 = line
        .trim_start_matches("Max address space")
        .split_whitespace()
        .next()?
        .parse()
        .ok()?;
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let mapped_kib: u64 = status
        .lines()
        .find(|l| l.starts_with("VmSize:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    Some(soft.saturating_sub(mapped_kib * 1024))
}

/// The machine's physical memory.
fn physical_memory() -> Option<u64> {
    let meminfo = std::fs::read_to_string("/proc/meminfo").ok()?;
    let kib: u64 = meminfo
        .lines()
        .find(|l| l.starts_with("MemTotal:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()?;
    Some(kib * 1024)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_detected_budget_is_at_most_three_quarters_of_the_physical_memory() {
        let detected = detect();
        if let Some(physical) = physical_memory() {
            assert!(detected.bytes <= physical / 4 * 3, "{detected:?}");
        }
        assert!(detected.bytes >= 64 << 20);
    }

    #[test]
    fn limits_follow_the_budget() {
        let small = Budget {
            bytes: 3 << 30,
            source: "RLIMIT_AS",
        };
        // A 14,000-actor clique (97,993,000 ties) does not fit in 3 GiB.
        assert!(small.max_ties() < 14_000 * 13_999 / 2);
        assert_eq!(small.max_text(), (3 << 30) / 16);
        let big = Budget {
            bytes: 1 << 50,
            source: "physical memory",
        };
        assert_eq!(big.max_ties(), MAX_TIES_CEILING);
        assert_eq!(small.describe(), "3.0 GiB (RLIMIT_AS)");
    }

    #[test]
    fn sizes_parse() {
        assert_eq!(parse_size("8G"), Some(8 << 30));
        assert_eq!(parse_size("1.5 GiB"), Some(3 << 29));
        assert_eq!(parse_size("0"), None);
        assert_eq!(parse_size("-1G"), None);
        assert_eq!(parse_size("1Q"), None);
    }
}
