//! A rewritten copy of a text that remembers where each byte came from.
//!
//! NLTK's tweet tokenizer edits the text before it tokenizes (HTML entities, handles, long runs),
//! yet textsift promises spans into the *original* text. Every edit therefore goes through
//! [`Rewriter`], which records for each output byte the original byte offset it stands for.

/// A text produced by edits, with its offset map back to the original.
#[derive(Debug, Clone)]
pub(crate) struct Rewritten {
    pub text: String,
    /// `map[i]` is the original offset of output byte `i`; `map[text.len()]` is the original length.
    pub map: Vec<usize>,
}

impl Rewritten {
    /// The original span of the output span `start..end`.
    #[inline]
    pub fn original_span(&self, start: usize, end: usize) -> (usize, usize) {
        (self.map[start], self.map[end])
    }
}

/// Builds a [`Rewritten`] from pieces of a source text that may itself be rewritten.
pub(crate) struct Rewriter<'s> {
    src: &'s str,
    src_map: Option<&'s [usize]>,
    out: String,
    map: Vec<usize>,
}

impl<'s> Rewriter<'s> {
    pub fn new(src: &'s str, src_map: Option<&'s [usize]>) -> Self {
        Rewriter {
            src,
            src_map,
            out: String::with_capacity(src.len()),
            map: Vec::with_capacity(src.len() + 1),
        }
    }

    #[inline]
    fn orig(&self, i: usize) -> usize {
        match self.src_map {
            Some(m) => m[i],
            None => i,
        }
    }

    /// Copies `src[a..b]` unchanged.
    pub fn copy(&mut self, a: usize, b: usize) {
        self.out.push_str(&self.src[a..b]);
        for i in a..b {
            let o = self.orig(i);
            self.map.push(o);
        }
    }

    /// Writes `s` in place of `src[a..b]`; every byte of `s` maps to the start of that range.
    pub fn replace(&mut self, a: usize, s: &str) {
        let o = self.orig(a);
        self.out.push_str(s);
        self.map.extend(std::iter::repeat_n(o, s.len()));
    }

    pub fn finish(mut self) -> Rewritten {
        let end = self.orig(self.src.len());
        self.map.push(end);
        Rewritten {
            text: self.out,
            map: self.map,
        }
    }
}
