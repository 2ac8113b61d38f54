//! What real documents do besides labelled fields: business ids ending an
//! entry, recipients flattened on one line, a code without its label, the
//! region named in running text, a closing review's quoted name.

use super::{finnish_date, non_empty, Description};
use crate::error::{Error, Result};
use crate::model::Problem;

/// `text` without a business id at its end (`Name, 1234567-8`, `Name
/// (Y-tunnus 1234567-8)`), and the id.
pub(super) fn without_business_id(text: &str) -> (String, Option<String>) {
    let t = text.trim().trim_end_matches([')', '.']).trim();
    let last = t
        .rsplit(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ':')
        .next()
        .unwrap_or("");
    let is_id = last.len() == 9
        && last.as_bytes()[7] == b'-'
        && last
            .bytes()
            .enumerate()
            .all(|(i, b)| i == 7 || b.is_ascii_digit());
    if !is_id {
        return (text.trim().to_string(), None);
    }
    let name = t[..t.len() - last.len()]
        .trim_end()
        .trim_end_matches([',', '(', ':'])
        .trim_end()
        .trim_end_matches("Y-tunnus")
        .trim_end_matches("FO-nummer")
        .trim_end()
        .trim_end_matches([',', '('])
        .trim()
        .to_string();
    (name, Some(last.to_string()))
}

/// Gives a description without a labelled code or name what identifies
/// it: a EURA code written without its label, else the file's name with a
/// note; refuses text with nothing of a project in it.
pub(super) fn identify(d: &mut Description, text: &str, origin: &str) -> Result<()> {
    if d.code.is_none() {
        // A code without its label: a EURA code such as S21303 or A74290.
        d.code = text
            .split(|c: char| !c.is_alphanumeric())
            .find(|w| {
                w.len() == 6
                    && w.starts_with(|c: char| c.is_ascii_uppercase())
                    && w[1..].bytes().all(|b| b.is_ascii_digit())
            })
            .map(str::to_string);
        if let Some(code) = &d.code {
            d.notes.push(format!(
                "{origin}: the project code {code} read without its label"
            ));
        }
    }
    let structured = d.applicant.is_some()
        || d.authority.is_some()
        || !d.implementers.is_empty()
        || d.start.is_some()
        || d.granted_eu_state_eur.is_some()
        || d.planned_public_eur.is_some();
    if d.code.is_none() && d.name.is_none() && !structured {
        return Err(Error::Import {
            problems: vec![Problem::new(
                origin,
                "no project code, name, applicant, authority, co-implementers, period or funding found; is this a project description?",
            )],
        });
    }
    if d.code.is_none() && d.name.is_none() {
        let stem = std::path::Path::new(origin)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .filter(|s| !s.is_empty());
        let Some(stem) = stem else {
            return Err(Error::Import {
                problems: vec![Problem::new(
                    origin,
                    "no project code and no project name found, and no file name to name the project by",
                )],
            });
        };
        d.notes.push(format!(
            "{origin}: no project code or name found; the project is named after the file, {stem:?}"
        ));
        d.name = Some(stem);
    }
    Ok(())
}

/// The regions (maakunnat) and how running text says "in" them.
const REGIONS_IN: &[(&str, &str)] = &[
    ("Uusimaa", "Uudellamaalla"),
    ("Varsinais-Suomi", "Varsinais-Suomessa"),
    ("Satakunta", "Satakunnassa"),
    ("Kanta-Häme", "Kanta-Hämeessä"),
    ("Pirkanmaa", "Pirkanmaalla"),
    ("Päijät-Häme", "Päijät-Hämeessä"),
    ("Kymenlaakso", "Kymenlaaksossa"),
    ("Etelä-Karjala", "Etelä-Karjalassa"),
    ("Etelä-Savo", "Etelä-Savossa"),
    ("Pohjois-Savo", "Pohjois-Savossa"),
    ("Pohjois-Karjala", "Pohjois-Karjalassa"),
    ("Keski-Suomi", "Keski-Suomessa"),
    ("Etelä-Pohjanmaa", "Etelä-Pohjanmaalla"),
    ("Pohjanmaa", "Pohjanmaalla"),
    ("Keski-Pohjanmaa", "Keski-Pohjanmaalla"),
    ("Pohjois-Pohjanmaa", "Pohjois-Pohjanmaalla"),
    ("Kainuu", "Kainuussa"),
    ("Lappi", "Lapissa"),
    ("Ahvenanmaa", "Ahvenanmaalla"),
];

/// The regions running text says the project works in (`toimii
/// Pohjois-Karjalassa`), in the order of the table, when no `Maakunnat`
/// field names them.
pub(super) fn regions_in_text(text: &str) -> Vec<String> {
    let words: std::collections::HashSet<&str> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    REGIONS_IN
        .iter()
        .filter(|(_, inessive)| words.contains(inessive))
        .map(|(region, _)| region.to_string())
        .collect()
}

/// A decision's recipients flattened on one line (`Tuensaajat A Oy
/// Y-tunnus: 1234567-8 B ry Y-tunnus: 7654321-0`): the first is the
/// applicant, the others co-implementers. Returns whether `line` held
/// them.
pub(super) fn recipients(line: &str, d: &mut Description) -> bool {
    let Some(at) = ["Tuensaajat", "Tuensaaja", "Stödmottagare"]
        .iter()
        .find_map(|w| line.find(w).map(|i| i + w.len()))
    else {
        return false;
    };
    let mut rest = line[at..].trim_start_matches(':').trim();
    let mut found = Vec::new();
    while let Some(i) = rest.find("Y-tunnus") {
        let name = rest[..i].trim().trim_end_matches(',').trim();
        let after = rest[i + "Y-tunnus".len()..]
            .trim_start_matches(':')
            .trim_start();
        let id: String = after.chars().take(9).collect();
        let is_id = id.len() == 9
            && id.as_bytes()[7] == b'-'
            && id
                .bytes()
                .enumerate()
                .all(|(k, b)| k == 7 || b.is_ascii_digit());
        if name.is_empty() || !is_id {
            break;
        }
        found.push((name.to_string(), id));
        rest = after[9..].trim_start();
    }
    let mut found = found.into_iter();
    let Some((first, id)) = found.next() else {
        return false;
    };
    if d.applicant.is_none() {
        d.applicant = Some(first);
        d.business_id = Some(id);
    } else {
        d.implementers.push((first, Some(id), "implementer".into()));
    }
    for (name, id) in found {
        d.implementers.push((name, Some(id), "implementer".into()));
    }
    true
}

/// The closing-review layout: the project's name in quotes in the bold
/// lead (`verkostohanke: "Name" käynnistyi 1.9.2021 ja päättyi 31.12.2023`).
pub(super) fn review_fields(text: &str, d: &mut Description) {
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
