//! Short strings packed into one integer, for hash maps of tokens.
//!
//! Most tokens are short. A string of up to 15 bytes packs with its length into a `u128`, so that
//! a map keyed by tokens hashes two machine words and compares integers instead of hashing and
//! comparing bytes (and, for owned keys, instead of following each probe to the key's bytes
//! elsewhere in memory). The TF-IDF vocabulary and the Python bindings' de-duplication of token
//! texts key their maps this way; [`PackedMap`] is such a map for any other use (VADER's
//! vocabulary, YAKE's word forms).
//!
//! ```
//! use textsift_tokenize::packed::{pack, unpack};
//! let key = pack("héllo").unwrap();
//! assert_eq!(unpack(key, &mut [0; 16]), "héllo");
//! assert_ne!(pack("hello"), pack("hellO"));
//! assert_eq!(pack("sixteen bytes!!!"), None); // too long to pack
//! ```

use std::borrow::Borrow;
use std::hash::Hash;

use rustc_hash::FxHashMap;

/// The bytes of `s` in little-endian order (zero-padded) with its length in the top byte, or
/// `None` if `s` is longer than 15 bytes. Read with (overlapping) word loads rather than a byte
/// copy, since this runs once per token.
#[inline]
pub fn pack(s: &str) -> Option<u128> {
    let b = s.as_bytes();
    let n = b.len();
    let word = |at: usize| -> u64 {
        b.get(at..at + 8)
            .and_then(|s| s.try_into().ok())
            .map_or(0, u64::from_le_bytes)
    };
    let half = |at: usize| -> u64 {
        b.get(at..at + 4)
            .and_then(|s| s.try_into().ok())
            .map_or(0, |w| u64::from(u32::from_le_bytes(w)))
    };
    let byte = |at: usize| u64::from(b.get(at).copied().unwrap_or(0));
    let (lo, hi) = match n {
        0 => (0, 0),
        1..=3 => (
            byte(0) | byte(n / 2) << (8 * (n / 2)) | byte(n - 1) << (8 * (n - 1)),
            0,
        ),
        4..=7 => (half(0) | (half(n - 4) >> (8 * (8 - n))) << 32, 0),
        8..=15 => (
            word(0),
            word(n - 8).checked_shr(8 * (16 - n) as u32).unwrap_or(0),
        ),
        _ => return None,
    };
    Some(u128::from(lo) | u128::from(hi) << 64 | (n as u128) << 120)
}

/// The string that [`pack`] packed into `key`, its bytes copied into `buf`.
pub fn unpack(key: u128, buf: &mut [u8; 16]) -> &str {
    *buf = key.to_le_bytes();
    let len = usize::from(buf[15]).min(15);
    // A key from `pack` holds a whole `str`; anything else decodes as far as it is valid.
    match std::str::from_utf8(&buf[..len]) {
        Ok(s) => s,
        Err(e) => std::str::from_utf8(&buf[..e.valid_up_to()]).unwrap_or_default(),
    }
}

/// A hash map from strings to `V` whose keys of up to 15 bytes are stored [`pack`]ed; longer
/// keys are stored as `K` (`Box<str>`, `String`, or `&str` borrowed from a text that outlives
/// the map).
///
/// ```
/// use textsift_tokenize::packed::PackedMap;
/// let mut forms: PackedMap<&str, u32> = PackedMap::default();
/// let text = "the cat saw the internationalisation of the cat";
/// let ids: Vec<u32> = text
///     .split(' ')
///     .map(|w| {
///         let next = forms.len() as u32;
///         *forms.get_or_insert_with(w, || w, || next)
///     })
///     .collect();
/// assert_eq!(ids, [0, 1, 2, 0, 3, 4, 0, 1]);
/// assert_eq!(forms.get("internationalisation"), Some(&3));
/// assert_eq!(forms.get("dog"), None);
/// ```
#[derive(Debug, Clone)]
pub struct PackedMap<K, V> {
    short: FxHashMap<u128, V>,
    long: FxHashMap<K, V>,
}

impl<K, V> Default for PackedMap<K, V> {
    fn default() -> Self {
        PackedMap {
            short: FxHashMap::default(),
            long: FxHashMap::default(),
        }
    }
}

impl<K: Borrow<str> + Hash + Eq, V> PackedMap<K, V> {
    /// An empty map with room for `n` short keys.
    pub fn with_capacity(n: usize) -> Self {
        let mut map = PackedMap::default();
        map.short.reserve(n);
        map
    }

    /// The number of keys.
    pub fn len(&self) -> usize {
        self.short.len() + self.long.len()
    }

    /// Whether the map is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The value of `key`.
    #[inline]
    pub fn get(&self, key: &str) -> Option<&V> {
        match pack(key) {
            Some(k) => self.short.get(&k),
            None => self.long.get(key),
        }
    }

    /// The value of `key`, inserting `value()` first if `key` is new. A key too long to pack is
    /// looked up as `make_key()` (made on every such call: cheap for a borrowed `&str`).
    #[inline]
    pub fn get_or_insert_with(
        &mut self,
        key: &str,
        make_key: impl FnOnce() -> K,
        value: impl FnOnce() -> V,
    ) -> &mut V {
        match pack(key) {
            Some(k) => self.short.entry(k).or_insert_with(value),
            None => self.long.entry(make_key()).or_insert_with(value),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Packing is the little-endian bytes with the length on top, for every length, and
    /// unpacking gives the string back.
    #[test]
    fn pack_is_the_padded_bytes_and_length() {
        let text = "abcdefghijklmnopé";
        for end in 0..=text.len() {
            let Some(s) = text.get(..end) else { continue };
            let mut bytes = [0u8; 16];
            match pack(s) {
                Some(key) => {
                    bytes[..s.len()].copy_from_slice(s.as_bytes());
                    bytes[15] = s.len() as u8;
                    assert_eq!(key, u128::from_le_bytes(bytes), "{s:?}");
                    assert_eq!(unpack(key, &mut [0; 16]), s);
                }
                None => assert!(s.len() > 15),
            }
        }
        // Trailing NUL bytes are kept apart from padding by the length.
        assert_ne!(pack("a"), pack("a\0"));
    }
}
