//! Names compared as people mean them: the one text folding of the
//! library (lower case, no diacritics, spaces collapsed), used where an
//! actor is looked up by name and where names become identity keys and
//! ids.

/// Lower case without diacritics (transliterated to ASCII by `deunicode`),
/// runs of whitespace as one space, trimmed.
///
/// ```
/// use verkosto::text::fold;
/// assert_eq!(fold("  Jyväskylän   Yliopisto "), "jyvaskylan yliopisto");
/// assert_eq!(fold("Åbo Akademi"), fold("abo akademi"));
/// ```
pub fn fold(text: &str) -> String {
    deunicode::deunicode(text)
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A name as an id: [`fold`]ed, every run of other characters than ASCII
/// letters and digits as one `-`; `actor` when nothing is left.
///
/// ```
/// use verkosto::text::slug;
/// assert_eq!(slug("Kokkolan kaupunki (Karleby)"), "kokkolan-kaupunki-karleby");
/// assert_eq!(slug("–"), "actor");
/// ```
pub fn slug(name: &str) -> String {
    let folded: String = fold(name)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let parts: Vec<&str> = folded.split('-').filter(|p| !p.is_empty()).collect();
    if parts.is_empty() {
        "actor".into()
    } else {
        parts.join("-")
    }
}

/// A name as compared for identity: [`fold`]ed, punctuation (quotes,
/// apostrophes, dashes, commas, periods) as spaces, spaces collapsed.
///
/// ```
/// use verkosto::text::bare;
/// assert_eq!(bare("University of Ruse “Angel Kanchev”"), bare("UNIVERSITY OF RUSE ANGEL KANCHEV"));
/// assert_eq!(bare("Chamber of Commerce - Vratsa"), "chamber of commerce vratsa");
/// assert_eq!(bare("l’Adour"), bare("l'Adour"));
/// ```
pub fn bare(name: &str) -> String {
    fold(name)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `text` on one line (runs of whitespace as one space), cut to at most
/// `max` characters with an ellipsis when longer.
///
/// ```
/// use verkosto::text::shorten;
/// assert_eq!(shorten("Kokkolan  kaupunki", 10), "Kokkolan …");
/// assert_eq!(shorten("Kokkola", 10), "Kokkola");
/// ```
pub fn shorten(text: &str, max: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        flat
    } else {
        let mut out: String = flat.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}
