//! What an organisation's row says about it beyond its name: its country
//! in one spelling, and its kind when only the name tells it.

use crate::text::fold;

/// Countries by ISO code and their English, Finnish, Swedish and
/// upper-case spellings, as one English name.
const COUNTRIES: &[(&str, &[&str])] = &[
    ("Finland", &["fi", "suomi", "finland"]),
    ("Sweden", &["se", "sverige", "ruotsi", "sweden"]),
    ("Norway", &["no", "norge", "norja", "norway"]),
    ("Denmark", &["dk", "danmark", "tanska", "denmark"]),
    ("Estonia", &["ee", "eesti", "viro", "estland", "estonia"]),
    ("Latvia", &["lv", "latvija", "lettland", "latvia"]),
    (
        "Lithuania",
        &["lt", "lietuva", "liettua", "litauen", "lithuania"],
    ),
    (
        "Germany",
        &["de", "deutschland", "saksa", "tyskland", "germany"],
    ),
    ("Poland", &["pl", "polska", "puola", "polen", "poland"]),
    (
        "Russia",
        &["ru", "venäjä", "ryssland", "russia", "russian federation"],
    ),
    ("Iceland", &["is", "island", "islanti", "iceland"]),
    ("Ireland", &["ie", "irlanti", "irland", "ireland"]),
    (
        "United Kingdom",
        &[
            "uk",
            "gb",
            "united kingdom",
            "iso-britannia",
            "storbritannien",
        ],
    ),
    ("France", &["fr", "ranska", "frankrike", "france"]),
    ("Greece", &["gr", "el", "kreikka", "grekland", "greece"]),
    (
        "Faroe Islands",
        &["fo", "färsaaret", "färöarna", "faroe islands"],
    ),
    ("Greenland", &["gl", "grönlanti", "grönland", "greenland"]),
    (
        "Netherlands",
        &[
            "nl",
            "alankomaat",
            "nederländerna",
            "netherlands",
            "the netherlands",
        ],
    ),
    ("Belgium", &["be", "belgia", "belgien", "belgium"]),
    ("Spain", &["es", "espanja", "spanien", "spain"]),
    ("Italy", &["it", "italia", "italien", "italy"]),
    ("Portugal", &["pt", "portugali", "portugal"]),
];

/// The country `text` names, in one spelling: English, capitalised
/// (`UNITED KINGDOM`, `uk`, `Iso-Britannia` → `United Kingdom`); a name
/// not in the table keeps its words, capitalised.
///
/// ```
/// use verkosto::import::names::country_name;
/// assert_eq!(country_name("UNITED KINGDOM"), "United Kingdom");
/// assert_eq!(country_name("Sverige"), "Sweden");
/// assert_eq!(country_name("FI"), "Finland");
/// assert_eq!(country_name("SAN MARINO"), "San Marino");
/// ```
pub fn country_name(text: &str) -> String {
    let folded = text.trim().to_lowercase();
    if let Some((name, _)) = COUNTRIES
        .iter()
        .find(|(_, words)| words.contains(&folded.as_str()))
    {
        return name.to_string();
    }
    folded
        .split_whitespace()
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(first) => first.to_uppercase().chain(c).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// Words in a name that tell the kind of organisation, in English, Finnish,
/// Swedish and the other languages of Interreg partner lists (a word in
/// spaces is a whole word); the first rule that matches wins.
const NAME_RULES: &[(&str, &[&str])] = &[
    (
        "university_of_applied_sciences",
        &[
            "university of applied sciences",
            "ammattikorkeakoulu",
            "yrkeshögskola",
            "hochschule",
            " amk ",
            "polytechnic",
        ],
    ),
    (
        "university",
        &[
            "university",
            "yliopisto",
            "universitet",
            "universität",
            "universit",
            " akademi",
            " college",
        ],
    ),
    (
        "association",
        &[
            "association",
            "-liitto",
            "yhdistys",
            "förening",
            "foundation",
            "säätiö",
            "stiftelse",
            " ry ",
            " rf ",
            " e.v. ",
        ],
    ),
    ("ministry", &["ministry", "ministeriö", "departementet"]),
    (
        "research_institute",
        &[
            "institute",
            "instituutti",
            "institut",
            "tutkimuskeskus",
            "research centre",
            "research center",
        ],
    ),
    (
        "regional_council",
        &[
            "regional council",
            "council of",
            " liitto ",
            "maakuntaliitto",
            "satakuntaliitto",
            "förbund",
            " region ",
            "county council",
            "landsting",
        ],
    ),
    (
        "municipality",
        &[
            "municipality",
            "city of",
            "town of",
            "kaupunki",
            " kunta ",
            " kommun ",
            " stad ",
            "gemeinde",
            "stadt ",
            " gmina ",
            " commune ",
        ],
    ),
    (
        "development_company",
        &[
            "development company",
            "kehitysyhtiö",
            "utvecklingsbolag",
            "business agency",
        ],
    ),
    (
        "firm",
        &[
            " oy ",
            " oyj ",
            " ab ",
            " ltd ",
            " limited ",
            " gmbh ",
            " as ",
            " a/s ",
            " aps ",
            " sa ",
            " bv ",
            " llc ",
            " inc ",
            " ltd. ",
        ],
    ),
    (
        "authority",
        &[
            "agency",
            "board",
            "administration",
            "virasto",
            "keskus",
            "styrelse",
            "verket",
            "myndighet",
        ],
    ),
];

/// The kind a name alone tells (`Oulun yliopisto` → university,
/// `Puuinfo Oy` → firm), `other` when it tells none.
///
/// ```
/// use verkosto::import::names::kind_of_name;
/// assert_eq!(kind_of_name("University of Tartu"), "university");
/// assert_eq!(kind_of_name("Lapin ammattikorkeakoulu Oy"), "university_of_applied_sciences");
/// assert_eq!(kind_of_name("Puuinfo Oy"), "firm");
/// assert_eq!(kind_of_name("Pohjois-Karjalan maakuntaliitto"), "regional_council");
/// ```
pub fn kind_of_name(name: &str) -> &'static str {
    let n = format!(" {} ", fold(name));
    NAME_RULES
        .iter()
        .find(|(_, words)| {
            words.iter().any(|w| {
                if w.starts_with(' ') {
                    n.contains(&format!(" {} ", fold(w)))
                } else {
                    n.contains(&fold(w))
                }
            })
        })
        .map_or("other", |(kind, _)| *kind)
}

/// Words that open (English, Swedish) or close (Finnish) the name of a
/// unit of an organisation.
const UNIT_WORDS: &[&str] = &[
    "faculty",
    "department",
    "dept",
    "institute",
    "school",
    "laboratory",
    "lab",
    "centre",
    "center",
    "unit",
    "division",
    "chair",
    "research group",
    "fakultet",
    "institution",
    "avdelning",
    "institutet",
    "tiedekunta",
    "laitos",
    "yksikkö",
    "instituutti",
    "osasto",
    "special account",
    "tutkimusryhmä",
];

/// Words of an organisation whose units are named after it: universities
/// and cities.
const UNIT_HOLDERS: &[&str] = &[
    "university",
    "universit",
    "yliopisto",
    "college",
    "hochschule",
    "akademi",
    "city of",
    "kaupunki",
    "stad",
    "municipality",
    "polytechnic",
    "ammattikorkeakoulu",
];

/// An organisation's name and the unit of it a name names, when the name
/// is a university or a city followed by one of its faculties,
/// departments, institutes or laboratories (`Aristotle University of
/// Thessaloniki - School of Physics`, `Oulun yliopisto, Kerttu Saalasti
/// -instituutti`); else the name alone.
///
/// ```
/// use verkosto::import::names::split_unit;
/// assert_eq!(
///     split_unit("Aristotle University of Thessaloniki - Special Account for Research Funds - Department of Economics"),
///     ("Aristotle University of Thessaloniki".to_string(), Some("Special Account for Research Funds - Department of Economics".to_string()))
/// );
/// assert_eq!(
///     split_unit("Oulun yliopisto, Kerttu Saalasti -instituutti").0,
///     "Oulun yliopisto"
/// );
/// assert_eq!(split_unit("Chamber of Commerce - Vratsa").1, None);
/// assert_eq!(split_unit("University of Natural Resources and Life Sciences, Vienna").1, None);
/// ```
pub fn split_unit(name: &str) -> (String, Option<String>) {
    let separators: Vec<(usize, usize)> = [" - ", " – ", ", ", " / "]
        .iter()
        .flat_map(|sep| name.match_indices(sep).map(|(i, s)| (i, i + s.len())))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    // A unit's name opens with a unit word (Faculty of …, Institutionen
    // för …) or, in Finnish, closes with one (… -instituutti, … tiedekunta).
    let unit_like = |segment: &str| {
        let s = fold(segment);
        let words: Vec<&str> = s
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
            .filter(|w| !w.is_empty())
            .collect();
        let (Some(first), Some(last)) = (words.first(), words.last()) else {
            return false;
        };
        let last = last.rsplit('-').next().unwrap_or(last);
        UNIT_WORDS.contains(first)
            || UNIT_WORDS.contains(&last)
            || (words.len() > 1
                && UNIT_WORDS.contains(&format!("{} {}", words[0], words[1]).as_str()))
    };
    for (k, &(start, end)) in separators.iter().enumerate() {
        let head = &name[..start];
        let holder = {
            let h = fold(head);
            UNIT_HOLDERS.iter().any(|w| h.contains(w))
        };
        if !holder {
            continue;
        }
        let mut bounds: Vec<usize> = separators[k..].iter().map(|&(s, _)| s).collect();
        bounds.push(name.len());
        let later_unit = separators[k..]
            .iter()
            .zip(bounds.iter().skip(1))
            .any(|(&(_, from), &to)| unit_like(&name[from..to]));
        if later_unit {
            return (
                head.trim().to_string(),
                Some(name[end..].trim().to_string()),
            );
        }
    }
    (name.to_string(), None)
}
