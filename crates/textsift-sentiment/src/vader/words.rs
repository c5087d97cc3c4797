//! From text to VADER's words: emoji replaced by their descriptions, whitespace split, punctuation
//! stripped from word ends, and each word looked up once in the vocabulary.

use std::borrow::Cow;

use textsift_tokenize::pystr;

use super::tables::{Entry, Tables};

/// Byte classes for the ASCII fast path: one table lookup tells all a byte's roles.
const SPACE: u8 = 1;
const UPPER: u8 = 2;
const LOWER: u8 = 4;
const PUNCT: u8 = 8;
const NON_ASCII: u8 = 16;

static CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = if c >= 0x80 {
            NON_ASCII
        } else if matches!(c, b'\t'..=b'\r' | 0x1c..=0x20) {
            SPACE
        } else if c.is_ascii_uppercase() {
            UPPER
        } else if c.is_ascii_lowercase() {
            LOWER
        } else if c.is_ascii_punctuation() {
            PUNCT
        } else {
            0
        };
        b += 1;
    }
    table
};

/// One word of the text as the rules see it.
#[derive(Debug, Clone)]
pub(crate) struct Word<'t> {
    /// The word lower-cased (`str.lower`), after VADER stripped outer punctuation (unless that
    /// left two characters or fewer, which keeps emoticons such as `:)` whole). Left empty for
    /// upper-case ASCII words outside every phrase, which no rule reads back.
    pub lower: Cow<'t, str>,
    /// What the vocabulary knows about `lower`.
    pub entry: Entry,
    /// `text.isupper()`.
    pub upper: bool,
    /// Whether the word negates (a negation word, or any word containing `n't`).
    pub negated: bool,
    /// Byte span of the word in the (emoji-replaced, stripped) text.
    pub start: usize,
    /// End of the span (exclusive).
    pub end: usize,
}

/// An emoji replaced by its description: where the description (with the space put before it)
/// sits in the new text, and where the emoji was in the original.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Piece {
    pub new_start: usize,
    pub new_end: usize,
    pub old_start: usize,
    pub old_end: usize,
}

/// Maps byte offsets of the emoji-replaced text back to the original text.
pub(crate) fn original_offset(pieces: &[Piece], new_offset: usize, is_end: bool) -> usize {
    // The last piece starting at or before the offset (for ends: strictly before it).
    let idx = pieces.partition_point(|p| {
        if is_end {
            p.new_start < new_offset
        } else {
            p.new_start <= new_offset
        }
    });
    let Some(piece) = idx.checked_sub(1).map(|i| pieces[i]) else {
        return new_offset;
    };
    if new_offset < piece.new_end || (is_end && new_offset == piece.new_end) {
        return if is_end {
            piece.old_end
        } else {
            piece.old_start
        };
    }
    new_offset - piece.new_end + piece.old_end
}

/// The text with emoji replaced by their descriptions.
///
/// Faithful (3.3.2): only single-code-point keys, looked up one character at a time, so
/// sequences (skin tones, ZWJ families, flags) are split and a variation selector stays glued to
/// the description (❤️ gives `red heart\u{fe0f}`); a space goes
/// before a description unless the previous character was a space (`' '` only), none after, so
/// `😁abc` becomes `... eyesabc`.
///
/// Corrected: the longest key at each position, sequences included; a variation selector after
/// a single emoji is absorbed; descriptions are separated from what follows as well.
pub(crate) fn replace_emoji<'t>(
    text: &'t str,
    tables: &Tables,
    corrected: bool,
    mut pieces: Option<&mut Vec<Piece>>,
) -> Cow<'t, str> {
    let ascii_keys = tables.emoji_ascii_keys;
    if !ascii_keys && text.is_ascii() {
        return Cow::Borrowed(text);
    }
    let emoji = &tables.emoji;
    let bytes = text.as_bytes();
    let mut out: Option<String> = None;
    // Bytes of `text` before `copied` are in `out` already; `replaced_end` is where the last
    // emoji ended (the character after it does not count as following a space).
    let mut copied = 0;
    let mut replaced_end = usize::MAX;
    let mut at = 0;
    while at < bytes.len() {
        // Without ASCII keys only non-ASCII characters can be emoji: jump to the next one.
        if !ascii_keys {
            match bytes[at..].iter().position(|&b| b >= 0x80) {
                Some(skip) => at += skip,
                None => break,
            }
        }
        let Some(c) = text[at..].chars().next() else {
            break;
        };
        let mut found: Option<(&str, usize)> = None;
        if corrected {
            if let Some(&longest) = tables.emoji_sequence_len.get(&c) {
                let mut ends = text[at..]
                    .char_indices()
                    .skip(1)
                    .take(longest)
                    .map(|(i, _)| at + i)
                    .collect::<Vec<_>>();
                ends.push(text.len());
                for n in (2..=longest.min(ends.len())).rev() {
                    if let Some(d) = emoji.get(&text[at..ends[n - 1]]) {
                        found = Some((d, ends[n - 1]));
                        break;
                    }
                }
            }
        }
        if found.is_none() {
            found = emoji.get_char(c).map(|d| (d, at + c.len_utf8()));
            if corrected {
                if let Some((d, end)) = found {
                    if text[end..].starts_with('\u{fe0f}') {
                        found = Some((d, end + 3));
                    }
                }
            }
        }
        let Some((description, end)) = found else {
            at += c.len_utf8();
            continue;
        };
        let buf = out.get_or_insert_with(|| String::with_capacity(text.len() + 32));
        if corrected
            && copied == replaced_end
            && copied < at
            && !text[copied..].starts_with(pystr::is_space)
        {
            // A description is separated from the text after it.
            buf.push(' ');
        }
        buf.push_str(&text[copied..at]);
        let new_start = buf.len();
        let need_space = if corrected {
            !buf.chars().next_back().is_none_or(pystr::is_space)
        } else {
            // 3.3.2: a space unless the previous character is ' ' (only that one), and never
            // right after another description.
            at > 0 && (at == replaced_end || bytes[at - 1] != b' ')
        };
        if need_space {
            buf.push(' ');
        }
        buf.push_str(description);
        if let Some(p) = pieces.as_deref_mut() {
            p.push(Piece {
                new_start,
                new_end: buf.len(),
                old_start: at,
                old_end: end,
            });
        }
        copied = end;
        replaced_end = end;
        at = end;
    }
    match out {
        Some(mut buf) => {
            if corrected
                && copied == replaced_end
                && copied < text.len()
                && !text[copied..].starts_with(pystr::is_space)
            {
                buf.push(' ');
            }
            buf.push_str(&text[copied..]);
            Cow::Owned(buf)
        }
        None => Cow::Borrowed(text),
    }
}

/// `_strip_punc_if_word`: outer ASCII punctuation removed, unless at most two characters remain
/// (which keeps emoticons, but also keeps `no,` and `ok!` whole, so 3.3.2 misses them).
/// Corrected: stripped unless the token itself is a lexicon key or nothing would remain.
fn strip_punctuation<'t>(token: &'t str, tables: &Tables, corrected: bool) -> &'t str {
    let bytes = token.as_bytes();
    // Fast exit: most tokens start and end with a letter.
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return token;
    };
    if CLASS[first as usize] & PUNCT == 0 && CLASS[last as usize] & PUNCT == 0 {
        return token;
    }
    let stripped = pystr::strip_ascii_punctuation(token);
    if corrected {
        if stripped.is_empty() || stripped.len() == token.len() {
            return if stripped.is_empty() { token } else { stripped };
        }
        let lower = pystr::lower(token);
        return if tables.lookup(&lower).valence.is_some() || tables.cased.contains_key(token) {
            token
        } else {
            stripped
        };
    }
    if stripped.chars().nth(2).is_none() {
        token
    } else {
        stripped
    }
}

/// The words of `text` (already emoji-replaced and stripped), with their lookups.
///
/// This is `str.split()`, `_strip_punc_if_word`, `str.lower()` and `str.isupper()` fused into one
/// pass over each ASCII token (the common case); other tokens take the general path.
pub(crate) fn words<'t>(text: &'t str, tables: &Tables, corrected: bool) -> Vec<Word<'t>> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let mut scratch = String::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] < 0x80 {
            if pystr::is_ascii_space(bytes[i]) {
                i += 1;
                continue;
            }
        } else if let Some(n) = pystr::space_at(&text[i..]) {
            i += n;
            continue;
        }
        let start = i;
        let mut ascii = true;
        let mut seen = 0u8;
        while i < bytes.len() {
            let class = CLASS[bytes[i] as usize];
            if class & NON_ASCII == 0 {
                if class & SPACE != 0 {
                    break;
                }
                seen |= class;
                i += 1;
            } else {
                if pystr::space_at(&text[i..]).is_some() {
                    break;
                }
                ascii = false;
                i += text[i..].chars().next().map_or(1, char::len_utf8);
            }
        }
        let token = &text[start..i];
        if ascii {
            out.push(ascii_word(
                token,
                start,
                seen & UPPER != 0,
                seen & LOWER != 0,
                tables,
                corrected,
                &mut scratch,
            ));
        } else {
            out.push(general_word(token, start, tables, corrected));
        }
    }
    out
}

/// An ASCII token: punctuation is uncased, so the case flags of the token are those of the word.
fn ascii_word<'t>(
    token: &'t str,
    token_start: usize,
    has_upper: bool,
    has_lower: bool,
    tables: &Tables,
    corrected: bool,
    scratch: &mut String,
) -> Word<'t> {
    let word = strip_punctuation(token, tables, corrected);
    let start = token_start + (word.as_ptr() as usize - token.as_ptr() as usize);
    let (mut entry, lower) = if !has_upper {
        (tables.lookup(word), Cow::Borrowed(word))
    } else {
        scratch.clear();
        scratch.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        let entry = tables.lookup(scratch);
        // Only phrase rules read the lower-cased form back; other words need no copy.
        let lower = if entry.in_phrase {
            Cow::Owned(scratch.clone())
        } else {
            Cow::Borrowed("")
        };
        (entry, lower)
    };
    if corrected && has_upper {
        if let Some(&valence) = tables.cased.get(word) {
            entry.valence = Some(valence);
        }
    }
    let negated = entry.negation || lower_has_nt(&lower, word.as_bytes());
    Word {
        upper: has_upper && !has_lower,
        lower,
        entry,
        negated,
        start,
        end: start + word.len(),
    }
}

fn general_word<'t>(
    token: &'t str,
    token_start: usize,
    tables: &Tables,
    corrected: bool,
) -> Word<'t> {
    let word = strip_punctuation(token, tables, corrected);
    let start = token_start + (word.as_ptr() as usize - token.as_ptr() as usize);
    let lower = pystr::lower(word);
    let mut entry = tables.lookup(&lower);
    if corrected {
        if let Some(&valence) = tables.cased.get(word) {
            entry.valence = Some(valence);
        }
    }
    let negated = entry.negation || lower_has_nt(&lower, word.as_bytes());
    Word {
        upper: pystr::is_upper(word),
        lower,
        entry,
        negated,
        start,
        end: start + word.len(),
    }
}

/// Corrected mode: multi-word lexicon entries ("can't stand", "fed up") become one word with the
/// entry's valence; 3.3.2 looks words up one at a time and never finds them.
pub(crate) fn merge_lexicon_phrases(words: &mut Vec<Word<'_>>, tables: &Tables) {
    if tables.lexicon_phrases.is_empty() || !words.iter().any(|w| w.entry.starts_lexicon_phrase) {
        return;
    }
    let mut merged = Vec::with_capacity(words.len());
    let mut i = 0;
    let mut key = String::new();
    while i < words.len() {
        let mut taken = None;
        if words[i].entry.starts_lexicon_phrase {
            for n in (2..=tables.lexicon_phrase_words.min(words.len() - i)).rev() {
                let run = &words[i..i + n];
                if !run.iter().all(|w| w.entry.in_phrase) {
                    continue;
                }
                key.clear();
                for (k, w) in run.iter().enumerate() {
                    if k > 0 {
                        key.push(' ');
                    }
                    key.push_str(&w.lower);
                }
                if let Some(&valence) = tables.lexicon_phrases.get(key.as_str()) {
                    taken = Some((n, valence));
                    break;
                }
            }
        }
        match taken {
            Some((n, valence)) => {
                let run = &words[i..i + n];
                merged.push(Word {
                    lower: Cow::Owned(key.clone()),
                    entry: Entry {
                        valence: Some(valence),
                        ..Entry::default()
                    },
                    upper: run.iter().all(|w| w.upper),
                    negated: false,
                    start: run[0].start,
                    end: run[n - 1].end,
                });
                i += n;
            }
            None => {
                merged.push(words[i].clone());
                i += 1;
            }
        }
    }
    *words = merged;
}

/// Whether the lower-cased word contains `n't` (ASCII words are checked on their original
/// bytes, since lower-casing `N'T` gives `n't`).
fn lower_has_nt(lower: &str, original: &[u8]) -> bool {
    let haystack = if original.is_ascii() {
        original
    } else {
        lower.as_bytes()
    };
    haystack.windows(3).any(|w| {
        w[0].eq_ignore_ascii_case(&b'n') && w[1] == b'\'' && w[2].eq_ignore_ascii_case(&b't')
    })
}

/// `allcap_differential`: some, but not all, words are ALL CAPS.
pub(crate) fn cap_differential(words: &[Word<'_>]) -> bool {
    let upper = words.iter().filter(|w| w.upper).count();
    let rest = words.len() - upper;
    0 < rest && rest < words.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::{EmojiTable, Lexicon};

    fn tables() -> Tables {
        Tables::new(Lexicon::vader().clone(), EmojiTable::vader().clone())
    }

    #[test]
    fn emoji_descriptions_are_spliced_as_vader_does() {
        let t = tables();
        assert_eq!(
            replace_emoji("so 😁!", &t, false, None),
            "so beaming face with smiling eyes!"
        );
        assert_eq!(
            replace_emoji("a😁b", &t, false, None),
            "a beaming face with smiling eyesb"
        );
        assert!(matches!(
            replace_emoji("plain", &t, false, None),
            Cow::Borrowed(_)
        ));
        // 3.3.2 cannot see the heart with its variation selector.
        assert_eq!(
            replace_emoji("I ❤️ it", &t, false, None),
            "I red heart\u{fe0f} it"
        );
        assert_eq!(replace_emoji("I ❤️ it", &t, true, None), "I red heart it");
        assert_eq!(
            replace_emoji("a😁b", &t, true, None),
            "a beaming face with smiling eyes b"
        );
    }

    #[test]
    fn offsets_map_back_through_descriptions() {
        let t = tables();
        let mut pieces = Vec::new();
        let text = "ok 😁 yes";
        let new = replace_emoji(text, &t, false, Some(&mut pieces));
        let yes = new.rfind("yes").unwrap();
        assert_eq!(
            original_offset(&pieces, yes, false),
            text.find("yes").unwrap()
        );
        let face = new.find("face").unwrap();
        assert_eq!(original_offset(&pieces, face, false), 3);
        assert_eq!(original_offset(&pieces, face + 4, true), 7);
    }

    #[test]
    fn punctuation_is_stripped_unless_little_is_left() {
        let t = tables();
        assert_eq!(strip_punctuation("great!!!", &t, false), "great");
        assert_eq!(strip_punctuation(":)", &t, false), ":)");
        assert_eq!(strip_punctuation("(ok)", &t, false), "(ok)");
        assert_eq!(strip_punctuation("'yes'", &t, false), "yes");
        assert_eq!(strip_punctuation("ok!", &t, false), "ok!");
        assert_eq!(strip_punctuation("ok!", &t, true), "ok");
        assert_eq!(strip_punctuation(":)", &t, true), ":)");
        assert_eq!(strip_punctuation("<3", &t, true), "<3");
    }
}
