//! A generated 7,000-actor network shared by the integration and external
//! tests: a few large projects, many small dated and funded ones, many
//! separate parts and long lists of bridges and cut points.

/// A deterministic pseudo-random number below `m` (a linear congruential
/// generator: the same network on every machine).
fn next(state: &mut u64, m: u64) -> u64 {
    *state = state
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    (*state >> 33) % m
}

/// 7,000 actors in 7 kinds, 25 regions and 30 countries (one spelled in
/// capitals); three projects of 60, 50 and 40 partners and 2,600 dated,
/// funded projects of 2–4 partners.
pub fn generated_network() -> String {
    let n = 7000;
    let kinds = [
        "municipality",
        "university",
        "university_of_applied_sciences",
        "firm",
        "authority",
        "regional_council",
        "development_company",
    ];
    let actors: Vec<serde_json::Value> = (0..n)
        .map(|i| {
            let country = if i % 97 == 0 {
                "FAROE ISLANDS".to_string()
            } else {
                format!("Country {}", i % 30)
            };
            serde_json::json!({"id": format!("a{i}"), "name": format!("Organisation {i} Oy"),
                "kind": kinds[i % 7], "region": format!("Region {}", i % 25),
                "attributes": {"country": country}})
        })
        .collect();
    let mut state = 12345u64;
    let members = |k: usize, state: &mut u64| {
        let mut out: Vec<u64> = Vec::new();
        while out.len() < k {
            let x = next(state, n as u64);
            if !out.contains(&x) {
                out.push(x);
            }
        }
        out
    };
    let participants = |m: &[u64]| -> Vec<serde_json::Value> {
        m.iter()
            .enumerate()
            .map(|(j, x)| {
                serde_json::json!({"actor": format!("a{x}"),
                    "role": if j == 0 { "coordinator" } else { "partner" }})
            })
            .collect()
    };
    let mut engagements = Vec::new();
    for (e, k) in [60, 50, 40].into_iter().enumerate() {
        let m = members(k, &mut state);
        engagements.push(
            serde_json::json!({"id": format!("big{e}"), "name": format!("Big project {e}"),
            "start": "2018-01-01", "end": "2020-12-31", "participants": participants(&m)}),
        );
    }
    for e in 0..2600 {
        let k = 2 + next(&mut state, 3) as usize;
        let year = 2015 + next(&mut state, 8);
        let funding = 1000 * (1 + next(&mut state, 500));
        let m = members(k, &mut state);
        engagements.push(
            serde_json::json!({"id": format!("p{e}"), "name": format!("Project {e}"),
            "start": format!("{year}-01-01"), "end": format!("{}-12-31", year + 1),
            "funding_eur": funding, "participants": participants(&m)}),
        );
    }
    serde_json::json!({"name": "generated", "actors": actors, "engagements": engagements})
        .to_string()
}
