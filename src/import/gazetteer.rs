//! Finding organisations named in the free text of project descriptions:
//! known names (a dataset's actors and aliases, and a built-in list of
//! Finnish public bodies) and name patterns (`…n kaupunki`, `…n liitto`,
//! `… ELY-keskus`, `… ammattikorkeakoulu`, `… yliopisto`, `… Oy`, `… ry`).

use super::identity::inflection_stems;
use super::register::bodies;
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

/// The built-in list of Finnish public bodies, from the
/// [register](super::register): regional councils, ELY centres,
/// ministries, universities, universities of applied sciences, research
/// institutes, national agencies and funders, each with its other names
/// and the stems its name takes before a case ending (`Pohjanmaan liiton`,
/// `Geologian tutkimuskeskuksen`).
///
/// Municipalities are not in it: a place name in running text is where
/// something happens, not who takes part. They are found as organisations
/// by the `…n kaupunki`/`…n kunta` patterns and matched to the register's
/// municipalities by [`identity_keys`](super::identity::identity_keys).
pub fn builtin() -> Vec<KnownName> {
    bodies()
        .iter()
        .map(|body| {
            let mut aliases = body.aliases.clone();
            for name in std::iter::once(&body.name).chain(body.aliases.iter()) {
                aliases.extend(inflection_stems(name));
                // The short form of a long ELY name, with its stem.
                if let Some(area) = name.strip_suffix(" elinkeino-, liikenne- ja ympäristökeskus")
                {
                    aliases.push(format!("{area} ELY-keskus"));
                    aliases.push(format!("{area} ELY-keskukse"));
                    aliases.push(format!("{area} ELY"));
                }
                // "Lapin AMK" for "Lapin ammattikorkeakoulu".
                for long in [" ammattikorkeakoulu Oy", " ammattikorkeakoulu"] {
                    if let Some(head) = name.strip_suffix(long) {
                        aliases.push(format!("{head} ammattikorkeakoulu"));
                        aliases.push(format!("{head} AMK"));
                        break;
                    }
                }
            }
            aliases.retain(|a| a != &body.name);
            aliases.dedup();
            KnownName {
                name: body.name.clone(),
                aliases,
                kind: body.kind.clone(),
            }
        })
        .collect()
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
            // "Etelä-Pohjanmaan liitto" is not "Pohjanmaan liitto".
            .is_none_or(|c| !is_word_char(c) && c != '-');
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
    ("elinvoimakeskus", "authority"),
    ("TE-toimisto", "authority"),
    ("ammattikorkeakoulu", "university_of_applied_sciences"),
    ("oppilaitos", "education_provider"),
    ("oppilaitoksen", "education_provider"),
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
    let by_pattern = pattern_mentions(sentence);
    let listed = list_mentions(sentence);
    for (text, kind, start) in by_pattern.into_iter().chain(listed) {
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

/// The marks that start a list item.
const BULLETS: &[&str] = &["- ", "* ", "• ", "– "];

/// True for a list item: a line that starts with `- `, `* `, `• ` or `– `.
pub fn is_list_item(line: &str) -> bool {
    let trimmed = line.trim_start();
    BULLETS.iter().any(|b| trimmed.starts_with(b))
}

/// Names listed in a list item (`- …`), as people write stakeholder lists:
///
/// - after a plural category and a colon, every capitalised entry of one to
///   four words (`- Maaseudun kehitysorganisaatiot: ProAgria, Peräpohjolan
///   Kehitys, Outokaira`; `esim.` is skipped);
/// - otherwise entries separated by `,` or `/` that look like names: a
///   capital after the first letter (`Kuhmon Woodpolis`, `PuuSuomi-verkosto`,
///   `MSO`), or a municipality of the register in its base form (`-
///   [Vantaa](#)`, a link's text). Single capitalised words such as
///   `Oppilaitokset` or `Media` are categories, not names.
///
/// Returns (name, kind, byte offset); the kind is `municipality` for a
/// municipality and `other` for the rest.
fn list_mentions(sentence: &str) -> Vec<(String, String, usize)> {
    if !is_list_item(sentence) {
        return Vec::new();
    }
    let trimmed = sentence.trim_start();
    let Some(bullet) = BULLETS.iter().find(|b| trimmed.starts_with(*b)) else {
        return Vec::new();
    };
    let item_start = sentence.len() - trimmed.len() + bullet.len();
    let item = &sentence[item_start..];
    // "Category: entries" where the category is a plural noun.
    let (entries_at, after_category) = match item.split_once(':') {
        Some((label, _))
            if label.split_whitespace().last().is_some_and(|w| {
                w.ends_with('t') && w.chars().all(|c| c.is_lowercase() || c == '-')
            }) =>
        {
            (item_start + label.len() + 1, true)
        }
        _ => (item_start, false),
    };
    let municipalities = super::register::municipality_index();
    let mut entries = Vec::new();
    let mut offset = entries_at;
    for piece in sentence[entries_at..].split([',', '/', ';']) {
        let at = offset + (piece.len() - piece.trim_start().len());
        offset += piece.len() + 1;
        let mut text = piece.trim();
        for prefix in ["esim.", "mm.", "kuten"] {
            text = text.strip_prefix(prefix).unwrap_or(text).trim();
        }
        // A Markdown link's text: "[Vantaa](#)".
        if let Some(rest) = text.strip_prefix('[') {
            text = rest.split(']').next().unwrap_or("").trim();
        }
        let text = text.trim_end_matches(['.', ')', '(']).trim();
        let words: Vec<&str> = text.split_whitespace().collect();
        if words.is_empty()
            || words.len() > 4
            || !text.chars().next().is_some_and(char::is_uppercase)
            || text.chars().any(|c| c.is_ascii_digit())
        {
            continue;
        }
        let municipality =
            words.len() <= 2 && municipalities.by_name.contains_key(&text.to_lowercase());
        entries.push((text, municipality, at));
    }
    // A list of municipalities names them; one municipality among other
    // names ("VTT / Oulu") is a place.
    let all_municipalities = entries.iter().all(|&(_, m, _)| m);
    let mut out = Vec::new();
    for (text, municipality, at) in entries {
        let words: Vec<&str> = text.split_whitespace().collect();
        let last = words.last().map_or(String::new(), |w| w.to_lowercase());
        if EVENT_WORDS.iter().any(|e| last.ends_with(e)) {
            continue;
        }
        let accepted = if municipality {
            all_municipalities || after_category
        } else {
            after_category || looks_like_a_name(&words)
        };
        if accepted {
            let kind = if municipality {
                "municipality"
            } else {
                "other"
            };
            out.push((text.to_string(), kind.to_string(), at));
        }
    }
    out
}

/// Last words that make an entry an event, not an organisation.
const EVENT_WORDS: &[&str] = &[
    "tapahtuma",
    "seminaari",
    "työpaja",
    "webinaari",
    "messut",
    "foorumi",
    "päivä",
    "päivät",
    "ilta",
    "kilpailu",
    "hackathon",
    "konferenssi",
    "tilaisuus",
];

/// An entry that reads as an organisation's name, not a person's or a
/// category: a capital inside a word (`ProAgria`, `PuuSuomi-verkosto`,
/// `Metsä-Wood`), an abbreviation (`MSO`), or a place in the genitive
/// followed by a capitalised word (`Kuhmon Woodpolis`, `Peräpohjolan
/// Kehitys`). Two capitalised words otherwise (`Markku Rimpelä`) are
/// taken for a person and left out.
fn looks_like_a_name(words: &[&str]) -> bool {
    let inner_capital = words
        .iter()
        .any(|w| w.chars().skip(1).any(char::is_uppercase));
    let genitive_name = words.len() >= 2
        && words[0].ends_with('n')
        && words[1].chars().next().is_some_and(char::is_uppercase);
    inner_capital || genitive_name
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
    // Mentions as byte spans in order, and their texts, so that each run
    // is checked in logarithmic time (the check was once quadratic).
    let mut spans: Vec<(usize, usize)> = found
        .iter()
        .map(|m| (m.start, m.start + m.text.len()))
        .collect();
    spans.sort_unstable();
    let mut reach = Vec::with_capacity(spans.len());
    let mut furthest = 0;
    for &(_, end) in &spans {
        furthest = furthest.max(end);
        reach.push(furthest);
    }
    let texts: std::collections::HashSet<String> =
        found.iter().map(|m| m.text.to_lowercase()).collect();
    let offset = |w: &str| w.as_ptr() as usize - sentence.as_ptr() as usize;
    let mut seen = std::collections::HashSet::new();
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
            let (from, to) = (
                offset(run[0]),
                offset(run[run.len() - 1]) + run[run.len() - 1].len(),
            );
            // A mention that starts before the run ends and ends after it
            // starts overlaps it.
            let before_end = spans.partition_point(|&(start, _)| start < to);
            let overlaps = before_end > 0 && reach[before_end - 1] > from;
            let covered = overlaps || texts.contains(&lower);
            if !covered && seen.insert(phrase.clone()) {
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
        let sentence = "Mukana olivat Puuinfo Oy, Pohjoisen Puurakentamisen säätiö, Matti Meikäläinen ja Pohjanmaan Yrittäjät sekä Centria.";
        let found = mentions(sentence, &builtin());
        let missed = missed(sentence, &found);
        assert!(
            missed.contains(&"Pohjoisen Puurakentamisen säätiö".to_string()),
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
    fn register_bodies_in_running_text_and_their_cases() {
        let g = builtin();
        let texts = |sentence: &str| -> Vec<String> {
            mentions(sentence, &g)
                .into_iter()
                .filter_map(|m| m.known.map(|i| g[i].name.clone()))
                .collect()
        };
        let found = texts(
            "Hanke toteutetaan yhteistyössä Pohjanmaan liiton ja Keski-Suomen liiton kanssa.",
        );
        assert_eq!(found, ["Keski-Suomen liitto", "Pohjanmaan liitto"]);
        let found = texts("Etelä-Pohjanmaan liitto rahoittaa.");
        assert_eq!(found, ["Etelä-Pohjanmaan liitto"], "not Pohjanmaan liitto");
        let found = texts("Asiantuntijana toimii Geologian tutkimuskeskuksen geologi.");
        assert_eq!(found, ["Geologian tutkimuskeskus"]);
        let found = texts("Keski-Suomen ELY-keskuksen ja Luonnonvarakeskuksen kanssa sovittiin.");
        assert_eq!(
            found,
            [
                "Keski-Suomen elinkeino-, liikenne- ja ympäristökeskus",
                "Luonnonvarakeskus"
            ]
        );
        let found = texts("Savonian ja Lapin AMK:n opiskelijat.");
        assert_eq!(
            found,
            [
                "Lapin ammattikorkeakoulu Oy",
                "Savonia-ammattikorkeakoulu Oy"
            ]
        );
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
