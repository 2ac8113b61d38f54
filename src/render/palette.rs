//! Colours: one fixed colour per actor kind, the same in every map, the
//! report and the exports; a stable colour for any other value (the same
//! value gets the same colour in every run and every map).
//!
//! The kind colours are drawn from the Okabe–Ito and Paul Tol palettes,
//! chosen to stay apart for readers with colour-vision deficiencies.

/// The colour of each known actor kind.
pub const KIND_COLORS: &[(&str, &str)] = &[
    ("municipality", "#0072B2"),
    ("joint_municipal_authority", "#6699CC"),
    ("university_of_applied_sciences", "#009E73"),
    ("university", "#56B4E9"),
    ("research_institute", "#332288"),
    ("education_provider", "#88CCEE"),
    ("firm", "#E69F00"),
    ("development_company", "#D55E00"),
    ("regional_council", "#CC79A7"),
    ("authority", "#882255"),
    ("ministry", "#44AA99"),
    ("funder", "#DDCC77"),
    ("cluster", "#117733"),
    ("association", "#AA4499"),
    ("network", "#999933"),
    ("person", "#F0E442"),
    ("other", "#BBBBBB"),
];

/// Colours for other values, chosen by a hash of the value.
const VALUE_COLORS: &[&str] = &[
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#332288",
    "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#882255", "#AA4499", "#6699CC",
    "#EE8866", "#77AADD", "#AAAA00", "#BBCC33",
];

/// The colour of an actor kind; a stable value colour for unknown kinds.
///
/// ```
/// use verkosto::render::palette::{kind_color, value_color};
/// assert_eq!(kind_color("municipality"), "#0072B2");
/// assert_eq!(value_color("Lappi"), value_color("Lappi"));
/// ```
pub fn kind_color(kind: &str) -> &'static str {
    KIND_COLORS
        .iter()
        .find(|(k, _)| *k == kind)
        .map_or_else(|| value_color(kind), |(_, c)| c)
}

/// A colour for any value, from a hash of its text (FNV-1a), so that the
/// same value has the same colour in every map.
pub fn value_color(value: &str) -> &'static str {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in value.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    VALUE_COLORS[(hash % VALUE_COLORS.len() as u64) as usize]
}

/// The colour of community `c` (1 = largest).
pub fn community_color(c: usize) -> &'static str {
    VALUE_COLORS[(c.max(1) - 1) % VALUE_COLORS.len()]
}

/// (r, g, b) of a `#rrggbb` colour.
pub fn rgb(color: &str) -> (u8, u8, u8) {
    let hex = |i: usize| u8::from_str_radix(color.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0);
    (hex(1), hex(3), hex(5))
}

/// Ties formed between two compared networks, drawn over the others.
pub const NEW_TIE: &str = "#C8102E";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_known_kind_has_its_own_colour() {
        for kind in crate::model::KNOWN_ACTOR_KINDS {
            assert!(KIND_COLORS.iter().any(|(k, _)| k == kind), "{kind}");
        }
        let mut colours: Vec<&str> = KIND_COLORS.iter().map(|(_, c)| *c).collect();
        colours.sort_unstable();
        colours.dedup();
        assert_eq!(colours.len(), KIND_COLORS.len(), "kinds share a colour");
        assert_eq!(rgb("#0072B2"), (0, 0x72, 0xB2));
    }
}
