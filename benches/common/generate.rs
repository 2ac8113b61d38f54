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
                id: format!("a{i:07}"),
                name: format!("Actor {i}"),
                kind: kinds[i % kinds.len()].into(),
                business_id: None,
                region: None,
                aliases: vec![],
                attributes: Default::default(),
            })
            .collect(),
        ..Default::default()
    };
    let mut members: Vec<usize> = Vec::new();
    for j in 0..engagements {
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
            id: format!("e{j:07}"),
            name: format!("Engagement {j}"),
            kind: "project".into(),
            start: None,
            end: None,
            funding_eur: None,
            part_of: None,
            participants: members
                .iter()
                .map(|&a| Participation {
                    actor: format!("a{a:07}"),
                    role: "partner".into(),
                })
                .collect(),
            attributes: Default::default(),
        });
    }
    dataset
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
