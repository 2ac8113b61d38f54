//! Enums named by their option values. strum derives each variant's name
//! (`#[strum(serialize_all = …)]`, `IntoStaticStr`) and the list of
//! variants (`VariantArray`); [`parse`] reads a name back with the
//! library's error, which lists every name.

use crate::error::{Error, Result};
use strum::VariantArray;

/// The variant of `T` named `s`; else [`Error::InvalidParameter`] naming
/// the parameter `what` and every name it takes.
pub(crate) fn parse<T>(what: &'static str, s: &str) -> Result<T>
where
    T: VariantArray + Copy + Into<&'static str>,
{
    T::VARIANTS
        .iter()
        .copied()
        .find(|&v| Into::<&'static str>::into(v) == s)
        .ok_or_else(|| Error::invalid(what, s, names::<T>()))
}

/// Every name of `T`, as a list for people: `a, b or c`.
pub(crate) fn names<T>() -> String
where
    T: VariantArray + Copy + Into<&'static str>,
{
    let names: Vec<&'static str> = T::VARIANTS.iter().map(|&v| v.into()).collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => names.concat(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{ProjectionWeight, RoleRule};
    use crate::metrics::Metric;

    #[test]
    fn names_round_trip_and_errors_list_them() {
        assert_eq!(names::<ProjectionWeight>(), "count, newman or jaccard");
        for m in Metric::ALL {
            assert_eq!(parse::<Metric>("metric", m.name()).unwrap(), m);
        }
        assert_eq!(Metric::PageRank.name(), "pagerank");
        assert_eq!(RoleRule::CliqueUpToLimit.name(), "auto");
        let e = parse::<RoleRule>("role_ties", "cliq")
            .unwrap_err()
            .to_string();
        assert!(e.contains("clique, star, none, reach or auto"), "{e}");
    }
}
