//! A fingerprint of the texts a data set was built from (64-bit FNV-1a over each text and its
//! length, in order).
//!
//! Why: a prerendered page was rendered from the data files as they were at build time. The
//! browser fetches the files again before it takes the page over; if an agency has since
//! replaced them (which it may do without a rebuild), the page and the files disagree, and
//! taking over the page would attach the app to the wrong markup. The page records the
//! fingerprint of what it was rendered from; the browser compares it with the files it got
//! and, if they differ, renders the page afresh from the new files instead. This is a check
//! for change, not for tampering: no secret is involved, so no cryptographic hash is needed.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Fingerprint(pub String);

const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0000_0100_0000_01b3;

fn feed(mut hash: u64, bytes: &[u8]) -> u64 {
    for b in bytes {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(PRIME);
    }
    hash
}

impl Fingerprint {
    /// The fingerprint of `texts`, in order. Each text's length goes in too, so moving a
    /// boundary between two texts changes it.
    pub fn of<'a>(texts: impl IntoIterator<Item = &'a str>) -> Fingerprint {
        let mut hash = OFFSET;
        for text in texts {
            hash = feed(hash, &(text.len() as u64).to_le_bytes());
            hash = feed(hash, text.as_bytes());
        }
        Fingerprint(format!("{hash:016x}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_value_and_order_matter() {
        // FNV-1a 64 of the empty input is its offset basis.
        assert_eq!(Fingerprint::of([]).0, "cbf29ce484222325");
        assert_ne!(Fingerprint::of(["a", "b"]), Fingerprint::of(["b", "a"]));
        assert_ne!(Fingerprint::of(["ab", ""]), Fingerprint::of(["a", "b"]));
        assert_eq!(Fingerprint::of(["x", "y"]), Fingerprint::of(["x", "y"]));
    }

    proptest! {
        #[test]
        fn any_change_to_one_text_changes_the_fingerprint(a in "\\PC{0,40}", b in "\\PC{0,40}", extra in "\\PC{1,3}") {
            let before = Fingerprint::of([a.as_str(), b.as_str()]);
            let changed = format!("{b}{extra}");
            prop_assert_ne!(before.clone(), Fingerprint::of([a.as_str(), changed.as_str()]));
            prop_assert_eq!(before.0.len(), 16);
        }
    }
}
