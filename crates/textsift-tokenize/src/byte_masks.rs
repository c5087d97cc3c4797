//! Three byte classes of a 64-byte window of text as bit masks: ASCII word bytes
//! (`[A-Za-z0-9_]`), ASCII letters and spaces. Computed sixteen bytes at a time with SIMD: `wide` picks SSE2,
//! NEON or WebAssembly SIMD where the target has it, and plain arrays elsewhere.
//!
//! Why: plain words (ASCII letters up to a space) are most of the tokens in social text, and
//! numbers, hashtags and mentions made of ASCII word bytes are common. With a window's masks in
//! hand, finding where such a token ends and whether a space follows it is one
//! `trailing_zeros`, and one window serves every token in it. Scanning each token's bytes anew,
//! eight at a time, cost a hard-to-predict branch on its length: with the windows the `social`
//! scanner went from about 275 to 380 MB/s on sample posts, and from 305 to 410 MB/s on a long
//! document (one core, `examples/throughput.rs`). Text made of edge cases, where few tokens are
//! such, runs as fast as before.

use wide::u8x16;

/// The bytes a window covers.
pub(crate) const WINDOW: usize = 64;

/// The classes of a window's bytes: bit `k` describes byte `k` from the window's start. Bytes
/// past the end of the text count as spaces, so that a word that ends the text ends as a word
/// before a space does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct WindowMasks {
    /// ASCII letters, digits and `_`.
    pub(crate) word: u64,
    /// ASCII letters.
    pub(crate) letter: u64,
    /// `' '` (U+0020), and the bytes past the end of the text.
    pub(crate) space: u64,
}

impl WindowMasks {
    /// The masks of the (up to) 64 bytes at the start of `bytes`.
    #[inline]
    pub(crate) fn of(bytes: &[u8]) -> Self {
        match bytes.first_chunk::<WINDOW>() {
            Some(window) => Self::of_window(window),
            None => Self::of_tail(bytes),
        }
    }

    /// The last window of a text, padded with spaces.
    #[inline]
    fn of_tail(bytes: &[u8]) -> Self {
        let mut padded = [b' '; WINDOW];
        padded[..bytes.len()].copy_from_slice(bytes);
        Self::of_window(&padded)
    }

    #[inline(always)]
    fn of_window(window: &[u8; WINDOW]) -> Self {
        let mut masks = WindowMasks {
            word: 0,
            letter: 0,
            space: 0,
        };
        for (k, lane) in window.chunks_exact(16).enumerate() {
            let v = u8x16::from(<[u8; 16]>::try_from(lane).unwrap_or([b' '; 16]));
            let (word, letter, space) = lane_masks(v);
            masks.word |= word << (16 * k);
            masks.letter |= letter << (16 * k);
            masks.space |= space << (16 * k);
        }
        masks
    }
}

/// The word, letter and space masks of sixteen bytes (bit `k` for byte `k`).
#[inline(always)]
fn lane_masks(v: u8x16) -> (u64, u64, u64) {
    let zero = u8x16::splat(0);
    // `lo <= x <= hi` as `(x - lo) saturating_sub (hi - lo) == 0`, in wrapping bytes: bytes
    // below `lo` wrap to large values, and no byte from 0x80 (of UTF-8 sequences) lands in range.
    let in_range = |x: u8x16, lo: u8, hi: u8| {
        (x - u8x16::splat(lo))
            .saturating_sub(u8x16::splat(hi - lo))
            .cmp_eq(zero)
    };
    let letters = in_range(v | u8x16::splat(0x20), b'a', b'z');
    let digits = in_range(v, b'0', b'9');
    let underscore = v.cmp_eq(u8x16::splat(b'_'));
    let word = (letters | digits | underscore).move_mask() as u16;
    let letter = letters.move_mask() as u16;
    let space = v.cmp_eq(u8x16::splat(b' ')).move_mask() as u16;
    (u64::from(word), u64::from(letter), u64::from(space))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scalar(bytes: &[u8]) -> WindowMasks {
        let mut m = WindowMasks {
            word: 0,
            letter: 0,
            space: 0,
        };
        for k in 0..WINDOW {
            let b = bytes.get(k).copied().unwrap_or(b' ');
            m.word |= u64::from(b.is_ascii_alphanumeric() || b == b'_') << k;
            m.letter |= u64::from(b.is_ascii_alphabetic()) << k;
            m.space |= u64::from(b == b' ') << k;
        }
        m
    }

    #[test]
    fn masks_match_the_byte_classes() {
        // Every byte value in every lane position, and windows shorter than 64 bytes.
        for start in 0..=255u8 {
            let bytes: Vec<u8> = (0..WINDOW as u32)
                .map(|k| start.wrapping_add((k * 37) as u8))
                .collect();
            for len in [0, 1, 15, 16, 17, 33, 63, 64] {
                assert_eq!(
                    WindowMasks::of(&bytes[..len]),
                    scalar(&bytes[..len]),
                    "{start} {len}"
                );
            }
        }
        let text = "Loved it 😍 #fyp @tt_fan https://x.io :) naïve 10k_views ";
        assert_eq!(WindowMasks::of(text.as_bytes()), scalar(text.as_bytes()));
    }
}
