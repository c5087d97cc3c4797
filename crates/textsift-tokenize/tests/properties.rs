//! Property tests: no input makes any mode panic, and spans are always valid.

use proptest::prelude::*;
use textsift_tokenize::{sentences::SentenceSplitter, Mode, Tokenizer};

const MODES: [Mode; 5] = Mode::ALL;

/// Strings built from the pieces that matter to the tokenizers, plus arbitrary characters.
fn social_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("don't".to_string()),
        Just("#tag".to_string()),
        Just("@user_1".to_string()),
        Just("$TSLA".to_string()),
        Just("https://x.io/a(b)c".to_string()),
        Just("www.ex.com".to_string()),
        Just("me@ex.com".to_string()),
        Just("foo.com@".to_string()),
        Just(":-)".to_string()),
        Just("<3".to_string()),
        Just("&amp;".to_string()),
        Just("&#x41;".to_string()),
        Just("👨‍👩‍👧".to_string()),
        Just("👍🏽".to_string()),
        Just("🇺🇸".to_string()),
        Just("1️⃣".to_string()),
        Just("\"".to_string()),
        Just("''".to_string()),
        Just("...".to_string()),
        Just("soooooo".to_string()),
        Just("!!!!!".to_string()),
        Just("555-123-4567".to_string()),
        Just("3.14".to_string()),
        Just("cannot".to_string()),
        Just("\u{200D}".to_string()),
        Just("\u{FE0F}".to_string()),
        Just("\u{301}".to_string()),
        "\\PC{1,6}",
        "[ \t\n\u{a0}\u{1c}]{1,2}",
    ];
    prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

fn check(text: &str) {
    for mode in MODES {
        let tokenizer = Tokenizer::new(mode);
        let tokens = tokenizer.tokenize(text);
        // Internal iteration (`fold`, behind `tokenize`, `count` and `for_each`) gives what
        // `next` gives.
        let mut by_next = Vec::new();
        // A `for` loop calls `next`.
        for t in tokenizer.tokens(text) {
            by_next.push(t);
        }
        assert_eq!(
            tokens, by_next,
            "{mode}: fold differs from next in {text:?}"
        );
        assert_eq!(tokenizer.tokens(text).count(), tokens.len());
        let mut prev_end = 0;
        for t in &tokens {
            assert!(
                t.start <= t.end && t.end <= text.len(),
                "{mode}: span out of range in {text:?}"
            );
            assert!(
                text.is_char_boundary(t.start) && text.is_char_boundary(t.end),
                "{mode}: not a char boundary"
            );
            assert!(
                t.start >= prev_end,
                "{mode}: spans overlap or go backwards in {text:?}"
            );
            assert!(!t.text.is_empty(), "{mode}: empty token in {text:?}");
            prev_end = t.end;
        }
        if matches!(mode, Mode::Social | Mode::Unicode) {
            // Zero-copy modes: the token is the slice, and only whitespace is left between tokens.
            let mut at = 0;
            for t in &tokens {
                assert_eq!(t.text, &text[t.start..t.end]);
                let gap = &text[at..t.start];
                assert!(
                    gap.chars()
                        .all(|c| c.is_whitespace()
                            || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')),
                    "{mode}: non-space gap {gap:?} in {text:?}"
                );
                at = t.end;
            }
            assert!(text[at..]
                .chars()
                .all(|c| c.is_whitespace() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')));
        }
    }
    let spans = SentenceSplitter::default().spans(text);
    let mut prev = 0;
    for (s, e) in spans {
        assert!(
            s >= prev
                && s < e
                && e <= text.len()
                && text.is_char_boundary(s)
                && text.is_char_boundary(e)
        );
        prev = e;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, .. ProptestConfig::default() })]

    #[test]
    fn any_string_is_safe(text in any::<String>()) {
        check(&text);
    }

    #[test]
    fn social_strings_are_safe(text in social_text()) {
        check(&text);
    }
}

#[test]
fn empty_and_whitespace() {
    for mode in MODES {
        assert!(Tokenizer::new(mode).tokenize("").is_empty());
        assert!(Tokenizer::new(mode).tokenize(" \t\n\u{a0}").is_empty());
    }
}

#[test]
fn long_inputs_are_linear_enough() {
    // A 2 MB document of one repeated pathological piece per mode finishes (no quadratic blow-up
    // would finish this in the test's time budget in debug builds).
    let text = "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z@".repeat(40_000);
    for mode in MODES {
        let n = Tokenizer::new(mode).tokenize(&text).len();
        assert!(n > 0);
    }
}
