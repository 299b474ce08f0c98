//! A tiny phrase matcher over tokens: the shared engine behind every word detector.
//!
//! A pattern is a space-separated list of elements, matched against consecutive
//! tokens. Soft punctuation (quotes, colons, commas, dashes…) between elements is
//! stepped over, so `reply stop` matches *Reply "STOP"* and *Reply: STOP*; a sentence
//! boundary is never crossed. Elements:
//!
//! | element | matches |
//! |---|---|
//! | `word` | that lower-case word (`&` is the word `and`; `don't` is `dont`) |
//! | `a\|b\|c` | any of the alternatives |
//! | `pre*` | a word starting with `pre` |
//! | `#` / `#4-8` | a number / a pure number of 4 to 8 digits |
//! | `$`, `%`, `:`… | that symbol |
//! | `<up>` | an all-capitals word of 2+ letters |
//! | `<w>` | any word or number |
//! | `<kw>` | an opt-out keyword of this submission |
//! | `<hk>` | a HELP keyword of this submission |
//! | `<link>` `<email>` `<ph>` `<phone>` | an entity token |
//! | `..N` | up to N tokens inside the sentence |
//! | `x?` | optional element |
//! | leading `!a\|b` | the word before the match is not `a` or `b` |
//! | trailing `!a\|b` | the word after the match is not `a` or `b` |
//!
//! Patterns are compiled once into a [`PatSet`] indexed by first word, so a set of
//! hundreds of phrases costs one binary search per token.

use super::text::{Analysed, Kind, Tok, word_hash};
use super::util::CharClass;
use super::util::sort_pairs;

/// Per-submission inputs of a match: the keywords (lower case).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Env<'a> {
    /// Default opt-out keywords plus the submission's own `optoutKeywords`.
    pub(crate) optout_keywords: &'a [String],
    /// `help` plus the submission's own `helpKeywords`.
    pub(crate) help_keywords: &'a [String],
}

#[derive(Clone, Copy, Debug)]
enum Atom {
    Lit(&'static str, u64),
    Prefix(&'static str),
    Num(u32, u32),
    Sym(char),
    Upper,
    Any,
    Kw,
    HelpKw,
    Link,
    Email,
    Ph,
    Phone,
}

#[derive(Clone, Debug)]
struct Elem {
    alts: Vec<Atom>,
    optional: bool,
    gap: Option<usize>,
}

/// One compiled pattern.
#[derive(Clone, Debug)]
struct Pat {
    not_before: Vec<&'static str>,
    elems: Vec<Elem>,
    not_after: Vec<&'static str>,
}

/// A match: pattern index and token range `start..end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Match {
    pub(crate) pat: usize,
    pub(crate) start: usize,
    pub(crate) end: usize,
}

fn parse_atom(s: &'static str) -> Atom {
    match s {
        "#" => Atom::Num(1, u32::MAX),
        "<up>" => Atom::Upper,
        "<w>" => Atom::Any,
        "<kw>" => Atom::Kw,
        "<hk>" => Atom::HelpKw,
        "<link>" => Atom::Link,
        "<email>" => Atom::Email,
        "<ph>" => Atom::Ph,
        "<phone>" => Atom::Phone,
        _ => {
            if let Some(range) = s.strip_prefix('#') {
                let (lo, hi) = range.split_once('-').unwrap_or((range, range));
                return Atom::Num(lo.parse().unwrap_or(1), hi.parse().unwrap_or(u32::MAX));
            }
            let mut chars = s.chars();
            if let (Some(c), None) = (chars.next(), chars.next()) {
                if !c.alnum() {
                    return Atom::Sym(c);
                }
            }
            match s.strip_suffix('*') {
                Some(p) if !p.is_empty() => Atom::Prefix(p),
                _ => Atom::Lit(s, word_hash(s)),
            }
        }
    }
}

/// The `|`-separated alternatives of `s`.
fn alternatives(s: &'static str) -> Vec<&'static str> {
    let mut out = Vec::new();
    for alt in s.split('|') {
        out.push(alt);
    }
    out
}

impl Pat {
    // Plain loops rather than `collect`: this runs once, and each `collect` is its own
    // iterator instantiation in the wasm.
    fn parse(src: &'static str) -> Self {
        let mut parts: Vec<&'static str> = Vec::new();
        for part in src.split_whitespace() {
            parts.push(part);
        }
        let mut not_before = Vec::new();
        let mut not_after = Vec::new();
        if let Some(first) = parts
            .first()
            .filter(|p| p.len() > 1)
            .and_then(|p| p.strip_prefix('!'))
        {
            not_before = alternatives(first);
            parts.remove(0);
        }
        if let Some(last) = parts
            .last()
            .filter(|p| p.len() > 1)
            .and_then(|p| p.strip_prefix('!'))
        {
            not_after = alternatives(last);
            parts.pop();
        }
        let mut elems = Vec::with_capacity(parts.len());
        for p in parts {
            if let Some(n) = p.strip_prefix("..") {
                elems.push(Elem {
                    alts: Vec::new(),
                    optional: false,
                    gap: Some(n.parse().unwrap_or(3)),
                });
                continue;
            }
            let (body, optional) = match p.strip_suffix('?') {
                Some(b) if !b.is_empty() => (b, true),
                _ => (p, false),
            };
            let mut alts = Vec::new();
            for alt in body.split('|') {
                alts.push(parse_atom(alt));
            }
            elems.push(Elem {
                alts,
                optional,
                gap: None,
            });
        }
        Self {
            not_before,
            elems,
            not_after,
        }
    }

    fn matches(&self, a: &Analysed, env: &Env<'_>, start: usize) -> Option<usize> {
        let end = self.m(a, env, 0, start)?;
        if !self.not_before.is_empty() {
            if let Some(p) = a.prev_in_sentence(start) {
                if self.not_before.contains(&a.text(p)) {
                    return None;
                }
            }
        }
        if !self.not_after.is_empty() {
            if let Some(n) = a.next_in_sentence(end) {
                if self.not_after.contains(&a.text(n)) {
                    return None;
                }
            }
        }
        Some(end)
    }

    fn m(&self, a: &Analysed, env: &Env<'_>, ei: usize, ti: usize) -> Option<usize> {
        let Some(e) = self.elems.get(ei) else {
            return Some(ti);
        };
        if let Some(n) = e.gap {
            let mut t = ti;
            for _ in 0..=n {
                if let Some(end) = self.m(a, env, ei + 1, t) {
                    return Some(end);
                }
                match a.tok(t) {
                    Some(tok) if !tok.hard => t += 1,
                    _ => break,
                }
            }
            return None;
        }
        let mut t = ti;
        if ei > 0 {
            while let Some(tok) = a.tok(t) {
                if tok.soft() && !e.alts.iter().any(|x| atom_matches(*x, tok, a, env, t)) {
                    t += 1;
                } else {
                    break;
                }
            }
        }
        if let Some(tok) = a.tok(t) {
            if e.alts.iter().any(|x| atom_matches(*x, tok, a, env, t)) {
                if let Some(end) = self.m(a, env, ei + 1, t + 1) {
                    return Some(end);
                }
            }
        }
        if e.optional {
            return self.m(a, env, ei + 1, ti);
        }
        None
    }
}

fn atom_matches(atom: Atom, tok: &Tok, a: &Analysed, env: &Env<'_>, i: usize) -> bool {
    match atom {
        Atom::Lit(w, h) => tok.hash == h && tok.is_wordlike() && a.text(i) == w,
        Atom::Prefix(p) => tok.kind == Kind::Word && a.text(i).starts_with(p),
        Atom::Num(lo, hi) => {
            tok.kind == Kind::Num && {
                let t = a.text(i);
                let pure = t.bytes().all(|b| b.is_ascii_digit());
                (lo == 1 && hi == u32::MAX) || (pure && (lo..=hi).contains(&tok.digits))
            }
        }
        Atom::Sym(c) => tok.kind == Kind::Sym(c),
        Atom::Upper => tok.kind == Kind::Word && tok.upper && tok.letters >= 2 && tok.digits == 0,
        Atom::Any => tok.is_wordlike(),
        Atom::Kw => tok.is_wordlike() && env.optout_keywords.iter().any(|k| k == a.text(i)),
        Atom::HelpKw => tok.is_wordlike() && env.help_keywords.iter().any(|k| k == a.text(i)),
        Atom::Link => matches!(tok.kind, Kind::Link(_)),
        Atom::Email => matches!(tok.kind, Kind::Email(_)),
        Atom::Ph => matches!(tok.kind, Kind::Placeholder(_)),
        Atom::Phone => matches!(tok.kind, Kind::Phone(_)),
    }
}

/// A compiled set of patterns, indexed by the literal first word.
#[derive(Debug)]
pub(crate) struct PatSet {
    pats: Vec<Pat>,
    /// `(key, pattern)` sorted by key, where the key of a first-element alternative is
    /// the hash of a literal word, or of the first 3 letters of a prefix, or a token
    /// kind (numbers, symbols, capitals, keywords, entities).
    index: Vec<(u64, usize)>,
    /// Patterns to try at every token (a first element that is optional, a gap, `<w>`
    /// or a short prefix).
    always: Vec<usize>,
}

/// Index keys that are not word hashes (hashes of real words never collide with these
/// in practice: they would have to equal these exact 64-bit values).
const KEY_NUM: u64 = 1;
const KEY_UPPER: u64 = 2;
const KEY_KW: u64 = 3;
const KEY_ENTITY: u64 = 4;
const KEY_SYM: u64 = 0x100; // + the code point

fn prefix_key(s: &str) -> Option<u64> {
    s.get(..3).map(|p| word_hash(p) | 0x8000_0000_0000_0000)
}

impl PatSet {
    /// Compiles `sources` (see the module docs for the syntax).
    pub(crate) fn new(sources: &[&'static str]) -> Self {
        let mut pats = Vec::with_capacity(sources.len());
        for s in sources {
            pats.push(Pat::parse(s));
        }
        let mut index = Vec::new();
        let mut always = Vec::new();
        for (i, p) in pats.iter().enumerate() {
            let keys: Option<Vec<u64>> = p.elems.first().and_then(|e| {
                if e.optional || e.gap.is_some() {
                    return None;
                }
                let mut keys = Vec::with_capacity(e.alts.len());
                for a in &e.alts {
                    keys.push(match *a {
                        Atom::Lit(_, h) => h,
                        Atom::Prefix(p) => prefix_key(p)?,
                        Atom::Num(..) => KEY_NUM,
                        Atom::Sym(c) => KEY_SYM + u64::from(c),
                        Atom::Upper => KEY_UPPER,
                        Atom::Kw | Atom::HelpKw => KEY_KW,
                        Atom::Link | Atom::Email | Atom::Ph | Atom::Phone => KEY_ENTITY,
                        Atom::Any => return None,
                    });
                }
                Some(keys)
            });
            match keys {
                Some(keys) => {
                    for (n, k) in keys.iter().enumerate() {
                        if !keys.get(..n).is_some_and(|before| before.contains(k)) {
                            index.push((*k, i));
                        }
                    }
                }
                None => always.push(i),
            }
        }
        sort_pairs(&mut index);
        Self {
            pats,
            index,
            always,
        }
    }

    /// Adds the patterns under `key` that were not yet tried at token `t`.
    fn keyed(&self, key: u64, t: usize, tried: &mut [usize], out: &mut Vec<usize>) {
        let lo = self.index.partition_point(|&(k, _)| k < key);
        for &(k, p) in self.index.get(lo..).unwrap_or(&[]) {
            if k != key {
                break;
            }
            if let Some(slot) = tried.get_mut(p) {
                if *slot != t {
                    *slot = t;
                    out.push(p);
                }
            }
        }
    }

    /// The patterns that may start at token `t`, each once.
    fn candidates(&self, a: &Analysed, t: usize, tried: &mut [usize], out: &mut Vec<usize>) {
        out.clear();
        out.extend_from_slice(&self.always);
        let Some(tok) = a.tok(t) else { return };
        let mut keys = [0u64; 4];
        match tok.kind {
            Kind::Word | Kind::Num => {
                keys[0] = tok.hash;
                keys[1] = prefix_key(a.text(t)).unwrap_or(0);
                keys[2] = if tok.kind == Kind::Num {
                    KEY_NUM
                } else {
                    KEY_KW
                };
                keys[3] = if tok.upper && tok.kind == Kind::Word {
                    KEY_UPPER
                } else {
                    0
                };
            }
            Kind::Sym(c) => keys[0] = KEY_SYM + u64::from(c),
            Kind::Link(_) | Kind::Email(_) | Kind::Placeholder(_) | Kind::Phone(_) => {
                keys[0] = KEY_ENTITY
            }
        }
        for key in keys {
            if key != 0 {
                self.keyed(key, t, tried, out);
            }
        }
    }

    /// Every match, in token order (at most one per pattern and start token).
    pub(crate) fn find_all(&self, a: &Analysed, env: &Env<'_>) -> Vec<Match> {
        let mut out = Vec::new();
        let mut cands = Vec::new();
        let mut tried = vec![usize::MAX; self.pats.len()];
        for t in 0..a.toks.len() {
            self.candidates(a, t, &mut tried, &mut cands);
            for &p in &cands {
                if let Some(end) = self.pats.get(p).and_then(|pat| pat.matches(a, env, t)) {
                    out.push(Match {
                        pat: p,
                        start: t,
                        end,
                    });
                }
            }
        }
        out
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn hit(pats: &[&'static str], text: &str) -> bool {
        let kws = vec!["stop".to_string()];
        let env = Env {
            optout_keywords: &kws,
            help_keywords: &[],
        };
        !PatSet::new(pats)
            .find_all(&Analysed::new(text), &env)
            .is_empty()
    }

    #[test]
    fn phrases_step_over_soft_punctuation_only() {
        assert!(hit(&["reply with|back? <kw>"], "Reply \"STOP\" to end"));
        assert!(hit(&["reply with|back? <kw>"], "Reply with: stop"));
        assert!(!hit(&["reply with|back? <kw>"], "Reply. Stop"));
        assert!(!hit(&["reply with|back? <kw>"], "reply nonstop"));
        assert!(hit(&["e cig|cigs"], "no e-cigs here"));
        assert!(hit(&["checking ..6 box"], "by checking the consent box"));
        assert!(!hit(&["check ..2 box"], "check it. The box"));
    }

    #[test]
    fn numbers_symbols_and_lookaround() {
        assert!(hit(&["# % off"], "Get 30% off"));
        assert!(hit(&["$ # off"], "$10.50 off today"));
        assert!(hit(&["code is #4-8"], "code is 123456"));
        assert!(!hit(&["code is #4-8"], "code is 12"));
        assert!(!hit(&["!glue|nail gun|guns"], "hot glue gun"));
        assert!(hit(&["!glue|nail gun|guns"], "buy a gun"));
        assert!(!hit(&["weed !control"], "weed control"));
        assert!(hit(&["pre* approved"], "pre-approved"));
        assert!(hit(&["! ! !"], "Wow!!! Great"));
        assert!(!hit(&["! ! !"], "Shipped! Great"));
    }
}
