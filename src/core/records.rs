//! Records as text: one per line, fields separated by tabs, the first field naming the record;
//! a backslash escapes a backslash, a tab, a line break or a carriage return within a field.
//!
//! Why not JSON: the browser modules that read and write these (an indicator page's slice, a
//! chart or a file asked of the chart module) would otherwise carry serde's JSON reader and
//! writer and the derived code of every type, tens of KB; this is a few hundred bytes.

/// Appends the record `kind` with `fields` to `out`.
pub fn record(out: &mut String, kind: &str, fields: &[String]) {
    out.push_str(kind);
    for field in fields {
        out.push('\t');
        for c in field.chars() {
            match c {
                '\\' => out.push_str("\\\\"),
                '\t' => out.push_str("\\t"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                c => out.push(c),
            }
        }
    }
    out.push('\n');
}

/// A line's fields (its kind first), as [`record`] wrote them.
pub fn fields(line: &str) -> Vec<String> {
    line.split('\t').map(unescape).collect()
}

fn unescape(field: &str) -> String {
    let mut out = String::with_capacity(field.len());
    let mut chars = field.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// A number as [`read_number`] reads it back exactly: its shortest decimal form when that is
/// short enough to read without `f64`'s full parser, else `#` and its bits in hexadecimal.
pub fn write_number(v: f64) -> String {
    let text = v.to_string();
    if read_decimal(&text).map(f64::to_bits) == Some(v.to_bits()) {
        text
    } else {
        format!("#{:x}", v.to_bits())
    }
}

/// Reads what [`write_number`] wrote (and any plain decimal of up to 15 significant digits).
///
/// Why not `str::parse::<f64>`: its exact parser brings a 10 KB table of powers of five into a
/// browser module that only ever reads numbers the build wrote.
pub fn read_number(text: &str) -> Option<f64> {
    match text.strip_prefix('#') {
        Some(bits) => u64::from_str_radix(bits, 16).ok().map(f64::from_bits),
        None => read_decimal(text),
    }
}

/// 10^0 to 10^22, each exact as `f64`.
const POWERS_OF_TEN: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
    1e21, 1e22,
];

/// A decimal (`-12.345`, no exponent) whose digits fit in 15 significant digits and whose
/// fraction has at most 22: then the digits and the power of ten are both exact as `f64`, and
/// one division rounds correctly, so this is the nearest `f64`, as `str::parse` gives.
fn read_decimal(text: &str) -> Option<f64> {
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (whole, fraction) = body.split_once('.').unwrap_or((body, ""));
    if whole.is_empty() || !whole.bytes().chain(fraction.bytes()).all(|b| b.is_ascii_digit()) || fraction.len() > 22 {
        return None;
    }
    let digits = whole.bytes().chain(fraction.bytes()).skip_while(|&b| b == b'0');
    let mut mantissa: u64 = 0;
    let mut count = 0;
    for b in digits {
        count += 1;
        if count > 15 {
            return None;
        }
        mantissa = mantissa * 10 + u64::from(b - b'0');
    }
    let value = mantissa as f64 / POWERS_OF_TEN[fraction.len()];
    Some(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn fields_read_back_as_written(a in ".*", b in ".*") {
            let mut out = String::new();
            record(&mut out, "kind", &[a.clone(), b.clone()]);
            prop_assert_eq!(out.matches('\n').count(), 1);
            prop_assert_eq!(fields(out.trim_end_matches('\n')), vec!["kind".to_string(), a, b]);
        }

        /// Every number, to the bit (zeros' signs included), whatever its size.
        #[test]
        fn numbers_read_back_to_the_bit(v in proptest::num::f64::ANY) {
            let back = read_number(&write_number(v)).expect("reads");
            prop_assert!(back.to_bits() == v.to_bits() || (v.is_nan() && back.is_nan()));
        }

        /// A decimal it reads is the nearest number, as the standard parser says.
        #[test]
        fn decimals_read_as_the_standard_parser_reads_them(whole in 0u64..1_000_000_000, fraction in "[0-9]{0,6}", negative in any::<bool>()) {
            let text = format!("{}{whole}{}{fraction}", if negative { "-" } else { "" }, if fraction.is_empty() { "" } else { "." });
            prop_assert_eq!(read_number(&text).map(f64::to_bits), text.parse::<f64>().ok().map(f64::to_bits));
        }

        /// Text that is not a number is refused, never a panic.
        #[test]
        fn never_panics(text in ".*") {
            let _ = read_number(&text);
        }
    }

    #[test]
    fn figures_as_published_are_written_plainly() {
        for (v, text) in [(6.4, "6.4"), (-0.5, "-0.5"), (12.0, "12"), (0.0, "0"), (1234.56, "1234.56")] {
            assert_eq!(write_number(v), text);
        }
        assert!(write_number(1e300).starts_with('#'), "too large to read plainly");
        assert_eq!(read_number(&write_number(-0.0)).map(f64::to_bits), Some((-0.0f64).to_bits()), "minus zero keeps its sign");
        assert!(write_number(f64::NAN).starts_with('#'));
        assert_eq!(read_number("7."), Some(7.0));
        assert_eq!(read_number("1e5"), None);
        assert_eq!(read_number(".5"), None);
        assert_eq!(read_number(""), None);
        assert_eq!(read_number("-"), None);
    }
}
