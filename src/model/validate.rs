//! Validation of a [`Dataset`]: every problem, each with its place.
//!
//! Places are JSON paths into the canonical format, such as
//! `engagements[3].participants[1].actor`, so that a user can find the value
//! in the file. Importers that build a dataset from other formats map these
//! places back to their own (file, line, column).

use super::{Dataset, KNOWN_ROLES};
use foldhash::HashMap;
use foldhash::HashMapExt as _;
use std::collections::BTreeMap;
use std::fmt;

/// One problem: where it is and what is wrong (with the offending value and
/// what was expected).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    /// A JSON path (`actors[2].id`), or `file:line:column` for imported files.
    pub place: String,
    /// What is wrong, naming the value and what was expected.
    pub message: String,
}

impl Problem {
    /// A problem at `place`.
    pub fn new(place: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem {
            place: place.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.place.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.place, self.message)
        }
    }
}

/// The outcome of validation: problems make a dataset unusable, warnings do
/// not.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Errors; a dataset with any is rejected.
    pub problems: Vec<Problem>,
    /// Things worth a look that do not stop the analysis (an unknown role).
    pub warnings: Vec<Problem>,
}

impl Report {
    /// True when there are no problems (warnings allowed).
    pub fn is_valid(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Checks the meaning of a dataset whose shape is already right: ids present
/// and unique, references resolving, dates in order, weights positive and
/// finite, no self-ties, no actor twice in one engagement, no cycles of
/// `part_of`.
///
/// Returns every problem found, in document order.
pub fn check(dataset: &Dataset) -> Report {
    SUGGESTED.with(|c| c.set(0));
    let mut report = Report::default();
    let Report { problems, warnings } = &mut report;
    let actor_ids = check_actors(dataset, problems);
    let engagement_ids = check_engagements(dataset, &actor_ids, problems, warnings);
    check_part_of(dataset, &engagement_ids, problems);
    check_ties(dataset, &actor_ids, problems);
    report
}

/// Actors: ids, names, business ids, aliases. Returns id → position.
fn check_actors<'d>(dataset: &'d Dataset, problems: &mut Vec<Problem>) -> HashMap<&'d str, usize> {
    let mut actor_ids: HashMap<&str, usize> = HashMap::with_capacity(dataset.actors.len());
    let mut business_ids: HashMap<String, usize> = HashMap::new();
    for (i, actor) in dataset.actors.iter().enumerate() {
        let place = At("actors", i);
        check_id(problems, || format!("actors[{i}].id"), &actor.id);
        if !actor.id.trim().is_empty() {
            if let Some(first) = actor_ids.insert(&actor.id, i) {
                problems.push(Problem::new(
                    format!("{place}.id"),
                    format!(
                        "duplicate actor id {:?}: already used by actors[{first}]; expected a unique id",
                        actor.id
                    ),
                ));
                actor_ids.insert(&dataset.actors[first].id, first);
            }
        }
        check_text(
            problems,
            || format!("actors[{i}].name"),
            &actor.name,
            "name",
        );
        check_text(
            problems,
            || format!("actors[{i}].kind"),
            &actor.kind,
            "kind",
        );
        if let Some(bid) = actor.business_id() {
            let normal = bid.trim().to_string();
            if normal.is_empty() {
                problems.push(Problem::new(
                    format!("{place}.business_id"),
                    "empty business id; leave the field out when it is not known",
                ));
            } else if let Some(first) = business_ids.insert(normal.clone(), i) {
                problems.push(Problem::new(
                    format!("{place}.business_id"),
                    format!(
                        "business id {bid:?} is also on actors[{first}] ({:?}): the same organisation listed twice? expected one actor per business id",
                        dataset.actors[first].id
                    ),
                ));
                business_ids.insert(normal, first);
            }
        }
        for (j, alias) in actor.aliases().iter().enumerate() {
            check_text(
                problems,
                || format!("actors[{i}].aliases[{j}]"),
                alias,
                "alias",
            );
        }
    }
    actor_ids
}

/// Engagements: ids, names, dates, funding, participants (unknown roles
/// are warnings). Returns id → position.
fn check_engagements<'d>(
    dataset: &'d Dataset,
    actor_ids: &HashMap<&str, usize>,
    problems: &mut Vec<Problem>,
    warnings: &mut Vec<Problem>,
) -> HashMap<&'d str, usize> {
    let mut engagement_ids: HashMap<&str, usize> =
        HashMap::with_capacity(dataset.engagements.len());
    // Actors already seen in the engagement at hand (one map, cleared).
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, engagement) in dataset.engagements.iter().enumerate() {
        let place = At("engagements", i);
        check_id(problems, || format!("engagements[{i}].id"), &engagement.id);
        if !engagement.id.trim().is_empty() {
            if let Some(first) = engagement_ids.insert(&engagement.id, i) {
                problems.push(Problem::new(
                    format!("{place}.id"),
                    format!(
                        "duplicate engagement id {:?}: already used by engagements[{first}]; expected a unique id",
                        engagement.id
                    ),
                ));
                engagement_ids.insert(&dataset.engagements[first].id, first);
            }
        }
        check_text(
            problems,
            || format!("engagements[{i}].name"),
            &engagement.name,
            "name",
        );
        check_text(
            problems,
            || format!("engagements[{i}].kind"),
            &engagement.kind,
            "kind",
        );
        if let (Some(start), Some(end)) = (engagement.start, engagement.end) {
            if end < start {
                problems.push(Problem::new(
                    format!("{place}.end"),
                    format!("end {end} is before start {start}; expected end on or after start"),
                ));
            }
        }
        if let Some(eur) = engagement.funding_eur() {
            if !eur.is_finite() || eur < 0.0 {
                problems.push(Problem::new(
                    format!("{place}.funding_eur"),
                    format!("funding {eur} is not a finite, non-negative number of euros"),
                ));
            }
        }
        seen.clear();
        // Short lists (nearly all) are checked for repeats by scanning.
        let scan = engagement.participants.len() <= 16;
        for (j, participation) in engagement.participants.iter().enumerate() {
            if participation.actor.trim().is_empty() {
                problems.push(Problem::new(
                    format!("{place}.participants[{j}].actor"),
                    "empty actor reference; expected the id of an actor",
                ));
            } else {
                if !actor_ids.contains_key(participation.actor.as_str()) {
                    problems.push(Problem::new(
                        format!("{place}.participants[{j}].actor"),
                        format!(
                            "unknown actor {:?}; expected the id of an entry in actors{}",
                            participation.actor,
                            suggestion(&participation.actor, actor_ids.keys().copied())
                        ),
                    ));
                }
                let first = if scan {
                    engagement.participants[..j]
                        .iter()
                        .position(|p| p.actor == participation.actor)
                } else {
                    match seen.entry(&participation.actor) {
                        std::collections::hash_map::Entry::Occupied(e) => Some(*e.get()),
                        std::collections::hash_map::Entry::Vacant(e) => {
                            e.insert(j);
                            None
                        }
                    }
                };
                if let Some(first) = first {
                    problems.push(Problem::new(
                        format!("{place}.participants[{j}].actor"),
                        format!(
                            "actor {:?} is listed twice in this engagement (also at participants[{first}]); expected each actor once, with its main role",
                            participation.actor
                        ),
                    ));
                }
            }
            if participation.role.trim().is_empty() {
                problems.push(Problem::new(
                    format!("{place}.participants[{j}].role"),
                    format!("empty role; expected one of {}", KNOWN_ROLES.join(", ")),
                ));
            } else if !KNOWN_ROLES.contains(&participation.role.as_str()) {
                warnings.push(Problem::new(
                    format!("{place}.participants[{j}].role"),
                    format!(
                        "unknown role {:?} (known: {}); it is kept, and filtered like any other role",
                        participation.role.as_str(),
                        KNOWN_ROLES.join(", ")
                    ),
                ));
            }
        }
    }
    engagement_ids
}

/// `part_of`: references and cycles (checked once all ids are known).
fn check_part_of(
    dataset: &Dataset,
    engagement_ids: &HashMap<&str, usize>,
    problems: &mut Vec<Problem>,
) {
    for (i, engagement) in dataset.engagements.iter().enumerate() {
        let Some(parent) = engagement.part_of() else {
            continue;
        };
        let place = format!("engagements[{i}].part_of");
        if parent == engagement.id {
            problems.push(Problem::new(
                place,
                format!(
                    "engagement {parent:?} is part of itself; expected another engagement's id"
                ),
            ));
        } else if !engagement_ids.contains_key(parent) {
            problems.push(Problem::new(
                place,
                format!(
                    "unknown engagement {parent:?}; expected the id of an entry in engagements{}",
                    suggestion(parent, engagement_ids.keys().copied())
                ),
            ));
        } else if in_cycle(dataset, engagement_ids, i) {
            problems.push(Problem::new(
                place,
                format!("part_of {parent:?} makes a cycle; expected a hierarchy"),
            ));
        }
    }
}

/// Direct ties: references, no self-ties, finite positive weights.
fn check_ties(dataset: &Dataset, actor_ids: &HashMap<&str, usize>, problems: &mut Vec<Problem>) {
    for (i, tie) in dataset.ties.iter().enumerate() {
        let place = format!("ties[{i}]");
        for (field, id) in [("source", &tie.source), ("target", &tie.target)] {
            if id.trim().is_empty() {
                problems.push(Problem::new(
                    format!("{place}.{field}"),
                    "empty actor reference; expected the id of an actor",
                ));
            } else if !actor_ids.contains_key(id.as_str()) {
                problems.push(Problem::new(
                    format!("{place}.{field}"),
                    format!(
                        "unknown actor {id:?}; expected the id of an entry in actors{}",
                        suggestion(id, actor_ids.keys().copied())
                    ),
                ));
            }
        }
        if tie.source == tie.target && !tie.source.is_empty() {
            problems.push(Problem::new(
                format!("{place}.target"),
                format!(
                    "self-tie: {:?} is tied to itself; expected two different actors",
                    tie.source
                ),
            ));
        }
        if !tie.weight.is_finite() || tie.weight <= 0.0 {
            problems.push(Problem::new(
                format!("{place}.weight"),
                format!("weight {} is not a finite positive number", tie.weight),
            ));
        }
    }
    // Every derived weight is at most the sum of all: it must be finite.
    let total: f64 = dataset
        .ties
        .iter()
        .map(|t| t.weight)
        .filter(|w| w.is_finite())
        .sum();
    if !total.is_finite() {
        problems.push(Problem::new(
            "ties",
            format!(
                "the tie weights sum to {total}; expected weights whose sum is a finite number"
            ),
        ));
    }
}

/// An element's place, `actors[3]`, written only when a problem needs it.
#[derive(Clone, Copy)]
struct At(&'static str, usize);

impl std::fmt::Display for At {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}[{}]", self.0, self.1)
    }
}

fn check_id(problems: &mut Vec<Problem>, place: impl Fn() -> String, id: &str) {
    if id.trim().is_empty() {
        problems.push(Problem::new(
            place(),
            "empty id; expected a non-empty identifier",
        ));
    } else if id.trim().len() != id.len() {
        problems.push(Problem::new(
            place(),
            format!(
                "id {id:?} has leading or trailing white space; expected {:?}",
                id.trim()
            ),
        ));
    } else if id
        .chars()
        .any(|c| c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}')
    {
        // XML cannot hold these: ids must survive every export unchanged.
        problems.push(Problem::new(
            place(),
            format!("id {id:?} contains a control character; expected printable text"),
        ));
    }
}

fn check_text(problems: &mut Vec<Problem>, place: impl Fn() -> String, value: &str, what: &str) {
    if value.trim().is_empty() {
        problems.push(Problem::new(
            place(),
            format!("empty {what}; expected non-empty text"),
        ));
    }
}

fn in_cycle(dataset: &Dataset, ids: &HashMap<&str, usize>, start: usize) -> bool {
    let mut current = start;
    for _ in 0..=dataset.engagements.len() {
        let Some(parent) = dataset.engagements[current].part_of() else {
            return false;
        };
        let Some(&next) = ids.get(parent) else {
            return false;
        };
        if next == start {
            return true;
        }
        current = next;
    }
    true
}

/// `" (did you mean \"x\"?)"` when an id is one or two edits from a known one.
/// Suggestions are looked for only for short values, and for at most
/// [`SUGGESTIONS`] problems of one validation, so that many dangling
/// references or huge ids cannot make validation slow.
const SUGGEST_MAX_LEN: usize = 64;
/// The most "did you mean" suggestions of one validation.
const SUGGESTIONS: usize = 50;

thread_local! {
    static SUGGESTED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

fn suggestion<'a>(wrong: &str, known: impl Iterator<Item = &'a str>) -> String {
    if wrong.chars().count() > SUGGEST_MAX_LEN || SUGGESTED.with(|c| c.get()) >= SUGGESTIONS {
        return String::new();
    }
    SUGGESTED.with(|c| c.set(c.get() + 1));
    let best = known
        .filter(|k| k.len() <= 4 * SUGGEST_MAX_LEN && k.len().abs_diff(wrong.len()) <= 8)
        .filter(|k| k.chars().count().abs_diff(wrong.chars().count()) <= 2)
        .map(|k| (strsim::levenshtein(wrong, k), k))
        .filter(|(d, _)| *d <= 2)
        .min();
    match best {
        Some((_, k)) => format!(" (did you mean {k:?}?)"),
        None => String::new(),
    }
}

/// Counts of each distinct value, in key order (for summaries).
pub fn count_by<'a>(values: impl Iterator<Item = &'a str>) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for v in values {
        *counts.entry(v.to_string()).or_insert(0) += 1;
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, Engagement, Participation, Tie};

    fn actor(id: &str) -> Actor {
        Actor {
            id: id.into(),
            name: format!("Actor {id}").into(),
            kind: "firm".into(),
            details: None,
        }
    }

    fn engagement(id: &str, actors: &[&str]) -> Engagement {
        Engagement {
            id: id.into(),
            name: format!("Project {id}").into(),
            kind: "project".into(),
            start: None,
            end: None,
            participants: actors
                .iter()
                .map(|a| Participation {
                    actor: (*a).into(),
                    role: "partner".into(),
                })
                .collect(),
            details: None,
        }
    }

    #[test]
    fn a_clean_dataset_has_no_problems() {
        let d = Dataset {
            name: "t".into(),
            actors: vec![actor("a"), actor("b")],
            engagements: vec![engagement("p", &["a", "b"])],
            ..Default::default()
        };
        assert_eq!(check(&d), Report::default());
    }

    #[test]
    fn lists_every_problem_with_its_place() {
        let mut d = Dataset {
            name: "t".into(),
            actors: vec![actor("a"), actor("a"), actor("")],
            engagements: vec![engagement("p", &["a", "zz", "a"])],
            ties: vec![Tie {
                source: "a".into(),
                target: "a".into(),
                kind: None,
                weight: -1.0,
            }],
            ..Default::default()
        };
        d.engagements[0].start = "2022-01-01".parse().ok();
        d.engagements[0].end = "2021-01-01".parse().ok();
        let places: Vec<String> = check(&d).problems.into_iter().map(|p| p.place).collect();
        assert_eq!(
            places,
            [
                "actors[1].id",
                "actors[2].id",
                "engagements[0].end",
                "engagements[0].participants[1].actor",
                "engagements[0].participants[2].actor",
                "ties[0].target",
                "ties[0].weight",
            ]
        );
    }

    #[test]
    fn a_repeated_participant_names_its_first_listing_in_short_and_long_lists() {
        // Short lists are scanned, long ones hashed: the same messages.
        for size in [4, 40] {
            let ids: Vec<String> = (0..size).map(|i| format!("a{i}")).collect();
            let mut listed: Vec<&str> = ids.iter().map(String::as_str).collect();
            listed.push("a1");
            listed.push("a1");
            let d = Dataset {
                name: "t".into(),
                actors: ids.iter().map(|id| actor(id)).collect(),
                engagements: vec![engagement("p", &listed)],
                ..Default::default()
            };
            let messages: Vec<String> = check(&d)
                .problems
                .into_iter()
                .map(|p| p.to_string())
                .collect();
            assert_eq!(messages.len(), 2, "{size}: {messages:?}");
            for (k, message) in messages.iter().enumerate() {
                assert_eq!(
                    message,
                    &format!(
                        "engagements[0].participants[{}].actor: actor \"a1\" is listed twice in this engagement (also at participants[1]); expected each actor once, with its main role",
                        size + k
                    )
                );
            }
        }
    }

    #[test]
    fn suggests_a_near_id() {
        let d = Dataset {
            name: "t".into(),
            actors: vec![actor("centria")],
            engagements: vec![engagement("p", &["centira"])],
            ..Default::default()
        };
        let report = check(&d);
        assert!(report.problems[0]
            .message
            .contains("did you mean \"centria\""));
    }

    #[test]
    fn detects_part_of_cycles_and_warns_on_unknown_roles() {
        let mut d = Dataset {
            name: "t".into(),
            actors: vec![actor("a")],
            engagements: vec![engagement("p", &["a"]), engagement("q", &[])],
            ..Default::default()
        };
        d.engagements[0].details_mut().part_of = Some("q".into());
        d.engagements[1].details_mut().part_of = Some("p".into());
        d.engagements[0].participants[0].role = "coordinater".into();
        let report = check(&d);
        assert_eq!(report.problems.len(), 2);
        assert!(report.problems[0].message.contains("cycle"));
        assert_eq!(report.warnings.len(), 1);
        assert!(report.warnings[0].message.contains("coordinater"));
    }
}
