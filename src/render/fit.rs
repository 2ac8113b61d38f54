//! Text for a terminal kept within its width: long cells and lists
//! shortened with a count of what is left out, tables too wide for the
//! line losing their last columns with a note, prose wrapped.
//!
//! The width is one setting for the process ([`set_text_width`]); it is
//! [`TEXT_WIDTH`] unless the command line sets the terminal's, which is
//! never wider.

use std::sync::atomic::{AtomicUsize, Ordering};

/// The widest line text output has: 200 characters.
pub const TEXT_WIDTH: usize = 200;

/// No column of text is shortened below this many characters.
const MIN_COLUMN: usize = 22;

static WIDTH: AtomicUsize = AtomicUsize::new(TEXT_WIDTH);
static HINT: std::sync::OnceLock<&'static str> = std::sync::OnceLock::new();

/// Sets what the note under a shortened table says about the full one
/// (the command line names its option for it).
pub fn set_full_table_hint(hint: &'static str) {
    let _ = HINT.set(hint);
}

/// What the note under a shortened table says about the full one.
pub(crate) fn full_table_hint() -> &'static str {
    HINT.get()
        .copied()
        .unwrap_or("the full table in CSV or JSON output")
}

/// Sets the width text output is kept within (at least 40, at most
/// [`TEXT_WIDTH`]).
pub fn set_text_width(width: usize) {
    WIDTH.store(width.clamp(40, TEXT_WIDTH), Ordering::Relaxed);
}

/// The width text output is kept within.
pub fn text_width() -> usize {
    WIDTH.load(Ordering::Relaxed)
}

/// The number of characters `s` takes on a line.
pub(crate) fn chars(s: &str) -> usize {
    s.chars().count()
}

/// As many of `items` joined by `separator` as fit in `width` characters
/// with `… N more` after them when some are left out.
///
/// ```
/// use verkosto::render::shorten_list;
/// let items: Vec<String> = (1..=100).map(|i| format!("a{i}")).collect();
/// assert_eq!(shorten_list(&items, "; ", 24), "a1; a2; a3; … 97 more");
/// assert_eq!(shorten_list(&items[..2], "; ", 24), "a1; a2");
/// ```
pub fn shorten_list(items: &[String], separator: &str, width: usize) -> String {
    let whole = items.join(separator);
    if chars(&whole) <= width {
        return whole;
    }
    let mut shown = String::new();
    let mut count = 0;
    for (i, item) in items.iter().enumerate() {
        let more = format!("… {} more", items.len() - i - 1);
        let candidate = if shown.is_empty() {
            item.clone()
        } else {
            format!("{shown}{separator}{item}")
        };
        if chars(&candidate) + chars(separator) + chars(&more) > width {
            break;
        }
        shown = candidate;
        count += 1;
    }
    let left = items.len() - count;
    if count == 0 {
        format!("… {left} more")
    } else {
        format!("{shown}{separator}… {left} more")
    }
}

/// Column widths within `width` for columns of `natural` widths with two
/// spaces between them: numeric columns (`fixed`) keep theirs; text columns
/// share what is left, the narrow ones whole, the wide ones equally, none
/// below [`MIN_COLUMN`] (or its natural width). Returns the widths and how
/// many leading columns fit at all (the rest are left out).
pub(crate) fn column_widths(
    natural: &[usize],
    fixed: &[bool],
    width: usize,
) -> (Vec<usize>, usize) {
    let total = |w: &[usize]| w.iter().sum::<usize>() + 2 * w.len().saturating_sub(1);
    if total(natural) <= width {
        return (natural.to_vec(), natural.len());
    }
    let floor: Vec<usize> = natural
        .iter()
        .zip(fixed)
        .map(|(&n, &f)| if f { n } else { n.min(MIN_COLUMN) })
        .collect();
    // The leading columns whose smallest widths fit.
    let mut shown = natural.len();
    while shown > 1 && total(&floor[..shown]) > width {
        shown -= 1;
    }
    let mut widths = natural[..shown].to_vec();
    let text: Vec<usize> = (0..shown).filter(|&c| !fixed[c]).collect();
    let spare = width.saturating_sub(
        (0..shown)
            .filter(|&c| fixed[c])
            .map(|c| natural[c])
            .sum::<usize>()
            + 2 * shown.saturating_sub(1),
    );
    // Water-filling: the narrowest text columns keep their width, the rest
    // share equally.
    let mut order = text.clone();
    order.sort_by_key(|&c| natural[c]);
    let mut left = spare;
    for (i, &c) in order.iter().enumerate() {
        let share = left / (order.len() - i);
        let w = natural[c].min(share.max(floor[c]));
        widths[c] = w;
        left = left.saturating_sub(w);
    }
    (widths, shown)
}

/// `text` wrapped at the text width, each line after the first indented
/// by `indent` spaces.
pub fn wrap(text: &str, first: &str, indent: usize) -> String {
    let rest = " ".repeat(indent);
    let options = textwrap::Options::new(text_width())
        .initial_indent(first)
        .subsequent_indent(&rest)
        .break_words(true);
    textwrap::fill(text, options)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_fit_the_line() {
        let (w, shown) = column_widths(&[10, 300, 8, 150], &[false, false, true, false], 200);
        assert_eq!(shown, 4);
        assert!(w.iter().sum::<usize>() + 6 <= 200, "{w:?}");
        assert_eq!((w[0], w[2]), (10, 8));
        let (w, shown) = column_widths(&[20; 40], &[true; 40], 200);
        assert_eq!(shown, 9, "{w:?}");
        assert!(w.iter().sum::<usize>() + 2 * (shown - 1) <= 200);
    }

    #[test]
    fn lists_count_what_they_leave_out() {
        let items: Vec<String> = (0..1000).map(|i| format!("item{i}")).collect();
        let s = shorten_list(&items, "; ", 60);
        assert!(chars(&s) <= 60, "{s}");
        let shown = s.matches("item").count();
        assert!(s.ends_with(&format!("… {} more", 1000 - shown)), "{s}");
        assert_eq!(shorten_list(&items, "; ", 5), "… 1000 more");
    }
}
