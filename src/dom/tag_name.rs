//! Tag names as the pre-scan (`nesting`) compares them: folded to lower
//! case and packed into one integer, so that checking a name against a
//! list of names, or against an open element's, is a compare of numbers,
//! and counting start tags per name needs no allocation and a cheap hash.
//! The scan reads every tag of every page: comparing bytes without case
//! against each list and hashing lower-cased copies with SipHash cost
//! about a third of its work.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Bytes a packed name holds: every standard tag name fits (the longest,
/// `figcaption` and `blockquote`, have 10). Longer names (custom elements)
/// are compared byte by byte instead.
const PACKED_BYTES: usize = 16;

/// A name's packed form: its bytes in lower case, zero-padded. Tag names
/// as the scan reads them hold no zero byte, so two names of different
/// lengths never pack alike. `0` marks a name too long to pack.
pub(super) const fn key(name: &[u8]) -> u128 {
    if name.len() > PACKED_BYTES {
        return 0;
    }
    let (mut packed, mut shift, mut rest) = (0u128, 0u32, name);
    while let [first, tail @ ..] = rest {
        packed |= (first.to_ascii_lowercase() as u128) << shift;
        shift += 8;
        rest = tail;
    }
    packed
}

/// The packed forms of a list of names (all short enough to pack).
// Evaluated when the crate is built (the lists are constants), and the
// loop stays within both arrays.
#[allow(clippy::indexing_slicing)]
pub(super) const fn keys<const N: usize>(names: &[&str]) -> [u128; N] {
    let mut out = [0u128; N];
    let mut i = 0;
    while i < N && i < names.len() {
        out[i] = key(names[i].as_bytes());
        i += 1;
    }
    out
}

/// A tag name as written in the page, with its packed form.
#[derive(Debug, Clone, Copy)]
pub(super) struct Name<'a> {
    pub bytes: &'a [u8],
    pub key: u128,
}

impl<'a> Name<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> Self {
        Name {
            bytes,
            key: key(bytes),
        }
    }

    /// The same name, case aside.
    pub(super) fn is(&self, other: &Name<'_>) -> bool {
        self.key == other.key && (self.key != 0 || self.bytes.eq_ignore_ascii_case(other.bytes))
    }

    /// One of the names whose packed forms are `keys` (names too long to
    /// pack are in no list).
    pub(super) fn is_one_of(&self, keys: &[u128]) -> bool {
        self.key != 0 && keys.contains(&self.key)
    }
}

/// Counts per tag name: packed names in a map with a multiplicative hash,
/// names too long to pack (rare) in their own map, in lower case.
#[derive(Debug, Default)]
pub(super) struct Counts {
    packed: HashMap<u128, usize, BuildHasherDefault<KeyHasher>>,
    long: HashMap<Vec<u8>, usize>,
}

impl Counts {
    /// The count of `name`, created at zero when absent.
    pub(super) fn entry(&mut self, name: &Name<'_>) -> &mut usize {
        if name.key != 0 {
            return self.packed.entry(name.key).or_insert(0);
        }
        let lower = name.bytes.to_ascii_lowercase();
        self.long.entry(lower).or_insert(0)
    }

    /// The count of `name`, when it has one.
    pub(super) fn get_mut(&mut self, name: &Name<'_>) -> Option<&mut usize> {
        if name.key != 0 {
            return self.packed.get_mut(&name.key);
        }
        self.long.get_mut(&name.bytes.to_ascii_lowercase())
    }
}

/// A hasher for packed names: the two halves folded and multiplied by a
/// large odd constant (Fibonacci hashing), enough to spread tag names and
/// a fraction of SipHash's cost. Keys come from the page, but a map of at
/// most one entry per distinct tag name stays small whatever they collide
/// into.
#[derive(Debug, Default)]
pub(super) struct KeyHasher(u64);

/// 2^64 divided by the golden ratio, odd: multiplying by it spreads the
/// bits of a key over the high bits hashbrown reads.
const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(GOLDEN);
        }
    }

    fn write_u128(&mut self, n: u128) {
        // Truncations meant: the key's low and high halves.
        let (low, high) = (n as u64, (n >> 64) as u64);
        self.0 = (low ^ high.rotate_left(32)).wrapping_mul(GOLDEN);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_compare_without_case() {
        assert!(Name::new(b"DIV").is(&Name::new(b"div")));
        assert!(!Name::new(b"div").is(&Name::new(b"dl")));
        let long = b"my-very-long-custom-element";
        assert_eq!(key(long), 0);
        assert!(Name::new(long).is(&Name::new(b"MY-VERY-LONG-CUSTOM-ELEMENT")));
        assert!(!Name::new(long).is(&Name::new(b"my-very-long-custom-elemenT2")));
        const LIST: [u128; 2] = keys(&["b", "em"]);
        assert!(Name::new(b"EM").is_one_of(&LIST));
        assert!(!Name::new(b"e").is_one_of(&LIST));
        let mut counts = Counts::default();
        *counts.entry(&Name::new(b"P")) += 1;
        *counts.entry(&Name::new(long)) += 1;
        assert_eq!(counts.get_mut(&Name::new(b"p")).copied(), Some(1));
        assert_eq!(
            counts
                .get_mut(&Name::new(&long.to_ascii_uppercase()))
                .copied(),
            Some(1)
        );
        assert!(counts.get_mut(&Name::new(b"div")).is_none());
    }
}
