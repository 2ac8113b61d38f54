//! Personal data never enters a dataset: e-mail addresses (also written
//! `name(at)firma.fi`, `name [at] firma.fi`, `name at firma.fi`,
//! `name ät firma.fi`), phone numbers, Finnish personal identity codes and
//! the names of people after a contact word (yhteyshenkilö, kontaktperson,
//! contact, puh., tel.) or a person's title (projektipäällikkö,
//! projektledare, Ms) are removed from every text the importers read,
//! before anything else sees it.

/// What replaces a removed piece of personal data.
pub const REMOVED: &str = "[removed]";

/// `text` with every e-mail address, phone number and personal identity
/// code replaced by [`REMOVED`].
///
/// ```
/// use verkosto::import::privacy::scrub;
/// assert_eq!(scrub("Maija Mallikas, maija.mallikas@example.fi, 040 123 4567"), "Maija Mallikas, [removed], [removed]");
/// assert_eq!(scrub("hetu 131052-308T"), "hetu [removed]");
/// assert_eq!(scrub("Y-tunnus 0161075-9, 310 000 euroa, 1.1.2023"), "Y-tunnus 0161075-9, 310 000 euroa, 1.1.2023");
/// ```
pub fn scrub(text: &str) -> String {
    let text = contact_names(&obfuscated_emails(text));
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if let Some(end) = email_at(&chars, i)
            .or_else(|| identity_code_at(&chars, i))
            .or_else(|| phone_at(&chars, i))
        {
            out.push_str(REMOVED);
            i = end;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// True when `text` holds an e-mail address, phone number, personal
/// identity code or a person's name after a contact word.
pub fn holds_personal_data(text: &str) -> bool {
    scrub(text) != text
}

/// `text` with its personal data taken out entirely (not marked), for a
/// value kept in a dataset: `"Proj maija@x.fi"` → `"Proj"`,
/// `"Firma Oy (maija(at)firma.fi)"` → `"Firma Oy"`. Returns the cleaned
/// text and whether anything was removed.
///
/// ```
/// use verkosto::import::privacy::strip;
/// assert_eq!(strip("Proj maija@x.fi"), ("Proj".to_string(), true));
/// assert_eq!(strip("Firma Oy (maija(at)firma.fi)"), ("Firma Oy".to_string(), true));
/// assert_eq!(strip("Firma Oy"), ("Firma Oy".to_string(), false));
/// assert_eq!(strip("matti.m@firma.fi").0, "");
/// ```
pub fn strip(text: &str) -> (String, bool) {
    let scrubbed = scrub(text);
    if scrubbed == text {
        return (scrubbed, false);
    }
    let mut out = scrubbed.replace(REMOVED, " ");
    // Brackets left empty, and separators left dangling.
    for empty in ["()", "[]", "( )", "[ ]", "<>"] {
        out = out.replace(empty, " ");
    }
    let words: Vec<&str> = out.split_whitespace().collect();
    let mut out = words.join(" ");
    let junk = |c: char| ",;:/|-–(".contains(c) || c.is_whitespace();
    out = out.trim_matches(junk).to_string();
    (out, true)
}

/// Separators people write instead of `@` so that robots miss the address.
const AT_SIGNS: &[&str] = &[
    " (at) ", " [at] ", "(at)", "[at]", "{at}", "(a)", "[a]", " at ", "(ät)", "[ät]", " ät ",
];

/// `text` with obfuscated e-mail addresses (`maija(at)firma.fi`, `maija at
/// firma.fi`, `maija ät firma.fi`) written with `@`, so the address scan
/// finds them; a separator counts only between an address's local part
/// and a domain with a dot.
fn obfuscated_emails(text: &str) -> String {
    // ASCII lower case keeps every byte offset of `text`.
    let lower = text.to_ascii_lowercase();
    if !AT_SIGNS.iter().any(|s| lower.contains(s.trim())) {
        return text.to_string();
    }
    let bytes = text.as_bytes();
    let local = |b: u8| b.is_ascii_alphanumeric() || b".-_%+".contains(&b);
    let domain = |b: u8| b.is_ascii_alphanumeric() || b".-".contains(&b);
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let mut copied = 0;
    while i < bytes.len() {
        if !text.is_char_boundary(i) {
            i += 1;
            continue;
        }
        let found = AT_SIGNS.iter().find(|sep| lower[i..].starts_with(**sep));
        if let Some(sep) = found {
            let before = i > 0 && local(bytes[i - 1]);
            let start = i + sep.len();
            let mut end = start;
            while end < bytes.len() && end - start < 255 && domain(bytes[end]) {
                end += 1;
            }
            let host = text[start..end].trim_end_matches('.');
            let dotted = host.rsplit_once('.').is_some_and(|(head, tld)| {
                !head.is_empty() && tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic())
            });
            if before && dotted {
                out.push_str(&text[copied..i]);
                out.push('@');
                copied = start;
                i = start;
                continue;
            }
        }
        i += 1;
    }
    out.push_str(&text[copied..]);
    out
}

/// Words after which people's names and numbers follow.
const CONTACT_WORDS: &[&str] = &[
    "yhteyshenkilö",
    "yhteyshenkilöt",
    "yhteyshenkilönä",
    "yhteyshenkilöinä",
    "yhteyshenkilömme",
    "yhteystiedot",
    "lisätietoja",
    "lisätiedot",
    "kontaktperson",
    "kontaktpersoner",
    "kontaktpersonen",
    "kontakt",
    "contact",
    "contacts",
    "puh",
    "puhelin",
    "p",
    "tel",
    "tfn",
    "telefon",
    "phone",
    "gsm",
    "mob",
];

/// Job titles and forms of address that come right before a person's
/// name, in running text too ("projektipäällikkö Maija Mallikas").
const TITLES: &[&str] = &[
    "projektipäällikkö",
    "hankepäällikkö",
    "projektikoordinaattori",
    "hankekoordinaattori",
    "toiminnanjohtaja",
    "asiantuntija",
    "projektisihteeri",
    "projektiassistentti",
    "kehittämispäällikkö",
    "projektledare",
    "projektkoordinator",
    "verksamhetsledare",
    "ms",
    "mr",
    "mrs",
    "dr",
];

/// Words that may stand between a contact word and the name.
const FILLERS: &[&str] = &[
    "person", "persons", "henkilö", "toimii", "on", "är", "is", "project",
];

/// `text` with the name (a first and a last name: up to two capitalised words) that follows a
/// contact word, past any title, replaced by [`REMOVED`]:
/// `Yhteyshenkilö Matti Meikäläinen, puh. …` → `Yhteyshenkilö [removed],
/// puh. …`. The punctuation around the name stays.
fn contact_names(text: &str) -> String {
    let lower = text.to_lowercase();
    if !CONTACT_WORDS
        .iter()
        .chain(TITLES)
        .any(|w| w.len() > 2 && lower.contains(w))
    {
        return text.to_string();
    }
    let not_word = |c: char| !c.is_alphanumeric();
    let bare = |w: &str| w.trim_matches(not_word).to_lowercase();
    let title = |w: &str| TITLES.contains(&bare(w).as_str());
    // A contact word, or a title right before a name.
    let contact = |w: &str| {
        let b = bare(w);
        (CONTACT_WORDS.contains(&b.as_str()) && (b.len() > 2 || w.ends_with('.')) || title(w))
            && !w.ends_with(',')
    };
    let filler = |w: &str| {
        let b = bare(w);
        b.is_empty() || FILLERS.contains(&b.as_str()) || title(w)
    };
    let name_like = |w: &str| {
        let core = w.trim_matches(not_word);
        core.chars().next().is_some_and(char::is_uppercase)
            && core.chars().all(|c| c.is_alphabetic() || c == '-')
            && core.chars().count() >= 2
            && !core.chars().all(char::is_uppercase)
    };
    let words: Vec<&str> = text.split(' ').collect();
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        out.push(words[i].to_string());
        i += 1;
        if !contact(words[i - 1]) {
            continue;
        }
        while i < words.len() && filler(words[i]) {
            out.push(words[i].to_string());
            i += 1;
        }
        // The name: a first and a last name, ending at punctuation.
        let first = i;
        while i < words.len() && i - first < 2 && name_like(words[i]) {
            i += 1;
            if words[i - 1].ends_with(not_word) {
                break;
            }
        }
        if i > first {
            let (head, last) = (words[first], words[i - 1]);
            let lead = &head[..head.len() - head.trim_start_matches(not_word).len()];
            let tail = &last[last.trim_end_matches(not_word).len()..];
            out.push(format!("{lead}{REMOVED}{tail}"));
        }
    }
    out.join(" ")
}

fn boundary(chars: &[char], i: usize) -> bool {
    i == 0 || !chars[i - 1].is_alphanumeric()
}

/// An e-mail address starting at `i`: local@domain.tld; returns its end.
fn email_at(chars: &[char], i: usize) -> Option<usize> {
    let local = |c: char| c.is_alphanumeric() || "._%+-".contains(c);
    if !boundary(chars, i) || !local(chars[i]) || chars[i] == '.' {
        return None;
    }
    // Local parts are at most 64 characters and domains 255 (RFC 5321),
    // which also keeps the scan linear in the length of the text.
    let mut j = i;
    while j < chars.len() && j - i <= 64 && local(chars[j]) {
        j += 1;
    }
    if j >= chars.len() || chars[j] != '@' || j == i {
        return None;
    }
    let domain_start = j + 1;
    let mut k = domain_start;
    while k < chars.len()
        && k - domain_start <= 255
        && (chars[k].is_alphanumeric() || chars[k] == '.' || chars[k] == '-')
    {
        k += 1;
    }
    while k > domain_start && chars[k - 1] == '.' {
        k -= 1;
    }
    // A domain has a dot and a top-level part of two letters or more; a
    // domain without a dot counts when the address is all lower case
    // (`maija@intranet`) or a capitalised name at one (`Mallikas@Mallikas`),
    // so that a project's acronym (`ENERGY@SCHOOL`, `ResInfra@DR`,
    // `e-Rés@mont`) is kept.
    let starts_well = chars.get(domain_start).is_some_and(|c| c.is_alphanumeric());
    let domain: String = chars[domain_start..k].iter().collect();
    let top = domain.rsplit_once('.').map(|(_, t)| t);
    let dotted = top.is_some_and(|t| t.chars().count() >= 2 && t.chars().all(char::is_alphabetic));
    let lower =
        chars[i..k].iter().all(|c| !c.is_uppercase()) && chars[i..j].iter().all(|c| c.is_ascii());
    // `Mallikas@Mallikas`: a name at a name, each one capitalised word.
    let word = |part: &[char]| {
        part.first().is_some_and(|c| c.is_uppercase()) && part[1..].iter().all(|c| c.is_lowercase())
    };
    let named = word(&chars[i..j]) && word(&chars[domain_start..k]);
    (k > domain_start && starts_well && (dotted || lower || named)).then_some(k)
}

/// A Finnish personal identity code starting at `i`: DDMMYY, a century
/// sign, three digits and a check character; returns its end.
fn identity_code_at(chars: &[char], i: usize) -> Option<usize> {
    if !boundary(chars, i) || i + 11 > chars.len() {
        return None;
    }
    let c = &chars[i..i + 11];
    let digits = |r: std::ops::Range<usize>| c[r].iter().all(char::is_ascii_digit);
    let day: u32 = c[0..2].iter().collect::<String>().parse().ok()?;
    let month: u32 = c[2..4].iter().collect::<String>().parse().ok()?;
    let ok = digits(0..6)
        && (1..=31).contains(&day)
        && (1..=12).contains(&month)
        && "-+ABCDEFUVWXY".contains(c[6])
        && digits(7..10)
        && (c[10].is_ascii_digit() || c[10].is_ascii_uppercase())
        && chars.get(i + 11).is_none_or(|n| !n.is_alphanumeric());
    ok.then_some(i + 11)
}

/// A phone number starting at `i`: `+` or `0`, then at least 7 digits in
/// all with spaces, hyphens or brackets between them (a business id,
/// NNNNNNN-N, is not one); returns its end.
fn phone_at(chars: &[char], i: usize) -> Option<usize> {
    if !boundary(chars, i) || !(chars[i] == '+' || chars[i] == '0' || chars[i] == '(') {
        return None;
    }
    let mut j = i;
    let mut digits = 0;
    let mut last_digit = i;
    // Phone numbers are at most 15 digits (E.164) plus separators.
    while j < chars.len() && j - i < 32 {
        let c = chars[j];
        if c.is_ascii_digit() {
            digits += 1;
            last_digit = j;
        } else {
            let separator = c == ' ' || c == '-' || c == '(' || c == ')' || (c == '+' && j == i);
            // A space ends the number unless a digit or bracket follows.
            let space_ends = c == ' '
                && chars
                    .get(j + 1)
                    .is_some_and(|n| !n.is_ascii_digit() && *n != '(');
            if !separator || space_ends {
                break;
            }
        }
        j += 1;
    }
    let token: String = chars[i..=last_digit].iter().collect();
    let business_id = token.len() == 9
        && token.chars().nth(7) == Some('-')
        && token.chars().filter(char::is_ascii_digit).count() == 8;
    (digits >= 7 && !business_id).then_some(last_digit + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn personal_data_is_removed_and_other_numbers_kept() {
        assert_eq!(scrub("Maija@Mallikas.fi ry"), "[removed] ry");
        assert_eq!(scrub("maija@intranet, 2020"), "[removed], 2020");
        // Project acronyms with an @ are no addresses.
        for acronym in ["ENERGY@SCHOOL", "DTP1-417-1.1 ResInfra@DR", "e-Rés@mont"] {
            assert_eq!(scrub(acronym), acronym);
        }
        assert_eq!(scrub("puh. +358 40 123 4567."), "puh. [removed].");
        assert_eq!(scrub("(09) 310 1234"), "[removed]");
        assert_eq!(
            scrub("010101A123B ja 311299-9872"),
            "[removed] ja [removed]"
        );
        for kept in [
            "0161075-9",
            "2021-09-01",
            "187 144 €",
            "A78140",
            "1.1.2023",
            "ELY-keskus 2020",
        ] {
            assert_eq!(scrub(kept), kept);
        }
    }

    #[test]
    fn obfuscated_addresses_and_contact_names_are_removed() {
        for (given, expected) in [
            (
                "Yhteyshenkilö Matti Meikäläinen (matti(at)firma.fi, 040 123 4567)",
                "Yhteyshenkilö [removed] ([removed], [removed])",
            ),
            ("maija [at] alpha.fi", "[removed]"),
            ("maija at alpha.fi", "[removed]"),
            ("anna ät firma.se", "[removed]"),
            (
                "Kontaktperson: Anna Svensson, Region Västerbotten",
                "Kontaktperson: [removed], Region Västerbotten",
            ),
            (
                "Contact person Ms Jane Smith.",
                "Contact person Ms [removed].",
            ),
            ("puh. 0401234567", "puh. [removed]"),
            (
                "Hanketta koordinoi projektipäällikkö Maija Mallikas Centriasta.",
                "Hanketta koordinoi projektipäällikkö [removed] Centriasta.",
            ),
        ] {
            assert_eq!(scrub(given), expected, "{given}");
        }
        for kept in [
            "Meeting at Oulu 2020",
            "Kick-off at the University of Oulu",
            "Oulun yliopisto",
            "contact seminar in Kokkola",
        ] {
            assert_eq!(scrub(kept), kept);
        }
    }

    #[test]
    fn long_texts_are_scrubbed_in_linear_time() {
        // Counted, not timed: the scan looks at each character a bounded
        // number of times, so a text of 400,000 characters finishes and
        // keeps its start.
        let text = "a.".repeat(200_000) + &"0 ".repeat(200_000) + &"a(at)".repeat(10_000);
        let out = scrub(&text);
        assert!(out.starts_with("a.a."));
    }
}
