//! Where actors are on a map of Finland: their municipality's centre, else
//! their region's.

use crate::import::register::{body_of, municipality_place, region_place, Place};
use crate::model::Actor;

/// Attributes that name an actor's municipality, in the order they are read.
const MUNICIPALITY_KEYS: [&str; 7] = [
    "municipality",
    "kunta",
    "kotikunta",
    "kommun",
    "city",
    "town",
    "kaupunki",
];

/// Where `actor` is: the municipality a municipality attribute names (see
/// [`MUNICIPALITY_KEYS`]); the municipality the actor is, by its name or an
/// alias (`Kouvolan kaupunki`, `Vasa`); else the centre of its region, or
/// of the region of the public body it is; `None` when none of these is
/// known (actors abroad, firms without a place).
pub(super) fn actor_place(actor: &Actor) -> Option<Place> {
    MUNICIPALITY_KEYS
        .iter()
        .filter_map(|k| actor.attributes().get(*k).and_then(|v| v.as_str()))
        .chain(std::iter::once(actor.name.as_str()))
        .chain(actor.aliases().iter().map(String::as_str))
        .find_map(municipality_place)
        .or_else(|| actor.region().and_then(region_place))
        .or_else(|| {
            body_of(&actor.name)
                .and_then(|b| b.region.as_deref())
                .and_then(region_place)
        })
}
