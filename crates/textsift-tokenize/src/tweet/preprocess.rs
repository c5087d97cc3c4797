//! The rewrites NLTK's `TweetTokenizer` applies before matching, each as a linear scanner.

use super::entities::NAMED_ENTITIES;
use super::TweetOptions;
use crate::chars::{is_letter, is_number};
use crate::rewrite::{Rewriter, Rewritten};

/// One rewrite step: the text (and its map back to the original, if already rewritten) in, a new
/// rewritten text out, or `None` when the step changes nothing.
type Step = fn(&str, Option<&[usize]>) -> Option<Rewritten>;

/// Applies, in NLTK's order, entity decoding, handle stripping, length reduction and the
/// "hang" guard. Returns `None` when the text is unchanged (the common case: no copy, no map).
pub(crate) fn preprocess(text: &str, options: &TweetOptions) -> Option<Rewritten> {
    let mut current: Option<Rewritten> = None;
    let steps: [(bool, Step); 4] = [
        (true, decode_entities),
        (options.strip_handles, strip_handles),
        (options.reduce_len, reduce_lengthening),
        (true, cut_hanging_runs),
    ];
    for (enabled, step) in steps {
        if !enabled {
            continue;
        }
        let next = match &current {
            Some(r) => step(&r.text, Some(&r.map)),
            None => step(text, None),
        };
        if next.is_some() {
            current = next;
        }
    }
    current
}

/// NLTK's `_replace_html_entities` with `remove_illegal=True`: `&name;`, `&#123;` and `&#x1f;`
/// become characters; anything that looks like an entity but cannot be converted is removed.
fn decode_entities(src: &str, map: Option<&[usize]>) -> Option<Rewritten> {
    let bytes = src.as_bytes();
    let mut out: Option<Rewriter> = None;
    let mut copied = 0;
    let mut search = 0;
    while let Some(rel) = memchr::memchr(b'&', &bytes[search..]) {
        let amp = search + rel;
        // The body is the run of characters other than `&`, `;` and (regex) whitespace.
        let body_start = amp + 1;
        let mut end = body_start;
        for c in src[body_start..].chars() {
            if c == '&' || c == ';' || c.is_whitespace() {
                break;
            }
            end += c.len_utf8();
        }
        if end == body_start || bytes.get(end) != Some(&b';') {
            search = amp + 1;
            continue;
        }
        let body = &src[body_start..end];
        let replacement = convert_entity(body);
        let w = out.get_or_insert_with(|| Rewriter::new(src, map));
        w.copy(copied, amp);
        let mut buf = [0u8; 4];
        w.replace(amp, replacement.map_or("", |c| c.encode_utf8(&mut buf)));
        copied = end + 1;
        search = end + 1;
    }
    out.map(|mut w| {
        w.copy(copied, src.len());
        w.finish()
    })
}

/// The character an entity body (the text between `&` and `;`) stands for, as NLTK decides it.
fn convert_entity(body: &str) -> Option<char> {
    // NLTK's pattern is `&(#?(x?))([^&;\s]+);`: prefer `#`, then `x`, as long as a body remains.
    let (numeric, hex, digits) = match body.strip_prefix('#') {
        Some(rest) => match rest.strip_prefix('x') {
            Some(d) if !d.is_empty() => (true, true, d),
            _ if !rest.is_empty() => (true, false, rest),
            _ => (false, false, body),
        },
        None => match body.strip_prefix('x') {
            Some(d) if !d.is_empty() => (true, true, d),
            _ => (false, false, body),
        },
    };
    if !numeric {
        let i = NAMED_ENTITIES
            .binary_search_by(|(name, _)| (*name).cmp(body))
            .ok()?;
        return char::from_u32(NAMED_ENTITIES[i].1);
    }
    let n = parse_python_int(digits, if hex { 16 } else { 10 })?;
    if (0x80..=0x9F).contains(&n) {
        return cp1252(n as u8);
    }
    let n = u32::try_from(n).ok().filter(|&n| n <= 0x10FFFF)?;
    // Python can hold a lone surrogate; a Rust string cannot, so it becomes U+FFFD.
    Some(char::from_u32(n).unwrap_or('\u{FFFD}'))
}

/// Python's `int(s, base)` for bases 10 and 16, returning `None` where Python raises.
fn parse_python_int(s: &str, base: u32) -> Option<i128> {
    // `int()` strips Unicode `White_Space` only: U+001C..U+001F, which `str.isspace()` also
    // counts as space, make it raise (and NLTK then drops the entity).
    let s = s.trim_matches(char::is_whitespace);
    let (negative, s) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let s = if base == 16 {
        s.strip_prefix("0x")
            .or_else(|| s.strip_prefix("0X"))
            .map_or(s, |r| r.strip_prefix('_').unwrap_or(r))
    } else {
        s
    };
    let mut value: i128 = 0;
    let mut last_was_digit = false;
    let mut any = false;
    for c in s.chars() {
        if c == '_' {
            if !last_was_digit {
                return None;
            }
            last_was_digit = false;
            continue;
        }
        let d = if c.is_ascii() {
            c.to_digit(base)?
        } else {
            unicode_decimal_value(c)?
        };
        value = value.checked_mul(base as i128)?.checked_add(d as i128)?;
        last_was_digit = true;
        any = true;
    }
    if !any || !last_was_digit {
        return None;
    }
    Some(if negative { -value } else { value })
}

/// The value of a non-ASCII decimal digit (`Nd`): digits come in aligned runs of ten.
fn unicode_decimal_value(c: char) -> Option<u32> {
    use unicode_properties::GeneralCategory;
    let is_nd = |c: char| crate::general_category(c) == GeneralCategory::DecimalNumber;
    if !is_nd(c) {
        return None;
    }
    let mut cp = c as u32;
    let mut k = 0;
    while cp > 0 && char::from_u32(cp - 1).is_some_and(is_nd) {
        cp -= 1;
        k += 1;
    }
    Some(k % 10)
}

/// Windows-1252 bytes 0x80..=0x9F; the five undefined ones fail as in Python's codec.
fn cp1252(b: u8) -> Option<char> {
    const TABLE: [u32; 32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
        0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC,
        0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ];
    let cp = TABLE[(b - 0x80) as usize];
    if cp == 0 {
        None
    } else {
        char::from_u32(cp)
    }
}

#[inline]
fn is_handle_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// NLTK's `remove_handles`: `@` plus up to 15 handle characters, not preceded by a handle
/// character or one of `!@#$%&*`, and not part of an e-mail-like `@…@`, becomes one space.
fn strip_handles(src: &str, map: Option<&[usize]>) -> Option<Rewritten> {
    let bytes = src.as_bytes();
    let mut out: Option<Rewriter> = None;
    let mut copied = 0;
    let mut i = 0;
    while let Some(rel) = memchr::memchr(b'@', &bytes[i..]) {
        let at = i + rel;
        i = at + 1;
        if at < copied {
            continue;
        }
        let preceded = at > 0 && {
            let p = bytes[at - 1];
            is_handle_char(p) || matches!(p, b'!' | b'@' | b'#' | b'$' | b'%' | b'&' | b'*')
        };
        if preceded {
            continue;
        }
        let run = bytes[at + 1..]
            .iter()
            .take_while(|&&b| is_handle_char(b))
            .count();
        let after_run = bytes.get(at + 1 + run).copied();
        let take = if run >= 15 {
            if run == 15 && after_run == Some(b'@') {
                0
            } else {
                15
            }
        } else if run >= 1 && after_run != Some(b'@') {
            run
        } else {
            0
        };
        if take == 0 {
            continue;
        }
        let w = out.get_or_insert_with(|| Rewriter::new(src, map));
        w.copy(copied, at);
        w.replace(at, " ");
        copied = at + 1 + take;
        i = copied;
    }
    out.map(|mut w| {
        w.copy(copied, src.len());
        w.finish()
    })
}

/// Cuts runs of one repeated character to three, for runs of at least `min_run` characters that
/// satisfy `applies`. Shared by NLTK's `reduce_lengthening` and its `HANG_RE` guard.
fn cut_runs(
    src: &str,
    map: Option<&[usize]>,
    min_run: usize,
    applies: fn(char) -> bool,
) -> Option<Rewritten> {
    let mut out: Option<Rewriter> = None;
    let mut copied = 0;
    let mut chars = src.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let mut count = 1;
        let mut third_end = start + c.len_utf8();
        let mut run_end = third_end;
        while let Some(&(i, d)) = chars.peek() {
            if d != c {
                break;
            }
            count += 1;
            run_end = i + d.len_utf8();
            if count <= 3 {
                third_end = run_end;
            }
            chars.next();
        }
        if count >= min_run && applies(c) {
            let w = out.get_or_insert_with(|| Rewriter::new(src, map));
            w.copy(copied, third_end);
            copied = run_end;
        }
    }
    out.map(|mut w| {
        w.copy(copied, src.len());
        w.finish()
    })
}

/// NLTK's `reduce_lengthening`: `(.)\1{2,}` becomes three of the character (`.` is not `\n`).
fn reduce_lengthening(src: &str, map: Option<&[usize]>) -> Option<Rewritten> {
    cut_runs(src, map, 3, |c| c != '\n')
}

/// NLTK's `HANG_RE`: `([^\p{L}\p{N}])\1{3,}` becomes three of the character.
fn cut_hanging_runs(src: &str, map: Option<&[usize]>) -> Option<Rewritten> {
    cut_runs(src, map, 4, |c| !is_letter(c) && !is_number(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_follow_python() {
        assert_eq!(convert_entity("amp"), Some('&'));
        assert_eq!(convert_entity("#65"), Some('A'));
        assert_eq!(convert_entity("#x41"), Some('A'));
        assert_eq!(convert_entity("#X41"), None);
        assert_eq!(convert_entity("#x0x41"), Some('A'));
        assert_eq!(convert_entity("#1_0_0"), Some('d'));
        assert_eq!(convert_entity("#150"), Some('–'));
        assert_eq!(convert_entity("#129"), None);
        assert_eq!(convert_entity("xi"), None);
        assert_eq!(convert_entity("nosuch"), None);
        assert_eq!(convert_entity("#-5"), None);
        assert_eq!(convert_entity("#٣"), Some('\u{3}'));
        assert_eq!(convert_entity("# 65\u{2003}"), Some('A'));
        assert_eq!(convert_entity("#65\u{1c}"), None);
        assert_eq!(convert_entity("#x\u{1f}41"), None);
    }

    #[test]
    fn runs() {
        let r = reduce_lengthening("waaaaay", None).map(|r| r.text);
        assert_eq!(r.as_deref(), Some("waaay"));
        assert!(cut_hanging_runs("aaaa!!!", None).is_none());
        assert_eq!(
            cut_hanging_runs("no!!!!!!", None)
                .map(|r| r.text)
                .as_deref(),
            Some("no!!!")
        );
    }
}
