//! Short strings packed into one integer, for hash maps of tokens.
//!
//! Most tokens are short. A string of up to 15 bytes packs with its length into a `u128`, so that
//! a map keyed by tokens hashes two machine words and compares integers instead of hashing and
//! comparing bytes. The TF-IDF vocabulary and the Python bindings' de-duplication of token texts
//! both key their maps this way.
//!
//! ```
//! use textsift_tokenize::packed::{pack, unpack};
//! let key = pack("héllo").unwrap();
//! assert_eq!(unpack(key, &mut [0; 16]), "héllo");
//! assert_ne!(pack("hello"), pack("hellO"));
//! assert_eq!(pack("sixteen bytes!!!"), None); // too long to pack
//! ```

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
