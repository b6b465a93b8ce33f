//! What a file is, from its first bytes: text (to be read as a table), a workbook (Excel or
//! OpenDocument, read by the workbook module), JSON (a Data Package, perhaps), or something
//! that is not a table at all, each said in a plain sentence by the page.

/// What a file's bytes are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Sniffed {
    /// Nothing in it, or only spaces.
    Empty,
    Text,
    Json,
    /// An `.xlsx` or `.ods` (both are zip archives), or an older `.xls`.
    Workbook,
    /// SDMX-ML, HTML or another markup: data, but not in a shape the app reads.
    Markup,
    Pdf,
    Image,
    /// Bytes that are not text.
    Binary,
}

pub fn sniff(bytes: &[u8]) -> Sniffed {
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    if starts(b"PK\x03\x04") || starts(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Sniffed::Workbook;
    }
    if starts(b"%PDF") {
        return Sniffed::Pdf;
    }
    if starts(b"\x89PNG")
        || starts(&[0xFF, 0xD8, 0xFF])
        || starts(b"GIF8")
        || (starts(b"RIFF") && bytes.get(8..12) == Some(b"WEBP"))
    {
        return Sniffed::Image;
    }
    let utf16 = starts(&[0xFF, 0xFE]) || starts(&[0xFE, 0xFF]);
    let head = &bytes[..bytes.len().min(8192)];
    if !utf16 && head.contains(&0) {
        return Sniffed::Binary;
    }
    let text = if utf16 { super::decode::decode(head).0 } else { String::from_utf8_lossy(head).into_owned() };
    let text = text.trim_start_matches('\u{feff}').trim_start();
    if text.is_empty() && (utf16 || bytes.iter().all(u8::is_ascii_whitespace)) {
        return Sniffed::Empty;
    }
    match text.as_bytes().first() {
        Some(b'{') | Some(b'[') => Sniffed::Json,
        Some(b'<') => Sniffed::Markup,
        _ => Sniffed::Text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_told_apart_by_their_first_bytes() {
        assert_eq!(sniff(b""), Sniffed::Empty);
        assert_eq!(sniff(b"  \n\t"), Sniffed::Empty);
        assert_eq!(sniff(b"a,b\n1,2"), Sniffed::Text);
        assert_eq!(sniff(b"PK\x03\x04rest"), Sniffed::Workbook);
        assert_eq!(sniff(b"%PDF-1.7"), Sniffed::Pdf);
        assert_eq!(sniff(b"\x89PNG\r\n"), Sniffed::Image);
        assert_eq!(sniff(b"\x00\x01\x02"), Sniffed::Binary);
        assert_eq!(sniff(b" {\"resources\": []}"), Sniffed::Json);
        assert_eq!(sniff(b"<?xml version=\"1.0\"?><message:GenericData>"), Sniffed::Markup);
        assert_eq!(sniff(&[0xFF, 0xFE, b'a', 0, b',', 0]), Sniffed::Text);
    }
}
