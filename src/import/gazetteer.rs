//! Finding organisations named in the free text of project descriptions:
//! known names (a dataset's actors and aliases, and a built-in list of
//! Finnish public bodies) and name patterns (`…n kaupunki`, `…n liitto`,
//! `… ELY-keskus`, `… ammattikorkeakoulu`, `… yliopisto`, `… Oy`, `… ry`).

use std::collections::HashSet;

/// A known organisation: its name, other names, and kind.
#[derive(Debug, Clone, PartialEq)]
pub struct KnownName {
    /// Official name.
    pub name: String,
    /// Abbreviations and other forms.
    pub aliases: Vec<String>,
    /// Actor kind.
    pub kind: String,
}

const REGIONS_GENITIVE: &[&str] = &[
    "Uudenmaan",
    "Varsinais-Suomen",
    "Satakunnan",
    "Hämeen",
    "Pirkanmaan",
    "Päijät-Hämeen",
    "Kymenlaakson",
    "Etelä-Karjalan",
    "Etelä-Savon",
    "Pohjois-Savon",
    "Pohjois-Karjalan",
    "Keski-Suomen",
    "Etelä-Pohjanmaan",
    "Pohjanmaan",
    "Keski-Pohjanmaan",
    "Pohjois-Pohjanmaan",
    "Kainuun",
    "Lapin",
];

const ELY_AREAS: &[&str] = &[
    "Uudenmaan",
    "Varsinais-Suomen",
    "Satakunnan",
    "Hämeen",
    "Pirkanmaan",
    "Kaakkois-Suomen",
    "Etelä-Savon",
    "Pohjois-Savon",
    "Pohjois-Karjalan",
    "Keski-Suomen",
    "Etelä-Pohjanmaan",
    "Pohjanmaan",
    "Pohjois-Pohjanmaan",
    "Kainuun",
    "Lapin",
];

/// (name, aliases, kind) of universities, universities of applied sciences,
/// ministries and national bodies.
const NATIONAL: &[(&str, &[&str], &str)] = &[
    ("Helsingin yliopisto", &[], "university"),
    (
        "Aalto-yliopisto",
        &["Aalto Yliopisto", "Aalto"],
        "university",
    ),
    ("Tampereen yliopisto", &[], "university"),
    ("Tampereen teknillinen yliopisto", &["TTY"], "university"),
    ("Turun yliopisto", &[], "university"),
    ("Åbo Akademi", &[], "university"),
    ("Oulun yliopisto", &[], "university"),
    ("Jyväskylän yliopisto", &[], "university"),
    ("Itä-Suomen yliopisto", &[], "university"),
    ("Lapin yliopisto", &[], "university"),
    ("Vaasan yliopisto", &[], "university"),
    (
        "LUT-yliopisto",
        &["Lappeenrannan teknillinen yliopisto"],
        "university",
    ),
    (
        "Centria-ammattikorkeakoulu Oy",
        &["Centria"],
        "university_of_applied_sciences",
    ),
    (
        "Kaakkois-Suomen ammattikorkeakoulu Oy",
        &["Xamk", "XAMK"],
        "university_of_applied_sciences",
    ),
    (
        "Lapin ammattikorkeakoulu Oy",
        &["Lapin AMK"],
        "university_of_applied_sciences",
    ),
    (
        "Savonia-ammattikorkeakoulu Oy",
        &["Savonia"],
        "university_of_applied_sciences",
    ),
    (
        "Hämeen ammattikorkeakoulu",
        &["HAMK"],
        "university_of_applied_sciences",
    ),
    (
        "Jyväskylän ammattikorkeakoulu",
        &["JAMK"],
        "university_of_applied_sciences",
    ),
    (
        "Kajaanin ammattikorkeakoulu",
        &["KAMK"],
        "university_of_applied_sciences",
    ),
    (
        "Karelia-ammattikorkeakoulu",
        &["Karelia"],
        "university_of_applied_sciences",
    ),
    (
        "LAB-ammattikorkeakoulu",
        &["LAB"],
        "university_of_applied_sciences",
    ),
    (
        "Oulun ammattikorkeakoulu",
        &["Oamk"],
        "university_of_applied_sciences",
    ),
    (
        "Satakunnan ammattikorkeakoulu",
        &["SAMK"],
        "university_of_applied_sciences",
    ),
    (
        "Seinäjoen ammattikorkeakoulu",
        &["SeAMK"],
        "university_of_applied_sciences",
    ),
    (
        "Tampereen ammattikorkeakoulu",
        &["TAMK"],
        "university_of_applied_sciences",
    ),
    (
        "Turun ammattikorkeakoulu",
        &[],
        "university_of_applied_sciences",
    ),
    (
        "Vaasan ammattikorkeakoulu",
        &["VAMK"],
        "university_of_applied_sciences",
    ),
    (
        "Haaga-Helia ammattikorkeakoulu",
        &["Haaga-Helia"],
        "university_of_applied_sciences",
    ),
    (
        "Metropolia Ammattikorkeakoulu",
        &["Metropolia"],
        "university_of_applied_sciences",
    ),
    (
        "Laurea-ammattikorkeakoulu",
        &["Laurea"],
        "university_of_applied_sciences",
    ),
    ("Työ- ja elinkeinoministeriö", &["TEM"], "ministry"),
    ("Valtiovarainministeriö", &[], "ministry"),
    ("Opetus- ja kulttuuriministeriö", &["OKM"], "ministry"),
    ("Sosiaali- ja terveysministeriö", &["STM"], "ministry"),
    ("Maa- ja metsätalousministeriö", &["MMM"], "ministry"),
    ("Ympäristöministeriö", &[], "ministry"),
    ("Liikenne- ja viestintäministeriö", &["LVM"], "ministry"),
    ("Business Finland", &[], "funder"),
    ("Tekes", &[], "funder"),
    ("Finnvera Oyj", &["Finnvera"], "funder"),
    (
        "Teknologian tutkimuskeskus VTT Oy",
        &["VTT"],
        "research_institute",
    ),
    ("Suomen Kuntaliitto", &["Kuntaliitto"], "association"),
];

/// The built-in list of Finnish public bodies: regional councils, ELY
/// centres, universities, universities of applied sciences, ministries and
/// national funders.
pub fn builtin() -> Vec<KnownName> {
    let mut out = Vec::new();
    for region in REGIONS_GENITIVE {
        out.push(KnownName {
            name: format!("{region} liitto"),
            aliases: vec![],
            kind: "regional_council".into(),
        });
    }
    for area in ELY_AREAS {
        out.push(KnownName {
            name: format!("{area} elinkeino-, liikenne- ja ympäristökeskus"),
            aliases: vec![
                format!("{area} ELY-keskus"),
                format!("{area} Ely-Keskus"),
                format!("{area} ELY"),
            ],
            kind: "authority".into(),
        });
    }
    for (name, aliases, kind) in NATIONAL {
        out.push(KnownName {
            name: name.to_string(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            kind: kind.to_string(),
        });
    }
    out
}

/// One organisation found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// The text as it stands (`Centrian`, `Lapin Ely-Keskus`).
    pub text: String,
    /// Index into the gazetteer, when a known name matched.
    pub known: Option<usize>,
    /// The kind a pattern suggests, for unknown names.
    pub kind: Option<String>,
    /// Byte offset of the mention in its sentence.
    pub start: usize,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Occurrences of `name` in `sentence` that start at a word boundary and
/// end at one, or continue with a short inflection (`Centrian`,
/// `Centrialla`, `XAMK:n`). Abbreviations (all capitals) match exactly.
///
/// `lowered` is `sentence.to_lowercase()`, computed once per sentence;
/// returns the text found and its byte offset.
fn occurs(sentence: &str, lowered: &str, name: &str) -> Option<(String, usize)> {
    if name.chars().count() < 3 {
        return None;
    }
    let abbreviation = name.chars().all(|c| !c.is_lowercase());
    // Names match in any case ("Lapin Liitto"); abbreviations exactly.
    let lowered_name;
    let (haystack, needle) = if abbreviation {
        (sentence, name)
    } else {
        lowered_name = name.to_lowercase();
        (lowered, lowered_name.as_str())
    };
    if haystack.len() != sentence.len() || needle.len() != name.len() {
        return None;
    }
    let mut from = 0;
    while let Some(pos) = haystack[from..].find(needle) {
        let start = from + pos;
        let end = start + name.len();
        from = start + name.len().max(1);
        let before_ok = sentence[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !is_word_char(c));
        if !before_ok {
            continue;
        }
        let rest: String = sentence[end..]
            .chars()
            .take_while(|&c| is_word_char(c))
            .collect();
        if rest.is_empty()
            || (!abbreviation && rest.chars().count() <= 4 && rest.chars().all(char::is_lowercase))
        {
            return Some((sentence[start..end + rest.len()].to_string(), start));
        }
    }
    None
}

/// Words that end a name pattern, with the kind they suggest.
const PATTERNS: &[(&str, &str)] = &[
    ("kaupunki", "municipality"),
    ("kaupungin", "municipality"),
    ("kunta", "municipality"),
    ("kunnan", "municipality"),
    ("liitto", "regional_council"),
    ("ELY-keskus", "authority"),
    ("ammattikorkeakoulu", "university_of_applied_sciences"),
    ("yliopisto", "university"),
    ("Yliopisto", "university"),
    ("Oy", "firm"),
    ("Oyj", "firm"),
    ("ry", "association"),
    ("Ry", "association"),
];

/// Unknown names by pattern: the capitalised words before a pattern word,
/// with the kind and the byte offset of the name.
fn pattern_mentions(sentence: &str) -> Vec<(String, String, usize)> {
    let clean = |w: &str| -> String {
        w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
            .to_string()
    };
    // Every word with its byte offset in the sentence.
    let words: Vec<(usize, &str)> = sentence
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - sentence.as_ptr() as usize, w))
        .collect();
    let mut out = Vec::new();
    for (i, &(_, word)) in words.iter().enumerate() {
        let Some(&(_, kind)) = PATTERNS.iter().find(|(p, _)| *p == clean(word)) else {
            continue;
        };
        let mut start = i;
        while start > 0 && i - start < 3 {
            let raw = words[start - 1].1;
            let previous = clean(raw);
            // A comma or full stop ends the previous name; so does a pattern word.
            let ends_clause = raw.ends_with([',', ';', '.', ':', ')']);
            let is_pattern = PATTERNS.iter().any(|(p, _)| *p == previous);
            if !ends_clause
                && !is_pattern
                && previous.chars().next().is_some_and(char::is_uppercase)
            {
                start -= 1;
            } else {
                break;
            }
        }
        if start == i {
            continue;
        }
        // Municipality and council patterns take one genitive word.
        if matches!(kind, "municipality" | "regional_council" | "authority") {
            start = i - 1;
            if !clean(words[start].1).ends_with('n') {
                continue;
            }
        }
        let name: Vec<String> = words[start..=i].iter().map(|w| clean(w.1)).collect();
        out.push((name.join(" "), kind.to_string(), words[start].0));
    }
    out
}

/// Every organisation mentioned in `sentence`: known names first (longest
/// first, so `Lapin ammattikorkeakoulu` wins over `Lapin`), then patterns
/// that no known name covers.
///
/// Time is linear in the length of the sentence for a given gazetteer.
pub fn mentions(sentence: &str, gazetteer: &[KnownName]) -> Vec<Mention> {
    let mut names: Vec<(usize, &str)> = gazetteer
        .iter()
        .enumerate()
        .flat_map(|(i, k)| {
            std::iter::once((i, k.name.as_str()))
                .chain(k.aliases.iter().map(move |a| (i, a.as_str())))
        })
        .collect();
    names.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
    let lowered = sentence.to_lowercase();
    let mut found: Vec<Mention> = Vec::new();
    let mut matched: HashSet<usize> = HashSet::new();
    // Texts of known names found: few, one per gazetteer entry at most.
    let mut covered: Vec<String> = Vec::new();
    for (i, name) in names {
        if matched.contains(&i) || covered.iter().any(|c| c.contains(name)) {
            continue;
        }
        if let Some((text, start)) = occurs(sentence, &lowered, name) {
            matched.insert(i);
            covered.push(text.clone());
            found.push(Mention {
                text,
                known: Some(i),
                kind: None,
                start,
            });
        }
    }
    // Pattern names: once each, and not when a known name covers them.
    let mut seen: HashSet<String> = HashSet::new();
    for (text, kind, start) in pattern_mentions(sentence) {
        if seen.contains(&text)
            || covered
                .iter()
                .any(|c| c.contains(&text) || text.contains(c.as_str()))
        {
            continue;
        }
        seen.insert(text.clone());
        found.push(Mention {
            text,
            known: None,
            kind: Some(kind),
            start,
        });
    }
    found
}

/// Company and association forms that end an organisation name.
const ORGANISATION_FORMS: &[&str] = &["oy", "oyj", "ry", "ky", "ab", "seura"];

/// Word endings that mark an organisation (`tutkimuskeskus`,
/// `Pohjanmaan liiton`), in the nominative and genitive.
const ORGANISATION_ENDINGS: &[&str] = &[
    "keskus",
    "keskuksen",
    "liitto",
    "liiton",
    "yhdistys",
    "yhdistyksen",
    "säätiö",
    "säätiön",
    "instituutti",
    "instituutin",
    "yliopisto",
    "yliopiston",
    "korkeakoulu",
    "korkeakoulun",
    "kuntayhtymä",
    "kuntayhtymän",
    "laitos",
    "laitoksen",
    "virasto",
    "viraston",
];

/// Organisation-like phrases in `sentence` that no mention covers, for
/// `--review`: capitalised words followed by an organisation word
/// (`Geologian tutkimuskeskus`, `… säätiö`, `… Oy`, `Careeria
/// oppilaitoksen`). Runs of capitalised words alone are not listed: most
/// are people's names or the first word of a sentence. A person can add
/// the phrases as aliases. Returns each phrase once, in order.
pub fn missed(sentence: &str, found: &[Mention]) -> Vec<String> {
    let clean = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
            .to_string()
    };
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let capital = |w: &str| clean(w).chars().next().is_some_and(char::is_uppercase);
    let organisation_word = |w: &str| {
        let w = clean(w).to_lowercase();
        ORGANISATION_FORMS.contains(&w.as_str())
            || ORGANISATION_ENDINGS.iter().any(|e| w.ends_with(e))
    };
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !capital(words[i]) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        // A run of capitalised words, up to a clause end.
        while j < words.len()
            && !words[j - 1].ends_with([',', ';', '.', ':', ')'])
            && (capital(words[j]) || organisation_word(words[j]))
        {
            j += 1;
        }
        let run = &words[i..j];
        let ends_organisation = run.len() >= 2 && organisation_word(run[run.len() - 1]);
        if ends_organisation {
            let phrase: Vec<String> = run.iter().map(|w| clean(w)).collect();
            let phrase = phrase.join(" ");
            let lower = phrase.to_lowercase();
            let covered = found.iter().any(|m| {
                let text = m.text.to_lowercase();
                lower.contains(&text) || text.contains(&lower)
            });
            if !covered && !out.contains(&phrase) {
                out.push(phrase);
            }
        }
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_names_with_inflections_and_abbreviations() {
        let g = builtin();
        let found = mentions(
            "Työpajoista vastasivat Centria ja Lapin ammattikorkeakoulu sekä XAMK:n väki.",
            &g,
        );
        let texts: Vec<&str> = found.iter().map(|m| m.text.as_str()).collect();
        assert!(texts.contains(&"Lapin ammattikorkeakoulu"), "{texts:?}");
        assert!(texts.contains(&"Centria"));
        assert!(texts.contains(&"XAMK"));
        assert!(!texts.contains(&"Lapin liitto"));
        let found = mentions("Tilaisuus pidettiin Centrialla.", &g);
        assert_eq!(found[0].text, "Centrialla");
    }

    #[test]
    fn missed_phrases_are_organisation_like() {
        let sentence = "Mukana olivat Puuinfo Oy, Geologian tutkimuskeskus, Matti Meikäläinen ja Pohjanmaan Yrittäjät sekä Centria.";
        let found = mentions(sentence, &builtin());
        let missed = missed(sentence, &found);
        assert!(
            missed.contains(&"Geologian tutkimuskeskus".to_string()),
            "{missed:?}"
        );
        assert!(
            !missed.iter().any(|m| m.contains("Yrittäjät")),
            "capitalised words alone: {missed:?}"
        );
        assert!(
            !missed.iter().any(|m| m.contains("Puuinfo")),
            "found ones are not missed: {missed:?}"
        );
        assert!(
            !missed.iter().any(|m| m.contains("Matti")),
            "no people: {missed:?}"
        );
        assert_eq!(missed.len(), 1, "{missed:?}");
    }

    #[test]
    fn patterns_find_unknown_names() {
        let found = mentions(
            "Mukana olivat Puuinfo Oy, Metsäteollisuus ry ja Sysmän kunta.",
            &[],
        );
        let texts: Vec<(&str, &str)> = found
            .iter()
            .map(|m| (m.text.as_str(), m.kind.as_deref().unwrap()))
            .collect();
        assert_eq!(
            texts,
            [
                ("Puuinfo Oy", "firm"),
                ("Metsäteollisuus ry", "association"),
                ("Sysmän kunta", "municipality")
            ]
        );
    }
}
