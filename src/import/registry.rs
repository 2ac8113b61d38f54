//! Joining descriptions into a dataset: every organisation named (by the
//! structured fields or the gazetteer) matched to one actor, and the
//! engagements with their participants.

use super::descriptions::Description;
use super::gazetteer::{builtin, is_list_item, mentions, missed, KnownName};
use super::identity::{identity_keys, kind_of_authority, kind_of_type, name_key, slug};
use crate::error::{Error, Result};
use crate::model::{validate, Actor, Dataset, Engagement, Participation};
use serde_json::Value;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Finds or adds actors by business id, then name key, then alias, with
/// indexes so that each lookup costs the same however many actors there are.
struct Registry {
    dataset: Dataset,
    /// Business id → first actor with it.
    by_business_id: HashMap<String, usize>,
    /// Every base form of every name and alias → first actor with it.
    by_key: HashMap<String, usize>,
    ids: HashSet<String>,
}

impl Registry {
    fn new(dataset: Dataset) -> Registry {
        let mut registry = Registry {
            dataset,
            by_business_id: HashMap::new(),
            by_key: HashMap::new(),
            ids: HashSet::new(),
        };
        for i in 0..registry.dataset.actors.len() {
            registry.index(i);
        }
        registry
    }

    /// Adds actor `i`'s id, business id, name and aliases to the indexes;
    /// an earlier actor keeps a key it already has.
    fn index(&mut self, i: usize) {
        let actor = &self.dataset.actors[i];
        self.ids.insert(actor.id.to_string());
        if let Some(bid) = actor.business_id() {
            self.by_business_id.entry(bid.to_string()).or_insert(i);
        }
        for name in
            std::iter::once(actor.name.as_str()).chain(actor.aliases().iter().map(String::as_str))
        {
            for key in identity_keys(name) {
                self.by_key.entry(key).or_insert(i);
            }
        }
    }

    fn find(&self, name: &str, business_id: Option<&str>) -> Option<usize> {
        if let Some(&i) = business_id.and_then(|bid| self.by_business_id.get(bid)) {
            return Some(i);
        }
        // Both sides in all their forms: "Kouvola" is "Kouvolan kaupunki".
        identity_keys(name)
            .iter()
            .filter_map(|k| self.by_key.get(k).copied())
            .min()
    }

    /// The id of the actor called `name`, added with `kind` if new.
    fn actor(
        &mut self,
        name: &str,
        kind: &str,
        business_id: Option<&str>,
        region: Option<&str>,
    ) -> String {
        let i = self.actor_index(name, kind, business_id, region);
        self.dataset.actors[i].id.to_string()
    }

    /// The index of the actor called `name`, added with `kind` if new.
    fn actor_index(
        &mut self,
        name: &str,
        kind: &str,
        business_id: Option<&str>,
        region: Option<&str>,
    ) -> usize {
        if let Some(i) = self.find(name, business_id) {
            let actor = &mut self.dataset.actors[i];
            if actor.business_id().is_none() {
                if let Some(id) = business_id {
                    actor.details_mut().business_id = Some(id.into());
                }
            }
            if actor.name != name && !actor.aliases().iter().any(|a| a == name) {
                actor.details_mut().aliases.push(name.to_string());
            }
            self.index(i);
            return i;
        }
        // A public body of the register is named and kinded as the
        // register has it, the name found kept as an alias.
        let body = super::register::body_of(name);
        let (name, aliases, kind) = match body {
            Some(b) if b.name != name => (b.name.as_str(), vec![name.to_string()], b.kind.as_str()),
            Some(b) => (name, Vec::new(), b.kind.as_str()),
            None => (name, Vec::new(), kind),
        };
        let base = slug(name);
        let mut id = base.clone();
        let mut n = 2;
        while self.ids.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.dataset.actors.push(Actor {
            id: id.into(),
            name: name.into(),
            kind: kind.into(),
            details: crate::model::ActorDetails {
                business_id: business_id.map(Into::into),
                region: region.map(Into::into),
                aliases,
                attributes: Default::default(),
            }
            .boxed(),
        });
        let i = self.dataset.actors.len() - 1;
        self.index(i);
        i
    }
}

/// One organisation found in a description's free text, for `--review`.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// The file.
    pub origin: String,
    /// The project's engagement id.
    pub project: String,
    /// The role its section gives it.
    pub role: String,
    /// The words found.
    pub text: String,
    /// The actor it became (matched or new).
    pub actor: String,
    /// True when the actor was not known before.
    pub new: bool,
    /// False when the actor already took part in the project (so the
    /// mention added nothing).
    pub added: bool,
    /// The weaker role the actor had in the project before this mention
    /// gave it a stronger one (the roles merged).
    pub merged_from: Option<String>,
    /// True for an organisation-like phrase that matched nothing (no
    /// actor): a candidate for an alias or a new actor.
    pub missed: bool,
    /// The sentence it came from.
    pub sentence: String,
}

/// How strong a role is when one actor is named twice in one engagement:
/// coordinator > implementer > partner > funder, authority > member >
/// participant > target (and other roles below partner, above member).
pub fn role_strength(role: &str) -> u8 {
    match role {
        "coordinator" => 7,
        "implementer" => 6,
        "partner" | "trainer" => 5,
        "funder" | "authority" => 4,
        "member" => 2,
        "participant" => 1,
        "target" => 0,
        _ => 3,
    }
}

/// What adding a participation did.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Added {
    /// A new participant.
    New,
    /// Already taking part with this role or a stronger one.
    Kept,
    /// Already taking part with a weaker role, now replaced.
    Merged(String),
}

/// Adds a participation; an actor already taking part keeps the stronger
/// of its two roles ([`role_strength`]).
fn add_participant(
    participants: &mut Vec<Participation>,
    taking_part: &mut HashMap<String, usize>,
    actor: String,
    role: &str,
) -> Added {
    if let Some(&i) = taking_part.get(&actor) {
        let current = &mut participants[i].role;
        if role_strength(role) > role_strength(current) {
            let before = std::mem::replace(current, role.into());
            return Added::Merged(before.to_string());
        }
        return Added::Kept;
    }
    taking_part.insert(actor.clone(), participants.len());
    participants.push(Participation {
        actor: actor.into(),
        role: role.into(),
    });
    Added::New
}

/// At most `width` characters of `sentence` around byte offset `at`,
/// trimmed, with `…` where it was cut. Costs O(`width`), not the length
/// of the sentence.
fn excerpt(sentence: &str, at: usize, width: usize) -> String {
    let at = (0..=at.min(sentence.len()))
        .rev()
        .find(|&i| sentence.is_char_boundary(i))
        .unwrap_or(0);
    let before: Vec<(usize, char)> = sentence[..at]
        .char_indices()
        .rev()
        .take(width / 3)
        .collect();
    let from = before.last().map_or(at, |&(i, _)| i);
    let after_width = width - before.len();
    let to = sentence[from..]
        .char_indices()
        .nth(after_width)
        .map_or(sentence.len(), |(i, _)| from + i);
    let mut out = sentence[from..to].trim().to_string();
    if !sentence[..from].trim().is_empty() {
        out.insert(0, '…');
    }
    if !sentence[to..].trim().is_empty() {
        out.push('…');
    }
    out
}

/// Base form of a pattern name: `Kouvolan kaupungin` → `Kouvolan kaupunki`.
fn base_form(text: &str) -> String {
    text.replace(" kaupungin", " kaupunki")
        .replace(" kunnan", " kunta")
        .replace(" oppilaitoksen", " oppilaitos")
}

/// Whether the words after byte `end` of `sentence` say "together with"
/// (`… X:n kanssa`, `… X:n ja Y:n kanssa`): `kanssa` before the sentence
/// ends, with no more than a few names between.
fn together_with(sentence: &str, end: usize) -> bool {
    let rest = sentence.get(end..).unwrap_or("");
    let clause = rest.split(['.', ';', ':']).next().unwrap_or("");
    match clause.find(" kanssa") {
        Some(i) => clause[..i].split_whitespace().count() <= 6,
        None => false,
    }
}

/// An organisation's name in the genitive (`Itä-Suomen 4H-liiton`,
/// `Humanistisen ammattikorkeakoulun`) in its base form: the last word's
/// case ending undone, an agreeing adjective (`-sen`) with it.
fn nominative(phrase: &str) -> String {
    const ENDINGS: &[(&str, &str)] = &[
        ("liiton", "liitto"),
        ("yhdistyksen", "yhdistys"),
        ("keskuksen", "keskus"),
        ("kaupungin", "kaupunki"),
        ("kunnan", "kunta"),
        ("säätiön", "säätiö"),
        ("laitoksen", "laitos"),
        ("oppilaitoksen", "oppilaitos"),
        ("seuran", "seura"),
        ("piirin", "piiri"),
        ("yhtymän", "yhtymä"),
    ];
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let Some((last, before)) = words.split_last() else {
        return phrase.to_string();
    };
    let base = ENDINGS
        .iter()
        .find_map(|(from, to)| last.strip_suffix(from).map(|stem| format!("{stem}{to}")))
        .unwrap_or_else(|| last.strip_suffix('n').unwrap_or(last).to_string());
    let mut out: Vec<String> = before.iter().map(|w| w.to_string()).collect();
    if let Some(adjective) = out.last_mut() {
        if let Some(stem) = adjective.strip_suffix("sen") {
            *adjective = format!("{stem}nen");
        }
    }
    out.push(base);
    out.join(" ")
}

/// Adds the descriptions to `into` (or a new dataset called `name`): one
/// engagement per project (skipped when its id is already there, so
/// importing twice changes nothing), the applicant as coordinator, the
/// responsible authority as `authority`, and the target-area
/// municipalities as `target`. The same organisation is one actor, matched
/// by business id, then normalised name (Oy/ry dropped, inflected
/// municipality names), then alias.
///
/// Organisations named in the free text are found with a gazetteer — the
/// dataset's actors and aliases, the built-in list of Finnish public bodies
/// ([`super::gazetteer::builtin`]) and name patterns — and join with the
/// role of the section they appear in. Every candidate is returned for
/// review.
pub fn descriptions_to_dataset(
    descriptions: &[Description],
    into: Option<Dataset>,
    name: &str,
) -> Result<(Dataset, Vec<Candidate>)> {
    let mut candidates = Vec::new();
    let mut registry = Registry::new(into.unwrap_or_else(|| Dataset {
        name: name.to_string(),
        ..Default::default()
    }));
    let mut engagement_ids: HashSet<String> = registry
        .dataset
        .engagements
        .iter()
        .map(|e| e.id.to_string())
        .collect();
    for d in descriptions {
        // No code (a closing review): the first words of the name.
        let id = d.code.clone().unwrap_or_else(|| {
            let words: Vec<String> = slug(d.name.as_deref().unwrap_or("project"))
                .split('-')
                .take(3)
                .map(String::from)
                .collect();
            words.join("-").to_uppercase()
        });
        if !engagement_ids.insert(id.clone()) {
            continue;
        }
        // Without a code, the same project is the one with the same name
        // and overlapping dates (either side undated counts as overlapping).
        if d.code.is_none() {
            let key = d.name.as_deref().map(name_key);
            let overlaps = |e: &Engagement| match (d.start, d.end, e.start, e.end) {
                (Some(s1), Some(e1), Some(s2), Some(e2)) => s1 <= e2 && s2 <= e1,
                _ => true,
            };
            let known = registry
                .dataset
                .engagements
                .iter()
                .any(|e| key.as_deref() == Some(name_key(&e.name).as_str()) && overlaps(e));
            if known {
                continue;
            }
        }
        let region = (d.regions.len() == 1).then(|| d.regions[0].as_str());
        let mut participants: Vec<Participation> = Vec::new();
        let mut taking_part: HashMap<String, usize> = HashMap::new();
        if let Some(applicant) = &d.applicant {
            let kind = d
                .organisation_type
                .as_deref()
                .map_or_else(|| "other".to_string(), kind_of_type);
            let i = registry.actor_index(applicant, &kind, d.business_id.as_deref(), region);
            let actor = &mut registry.dataset.actors[i];
            if let Some(city) = &d.city {
                actor
                    .details_mut()
                    .attributes
                    .entry("city".into())
                    .or_insert_with(|| Value::String(city.clone()));
            }
            add_participant(
                &mut participants,
                &mut taking_part,
                actor.id.to_string(),
                "coordinator",
            );
        }
        if let Some(authority) = &d.authority {
            add_participant(
                &mut participants,
                &mut taking_part,
                registry.actor(authority, kind_of_authority(authority), None, None),
                "authority",
            );
        }
        for (name, business_id, role) in &d.implementers {
            let kind = super::names::kind_of_name(name);
            let i = registry.actor_index(name, kind, business_id.as_deref(), region);
            let id = registry.dataset.actors[i].id.to_string();
            add_participant(&mut participants, &mut taking_part, id, role);
        }
        for municipality in &d.municipalities {
            add_participant(
                &mut participants,
                &mut taking_part,
                registry.actor(municipality, "municipality", None, region),
                "target",
            );
        }
        // The free text: the dataset's actors (with their ids) and the
        // built-in bodies, then patterns.
        let known_actors: Vec<(String, KnownName)> = registry
            .dataset
            .actors
            .iter()
            .map(|a| {
                (
                    a.id.to_string(),
                    KnownName {
                        name: a.name.to_string(),
                        aliases: a.aliases().to_vec(),
                        kind: a.kind.to_string(),
                    },
                )
            })
            .collect();
        let mut gazetteer: Vec<KnownName> = known_actors.iter().map(|(_, k)| k.clone()).collect();
        gazetteer.extend(builtin());
        for (role, line) in &d.free_text {
            // A list item is one entry, "esim. A, B" included.
            let sentences: Vec<&str> = if is_list_item(line) {
                vec![line.as_str()]
            } else {
                line.split(". ").collect()
            };
            for sentence in sentences {
                let found = mentions(sentence, &gazetteer);
                for phrase in missed(sentence, &found) {
                    let at = sentence.find(&phrase).unwrap_or(0);
                    // "… X:n kanssa" (together with X): a partner named in
                    // the genitive, taken in its base form.
                    if together_with(sentence, at + phrase.len()) {
                        let name = nominative(&phrase);
                        let kind = super::names::kind_of_name(&name);
                        let before = registry.dataset.actors.len();
                        let actor = registry.actor(&name, kind, None, None);
                        let new = registry.dataset.actors.len() > before;
                        let added = add_participant(
                            &mut participants,
                            &mut taking_part,
                            actor.clone(),
                            role,
                        );
                        candidates.push(Candidate {
                            origin: d.origin.clone(),
                            project: id.clone(),
                            role: role.clone(),
                            text: phrase,
                            actor,
                            new,
                            added: added == Added::New,
                            merged_from: None,
                            missed: false,
                            sentence: excerpt(sentence, at, 240),
                        });
                        continue;
                    }
                    candidates.push(Candidate {
                        origin: d.origin.clone(),
                        project: id.clone(),
                        role: role.clone(),
                        text: phrase,
                        actor: String::new(),
                        new: false,
                        added: false,
                        merged_from: None,
                        missed: true,
                        sentence: excerpt(sentence, at, 240),
                    });
                }
                for mention in found {
                    let before = registry.dataset.actors.len();
                    let actor = match mention.known {
                        Some(i) if i < known_actors.len() => known_actors[i].0.clone(),
                        Some(i) => {
                            registry.actor(&gazetteer[i].name, &gazetteer[i].kind, None, None)
                        }
                        None => registry.actor(
                            &base_form(&mention.text),
                            mention.kind.as_deref().unwrap_or("other"),
                            None,
                            None,
                        ),
                    };
                    // A section's own role (co-implementers, target
                    // groups) merges; the default `partner` of running
                    // text, which also names places, never overrides.
                    let added = if role == "partner" && taking_part.contains_key(&actor) {
                        Added::Kept
                    } else {
                        add_participant(&mut participants, &mut taking_part, actor.clone(), role)
                    };
                    candidates.push(Candidate {
                        origin: d.origin.clone(),
                        project: id.clone(),
                        role: role.clone(),
                        text: mention.text,
                        actor,
                        new: registry.dataset.actors.len() > before,
                        added: added == Added::New,
                        merged_from: match added {
                            Added::Merged(before) => Some(before),
                            _ => None,
                        },
                        missed: false,
                        sentence: excerpt(sentence, mention.start, 240),
                    });
                }
            }
        }
        let mut attributes: BTreeMap<String, Value> = BTreeMap::new();
        let mut text = |key: &str, value: &Option<String>| {
            if let Some(v) = value {
                attributes.insert(key.into(), Value::String(v.clone()));
            }
        };
        text("fund", &d.fund);
        text("axis", &d.axis);
        text("objective", &d.objective);
        text("programme_section", &d.section);
        text("state", &d.state);
        if !d.regions.is_empty() {
            attributes.insert("target_regions".into(), Value::String(d.regions.join(", ")));
        }
        if !d.subregions.is_empty() {
            attributes.insert(
                "target_subregions".into(),
                Value::String(d.subregions.join(", ")),
            );
        }
        for (key, value) in [
            ("granted_eu_state_eur", d.granted_eu_state_eur),
            ("realised_eu_state_eur", d.realised_eu_state_eur),
            ("planned_public_eur", d.planned_public_eur),
        ] {
            if let Some(v) = value.and_then(serde_json::Number::from_f64) {
                attributes.insert(key.into(), Value::Number(v));
            }
        }
        attributes.insert("source".into(), Value::String(d.origin.clone()));
        registry.dataset.engagements.push(Engagement {
            id: id.into(),
            name: d
                .name
                .clone()
                .unwrap_or_else(|| d.code.clone().unwrap_or_default())
                .into(),
            kind: "project".into(),
            start: d.start,
            end: d.end,
            participants,
            details: crate::model::EngagementDetails {
                funding_eur: d.realised_public_eur.or(d.planned_public_eur),
                part_of: None,
                attributes,
            }
            .boxed(),
        });
    }
    let report = validate::check(&registry.dataset);
    if !report.is_valid() {
        return Err(Error::Invalid {
            origin: "imported descriptions".into(),
            report,
        });
    }
    Ok((registry.dataset, candidates))
}
