// The flag bits of the character-class table (see `build.rs`). Included by `build.rs`, which
// fills the table, and by `chars.rs`, which reads it, so the two cannot disagree.

/// `\p{L}` (general category group Letter, from `unicode-properties`).
const LETTER: u8 = 1;
/// `\p{M}` (group Mark).
const MARK: u8 = 1 << 1;
/// `\p{N}` (group Number).
const NUMBER: u8 = 1 << 2;
/// `\p{P}` (group Punctuation).
const PUNCTUATION: u8 = 1 << 3;
/// `char::is_alphabetic` (the derived `Alphabetic` property, from `std`).
const ALPHABETIC: u8 = 1 << 4;
/// `char::is_numeric` (from `std`).
const NUMERIC: u8 = 1 << 5;
/// `Emoji=Yes` (`unicode-properties`).
const EMOJI: u8 = 1 << 6;
