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

use crate::error::Result;
use crate::model::Date;

mod layouts;

use layouts::{identify, recipients, regions_in_text, review_fields, without_business_id};

pub use super::identity::{identity_keys, kind_of_type, name_key};
pub use super::registry::{descriptions_to_dataset, Candidate};

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
    /// Co-implementers (or partners) listed one a line, with their business
    /// ids where given: (name, business id, role).
    pub implementers: Vec<(String, Option<String>, String)>,
    /// What the reader noticed (no code found, the file name used).
    pub notes: Vec<String>,
    /// Free-text lines with the role their section gives the organisations
    /// they name (`implementer` under co-implementers, `target` under target
    /// groups, `partner` elsewhere).
    pub free_text: Vec<(String, String)>,
}

/// Keys of structured fields; their lines are never free text. The contact
/// fields are listed so that they are skipped, never read.
const FIELD_KEYS: &[&str] = &[
    "Projektkod",
    "Project code",
    "Projektets namn",
    "Projektnamn",
    "Project name",
    "Project title",
    "Hankkeen toteuttaja",
    "Projektägare",
    "Stödmottagare",
    "Lead partner",
    "Lead beneficiary",
    "Tuensaaja",
    "Rahoittava viranomainen",
    "Ansvarig myndighet",
    "Managing Authority",
    "Managing authority",
    "Toteutusaika",
    "Genomförandetid",
    "Project duration",
    "Duration",
    "FO-nummer",
    "Business ID",
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
    if [
        "osatoteuttajat",
        "hankkeen osatoteuttajat",
        "osatoteuttaja",
        "delgenomförare",
        "medgenomförare",
        "co-implementers",
        "co-beneficiaries",
    ]
    .contains(&lower.trim_end_matches(':'))
    {
        return Some("implementer");
    }
    if [
        "project partners",
        "partners",
        "projektpartner",
        "partner",
        "kumppanit",
    ]
    .contains(&lower.trim_end_matches(':'))
    {
        return Some("partner");
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
    Date::parse_written(text).ok()
}

/// Euros as people write them (`245 000`, `245 300,50 €`, `609.360 €`):
/// [`super::csv::parse_number`].
fn euros(text: &str) -> Option<f64> {
    super::csv::parse_number(text)
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
    // A value that held personal data is dropped whole: what is left
    // around the removed part ("puh. [removed]") says nothing.
    (!t.is_empty() && !t.contains(super::privacy::REMOVED)).then(|| t.to_string())
}

/// Reads one description. Fails, naming the file, when neither a project
/// code nor a name can be found.
pub fn parse_description(text: &str, origin: &str) -> Result<Description> {
    // Personal data is removed before anything reads the text.
    let text = normalise(&super::privacy::scrub(text));
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
        if recipients(line, &mut d) {
            continue;
        }
        let is_field = line
            .split_once(':')
            .is_some_and(|(k, _)| FIELD_KEYS.contains(&k.trim()));
        // "Name, Y-tunnus" under a list of co-implementers: the business
        // id ends the entry, the name may hold commas.
        if !is_field && (role == "implementer" || role == "partner") {
            let item = line.trim_start_matches(['-', '*', '•']).trim();
            if let (name, Some(id)) = without_business_id(item) {
                if !name.is_empty() {
                    d.implementers.push((name, Some(id), role.to_string()));
                    continue;
                }
            }
        }
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
        field(&mut d, key.trim(), value.trim());
    }
    if d.code.is_none() && d.name.is_none() {
        review_fields(&text, &mut d);
    }
    if d.regions.is_empty() {
        d.regions = regions_in_text(&text);
    }
    identify(&mut d, &text, origin)?;
    Ok(d)
}

/// Reads the labelled field `key: value` into `d` (labels in Finnish,
/// Swedish and English; others are left alone).
fn field(d: &mut Description, key: &str, value: &str) {
    match key {
        "Hankekoodi" | "Projektikoodi" | "Projektkod" | "Project code" => d.code = non_empty(value),
        "Hankkeen nimi" | "Projektin nimi" | "Projektets namn" | "Projektnamn" | "Project name"
        | "Project title" => d.name = non_empty(value),
        "Toimintalinja" => d.axis = non_empty(value),
        "Erityistavoite" => d.objective = non_empty(value),
        "Osio" => d.section = non_empty(value),
        "Toiminnan tila" => d.state = non_empty(value),
        "Vastuuviranomainen"
        | "Rahoittava viranomainen"
        | "Ansvarig myndighet"
        | "Managing Authority"
        | "Managing authority" => d.authority = non_empty(value),
        "Hakijan virallinen nimi"
        | "Toteuttajaorganisaation nimi"
        | "Hankkeen toteuttaja"
        | "Projektägare"
        | "Stödmottagare"
        | "Lead partner"
        | "Lead beneficiary"
        | "Tuensaaja" => d.applicant = non_empty(value).map(|v| without_business_id(&v).0),
        "Organisaatiotyyppi" => d.organisation_type = non_empty(value),
        "Y-tunnus" | "FO-nummer" | "Business ID" if d.business_id.is_none() => {
            d.business_id = non_empty(value)
        }
        "Toteutusaika" | "Genomförandetid" | "Project duration" | "Duration" => {
            // 1.1.2024–31.8.2026, 1.1.2024 - 31.8.2026, 2024-01-01 – 2026-08-31
            let parts: Vec<&str> = value
                .split(['–', '—'])
                .flat_map(|p| p.split(" - "))
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .collect();
            if let [start, end] = parts.as_slice() {
                d.start = finnish_date(start);
                d.end = finnish_date(end);
            }
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn municipality_names_in_their_forms() {
        assert!(identity_keys("Kouvolan kaupunki").contains(&"kouvola".to_string()));
        assert!(identity_keys("Hartolan kunnan").contains(&"hartola".to_string()));
        assert!(identity_keys("Seinäjoen kaupunki").contains(&"seinäjoki".to_string()));
        assert!(identity_keys("Riihimäen kaupunki").contains(&"riihimäki".to_string()));
        assert!(identity_keys("Lahden kaupunki").contains(&"lahti".to_string()));
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

    /// The splits seen on unseen descriptions: an applicant and the same
    /// body as authority or target in another form is one actor.
    #[test]
    fn one_organisation_in_several_forms_is_one_actor() {
        let description = |code: &str, applicant: &str, authority: &str, kunnat: &str| {
            format!(
                "Euroopan aluekehitysrahaston (EAKR) rahoittaman hankkeen kuvaus\n\n\
                 Hankekoodi: {code}\n\nHankkeen nimi: Hanke {code}\n\n\
                 Vastuuviranomainen: {authority}\n\n\
                 Hakijan virallinen nimi: {applicant}\n\nOrganisaatiotyyppi: Muu\n\n\
                 Kunnat: {kunnat}\n\n\
                 1. Toteutus\n\nHanke toteutetaan yhteistyössä Pohjanmaan liiton ja \
                 Keski-Suomen liiton kanssa. Mukana on Geologian tutkimuskeskus.\n"
            )
        };
        let texts = [
            description(
                "A1",
                "Keski-Suomen ELY-keskus",
                "Keski-Suomen elinkeino-, liikenne- ja ympäristökeskus",
                "Jyväskylä",
            ),
            description(
                "A2",
                "Pohjois-Savon liitto maakuntayhtymä",
                "Pohjois-Savon liitto",
                "Kuopio",
            ),
            description(
                "A3",
                "Helsingin kaupunki",
                "Uudenmaan liitto",
                "Helsinki, Vantaa",
            ),
            description("A4", "Vasa stad", "Pohjanmaan liitto", "Vaasa"),
        ];
        let parsed: Vec<Description> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| parse_description(t, &format!("d{i}.txt")).unwrap())
            .collect();
        let (dataset, _) = descriptions_to_dataset(&parsed, None, "t").unwrap();
        let names: Vec<&str> = dataset.actors.iter().map(|a| a.name.as_str()).collect();
        let count = |needle: &str| names.iter().filter(|n| n.contains(needle)).count();
        assert_eq!(
            count("Keski-Suomen"),
            2,
            "the ELY centre and the council: {names:?}"
        );
        assert_eq!(count("Pohjois-Savon"), 1, "{names:?}");
        assert_eq!(count("Helsin"), 1, "{names:?}");
        assert_eq!(count("Vaasa") + count("Vasa"), 1, "{names:?}");
        assert_eq!(count("Pohjanmaan liitto"), 1, "{names:?}");
        assert_eq!(count("Geologian tutkimuskeskus"), 1, "{names:?}");
        let helsinki = dataset
            .actors
            .iter()
            .find(|a| a.name.contains("Helsin"))
            .unwrap();
        let a3 = dataset.engagements.iter().find(|e| e.id == "A3").unwrap();
        let roles: Vec<&str> = a3
            .participants
            .iter()
            .filter(|p| p.actor == helsinki.id)
            .map(|p| p.role.as_str())
            .collect();
        assert_eq!(roles, ["coordinator"], "the strongest role, once");
    }

    #[test]
    fn a_document_without_code_or_name_is_named_after_its_file() {
        let text = "Hakijan virallinen nimi: Kajaanin ammattikorkeakoulu Oy\n";
        let d = parse_description(text, "notes.txt").unwrap();
        assert_eq!(d.name.as_deref(), Some("notes"));
        assert!(d.notes[0].contains("notes.txt"), "{:?}", d.notes);
        let err = parse_description(text, "").unwrap_err();
        assert!(err.to_string().contains("no file name"), "{err}");
        // Text with nothing of a project is refused, naming the file.
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
