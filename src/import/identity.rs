//! One organisation, one actor: the keys names are compared by (company
//! forms dropped, long and short forms of public bodies, inflected and
//! Swedish municipality names, through the built-in
//! [register](super::register)), ids made from names, and the actor kind
//! of an organisation type.

use super::register::{bodies, municipality_index};
use std::collections::HashMap;
use std::sync::OnceLock;

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
pub(super) fn kind_of_authority(name: &str) -> &'static str {
    let lower = name.to_lowercase();
    if lower.ends_with(" liitto") {
        "regional_council"
    } else if lower.contains("ministeriö") {
        "ministry"
    } else {
        "authority"
    }
}

/// Long forms that are shortened in a matching key, so that the long and
/// the short name of a body give the same key.
const LONG_FORMS: &[(&str, &str)] = &[
    ("elinkeino-, liikenne- ja ympäristökeskus", "ely-keskus"),
    ("elinkeino-, liikenne ja ympäristökeskus", "ely-keskus"),
    ("elinkeino- liikenne- ja ympäristökeskus", "ely-keskus"),
    ("ely keskus", "ely-keskus"),
    ("työ- ja elinkeinotoimisto", "te-toimisto"),
    ("te toimisto", "te-toimisto"),
    ("närings-, trafik- och miljöcentralen", "ntm-centralen"),
    ("arbets- och näringsbyrå", "te-byrå"),
    ("-ammattikorkeakoulu", " amk"),
    (" ammattikorkeakoulu", " amk"),
    (" maakuntaliitto", " liitto"),
];

/// Company and association forms dropped from the end of a key.
const LEGAL_FORMS: &[&str] = &[
    " oyj",
    " oy",
    " ry",
    " r.y.",
    " ab",
    " abp",
    " rf",
    " r.f.",
    " ky",
    " ltd",
    " ltd.",
    " limited",
    " oy.",
    " osakeyhtiö",
];

/// A matching key: lower case, single spaces, one kind of dash, no
/// company-form suffix (Oy, Oyj, ry, ky, Ab, rf), long forms shortened
/// (`elinkeino-, liikenne- ja ympäristökeskus` → `ely-keskus`,
/// `ammattikorkeakoulu` → `amk`, `työ- ja elinkeinotoimisto` →
/// `te-toimisto`, `maakuntaliitto` → `liitto`), a trailing `maakuntayhtymä`
/// after `liitto` dropped, and the case ending of an abbreviation dropped
/// (`XAMK:n` → `xamk`).
///
/// # Examples
///
/// ```
/// use verkosto::import::identity::name_key;
/// assert_eq!(name_key("Puuinfo  Oy"), "puuinfo");
/// assert_eq!(
///     name_key("Keski-Suomen elinkeino-, liikenne- ja ympäristökeskus"),
///     name_key("Keski-Suomen ELY-keskus")
/// );
/// assert_eq!(name_key("Pohjois-Savon liitto maakuntayhtymä"), "pohjois-savon liitto");
/// assert_eq!(name_key("Lapin ammattikorkeakoulu Oy"), name_key("Lapin AMK"));
/// ```
pub fn name_key(name: &str) -> String {
    let words: Vec<String> = name
        .split_whitespace()
        .map(|w| {
            // XAMK:n, ELY:n, TEM:ssä → the abbreviation; S:t stays.
            match w.split_once(':') {
                Some((head, tail))
                    if head.chars().count() >= 2
                        && head
                            .chars()
                            .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-')
                        && tail.chars().count() <= 4
                        && tail.chars().all(char::is_lowercase) =>
                {
                    head.to_string()
                }
                _ => w.to_string(),
            }
        })
        .collect();
    let mut key = words.join(" ").to_lowercase().replace(['–', '—'], "-");
    for (long, short) in LONG_FORMS {
        if key.contains(long) {
            key = key.replace(long, short);
        }
    }
    loop {
        let before = key.len();
        for suffix in LEGAL_FORMS {
            if let Some(stripped) = key.strip_suffix(suffix) {
                key = stripped.to_string();
            }
        }
        if let Some(stripped) = key.strip_suffix(" maakuntayhtymä") {
            if stripped.ends_with(" liitto") {
                key = stripped.to_string();
            }
        }
        if key.len() == before {
            break;
        }
    }
    key
}

/// Words after a municipality's name (Finnish in their common cases,
/// Swedish with and without the article).
const MUNICIPALITY_WORDS: &[&str] = &[
    "kaupunki",
    "kaupungin",
    "kaupungissa",
    "kaupungille",
    "kaupungilta",
    "kaupunkia",
    "kunta",
    "kunnan",
    "kunnassa",
    "kunnalle",
    "kunnalta",
    "kuntaa",
    "stad",
    "stads",
    "staden",
    "kommun",
    "kommuns",
    "kommunen",
];

/// Every key under which `name` is the same organisation as another name
/// with one of these keys: its [`name_key`], turned into the municipality's
/// Finnish name for a municipality in any of its forms (`Helsingin
/// kaupunki`, `Kuopion kaupungin`, `Vasa stad`, `Helsingfors`), and into
/// the official name of a body of the register for its other names
/// (`Xamk`, `GTK`, `Hanken`).
///
/// Municipalities outside the register fall back on the regular genitive
/// and the common consonant-gradation endings (Seinäjoen → Seinäjoki,
/// Riihimäen → Riihimäki, Lahden → Lahti, Lopen → Loppi).
///
/// # Examples
///
/// ```
/// use verkosto::import::identity::identity_keys;
/// assert_eq!(identity_keys("Helsingin kaupunki"), identity_keys("Helsinki"));
/// assert_eq!(identity_keys("Kuopion kaupungin"), identity_keys("Kuopio"));
/// assert_eq!(identity_keys("Vasa stad"), identity_keys("Vaasa"));
/// assert_eq!(identity_keys("City of Turku"), identity_keys("Turun kaupunki"));
/// assert_eq!(identity_keys("XAMK:n"), identity_keys("Kaakkois-Suomen ammattikorkeakoulu Oy"));
/// ```
pub fn identity_keys(name: &str) -> Vec<String> {
    let key = name_key(name);
    let index = municipality_index();
    // English forms: City of Oulu, Town of Pori, Municipality of Ii,
    // Oulu City, Kemi Municipality.
    let english = ["city of ", "town of ", "municipality of "]
        .iter()
        .find_map(|p| key.strip_prefix(p))
        .or_else(|| {
            [" city", " town", " municipality"]
                .iter()
                .find_map(|s| key.strip_suffix(s))
        });
    if let Some(m) = english.and_then(|head| index.by_name.get(head)) {
        return vec![m.clone()];
    }
    if let Some(head) = MUNICIPALITY_WORDS
        .iter()
        .find_map(|w| key.strip_suffix(&format!(" {w}")))
    {
        // Finnish genitive, the name itself, or a Swedish genitive in -s.
        let swedish_genitive = head.strip_suffix('s').and_then(|h| index.by_name.get(h));
        if let Some(m) = index
            .by_genitive
            .get(head)
            .or_else(|| index.by_name.get(head))
            .or(swedish_genitive)
        {
            return vec![m.clone()];
        }
        return regular_base_forms(head);
    }
    if let Some(m) = index.by_name.get(&key) {
        return vec![m.clone()];
    }
    if let Some(official) = body_index().get(&key) {
        return vec![official.clone()];
    }
    vec![key]
}

/// Base forms of an unknown genitive: without its `-n`, and with the
/// common consonant-gradation endings undone.
fn regular_base_forms(genitive: &str) -> Vec<String> {
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

/// The key of every other name of a register body → the key of its
/// official name.
fn body_index() -> &'static HashMap<String, String> {
    static CELL: OnceLock<HashMap<String, String>> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut index = HashMap::new();
        for body in bodies() {
            let official = name_key(&body.name);
            for alias in &body.aliases {
                index
                    .entry(name_key(alias))
                    .or_insert_with(|| official.clone());
            }
        }
        index
    })
}

/// Stems the last word of a name takes before a case ending, where it
/// differs from the word itself: `Pohjanmaan liiton`, `Geologian
/// tutkimuskeskuksen`, `Työterveyslaitoksella`, `Helsingin kaupungin`.
/// Returns the name with its last word so shortened; empty when the word
/// inflects without change (`yliopiston`, `ministeriön`).
///
/// # Examples
///
/// ```
/// use verkosto::import::identity::inflection_stems;
/// assert_eq!(inflection_stems("Pohjanmaan liitto"), ["Pohjanmaan liito"]);
/// assert_eq!(inflection_stems("Geologian tutkimuskeskus"), ["Geologian tutkimuskeskukse"]);
/// assert!(inflection_stems("Oulun yliopisto").is_empty());
/// ```
pub fn inflection_stems(name: &str) -> Vec<String> {
    const ENDINGS: &[(&str, &str)] = &[
        ("liitto", "liito"),
        ("kaupunki", "kaupungi"),
        ("kunta", "kunna"),
        ("laitos", "laitokse"),
        ("us", "ukse"),
        ("kko", "ko"),
        ("tto", "to"),
        ("ppo", "po"),
    ];
    ENDINGS
        .iter()
        .find_map(|(from, to)| name.strip_suffix(from).map(|base| format!("{base}{to}")))
        .into_iter()
        .collect()
}

pub(super) use crate::text::slug;

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: &str, b: &str) -> bool {
        let (a, b) = (identity_keys(a), identity_keys(b));
        a.iter().any(|k| b.contains(k))
    }

    #[test]
    fn long_and_short_forms_of_public_bodies() {
        assert!(same(
            "Keski-Suomen ELY-keskus",
            "Keski-Suomen elinkeino-, liikenne- ja ympäristökeskus"
        ));
        assert!(same("Lapin Ely-Keskus", "Lapin ELY-keskus"));
        assert!(same(
            "Pohjois-Savon TE-toimisto",
            "Pohjois-Savon työ- ja elinkeinotoimisto"
        ));
        assert!(same("Lapin AMK", "Lapin ammattikorkeakoulu Oy"));
        assert!(same("Savonia-ammattikorkeakoulu", "Savonia AMK"));
        assert!(same("Xamk", "Kaakkois-Suomen ammattikorkeakoulu"));
        assert!(same("XAMK:n", "Kaakkois-Suomen ammattikorkeakoulu Oy"));
        assert!(same(
            "Pohjois-Savon liitto maakuntayhtymä",
            "Pohjois-Savon liitto"
        ));
        assert!(same("Etelä-Savon maakuntaliitto", "Etelä-Savon liitto"));
        assert!(same("Satakunnan liitto", "Satakuntaliitto"));
        assert!(same("GTK", "Geologian tutkimuskeskus"));
        assert!(same("Åbo Akademi University", "Åbo Akademi"));
        assert!(same("Hanken", "Svenska handelshögskolan"));
        assert!(!same("Pohjanmaan liitto", "Etelä-Pohjanmaan liitto"));
        assert!(!same("Lapin AMK", "Lapin liitto"));
    }

    #[test]
    fn municipalities_in_their_cases_and_languages() {
        assert!(same("Helsingin kaupunki", "Helsinki"));
        assert!(same("Kuopion kaupungin", "Kuopio"));
        assert!(same("Lahden kaupunki", "Lahti"));
        assert!(same("Uudenkaupungin kaupunki", "Uusikaupunki"));
        assert!(same("Virtain kaupunki", "Virrat"));
        assert!(same("Isonkyrön kunta", "Isokyrö"));
        assert!(same("Pedersören kunta", "Pedersöre"));
        assert!(same("Vaasa", "Vasa"));
        assert!(same("Vasa stad", "Vaasan kaupunki"));
        assert!(same("Helsingfors stad", "Helsinki"));
        assert!(same("Korsholms kommun", "Mustasaari"));
        assert!(same("Korsholm", "Mustasaari"));
        assert!(same("Turku", "Åbo"));
        assert!(!same("Turku", "Åbo Akademi"));
        assert!(!same("Helsingin yliopisto", "Helsinki"));
        // Outside the register, the regular genitive.
        assert!(same("Lopen kunta", "Loppi"));
    }

    #[test]
    fn company_forms() {
        for (a, b) in [
            ("Puuinfo Oy", "Puuinfo"),
            ("Stora Enso Oyj", "Stora Enso"),
            ("Metsäteollisuus ry", "Metsäteollisuus"),
            ("Rakennus Virtanen Ky", "Rakennus Virtanen"),
            ("Oy Abc Ab", "Oy Abc"),
            ("Viexpo r.y.", "Viexpo"),
        ] {
            assert!(same(a, b), "{a} = {b}");
        }
    }
}
