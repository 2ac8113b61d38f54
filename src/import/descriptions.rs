//! Import of EU structural-fund project descriptions (the seed documents'
//! format): the 2014–2020 "hankkeen kuvaus" (EAKR/REACT-EU), the 2007–2013
//! "projektin kuvaus" (ESR), and a network project's closing review.
//!
//! This first version reads the structured fields — code, name, axis,
//! objective, period, state, responsible authority, applicant, organisation
//! type, business id, city, target area and funding — and never the
//! contact fields (names, e-mail addresses, phone numbers). Organisations
//! named in the free text are found with a gazetteer
//! ([`super::gazetteer`]).

use super::gazetteer::{builtin, mentions, KnownName};
use crate::error::{Error, Result};
use crate::model::{validate, Actor, Dataset, Date, Engagement, Participation, Problem};
use serde_json::Value;
use std::collections::BTreeMap;

/// The structured content of one description.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Description {
    /// The file it came from.
    pub origin: String,
    /// Hankekoodi / Projektikoodi.
    pub code: Option<String>,
    /// Hankkeen / Projektin nimi.
    pub name: Option<String>,
    /// EAKR, ESR… from the document's heading.
    pub fund: Option<String>,
    /// Toimintalinja.
    pub axis: Option<String>,
    /// Erityistavoite.
    pub objective: Option<String>,
    /// Osio (ESR regional section).
    pub section: Option<String>,
    /// Toiminnan tila.
    pub state: Option<String>,
    /// Planned start.
    pub start: Option<Date>,
    /// Planned end.
    pub end: Option<Date>,
    /// Vastuuviranomainen.
    pub authority: Option<String>,
    /// Hakijan virallinen nimi / Toteuttajaorganisaation nimi.
    pub applicant: Option<String>,
    /// Organisaatiotyyppi.
    pub organisation_type: Option<String>,
    /// Y-tunnus.
    pub business_id: Option<String>,
    /// Postitoimipaikka.
    pub city: Option<String>,
    /// Maakunnat.
    pub regions: Vec<String>,
    /// Seutukunnat.
    pub subregions: Vec<String>,
    /// Kunnat.
    pub municipalities: Vec<String>,
    /// Myönnetty EU- ja valtion rahoitus.
    pub granted_eu_state_eur: Option<f64>,
    /// Toteutunut EU- ja valtion rahoitus.
    pub realised_eu_state_eur: Option<f64>,
    /// Suunniteltu julkinen rahoitus yhteensä.
    pub planned_public_eur: Option<f64>,
    /// Toteutunut julkinen rahoitus yhteensä.
    pub realised_public_eur: Option<f64>,
    /// Free-text lines with the role their section gives the organisations
    /// they name (`implementer` under co-implementers, `target` under target
    /// groups, `partner` elsewhere).
    pub free_text: Vec<(String, String)>,
}

/// Keys of structured fields; their lines are never free text. The contact
/// fields are listed so that they are skipped, never read.
const FIELD_KEYS: &[&str] = &[
    "Hankekoodi",
    "Projektikoodi",
    "Hankkeen nimi",
    "Projektin nimi",
    "Toimintalinja",
    "Erityistavoite",
    "Osio",
    "Projektityyppi",
    "Suunnitelman mukainen toteutusaika",
    "Toiminnan tila",
    "Vastuuviranomainen",
    "Hakijan virallinen nimi",
    "Toteuttajaorganisaation nimi",
    "Organisaatiotyyppi",
    "Y-tunnus",
    "Jakeluosoite",
    "Osoite",
    "Puhelinnumero",
    "Postinumero",
    "Postitoimipaikka",
    "WWW-osoite",
    "Toteuttajaorganisaation Web-osoite",
    "Projektin kotisivun osoite",
    "Hankkeen yhteyshenkilön nimi",
    "Yhteyshenkilön asema hakijaorganisaatiossa",
    "Yhteyshenkilön sähköpostisoite",
    "Yhteyshenkilön puhelinnumero",
    "Vastuuhenkilön nimi",
    "Asema",
    "Sähköposti",
    "Hakijoiden lukumäärä tai tuen siirto -menettely",
    "Maakunnat",
    "Seutukunnat",
    "Kunnat",
    "Suunniteltu",
    "Toteutunut seurantatietojen mukaan",
    "Myönnetty EU- ja valtion rahoitus",
    "Toteutunut EU- ja valtion rahoitus",
    "Suunniteltu julkinen rahoitus yhteensä",
    "Toteutunut julkinen rahoitus yhteensä",
];

/// The role a heading gives the organisations named under it, if the line
/// is a heading.
fn heading_role(line: &str) -> Option<&'static str> {
    let plain = line.trim_start_matches('#').trim();
    let lower = plain.to_lowercase();
    if lower == "osatoteuttajat" {
        return Some("implementer");
    }
    let numbered = plain.split_whitespace().next().is_some_and(|w| {
        w.chars().next().is_some_and(|c| c.is_ascii_digit())
            && w.trim_end_matches('.')
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.')
    });
    if (numbered || line.starts_with('#')) && plain.len() < 90 {
        return Some(if lower.contains("kohderyhm") {
            "target"
        } else {
            "partner"
        });
    }
    None
}

/// Normalises the text: no BOM, LF line ends, non-breaking spaces as
/// spaces, `(at)` as `@`.
fn normalise(text: &str) -> String {
    text.trim_start_matches('\u{feff}')
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace(['\u{a0}', '\u{202f}'], " ")
}

/// `D.M.YYYY` as a date.
fn finnish_date(text: &str) -> Option<Date> {
    let mut parts = text.trim().trim_end_matches('.').split('.');
    let day: u8 = parts.next()?.trim().parse().ok()?;
    let month: u8 = parts.next()?.trim().parse().ok()?;
    let year: i32 = parts.next()?.trim().parse().ok()?;
    Date::new(year, month, day)
}

/// Euros written as `245 000` or `245 000,50`.
fn euros(text: &str) -> Option<f64> {
    let cleaned: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .replace(',', ".");
    cleaned.parse().ok().filter(|v: &f64| v.is_finite())
}

fn list(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

fn non_empty(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// Reads one description. Fails, naming the file, when neither a project
/// code nor a name can be found.
pub fn parse_description(text: &str, origin: &str) -> Result<Description> {
    let text = normalise(text);
    let mut d = Description {
        origin: origin.to_string(),
        ..Default::default()
    };
    let mut role = "partner";
    for line in text.lines() {
        let line = line.trim();
        if let Some(r) = heading_role(line) {
            role = r;
            continue;
        }
        let is_field = line
            .split_once(':')
            .is_some_and(|(k, _)| FIELD_KEYS.contains(&k.trim()));
        if !is_field && !line.is_empty() {
            // "Kohderyhmä: …" inside a summary names target groups.
            let line_role = if line.starts_with("Kohderyhmä") {
                "target"
            } else {
                role
            };
            d.free_text.push((line_role.to_string(), line.to_string()));
        }
        if d.fund.is_none() {
            for fund in ["EAKR", "ESR", "JTF", "ELY"] {
                if line.contains(&format!("({fund})")) {
                    d.fund = Some(fund.to_string());
                }
            }
        }
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        match key.trim() {
            "Hankekoodi" | "Projektikoodi" => d.code = non_empty(value),
            "Hankkeen nimi" | "Projektin nimi" => d.name = non_empty(value),
            "Toimintalinja" => d.axis = non_empty(value),
            "Erityistavoite" => d.objective = non_empty(value),
            "Osio" => d.section = non_empty(value),
            "Toiminnan tila" => d.state = non_empty(value),
            "Vastuuviranomainen" => d.authority = non_empty(value),
            "Hakijan virallinen nimi" | "Toteuttajaorganisaation nimi" => {
                d.applicant = non_empty(value)
            }
            "Organisaatiotyyppi" => d.organisation_type = non_empty(value),
            "Y-tunnus" => d.business_id = non_empty(value),
            "Postitoimipaikka" if d.city.is_none() => d.city = non_empty(value),
            "Maakunnat" => d.regions = list(value),
            "Seutukunnat" => d.subregions = list(value),
            "Kunnat" => d.municipalities = list(value),
            "Myönnetty EU- ja valtion rahoitus" => d.granted_eu_state_eur = euros(value),
            "Toteutunut EU- ja valtion rahoitus" => d.realised_eu_state_eur = euros(value),
            "Suunniteltu julkinen rahoitus yhteensä" => d.planned_public_eur = euros(value),
            "Toteutunut julkinen rahoitus yhteensä" => d.realised_public_eur = euros(value),
            "Suunnitelman mukainen toteutusaika" => {
                // "Alkaa 1.1.2020 ja päättyy 31.3.2022"
                if let Some(rest) = value.strip_prefix("Alkaa") {
                    let (start, end) = rest.split_once("ja päättyy").unwrap_or((rest, ""));
                    d.start = finnish_date(start);
                    d.end = finnish_date(end);
                }
            }
            _ => {}
        }
    }
    if d.code.is_none() && d.name.is_none() {
        review_fields(&text, &mut d);
    }
    if d.code.is_none() && d.name.is_none() {
        return Err(Error::Import {
            problems: vec![Problem::new(
                origin,
                "no project code (Hankekoodi/Projektikoodi) and no project name (Hankkeen nimi/Projektin nimi, or a quoted name in a closing review) found; is this a project description?",
            )],
        });
    }
    Ok(d)
}

/// The closing-review layout: the project's name in quotes in the bold
/// lead (`verkostohanke: "Name" käynnistyi 1.9.2021 ja päättyi 31.12.2023`).
fn review_fields(text: &str, d: &mut Description) {
    for line in text.lines() {
        let plain = line.replace("**", "");
        let quoted = ['"', '”', '“']
            .iter()
            .filter_map(|&q| {
                let start = plain.find(q)?;
                let rest = &plain[start + q.len_utf8()..];
                let end = rest.find(['"', '”', '“'])?;
                Some(rest[..end].trim().to_string())
            })
            .next();
        if let (Some(name), Some(started)) = (quoted, plain.find("käynnistyi")) {
            d.name = non_empty(&name);
            let after = &plain[started + "käynnistyi".len()..];
            let (start, end) = after.split_once("ja päättyi").unwrap_or((after, ""));
            d.start = finnish_date(start.trim());
            d.end = finnish_date(
                end.split_whitespace()
                    .next()
                    .unwrap_or("")
                    .trim_end_matches('.'),
            );
            if plain.contains("TEM:in rahoittama") {
                d.fund = Some("TEM".into());
            }
            return;
        }
    }
}

/// The actor kind of an organisation type (Organisaatiotyyppi); unknown
/// types are kept as given.
pub fn kind_of_type(organisation_type: &str) -> String {
    let lower = organisation_type.trim().to_lowercase();
    let kind = match lower.as_str() {
        "kunta" | "kaupunki" | "kunnallinen liikelaitos" => "municipality",
        "maakunnan liitto" | "maakuntaliitto" => "regional_council",
        "ministeriö" => "ministry",
        _ if lower.contains("ammattikorkeakoulu") => "university_of_applied_sciences",
        _ if lower.contains("yliopisto") => "university",
        _ if lower.contains("koulutuskuntayhtymä") || lower.contains("oppilaitos") => {
            "education_provider"
        }
        _ if lower.contains("kuntayhtymä") => "joint_municipal_authority",
        _ if lower.contains("tutkimuslaitos") => "research_institute",
        _ if lower.starts_with("valtion") => "authority",
        _ if lower.contains("yritys") || lower.contains("osakeyhtiö") => "firm",
        _ if lower.contains("yhdistys") || lower.contains("järjestö") => "association",
        _ if lower.contains("säätiö") => "foundation",
        _ => return organisation_type.trim().to_string(),
    };
    kind.to_string()
}

/// The kind of a responsible authority, from its name.
fn kind_of_authority(name: &str) -> &'static str {
    let lower = name.to_lowercase();
    if lower.ends_with(" liitto") {
        "regional_council"
    } else if lower.contains("ministeriö") {
        "ministry"
    } else {
        "authority"
    }
}

/// A matching key: lower case, single spaces, no company-form suffix.
pub fn name_key(name: &str) -> String {
    let mut key = name
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    for suffix in [" oyj", " oy", " ry", " ab", " rf"] {
        if let Some(stripped) = key.strip_suffix(suffix) {
            key = stripped.to_string();
        }
    }
    key
}

/// Base forms a municipality may have behind `…n kaupunki`, `…n kunta` or
/// their inflected forms (`Kouvolan kaupungin`): the genitive without its
/// `-n`, and the common consonant-gradation endings (Seinäjoen → Seinäjoki,
/// Riihimäen → Riihimäki, Lahden → Lahti, Lopen → Loppi).
pub fn municipality_candidates(name: &str) -> Vec<String> {
    let key = name_key(name);
    let Some(genitive) = [
        "kaupunki",
        "kaupungin",
        "kaupungissa",
        "kunta",
        "kunnan",
        "kunnassa",
    ]
    .iter()
    .find_map(|w| key.strip_suffix(&format!(" {w}"))) else {
        return vec![key];
    };
    let Some(stem) = genitive.strip_suffix('n') else {
        return vec![genitive.to_string()];
    };
    let mut out = vec![stem.to_string()];
    for (from, to) in [
        ("joe", "joki"),
        ("mäe", "mäki"),
        ("de", "ti"),
        ("pe", "ppi"),
        ("ke", "kki"),
        ("te", "tti"),
        ("e", "i"),
    ] {
        if let Some(base) = stem.strip_suffix(from) {
            out.push(format!("{base}{to}"));
        }
    }
    out
}

fn slug(name: &str) -> String {
    let folded: String = name
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'ä' | 'å' | 'á' => 'a',
            'ö' | 'ó' => 'o',
            'é' => 'e',
            'ü' => 'u',
            c if c.is_ascii_alphanumeric() => c,
            _ => '-',
        })
        .collect();
    let parts: Vec<&str> = folded.split('-').filter(|p| !p.is_empty()).collect();
    if parts.is_empty() {
        "actor".into()
    } else {
        parts.join("-")
    }
}

/// Finds or adds actors by business id, then name key, then alias.
struct Registry {
    dataset: Dataset,
}

impl Registry {
    fn find(&self, name: &str, business_id: Option<&str>) -> Option<usize> {
        if let Some(bid) = business_id {
            if let Some(i) = self
                .dataset
                .actors
                .iter()
                .position(|a| a.business_id.as_deref() == Some(bid))
            {
                return Some(i);
            }
        }
        // Both sides in all their forms: "Kouvola" is "Kouvolan kaupunki".
        let candidates = municipality_candidates(name);
        self.dataset.actors.iter().position(|a| {
            std::iter::once(&a.name)
                .chain(a.aliases.iter())
                .flat_map(|x| municipality_candidates(x))
                .any(|k| candidates.contains(&k))
        })
    }

    /// The id of the actor called `name`, added with `kind` if new.
    fn actor(
        &mut self,
        name: &str,
        kind: &str,
        business_id: Option<&str>,
        region: Option<&str>,
    ) -> String {
        if let Some(i) = self.find(name, business_id) {
            let actor = &mut self.dataset.actors[i];
            if actor.business_id.is_none() {
                actor.business_id = business_id.map(String::from);
            }
            if actor.name != name && !actor.aliases.iter().any(|a| a == name) {
                actor.aliases.push(name.to_string());
            }
            return actor.id.clone();
        }
        let base = slug(name);
        let mut id = base.clone();
        let mut n = 2;
        while self.dataset.actors.iter().any(|a| a.id == id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.dataset.actors.push(Actor {
            id: id.clone(),
            name: name.to_string(),
            kind: kind.to_string(),
            business_id: business_id.map(String::from),
            region: region.map(String::from),
            aliases: Vec::new(),
            attributes: Default::default(),
        });
        id
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
    /// The sentence it came from.
    pub sentence: String,
}

/// Adds a participation unless the actor already takes part; true if added.
fn add_participant(participants: &mut Vec<Participation>, actor: String, role: &str) -> bool {
    if participants.iter().any(|p| p.actor == actor) {
        return false;
    }
    participants.push(Participation {
        actor,
        role: role.to_string(),
    });
    true
}

/// Base form of a pattern name: `Kouvolan kaupungin` → `Kouvolan kaupunki`.
fn base_form(text: &str) -> String {
    text.replace(" kaupungin", " kaupunki")
        .replace(" kunnan", " kunta")
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
    let mut registry = Registry {
        dataset: into.unwrap_or_else(|| Dataset {
            name: name.to_string(),
            ..Default::default()
        }),
    };
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
        if registry.dataset.engagements.iter().any(|e| e.id == id) {
            continue;
        }
        let region = (d.regions.len() == 1).then(|| d.regions[0].as_str());
        let mut participants: Vec<Participation> = Vec::new();
        if let Some(applicant) = &d.applicant {
            let kind = d
                .organisation_type
                .as_deref()
                .map_or_else(|| "other".to_string(), kind_of_type);
            let id = registry.actor(applicant, &kind, d.business_id.as_deref(), region);
            if let Some(city) = &d.city {
                let actor = registry
                    .dataset
                    .actors
                    .iter_mut()
                    .find(|a| a.id == id)
                    .expect("just added");
                actor
                    .attributes
                    .entry("city".into())
                    .or_insert_with(|| Value::String(city.clone()));
            }
            add_participant(&mut participants, id, "coordinator");
        }
        if let Some(authority) = &d.authority {
            add_participant(
                &mut participants,
                registry.actor(authority, kind_of_authority(authority), None, None),
                "authority",
            );
        }
        for municipality in &d.municipalities {
            add_participant(
                &mut participants,
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
                    a.id.clone(),
                    KnownName {
                        name: a.name.clone(),
                        aliases: a.aliases.clone(),
                        kind: a.kind.clone(),
                    },
                )
            })
            .collect();
        let mut gazetteer: Vec<KnownName> = known_actors.iter().map(|(_, k)| k.clone()).collect();
        gazetteer.extend(builtin());
        for (role, line) in &d.free_text {
            for sentence in line.split(". ") {
                for mention in mentions(sentence, &gazetteer) {
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
                    let added = add_participant(&mut participants, actor.clone(), role);
                    candidates.push(Candidate {
                        origin: d.origin.clone(),
                        project: id.clone(),
                        role: role.clone(),
                        text: mention.text,
                        actor,
                        new: registry.dataset.actors.len() > before,
                        added,
                        sentence: sentence.trim().chars().take(240).collect(),
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
            id,
            name: d
                .name
                .clone()
                .unwrap_or_else(|| d.code.clone().unwrap_or_default()),
            kind: "project".into(),
            start: d.start,
            end: d.end,
            funding_eur: d.realised_public_eur.or(d.planned_public_eur),
            part_of: None,
            participants,
            attributes,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn municipality_names_in_their_forms() {
        assert!(municipality_candidates("Kouvolan kaupunki").contains(&"kouvola".to_string()));
        assert!(municipality_candidates("Hartolan kunnan").contains(&"hartola".to_string()));
        assert!(municipality_candidates("Seinäjoen kaupunki").contains(&"seinäjoki".to_string()));
        assert!(municipality_candidates("Riihimäen kaupunki").contains(&"riihimäki".to_string()));
        assert!(municipality_candidates("Lahden kaupunki").contains(&"lahti".to_string()));
        assert_eq!(name_key("Puuinfo  Oy"), "puuinfo");
    }

    #[test]
    fn variants_parse_with_crlf_bom_and_missing_fields() {
        let text = "\u{feff}Euroopan sosiaalirahaston (ESR) rahoittaman projektin kuvaus\r\n\r\n1. Projekti\r\n\r\nProjektikoodi: S99999\r\n\r\nProjektin nimi: Koe\u{a0}hanke\r\n\r\nSuunnitelman mukainen toteutusaika: Alkaa 1.2.2012 ja päättyy 31.12.2013\r\n\r\nVastuuviranomainen:\r\n\r\nToteuttajaorganisaation nimi: Esimerkin kuntayhtymä\r\n\r\nOrganisaatiotyyppi: Kuntayhtymä\r\n\r\nSähköposti: etu.suku(at)esimerkki.fi\r\n\r\nKunnat: Hamina,  Kotka\r\n\r\nToteutunut julkinen rahoitus yhteensä: 1 234 567\r\n";
        let d = parse_description(text, "variant.txt").unwrap();
        assert_eq!(d.code.as_deref(), Some("S99999"));
        assert_eq!(d.name.as_deref(), Some("Koe hanke"));
        assert_eq!(d.fund.as_deref(), Some("ESR"));
        assert_eq!(d.start.unwrap().to_string(), "2012-02-01");
        assert_eq!(d.authority, None, "an empty field is no value");
        assert_eq!(
            kind_of_type(d.organisation_type.as_deref().unwrap()),
            "joint_municipal_authority"
        );
        assert_eq!(d.municipalities, ["Hamina", "Kotka"]);
        assert_eq!(d.realised_public_eur, Some(1_234_567.0));
        let (dataset, _) = descriptions_to_dataset(&[d], None, "t").unwrap();
        assert!(
            !dataset.to_json().contains("esimerkki.fi"),
            "no personal data"
        );
    }

    #[test]
    fn a_document_without_code_or_name_is_an_error_naming_the_file() {
        let err = parse_description("Jotain muuta tekstiä.\n", "notes.txt").unwrap_err();
        assert!(err.to_string().contains("notes.txt"), "{err}");
    }

    #[test]
    fn unknown_types_are_kept() {
        assert_eq!(
            kind_of_type("Ammattikorkeakoulu"),
            "university_of_applied_sciences"
        );
        assert_eq!(kind_of_type("Seurakunta"), "Seurakunta");
    }
}
