//! Turning a file's bytes into text, whatever a spreadsheet saved it as: UTF-8 (with or
//! without a byte-order mark), UTF-16 (Excel's "Unicode text", always with a mark), or, when
//! the bytes are not UTF-8, Windows-1252 (what Excel on Windows writes for "CSV"). Files that
//! are not text at all are told apart first (`sniff`), so a workbook or a PDF never reaches
//! here.

/// How the bytes were read, so the page can say so when it was not UTF-8.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Encoding {
    Utf8,
    Utf16,
    Windows1252,
}

/// The text of `bytes`, and how it was read.
pub fn decode(bytes: &[u8]) -> (String, Encoding) {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return (String::from_utf8_lossy(rest).into_owned(), Encoding::Utf8);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return (utf16(rest, u16::from_le_bytes), Encoding::Utf16);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return (utf16(rest, u16::from_be_bytes), Encoding::Utf16);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), Encoding::Utf8),
        Err(_) => (windows_1252(bytes), Encoding::Windows1252),
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units: Vec<u16> = bytes.chunks_exact(2).map(|p| unit([p[0], p[1]])).collect();
    String::from_utf16_lossy(&units)
}

/// Windows-1252: Latin-1 but for 0x80-0x9F, which hold curly quotes, dashes and the like.
/// (A table of 32 characters; a whole encoding library would be far larger in the browser.)
fn windows_1252(bytes: &[u8]) -> String {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘',
        '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => HIGH[(b - 0x80) as usize],
            _ => char::from(b),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_its_mark() {
        assert_eq!(decode("Māori".as_bytes()), ("Māori".to_string(), Encoding::Utf8));
        let mut marked = vec![0xEF, 0xBB, 0xBF];
        marked.extend_from_slice("a,b".as_bytes());
        assert_eq!(decode(&marked).0, "a,b");
    }

    #[test]
    fn utf16_both_ways_round() {
        let mut le = vec![0xFF, 0xFE];
        for u in "Tāmaki\t1".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&le), ("Tāmaki\t1".to_string(), Encoding::Utf16));
        let mut be = vec![0xFE, 0xFF];
        for u in "x".encode_utf16() {
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&be).0, "x");
    }

    #[test]
    fn bytes_that_are_not_utf8_read_as_windows_1252() {
        // "café – 5" as Excel on Windows saves it.
        let bytes = [b'c', b'a', b'f', 0xE9, b' ', 0x96, b' ', b'5'];
        assert_eq!(decode(&bytes), ("café – 5".to_string(), Encoding::Windows1252));
    }
}
