//! Byte offsets to character (code point) offsets, which is what Python string indices are.
//!
//! ```
//! use textsift_tokenize::offsets::CharOffsets;
//! let text = "né 😂 ok";
//! let mut conv = CharOffsets::new(text);
//! assert_eq!(conv.char_offset(text.find("ok").unwrap()), 5);
//! ```

/// Converts byte offsets of one text into code point offsets. Cheapest when offsets come in
/// increasing order (as token spans do); any order is correct.
#[derive(Debug, Clone)]
pub struct CharOffsets<'a> {
    text: &'a str,
    ascii: bool,
    byte: usize,
    chars: usize,
}

impl<'a> CharOffsets<'a> {
    /// A converter for `text`.
    pub fn new(text: &'a str) -> Self {
        CharOffsets {
            text,
            ascii: text.is_ascii(),
            byte: 0,
            chars: 0,
        }
    }

    /// The code point offset of byte offset `byte` (which must be a char boundary; offsets past
    /// the end are clamped).
    pub fn char_offset(&mut self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        if self.ascii {
            return byte;
        }
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        let between = &self.text.as_bytes()[self.byte..byte];
        self.chars += between.iter().filter(|&&b| (b as i8) >= -0x40).count();
        self.byte = byte;
        self.chars
    }
}
