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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

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
}
