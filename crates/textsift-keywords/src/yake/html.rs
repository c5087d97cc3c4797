//! Python's `html.unescape`, which segtok's web tokenizer applies to every span outside URLs and
//! e-mail addresses: named references of HTML5 (with the legacy forms that need no `;` and the
//! longest-prefix rule), decimal and hexadecimal references with the HTML5 parser's
//! replacements.

use std::borrow::Cow;

use super::html_entities::{INVALID_CHARREFS, INVALID_CODEPOINTS, NAMED};

fn named(name: &str) -> Option<&'static str> {
    NAMED
        .binary_search_by(|(k, _)| (*k).cmp(name))
        .ok()
        .map(|i| NAMED[i].1)
}

/// Replaces the character references of `text` as `html.unescape` does.
///
/// ```ignore
/// assert_eq!(unescape("Tom &amp; Jerry &lt;3 &#128512; &ampx"), "Tom & Jerry <3 😀 &x");
/// ```
pub(crate) fn unescape(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        match reference(after) {
            Some((consumed, replacement)) => {
                out.push_str(&replacement);
                rest = &after[consumed..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The reference at the start of `s` (just after `&`): bytes consumed and its replacement, or
/// `None` when the pattern `#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?` does not match.
fn reference(s: &str) -> Option<(usize, String)> {
    let bytes = s.as_bytes();
    if bytes.first() == Some(&b'#') {
        let (digits_start, radix) = match bytes.get(1) {
            Some(b'x' | b'X') => (2, 16),
            _ => (1, 10),
        };
        let digits = bytes[digits_start..]
            .iter()
            .take_while(|b| {
                if radix == 16 {
                    b.is_ascii_hexdigit()
                } else {
                    b.is_ascii_digit()
                }
            })
            .count();
        if digits == 0 {
            // `&#x` without hex digits: the decimal form cannot match either (the `x` is not a digit).
            return None;
        }
        let end = digits_start + digits;
        let consumed = if bytes.get(end) == Some(&b';') {
            end + 1
        } else {
            end
        };
        let num = u32::from_str_radix(&s[digits_start..end], radix).unwrap_or(u32::MAX);
        return Some((consumed, numeric(num)));
    }
    // A name: up to 32 characters that are not tab, newline, form feed, space, `<`, `&`, `#`, `;`.
    let mut end = 0;
    for (count, (i, c)) in s.char_indices().enumerate() {
        if count == 32 || matches!(c, '\t' | '\n' | '\x0c' | ' ' | '<' | '&' | '#' | ';') {
            break;
        }
        end = i + c.len_utf8();
    }
    if end == 0 {
        return None;
    }
    let with_semicolon = s[end..].starts_with(';');
    let consumed = if with_semicolon { end + 1 } else { end };
    let whole = &s[..consumed];
    if let Some(r) = named(whole) {
        return Some((consumed, r.to_owned()));
    }
    // The longest prefix (of at least two characters) that is a name, the rest kept as text.
    let boundaries: Vec<usize> = whole.char_indices().map(|(i, _)| i).skip(2).collect();
    for &cut in boundaries.iter().rev() {
        if let Some(r) = named(&whole[..cut]) {
            return Some((consumed, format!("{r}{}", &whole[cut..])));
        }
    }
    Some((consumed, format!("&{whole}")))
}

fn numeric(num: u32) -> String {
    if let Ok(i) = INVALID_CHARREFS.binary_search_by_key(&num, |&(k, _)| k) {
        return INVALID_CHARREFS[i].1.to_owned();
    }
    if (0xD800..=0xDFFF).contains(&num) || num > 0x10FFFF {
        return '\u{FFFD}'.to_string();
    }
    if INVALID_CODEPOINTS.binary_search(&num).is_ok() {
        return String::new();
    }
    char::from_u32(num).map_or_else(|| '\u{FFFD}'.to_string(), |c| c.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unescapes_as_python() {
        assert_eq!(
            unescape("Tom &amp; Jerry &lt;3 &#128512; &ampx"),
            "Tom & Jerry <3 😀 &x"
        );
        assert_eq!(
            unescape("&#x41;&#65&#0;&#x80;&#1114112;&#x1;"),
            "AA\u{fffd}\u{20ac}\u{fffd}"
        );
        assert_eq!(
            unescape("& &; &#; &#x; &zzz; &notit;"),
            "& &; &#; &#x; &zzz; ¬it;"
        );
        assert_eq!(unescape("no refs"), "no refs");
    }
}
