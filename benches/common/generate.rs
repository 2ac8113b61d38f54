//! Deterministic generator of heavy-tailed two-mode networks for the
//! benchmarks (no external RNG crate, so Python can reproduce it exactly if
//! needed; the scripts pass the generated files instead).

use verkosto::model::{Actor, Dataset, Engagement, Participation};

/// xorshift64* — small, fast, deterministic.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}

/// Engagement sizes 1..=largest with P(s) ∝ s^-2 (heavy-tailed).
pub fn size_table(largest: usize) -> Vec<f64> {
    let weights: Vec<f64> = (1..=largest).map(|s| (s as f64).powi(-2)).collect();
    let total: f64 = weights.iter().sum();
    let mut cumulative = 0.0;
    weights
        .iter()
        .map(|w| {
            cumulative += w / total;
            cumulative
        })
        .collect()
}

/// A two-mode dataset: `actors` actors, `engagements` engagements of
/// heavy-tailed size (up to 40), members drawn uniformly.
pub fn two_mode(actors: usize, engagements: usize, seed: u64) -> Dataset {
    let mut rng = Rng::new(seed);
    let table = size_table(40);
    let kinds = [
        "firm",
        "municipality",
        "university_of_applied_sciences",
        "authority",
        "association",
    ];
    let mut dataset = Dataset {
        name: format!("generated {actors} actors / {engagements} engagements (seed {seed})"),
        actors: (0..actors)
            .map(|i| Actor {
                id: format!("a{i:07}").into(),
                name: format!("Actor {i}").into(),
                kind: kinds[i % kinds.len()].into(),
                details: None,
            })
            .collect(),
        ..Default::default()
    };
    // Dates from their own stream, so that the members stay as they were:
    // starts over 2014–2023, 30 days to 3 years long, one in ten open-ended.
    let mut dates = Rng::new(seed ^ 0xDA7E);
    let mut members: Vec<usize> = Vec::new();
    for j in 0..engagements {
        let first = 16_071 + dates.below(3_650) as i64; // days since 1970: 2014-01-01 …
        let length = 30 + dates.below(1_070) as i64;
        let open = dates.below(10) == 0;
        let u = rng.unit();
        let size = table.iter().position(|&c| u < c).unwrap_or(39) + 1;
        members.clear();
        while members.len() < size.min(actors) {
            let a = rng.below(actors);
            if !members.contains(&a) {
                members.push(a);
            }
        }
        dataset.engagements.push(Engagement {
            id: format!("e{j:07}").into(),
            name: format!("Engagement {j}").into(),
            kind: "project".into(),
            start: Some(civil(first)),
            end: (!open).then(|| civil(first + length)),
            participants: members
                .iter()
                .map(|&a| Participation {
                    actor: format!("a{a:07}").into(),
                    role: "partner".into(),
                })
                .collect(),
            details: None,
        });
    }
    dataset
}

/// The calendar day `days` after 1970-01-01 (Howard Hinnant's
/// civil_from_days).
fn civil(days: i64) -> verkosto::model::Date {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    verkosto::model::Date::new(year, month, day).expect("a calendar day")
}

/// Peak resident memory of this process in MiB (Linux `VmHWM`).
#[allow(dead_code)] // used by the projection bench only
pub fn peak_rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kib| kib / 1024.0)
}
