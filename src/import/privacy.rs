//! Personal data never enters a dataset: e-mail addresses, phone numbers
//! and Finnish personal identity codes are removed from every text the
//! importer reads, before anything else sees it.

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

/// True when `text` holds an e-mail address, phone number or personal
/// identity code.
pub fn holds_personal_data(text: &str) -> bool {
    scrub(text) != text
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
    // A domain without a dot (`name@host`) is still treated as an address:
    // a missed address is worse than a removed oddity.
    let starts_well = chars.get(domain_start).is_some_and(|c| c.is_alphanumeric());
    (k > domain_start && starts_well).then_some(k)
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
    fn long_texts_are_scrubbed_in_linear_time() {
        let text = "a.".repeat(200_000) + &"0 ".repeat(200_000);
        let started = std::time::Instant::now();
        let out = scrub(&text);
        assert!(out.starts_with("a.a."));
        // Quadratic scanning would take minutes here; linear takes milliseconds.
        assert!(started.elapsed() < std::time::Duration::from_secs(20));
    }
}
