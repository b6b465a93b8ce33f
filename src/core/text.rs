//! Text helpers: wrapping labels into lines for SVG (which cannot wrap by itself), and the
//! whitespace-insensitive comparison used to check quotes against their sources.

/// Splits `text` into lines of at most `max_chars` characters, breaking between words; a word
/// longer than a line is broken inside. No character other than whitespace is dropped.
pub fn wrap(text: &str, max_chars: usize) -> Vec<String> {
    let max_chars = max_chars.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_len = 0;
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        // A word too long for any line is cut into line-sized pieces.
        while word.len() > max_chars {
            if line_len > 0 {
                lines.push(std::mem::take(&mut line));
                line_len = 0;
            }
            let rest = word.split_off(max_chars);
            lines.push(word.into_iter().collect());
            word = rest;
        }
        if word.is_empty() {
            continue;
        }
        let needed = if line_len == 0 {
            word.len()
        } else {
            line_len + 1 + word.len()
        };
        if needed > max_chars {
            lines.push(std::mem::take(&mut line));
            line_len = 0;
        }
        if line_len > 0 {
            line.push(' ');
            line_len += 1;
        }
        line.extend(word.iter());
        line_len += word.len();
    }
    if line_len > 0 {
        lines.push(line);
    }
    lines
}

/// `text` cut to at most `max_chars` characters at a word boundary, with an ellipsis when
/// anything was cut (a page's description in search results and shared links).
pub fn shorten(text: &str, max_chars: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max_chars {
        return text;
    }
    let mut out = String::new();
    for word in text.split(' ') {
        let extra = word.chars().count() + usize::from(!out.is_empty());
        if out.chars().count() + extra + 1 > max_chars {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        out = text.chars().take(max_chars.saturating_sub(1)).collect();
    }
    let trimmed = out.trim_end_matches([',', ';', ':', '.', ' ']).to_string();
    format!("{trimmed}…")
}

/// Folds runs of whitespace to one space and unifies typographic apostrophes, so a quote
/// can be compared with a source whose line breaks and quote marks differ.
pub fn normalise(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(['\u{2018}', '\u{2019}'], "'")
}

/// True when `quote` occurs in `source`, ignoring differences of whitespace and apostrophes.
pub fn quotes(source: &str, quote: &str) -> bool {
    normalise(source).contains(&normalise(quote))
}

/// A run of text, and whether it is te reo Māori.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LangSpan {
    pub text: String,
    pub mi: bool,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Splits English text into runs, marking each occurrence of a te reo Māori term (`terms`,
/// longest first; matched whole-word and ignoring case) so a view can give it `lang="mi"`.
/// The runs joined are exactly `text`.
pub fn lang_spans(text: &str, terms: &[String]) -> Vec<LangSpan> {
    let lower: Vec<char> = text.chars().flat_map(char::to_lowercase).collect();
    let chars: Vec<char> = text.chars().collect();
    // Lower-casing can change a string's length (rare letters); then mark nothing.
    if lower.len() != chars.len() {
        return vec![LangSpan {
            text: text.to_string(),
            mi: false,
        }];
    }
    let terms: Vec<Vec<char>> = terms
        .iter()
        .filter(|t| !t.is_empty())
        .map(|t| t.chars().flat_map(char::to_lowercase).collect())
        .collect();
    let mut spans: Vec<LangSpan> = Vec::new();
    let mut push = |piece: &[char], mi: bool| {
        let piece: String = piece.iter().collect();
        match spans.last_mut() {
            Some(last) if last.mi == mi => last.text.push_str(&piece),
            _ => spans.push(LangSpan { text: piece, mi }),
        }
    };
    let mut i = 0;
    while i < chars.len() {
        let at_word_start = i == 0 || !is_word_char(chars[i - 1]);
        let found = at_word_start
            .then(|| {
                terms.iter().find(|t| {
                    lower[i..].starts_with(t)
                        && chars.get(i + t.len()).is_none_or(|c| !is_word_char(*c))
                })
            })
            .flatten();
        match found {
            Some(t) => {
                push(&chars[i..i + t.len()], true);
                i += t.len();
            }
            None => {
                push(&chars[i..i + 1], false);
                i += 1;
            }
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn terms() -> Vec<String> {
        [
            "Te Tiriti o Waitangi",
            "Te Tiriti",
            "Aroha",
            "whānau",
            "iwi",
        ]
        .map(String::from)
        .to_vec()
    }

    #[test]
    fn marks_te_reo_words_inside_english_and_only_whole_words() {
        let spans = lang_spans(
            "Aroha in action: whānau and iwi, not Kiwis; Te Tiriti o Waitangi.",
            &terms(),
        );
        let mi: Vec<&str> = spans
            .iter()
            .filter(|s| s.mi)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(mi, ["Aroha", "whānau", "iwi", "Te Tiriti o Waitangi"]);
        assert_eq!(spans[1].text, " in action: ");
        assert!(
            lang_spans("Kiwis", &terms()).iter().all(|s| !s.mi),
            "iwi inside a word is not a word"
        );
        assert_eq!(lang_spans("", &terms()), Vec::<LangSpan>::new());
    }

    proptest! {
        #[test]
        fn the_runs_join_to_the_text(text in "\\PC{0,60}") {
            let spans = lang_spans(&text, &terms());
            prop_assert_eq!(spans.iter().map(|s| s.text.as_str()).collect::<String>(), text);
        }
    }

    #[test]
    fn wraps_between_words() {
        assert_eq!(
            wrap("All people, whānau and communities thrive", 16),
            ["All people,", "whānau and", "communities", "thrive"]
        );
    }

    #[test]
    fn breaks_a_word_longer_than_a_line() {
        assert_eq!(
            wrap("a Whanaungatanga b", 6),
            ["a", "Whanau", "ngatan", "ga b"]
        );
        assert!(wrap("", 10).is_empty());
    }

    #[test]
    fn quotes_ignore_whitespace_and_apostrophes() {
        assert!(quotes(
            "the  Social\nCohesion team’s view",
            "Social Cohesion team's"
        ));
        assert!(!quotes("Aroha in action", "Aroha in inaction"));
    }

    proptest! {
        #[test]
        fn wrapping_keeps_every_character_and_respects_the_width(text in "\\PC{0,200}", width in 1usize..60) {
            let lines = wrap(&text, width);
            for line in &lines {
                prop_assert!(line.chars().count() <= width);
                prop_assert!(!line.is_empty());
            }
            let kept: String = lines.concat().chars().filter(|c| !c.is_whitespace()).collect();
            let original: String = text.chars().filter(|c| !c.is_whitespace()).collect();
            prop_assert_eq!(kept, original);
        }
    }

    #[test]
    fn shorten_cuts_at_a_word_and_says_so() {
        assert_eq!(shorten("Short  enough", 20), "Short enough");
        assert_eq!(shorten("One two three four", 12), "One two…");
        assert_eq!(shorten("Unbreakableword", 6), "Unbre…");
    }

    proptest! {
        #[test]
        fn shorten_never_exceeds_its_length(text in "\\PC{0,300}", max in 2usize..250) {
            prop_assert!(shorten(&text, max).chars().count() <= max);
        }
    }
}

/// A whole number with its thousands grouped by commas ("7,775"), as New Zealand writes them
/// in both English and te reo Māori.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod thousands_tests {
    #[test]
    fn groups_by_threes() {
        assert_eq!(super::thousands(0), "0");
        assert_eq!(super::thousands(775), "775");
        assert_eq!(super::thousands(7_775), "7,775");
        assert_eq!(super::thousands(1_234_567), "1,234,567");
    }
}
