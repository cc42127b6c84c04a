//! Making text from users and files safe to put on a terminal, and measuring it in cells.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Replaces control characters (C0, DEL, C1) with U+FFFD so that names, notes and rules can
/// never move the cursor, change colours or retitle the terminal, and bidirectional overrides,
/// embeddings and isolates too, so a name cannot make the text after it read backwards. Tabs
/// and newlines become spaces: every caller shows text on a single line.
pub fn sanitize(text: &str) -> String {
    text.chars().map(safe_char).collect()
}

/// One character as [`sanitize`] puts it on the terminal.
pub fn safe_char(c: char) -> char {
    match c {
        '\t' | '\n' | '\r' => ' ',
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => '\u{FFFD}',
        c if c.is_control() => '\u{FFFD}',
        c => c,
    }
}

/// Whether `c` would steer how text around it shows rather than be shown: a control character
/// (a new line and a tab too) or a bidirectional embedding, override or isolate, which can make
/// a link or a name read as something else.
pub fn steers(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// [`sanitize`] line by line, keeping the line breaks: for messages that quote a file.
pub fn sanitize_lines(text: &str) -> String {
    text.lines().map(sanitize).collect::<Vec<_>>().join("\n")
}

/// How many terminal cells `text` takes: a CJK character or an emoji takes two.
pub fn cells(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// `text` cut to `width` cells at most, with `…` where it was cut.
pub fn cut(text: &str, width: usize) -> String {
    if cells(text) <= width {
        return text.to_owned();
    }
    let mut kept = String::new();
    let mut used = 0;
    for c in text.chars() {
        let wide = UnicodeWidthChar::width(c).unwrap_or(0);
        if used + wide + 1 > width {
            break;
        }
        kept.push(c);
        used += wide;
    }
    if width > 0 {
        kept.push('…');
    }
    kept
}

/// `text` followed by spaces to fill `width` cells.
pub fn pad(text: &str, width: usize) -> String {
    format!("{text}{}", " ".repeat(width.saturating_sub(cells(text))))
}

/// `NotSaved` as files spell names: `not_saved`.
pub fn snake_case(name: &str) -> String {
    let mut snake = String::new();
    for (index, c) in name.chars().enumerate() {
        if c.is_uppercase() && index > 0 {
            snake.push('_');
        }
        snake.push(c.to_ascii_lowercase());
    }
    snake
}

#[cfg(test)]
mod tests {
    use super::{cells, cut, pad, sanitize};

    #[test]
    fn wide_characters_take_two_cells() {
        assert_eq!(cells("漢字"), 4);
        assert_eq!(cut("漢字の名前", 5), "漢字…");
        assert_eq!(cut("Ana", 5), "Ana");
        assert_eq!(pad("漢", 4), "漢  ");
        assert_eq!(cut("anything", 0), "");
    }

    #[test]
    fn escape_sequences_cannot_reach_the_terminal() {
        let hostile = "Sam\x1b]0;owned\x07\x1b[2J\u{9b}31m\x7f";
        let clean = sanitize(hostile);
        assert!(clean.chars().all(|c| !c.is_control()), "{clean:?}");
        assert!(clean.starts_with("Sam\u{FFFD}]0;owned"));
    }

    #[test]
    fn text_cannot_be_made_to_read_backwards() {
        assert_eq!(
            sanitize("Ana\u{202E}gnp.exe\u{2066}x\u{2069}"),
            "Ana\u{FFFD}gnp.exe\u{FFFD}x\u{FFFD}"
        );
    }

    #[test]
    fn names_in_snake_case() {
        assert_eq!(super::snake_case("NotSaved"), "not_saved");
        assert_eq!(super::snake_case("Next"), "next");
    }

    #[test]
    fn ordinary_unicode_is_kept() {
        assert_eq!(sanitize("Zoë 🌱 مريم\tok"), "Zoë 🌱 مريم ok");
    }
}
