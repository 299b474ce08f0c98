//! Text analysis shared by every detector: UTF-16 offsets, entities and tokens.
//!
//! A field is analysed once. Links, e-mail addresses, template placeholders and phone
//! numbers are found first, on characters, and become single tokens; the rest of the
//! text becomes lower-cased word, number and symbol tokens. Detectors then work on the
//! token stream, so a word boundary is simply a token boundary ("nonstop" is one token
//! and never the keyword STOP), and a URL path or a phone number never leaks words or
//! digit runs into the content detectors.
//!
//! Positions are character indices internally and are converted to UTF-16 code units
//! (JavaScript string indices) only when a finding is built.

use super::pattern::Match;
use super::tables::{SHORTENERS, TLDS};
use super::util::{CharClass, has_sub, keep_chars, order_by};

/// Only this many characters of a field are analysed; lengths are still exact.
pub(crate) const MAX_ANALYSED_CHARS: usize = 16_384;

/// A half-open range of character indices.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Span {
    pub(crate) start: usize,
    pub(crate) end: usize,
}

impl Span {
    pub(crate) const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }
}

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A run of letters and digits with at least one letter.
    Word,
    /// A run of digits (possibly with inner `.` or `,` between digits: `49.99`).
    Num,
    /// One other visible character (or a line break, as `'\n'`).
    Sym(char),
    /// A link: index into [`Analysed::links`].
    Link(usize),
    /// An e-mail address: index into [`Analysed::emails`].
    Email(usize),
    /// A template placeholder: index into [`Analysed::placeholders`].
    Placeholder(usize),
    /// A phone number: index into [`Analysed::phones`].
    Phone(usize),
}

/// One token.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    pub(crate) kind: Kind,
    /// Character span in the field.
    pub(crate) span: Span,
    /// [`word_hash`] of the lower-cased text (0 for entities).
    pub(crate) hash: u64,
    /// Byte range of the lower-cased text in [`Analysed::words`].
    text_start: u32,
    text_end: u32,
    /// At least one letter and no lower-case letter.
    pub(crate) upper: bool,
    /// Letters in the token.
    pub(crate) letters: u32,
    /// Digits in the token.
    pub(crate) digits: u32,
    /// A sentence boundary (`.` before a space, `!`, `?`, `;`, a line break).
    pub(crate) hard: bool,
}

impl Tok {
    /// Punctuation that phrase matching steps over: quotes, colons, commas, dashes…
    pub(crate) fn soft(&self) -> bool {
        match self.kind {
            Kind::Sym(c) => !self.hard && is_soft_char(c),
            _ => false,
        }
    }

    /// True for a word or number token.
    pub(crate) fn is_wordlike(&self) -> bool {
        matches!(self.kind, Kind::Word | Kind::Num)
    }
}

fn is_soft_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | ':' | ',' | '-' | '(' | ')' | '*' | '/' | '_' | '~' | '«' | '»' | '+' | '='
    )
}

/// How a link was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Scheme {
    /// `https://…`
    Https,
    /// `http://…`
    Http,
    /// `www.…` or a bare `label.tld[/path]`.
    None,
}

/// A link found in the text.
#[derive(Clone, Debug)]
pub(crate) struct Link {
    pub(crate) span: Span,
    /// Lower-case host without a leading `www.`.
    pub(crate) host: String,
    pub(crate) scheme: Scheme,
}

impl Link {
    /// The host is a public URL shortener.
    pub(crate) fn is_shortener(&self) -> bool {
        SHORTENERS.has(self.host.as_str())
    }
}

/// An e-mail address found in the text.
#[derive(Clone, Debug)]
pub(crate) struct Email {
    pub(crate) span: Span,
    /// Lower-case domain.
    pub(crate) domain: String,
}

/// What a template placeholder stands for (by its name).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct PlaceholderClass {
    /// `[Brand]`, `{company}`, `{{business_name}}`, `[Nonprofit]`…
    pub(crate) brand: bool,
    /// A link, URL, website, phone, number or e-mail placeholder.
    pub(crate) contact: bool,
    /// A link, URL or website placeholder.
    pub(crate) link: bool,
    /// A phone placeholder.
    pub(crate) phone: bool,
    /// A one-time code placeholder: `{code}`, `@OTP_PIN@`.
    pub(crate) code: bool,
}

/// A template placeholder: `{{x}}`, `{x}`, `[x]`, `<x>` or `@X@`.
#[derive(Clone, Debug)]
pub(crate) struct Placeholder {
    pub(crate) span: Span,
    pub(crate) class: PlaceholderClass,
}

/// One analysed field.
#[derive(Clone, Debug, Default)]
pub(crate) struct Analysed {
    /// The analysed characters, as written.
    pub(crate) chars: Vec<char>,
    /// Lower-cased and folded (curly quotes → ASCII, dashes → `-`), one char per char.
    pub(crate) lower: Vec<char>,
    /// UTF-16 offset of every character, plus the end.
    utf16: Vec<usize>,
    pub(crate) links: Vec<Link>,
    pub(crate) emails: Vec<Email>,
    pub(crate) placeholders: Vec<Placeholder>,
    pub(crate) phones: Vec<Span>,
    pub(crate) toks: Vec<Tok>,
    words: String,
    /// Phrase-pattern matches grouped by detector (see `detect::scan`); empty until scanned.
    hits: Vec<Match>,
    /// `hits[hit_offsets[g]..hit_offsets[g + 1]]` are the matches of group `g`.
    hit_offsets: Vec<usize>,
}

/// Folds a character for matching: lower case, ASCII quotes and dashes.
fn fold(c: char) -> char {
    match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{02BC}' | '\u{2032}' | '`'
        | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => '-',
        '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{2009}' | '\u{200A}' => ' ',
        '\u{FF0C}' => ',',
        c => c.fold_case(),
    }
}

fn is_alnum(c: char) -> bool {
    c.alnum()
}

fn is_url_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            '-' | '.'
                | '_'
                | '~'
                | ':'
                | '/'
                | '?'
                | '#'
                | '@'
                | '!'
                | '$'
                | '&'
                | '\''
                | '('
                | ')'
                | '*'
                | '+'
                | ','
                | ';'
                | '='
                | '%'
                | '{'
                | '}'
        )
        || (!c.is_ascii() && c.alnum())
}

fn is_label_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-'
}

impl Analysed {
    /// Analyses `text` (at most [`MAX_ANALYSED_CHARS`] characters of it).
    pub(crate) fn new(text: &str) -> Self {
        let mut chars = Vec::new();
        let mut lower = Vec::new();
        let mut utf16 = Vec::new();
        let mut at = 0usize;
        for c in text.chars().take(MAX_ANALYSED_CHARS) {
            chars.push(c);
            lower.push(fold(c));
            utf16.push(at);
            at += c.len_utf16();
        }
        utf16.push(at);
        let mut a = Self {
            chars,
            lower,
            utf16,
            ..Self::default()
        };
        let mut taken = vec![false; a.chars.len()];
        a.scan_scheme_links(&mut taken);
        a.scan_placeholders(&mut taken);
        a.scan_emails(&mut taken);
        a.scan_bare_domains(&mut taken);
        a.scan_phones(&mut taken);
        a.tokenize();
        a
    }

    /// The UTF-16 offset of a character index.
    pub(crate) fn utf16_at(&self, index: usize) -> usize {
        self.utf16
            .get(index)
            .copied()
            .unwrap_or_else(|| self.utf16.last().copied().unwrap_or(0))
    }

    /// Stores scan results: `(group, match)` pairs in token order, for `groups` groups
    /// (a counting sort by group keeps token order inside each group).
    pub(crate) fn set_hits(&mut self, groups: usize, pairs: Vec<(usize, Match)>) {
        let mut offsets = vec![0usize; groups + 2];
        for (g, _) in &pairs {
            if let Some(c) = offsets.get_mut(g + 2) {
                *c += 1;
            }
        }
        for g in 1..offsets.len() {
            let prev = offsets.get(g - 1).copied().unwrap_or(0);
            if let Some(c) = offsets.get_mut(g) {
                *c += prev;
            }
        }
        // offsets[g + 1] is now the start of group g; fill, advancing it to the end.
        let mut hits = vec![
            Match {
                pat: 0,
                start: 0,
                end: 0
            };
            pairs.len()
        ];
        for (g, m) in pairs {
            if let Some(next) = offsets.get_mut(g + 1) {
                if let Some(slot) = hits.get_mut(*next) {
                    *slot = m;
                }
                *next += 1;
            }
        }
        offsets.pop();
        self.hits = hits;
        self.hit_offsets = offsets;
    }

    /// The matches of group `g`, in token order (none before a scan).
    pub(crate) fn hits(&self, g: usize) -> &[Match] {
        match (self.hit_offsets.get(g), self.hit_offsets.get(g + 1)) {
            (Some(&s), Some(&e)) => self.hits.get(s..e).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// The character index at a UTF-16 offset (or the next character after it).
    pub(crate) fn char_at_utf16(&self, unit: usize) -> usize {
        self.utf16.partition_point(|&u| u < unit)
    }

    /// The text of a character span, as written.
    pub(crate) fn slice(&self, span: Span) -> String {
        self.chars
            .get(span.start..span.end.min(self.chars.len()))
            .map(|s| s.iter().collect())
            .unwrap_or_default()
    }

    /// The lower-cased text of token `i` (`""` for entities and out of range).
    pub(crate) fn text(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .and_then(|t| self.words.get(t.text_start as usize..t.text_end as usize))
            .unwrap_or("")
    }

    /// The token `i`, if any.
    pub(crate) fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }

    /// Character span of tokens `start..end`.
    pub(crate) fn tok_span(&self, start: usize, end: usize) -> Span {
        let s = self.toks.get(start).map_or(0, |t| t.span.start);
        let e = end
            .checked_sub(1)
            .and_then(|i| self.toks.get(i))
            .map_or(s, |t| t.span.end);
        Span::new(s, e.max(s))
    }

    /// Index of the previous non-soft token before `i` inside the same sentence.
    pub(crate) fn prev_in_sentence(&self, i: usize) -> Option<usize> {
        let mut j = i;
        while j > 0 {
            j -= 1;
            let t = self.toks.get(j)?;
            if t.hard {
                return None;
            }
            if !t.soft() {
                return Some(j);
            }
        }
        None
    }

    /// Index of the next non-soft token at or after `i` inside the same sentence.
    pub(crate) fn next_in_sentence(&self, i: usize) -> Option<usize> {
        let mut j = i;
        loop {
            let t = self.toks.get(j)?;
            if t.hard {
                return None;
            }
            if !t.soft() {
                return Some(j);
            }
            j += 1;
        }
    }

    /// Word and number tokens (entities such as links and placeholders are not words).
    pub(crate) fn word_count(&self) -> usize {
        self.toks.iter().filter(|t| t.is_wordlike()).count()
    }

    /// True when one of `words` appears within `window` tokens before token `i`, in the
    /// same sentence ("not", "never"… before a phrase).
    pub(crate) fn preceded_by(&self, i: usize, window: usize, words: &[&str]) -> bool {
        let mut j = i;
        let mut seen = 0;
        while let Some(p) = self.prev_in_sentence(j) {
            if words.contains(&self.text(p)) {
                return true;
            }
            seen += 1;
            if seen >= window {
                break;
            }
            j = p;
        }
        false
    }

    /// Any link (a real one, or a link placeholder such as `{url}`).
    pub(crate) fn has_link_or_placeholder(&self) -> bool {
        !self.links.is_empty() || self.placeholders.iter().any(|p| p.class.link)
    }

    /// Sentence ranges as token index ranges, split after hard boundaries.
    pub(crate) fn sentences(&self) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut start = 0;
        for (i, t) in self.toks.iter().enumerate() {
            if t.hard {
                if i + 1 > start {
                    out.push((start, i + 1));
                }
                start = i + 1;
            }
        }
        if start < self.toks.len() {
            out.push((start, self.toks.len()));
        }
        out
    }

    fn lower_at(&self, i: usize) -> char {
        self.lower.get(i).copied().unwrap_or('\0')
    }

    fn starts_with_at(&self, i: usize, s: &str) -> bool {
        (i..).zip(s.chars()).all(|(j, c)| self.lower_at(j) == c)
    }

    fn is_free(taken: &[bool], start: usize, end: usize) -> bool {
        taken.get(start..end).is_some_and(|s| s.iter().all(|t| !t))
    }

    fn take(taken: &mut [bool], span: Span) {
        if let Some(s) = taken.get_mut(span.start..span.end) {
            s.iter_mut().for_each(|t| *t = true);
        }
    }

    /// Trims trailing punctuation that ends a sentence rather than a URL.
    fn trim_url_end(&self, start: usize, mut end: usize) -> usize {
        while end > start {
            let c = self.lower_at(end - 1);
            let drop = match c {
                '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '"' | '*' => true,
                ')' => {
                    let inner = self.lower.get(start..end).unwrap_or(&[]);
                    inner.iter().filter(|&&c| c == ')').count()
                        > inner.iter().filter(|&&c| c == '(').count()
                }
                _ => false,
            };
            if !drop {
                break;
            }
            end -= 1;
        }
        end
    }

    /// `http://…`, `https://…` and `www.…` links.
    fn scan_scheme_links(&mut self, taken: &mut [bool]) {
        let n = self.lower.len();
        let mut i = 0;
        while i < n {
            let boundary = i == 0 || !is_alnum(self.lower_at(i - 1));
            let scheme = if !boundary {
                None
            } else if self.starts_with_at(i, "https://") {
                Some((Scheme::Https, 8))
            } else if self.starts_with_at(i, "http://") {
                Some((Scheme::Http, 7))
            } else if self.starts_with_at(i, "www.") && self.lower_at(i + 4).alnum() {
                Some((Scheme::None, 0))
            } else {
                None
            };
            let Some((scheme, skip)) = scheme else {
                i += 1;
                continue;
            };
            let mut j = i + skip;
            while j < n && is_url_char(self.lower_at(j)) {
                j += 1;
            }
            let end = self.trim_url_end(i, j);
            let host_start = i + skip;
            let mut host_end = host_start;
            while host_end < end && !matches!(self.lower_at(host_end), '/' | '?' | '#' | ':') {
                host_end += 1;
            }
            let mut host: String = self
                .lower
                .get(host_start..host_end)
                .unwrap_or(&[])
                .iter()
                .collect();
            if let Some((_, after)) = host.rsplit_once('@') {
                host = after.to_string();
            }
            if let Some(stripped) = host.strip_prefix("www.") {
                host = stripped.to_string();
            }
            if host.is_empty() || end <= host_start {
                i = j.max(i + 1);
                continue;
            }
            let span = Span::new(i, end);
            Self::take(taken, span);
            self.links.push(Link { span, host, scheme });
            i = end.max(i + 1);
        }
    }

    /// `{{x}}`, `{x}`, `[x]`, `<x>` and `@X@`.
    fn scan_placeholders(&mut self, taken: &mut [bool]) {
        let n = self.chars.len();
        let mut i = 0;
        while i < n {
            if taken.get(i).copied().unwrap_or(true) {
                i += 1;
                continue;
            }
            let found = match self.chars.get(i).copied().unwrap_or(' ') {
                '{' if self.chars.get(i + 1) == Some(&'{') => self.bracketed(i, 2, "}}", 60),
                '{' => self.bracketed(i, 1, "}", 40),
                '[' => self.bracketed(i, 1, "]", 40),
                '<' => self.bracketed(i, 1, ">", 40).filter(|&(s, e, _)| {
                    let inner = self.chars.get(s..e).unwrap_or(&[]);
                    inner.first().is_some_and(|c| c.letter())
                        && inner
                            .iter()
                            .all(|&c| c.alnum() || matches!(c, ' ' | '_' | '-'))
                }),
                '@' => self.at_placeholder(i),
                _ => None,
            };
            match found {
                Some((inner_start, inner_end, end))
                    if Self::is_free(taken, i, end)
                        && self
                            .chars
                            .get(inner_start..inner_end)
                            .is_some_and(|s| s.iter().any(|c| c.letter())) =>
                {
                    let name: String = self
                        .lower
                        .get(inner_start..inner_end)
                        .unwrap_or(&[])
                        .iter()
                        .collect();
                    let raw: String = self
                        .chars
                        .get(inner_start..inner_end)
                        .unwrap_or(&[])
                        .iter()
                        .collect();
                    let span = Span::new(i, end);
                    Self::take(taken, span);
                    self.placeholders.push(Placeholder {
                        span,
                        class: classify_placeholder(&raw, &name),
                    });
                    i = end;
                }
                _ => i += 1,
            }
        }
    }

    /// Finds `close` after an opener of `open_len` chars at `i`: `(inner_start, inner_end, end)`.
    fn bracketed(
        &self,
        i: usize,
        open_len: usize,
        close: &str,
        max: usize,
    ) -> Option<(usize, usize, usize)> {
        let inner_start = i + open_len;
        let first_close = close.chars().next()?;
        let mut j = inner_start;
        while j < self.chars.len() && j - inner_start <= max {
            let c = self.chars.get(j).copied()?;
            if c == first_close {
                if self
                    .chars
                    .get(j..j + close.chars().count())
                    .is_some_and(|s| s.iter().copied().eq(close.chars()))
                {
                    let inner_end = j;
                    if inner_end == inner_start {
                        return None;
                    }
                    return Some((inner_start, inner_end, j + close.chars().count()));
                }
                return None;
            }
            if matches!(c, '\n' | '\r' | '{' | '[' | '<' | '}' | ']' | '>') {
                return None;
            }
            j += 1;
        }
        None
    }

    /// `@OTP_PIN@`-style placeholders: upper-case letters, digits and `_` between `@`s.
    fn at_placeholder(&self, i: usize) -> Option<(usize, usize, usize)> {
        if i > 0 && self.chars.get(i - 1).is_some_and(|c| c.alnum()) {
            return None;
        }
        let mut j = i + 1;
        while j < self.chars.len() && j - i <= 31 {
            let c = self.chars.get(j).copied()?;
            if c == '@' {
                let ok = j - i > 2
                    && !self.chars.get(j + 1).is_some_and(|c| c.alnum())
                    && self
                        .chars
                        .get(i + 1..j)?
                        .iter()
                        .any(|c| c.is_ascii_uppercase());
                return ok.then_some((i + 1, j, j + 1));
            }
            if !(c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_') {
                return None;
            }
            j += 1;
        }
        None
    }

    /// `local@domain.tld`.
    fn scan_emails(&mut self, taken: &mut [bool]) {
        let n = self.lower.len();
        for at in 0..n {
            if self.lower_at(at) != '@' || taken.get(at).copied().unwrap_or(true) {
                continue;
            }
            let mut s = at;
            while s > 0 && at - s < 64 {
                let c = self.lower_at(s - 1);
                if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-') {
                    s -= 1;
                } else {
                    break;
                }
            }
            while s < at && !self.lower_at(s).is_ascii_alphanumeric() {
                s += 1;
            }
            if s == at {
                continue;
            }
            let mut e = at + 1;
            while e < n
                && e - at < 255
                && (is_label_char(self.lower_at(e)) || self.lower_at(e) == '.')
            {
                e += 1;
            }
            while e > at + 1 && matches!(self.lower_at(e - 1), '.' | '-') {
                e -= 1;
            }
            let domain: String = self.lower.get(at + 1..e).unwrap_or(&[]).iter().collect();
            let tld_ok = domain.rsplit_once('.').is_some_and(|(left, tld)| {
                !left.is_empty() && tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic())
            });
            if !tld_ok || !Self::is_free(taken, s, e) {
                continue;
            }
            let span = Span::new(s, e);
            Self::take(taken, span);
            self.emails.push(Email { span, domain });
        }
    }

    /// Scheme-less `label.tld[/path]` links with a known TLD (`acme.com/track`).
    fn scan_bare_domains(&mut self, taken: &mut [bool]) {
        let n = self.lower.len();
        let mut i = 0;
        while i < n {
            let c = self.lower_at(i);
            let start_ok = c.is_ascii_alphanumeric()
                && !taken.get(i).copied().unwrap_or(true)
                && (i == 0 || {
                    let p = self.lower_at(i - 1);
                    !(is_alnum(p) || matches!(p, '.' | '@' | '-' | '_' | '/' | '\'' | '$' | '%'))
                });
            if !start_ok {
                i += 1;
                continue;
            }
            // Labels separated by single dots.
            let mut j = i;
            // A plain word (no dot after it) is the common case: skip it without allocating.
            let mut k = i;
            while k < n && is_label_char(self.lower_at(k)) {
                k += 1;
            }
            if self.lower_at(k) != '.' || !self.lower_at(k + 1).is_ascii_alphanumeric() {
                i = k.max(i + 1);
                continue;
            }
            let mut labels: Vec<(usize, usize)> = Vec::new();
            loop {
                let ls = j;
                while j < n && is_label_char(self.lower_at(j)) && j - i < 253 {
                    j += 1;
                }
                if j == ls {
                    break;
                }
                labels.push((ls, j));
                if self.lower_at(j) == '.'
                    && self.lower_at(j + 1).is_ascii_alphanumeric()
                    && !taken.get(j + 1).copied().unwrap_or(true)
                {
                    j += 1;
                } else {
                    break;
                }
            }
            let host_end = j;
            let ok = labels.len() >= 2 && {
                let label = |&(s, e): &(usize, usize)| -> String {
                    self.lower.get(s..e).unwrap_or(&[]).iter().collect()
                };
                let tld = labels.last().map(label).unwrap_or_default();
                // Labels are never empty.
                let all_ok = labels
                    .iter()
                    .all(|&(s, e)| self.lower_at(s) != '-' && self.lower_at(e - 1) != '-');
                let has_letter = labels.get(..labels.len() - 1).is_some_and(|ls| {
                    ls.iter().any(|&(s, e)| {
                        self.lower
                            .get(s..e)
                            .is_some_and(|x| x.iter().any(|c| c.is_ascii_alphabetic()))
                    })
                });
                all_ok && has_letter && TLDS.has(tld.as_str())
            };
            if !ok || self.lower_at(host_end) == '@' || self.lower_at(host_end).alnum() {
                i = j.max(i + 1);
                continue;
            }
            let mut end = host_end;
            if self.lower_at(end) == '/' {
                while end < n
                    && is_url_char(self.lower_at(end))
                    && !taken.get(end).copied().unwrap_or(true)
                {
                    end += 1;
                }
                end = self.trim_url_end(host_end, end).max(host_end);
            }
            if !Self::is_free(taken, i, end) {
                i = end.max(i + 1);
                continue;
            }
            let mut host: String = self.lower.get(i..host_end).unwrap_or(&[]).iter().collect();
            if let Some(stripped) = host.strip_prefix("www.") {
                host = stripped.to_string();
            }
            let span = Span::new(i, end);
            Self::take(taken, span);
            self.links.push(Link {
                span,
                host,
                scheme: Scheme::None,
            });
            i = end.max(i + 1);
        }
        let order = order_by(self.links.len(), &|i| {
            self.links.get(i).map_or(0, |l| l.span.start as u64)
        });
        let mut links = std::mem::take(&mut self.links);
        let mut sorted = Vec::with_capacity(links.len());
        for i in order {
            if let Some(l) = links.get_mut(i) {
                sorted.push(std::mem::replace(
                    l,
                    Link {
                        span: Span::new(0, 0),
                        host: String::new(),
                        scheme: Scheme::None,
                    },
                ));
            }
        }
        self.links = sorted;
    }

    /// NANP phone numbers and vanity toll-free numbers.
    fn scan_phones(&mut self, taken: &mut [bool]) {
        let n = self.chars.len();
        let mut i = 0;
        while i < n {
            let c = self.chars.get(i).copied().unwrap_or(' ');
            let start_ok = (c.is_ascii_digit() || c == '+' || c == '(')
                && !taken.get(i).copied().unwrap_or(true)
                && (i == 0 || {
                    let p = self.chars.get(i - 1).copied().unwrap_or(' ');
                    !(p.alnum() || matches!(p, '#' | '$' | '/' | '@' | '_' | '.' | '-' | '+'))
                });
            if start_ok {
                if let Some(end) = self.phone_at(i).filter(|&e| Self::is_free(taken, i, e)) {
                    let span = Span::new(i, end);
                    Self::take(taken, span);
                    self.phones.push(span);
                    i = end;
                    continue;
                }
            }
            i += 1;
        }
    }

    fn ch(&self, i: usize) -> char {
        self.chars.get(i).copied().unwrap_or('\0')
    }

    fn digits_at(&self, i: usize, count: usize) -> bool {
        (i..i + count).all(|k| self.ch(k).is_ascii_digit())
    }

    /// Parses a NANP number at `i`; returns its end.
    fn phone_at(&self, i: usize) -> Option<usize> {
        let is_sep = |c: char| matches!(c, '-' | '.' | ' ');
        let mut j = i;
        let mut country = false;
        let mut plus = false;
        if self.ch(j) == '+' {
            if self.ch(j + 1) != '1' {
                return None;
            }
            plus = true;
            country = true;
            j += 2;
            if is_sep(self.ch(j)) {
                j += 1;
            }
        } else if self.ch(j) == '1' && (is_sep(self.ch(j + 1)) || self.ch(j + 1) == '(') {
            country = true;
            j += 1;
            if is_sep(self.ch(j)) {
                j += 1;
            }
        }
        // Area code.
        let mut separated = false;
        let area_start;
        if self.ch(j) == '(' {
            if !self.digits_at(j + 1, 3) || self.ch(j + 4) != ')' {
                return None;
            }
            area_start = j + 1;
            j += 5;
            if matches!(self.ch(j), ' ' | '-' | '.') {
                j += 1;
            }
            separated = true;
        } else {
            if !self.digits_at(j, 3) {
                return None;
            }
            area_start = j;
            j += 3;
            if is_sep(self.ch(j)) {
                j += 1;
                separated = true;
            }
        }
        if !('2'..='9').contains(&self.ch(area_start)) {
            return None;
        }
        let mut area = String::new();
        for k in area_start..area_start + 3 {
            area.push(self.ch(k));
        }
        // Vanity toll-free: 1-800-FLOWERS.
        if separated
            && super::tables::TOLL_FREE_NPAS.has(area.as_str())
            && self.ch(j).is_ascii_uppercase()
        {
            if let Some(end) = self.vanity_tail(j) {
                return Some(end);
            }
        }
        if !self.digits_at(j, 3) {
            return None;
        }
        let exch = j;
        j += 3;
        let mut sep2 = false;
        if is_sep(self.ch(j)) && self.ch(j) != ' ' || (self.ch(j) == ' ' && separated) {
            j += 1;
            sep2 = true;
        }
        if !self.digits_at(j, 4) {
            return None;
        }
        j += 4;
        let next = self.ch(j);
        if next.alnum() || (matches!(next, '-' | '.') && self.ch(j + 1).is_ascii_digit()) {
            return None;
        }
        if !separated && !sep2 {
            // Ten bare digits: only with +1, or when it reads like a phone number.
            if !plus {
                if !('2'..='9').contains(&self.ch(exch)) || self.bare_digits_excluded(i) {
                    return None;
                }
                if country {
                    return None;
                }
            }
        }
        Some(j)
    }

    /// `BLOOMIN`, `GO-FEDEX`: 7–10 upper-case letters/digits with at least 3 letters.
    fn vanity_tail(&self, j: usize) -> Option<usize> {
        let mut k = j;
        let mut alnum = 0;
        let mut letters = 0;
        while k < self.chars.len() {
            let c = self.ch(k);
            if c.is_ascii_uppercase() {
                letters += 1;
                alnum += 1;
            } else if c.is_ascii_digit() {
                alnum += 1;
            } else if c == '-' && self.ch(k + 1).is_ascii_alphanumeric() {
            } else {
                break;
            }
            k += 1;
        }
        let next = self.ch(k);
        ((7..=10).contains(&alnum) && letters >= 3 && !next.alnum()).then_some(k)
    }

    /// A bare digit run after "#" or a word like "order" is an identifier, not a phone.
    fn bare_digits_excluded(&self, i: usize) -> bool {
        let mut k = i;
        while k > 0 && self.ch(k - 1) == ' ' {
            k -= 1;
        }
        if k > 0 && matches!(self.ch(k - 1), '#' | ':') {
            return true;
        }
        let end = k;
        while k > 0 && self.ch(k - 1).letter() {
            k -= 1;
        }
        let word: String = self.lower.get(k..end).unwrap_or(&[]).iter().collect();
        matches!(
            word.as_str(),
            "order"
                | "invoice"
                | "account"
                | "acct"
                | "ref"
                | "reference"
                | "confirmation"
                | "tracking"
                | "case"
                | "ticket"
                | "id"
                | "no"
                | "member"
                | "policy"
                | "claim"
                | "number"
                | "code"
                | "pin"
                | "is"
        )
    }

    fn push_tok(&mut self, kind: Kind, span: Span, text: &str, hard: bool) {
        let text_start = self.words.len() as u32;
        self.words.push_str(text);
        let text_end = self.words.len() as u32;
        let chars = self.chars.get(span.start..span.end).unwrap_or(&[]);
        let letters = chars.iter().filter(|c| c.letter()).count() as u32;
        let digits = chars.iter().filter(|c| c.is_ascii_digit()).count() as u32;
        let upper = letters > 0 && !chars.iter().any(|c| c.lower());
        let hash = if text.is_empty() { 0 } else { word_hash(text) };
        self.toks.push(Tok {
            kind,
            span,
            hash,
            text_start,
            text_end,
            upper,
            letters,
            digits,
            hard,
        });
    }

    fn tokenize(&mut self) {
        let mut entities: Vec<(Span, Kind)> = Vec::new();
        for (i, l) in self.links.iter().enumerate() {
            entities.push((l.span, Kind::Link(i)));
        }
        for (i, e) in self.emails.iter().enumerate() {
            entities.push((e.span, Kind::Email(i)));
        }
        for (i, p) in self.placeholders.iter().enumerate() {
            entities.push((p.span, Kind::Placeholder(i)));
        }
        for (i, p) in self.phones.iter().enumerate() {
            entities.push((*p, Kind::Phone(i)));
        }
        let order = order_by(entities.len(), &|i| {
            entities.get(i).map_or(0, |(s, _)| s.start as u64)
        });
        let mut ordered: Vec<(Span, Kind)> = Vec::with_capacity(order.len());
        for i in order {
            if let Some(&e) = entities.get(i) {
                ordered.push(e);
            }
        }
        // `ordered[next]` is the next entity.
        let mut next = 0;
        let n = self.chars.len();
        let mut i = 0;
        let mut buf = String::new();
        while i < n {
            if let Some(&(span, kind)) = ordered.get(next) {
                if span.start <= i {
                    next += 1;
                    if span.start == i && span.end > i {
                        self.push_tok(kind, span, "", false);
                        i = span.end;
                    }
                    continue;
                }
            }
            let c = self.lower_at(i);
            if c == '\n' || c == '\r' {
                if !self.toks.last().is_some_and(|t| t.kind == Kind::Sym('\n')) {
                    self.push_tok(Kind::Sym('\n'), Span::new(i, i + 1), "\n", true);
                }
                i += 1;
                continue;
            }
            if c.space() {
                i += 1;
                continue;
            }
            if c == '&' {
                self.push_tok(Kind::Word, Span::new(i, i + 1), "and", false);
                i += 1;
                continue;
            }
            if is_alnum(c) {
                let start = i;
                buf.clear();
                let limit = ordered.get(next).map_or(n, |(s, _)| s.start);
                while i < limit {
                    let c = self.lower_at(i);
                    if is_alnum(c) {
                        buf.push(c);
                        i += 1;
                    } else if c == '\''
                        && i > start
                        && self.lower_at(i + 1).letter()
                        && i + 1 < limit
                    {
                        // don't → dont, you've → youve; but acme's → acme + s.
                        let possessive =
                            self.lower_at(i + 1) == 's' && !is_alnum(self.lower_at(i + 2));
                        if possessive {
                            break;
                        }
                        i += 1;
                    } else if matches!(c, '.' | ',')
                        && buf.chars().all(|c| c.is_ascii_digit())
                        && self.lower_at(i + 1).is_ascii_digit()
                        && i + 1 < limit
                    {
                        buf.push(c);
                        i += 1;
                    } else {
                        break;
                    }
                }
                let kind = if buf.chars().any(|c| c.letter()) {
                    Kind::Word
                } else {
                    Kind::Num
                };
                let text = std::mem::take(&mut buf);
                self.push_tok(kind, Span::new(start, i), &text, false);
                buf = text;
                continue;
            }
            let hard = match c {
                '.' | '\u{2026}' => {
                    let next = self.lower_at(i + 1);
                    next == '\0' || next.space() || next == '.' || next == '"' || next == ')'
                }
                '!' | '?' | ';' => true,
                _ => false,
            };
            let mut tmp = [0u8; 4];
            let text = c.encode_utf8(&mut tmp);
            self.push_tok(Kind::Sym(c), Span::new(i, i + 1), text, hard);
            i += 1;
        }
    }
}

/// FNV-1a hash of a token's text: phrase matching compares hashes before strings.
pub(crate) fn word_hash(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Splits a placeholder name into lower-case words (`companyName` → company, name).
fn name_words(raw: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut prev_lower = false;
    for c in raw.chars() {
        if !c.alnum() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            prev_lower = false;
            continue;
        }
        if c.letter() && !c.lower() && prev_lower && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        prev_lower = c.lower() || c.is_ascii_digit();
        cur.push(c.fold_case());
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Classifies a placeholder by its name (§2 "placeholder").
fn classify_placeholder(raw: &str, lower: &str) -> PlaceholderClass {
    let words = name_words(raw);
    let has = |w: &str| words.iter().any(|x| x == w);
    let compact = keep_chars(lower, &|c| c.alnum());
    let contains = |w: &str| has_sub(&compact, w);
    // A brand placeholder names only the brand: `[Brand]`, `{company_name}`, `[Your
    // Business Name]`; `{{business_hours}}` or `{company_phone}` are other variables.
    const BRAND_WORDS: &[&str] = &[
        "brand",
        "company",
        "business",
        "nonprofit",
        "organization",
        "organisation",
        "sender",
        "org",
        "dba",
    ];
    const NAME_WORDS: &[&str] = &[
        "name", "your", "the", "our", "legal", "display", "short", "full",
    ];
    let brand = if words.len() <= 1 {
        BRAND_WORDS.iter().any(|w| contains(w))
    } else {
        words.iter().any(|w| BRAND_WORDS.contains(&w.as_str()))
            && words
                .iter()
                .all(|w| BRAND_WORDS.contains(&w.as_str()) || NAME_WORDS.contains(&w.as_str()))
    };
    let link = has("url")
        || has("link")
        || has("website")
        || contains("website")
        || contains("url")
        || has("site");
    let phone = has("phone") || contains("phone") || has("tel");
    let email = has("email") || contains("email") || has("mail");
    let identifier = [
        "order",
        "ticket",
        "tracking",
        "account",
        "case",
        "confirmation",
        "reference",
        "invoice",
        "policy",
        "member",
        "id",
        "claim",
    ]
    .iter()
    .any(|w| has(w));
    let number = (has("number") || has("num") || has("shortcode") || (has("short") && has("code")))
        && !identifier;
    let code = ["code", "otp", "pin", "passcode", "token", "verification"]
        .iter()
        .any(|w| has(w))
        || contains("otp")
        || contains("passcode");
    PlaceholderClass {
        brand,
        contact: link || phone || email || number,
        link,
        phone: phone || (number && !link),
        code: code && !link,
    }
}

/// The registrable part of a host: `support.acme.com` → `acme.com`, `acme.co.uk` stays.
pub(crate) fn registrable(host: &str) -> &str {
    let host = host.trim_end_matches('.');
    let mut parts = host.rsplitn(4, '.');
    let (_tld, sld, third) = (parts.next(), parts.next(), parts.next());
    let take = if third.is_some()
        && matches!(
            sld,
            Some("co" | "com" | "org" | "net" | "gov" | "ac" | "edu")
        ) {
        3
    } else {
        2
    };
    let mut dots = 0;
    for (i, c) in host.char_indices().rev() {
        if c == '.' {
            dots += 1;
            if dots == take {
                return host.get(i + 1..).unwrap_or(host);
            }
        }
    }
    host
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn links(s: &str) -> Vec<String> {
        let a = Analysed::new(s);
        a.links.iter().map(|l| a.slice(l.span)).collect()
    }

    #[test]
    fn links_with_and_without_scheme() {
        assert_eq!(
            links("Track at acme.com/track. Reply STOP"),
            vec!["acme.com/track"]
        );
        assert_eq!(
            links("See https://acme.com/t/{{orderId}} now"),
            vec!["https://acme.com/t/{{orderId}}"]
        );
        assert_eq!(links("Go to www.acme.com."), vec!["www.acme.com"]);
        assert_eq!(
            links("Visit support.acme.com or bit.ly/abc"),
            vec!["support.acme.com", "bit.ly/abc"]
        );
        assert!(links("Email help@acme.com today").is_empty());
        assert!(links("Costs $49.99 at 3.5 p.m. e.g. invoice.pdf").is_empty());
        assert!(links("(see acme.com)").len() == 1);
    }

    #[test]
    fn phones_and_tracking_numbers() {
        let p = |s: &str| {
            let a = Analysed::new(s);
            a.phones.iter().map(|&sp| a.slice(sp)).collect::<Vec<_>>()
        };
        assert_eq!(p("Call (415) 555-0132 now"), vec!["(415) 555-0132"]);
        assert_eq!(p("call 1-800-555-0199."), vec!["1-800-555-0199"]);
        assert_eq!(p("or +15551234567"), vec!["+15551234567"]);
        assert_eq!(p("at 415.555.0132"), vec!["415.555.0132"]);
        assert_eq!(p("Call 1-877-BLOOMIN today"), vec!["1-877-BLOOMIN"]);
        assert!(p("Tracking: 1Z999AA10123456784.").is_empty());
        assert!(p("Order #4155550132 shipped").is_empty());
        assert!(p("Your code is 847291").is_empty());
    }

    #[test]
    fn placeholders_and_classes() {
        let a = Analysed::new(
            "Hi {{name}}, [Brand] at {url} or @OTP_PIN@ <Company> [tracking link] {{orderNumber}}",
        );
        let cls: Vec<PlaceholderClass> = a.placeholders.iter().map(|p| p.class).collect();
        assert_eq!(cls.len(), 7);
        assert_eq!(cls[0], PlaceholderClass::default());
        assert!(cls[1].brand);
        assert!(cls[2].link && cls[2].contact);
        assert!(cls[3].code);
        assert!(cls[4].brand);
        assert!(cls[5].link);
        assert!(!cls[6].contact);
    }

    #[test]
    fn tokens_words_and_offsets() {
        let a = Analysed::new("Don’t stop — Acme's “nonstop” deals 😀 $49.99!");
        let words: Vec<&str> = (0..a.toks.len()).map(|i| a.text(i)).collect();
        assert_eq!(
            words,
            vec![
                "dont", "stop", "-", "acme", "'", "s", "\"", "nonstop", "\"", "deals", "😀", "$",
                "49.99", "!"
            ]
        );
        // UTF-16: the emoji is two units.
        let bang = a.toks.last().map(|t| t.span.start).unwrap_or(0);
        assert_eq!(
            a.utf16_at(bang),
            "Don’t stop — Acme's “nonstop” deals 😀 $49.99"
                .encode_utf16()
                .count()
        );
    }

    #[test]
    fn registrable_domains() {
        assert_eq!(registrable("support.acme.com"), "acme.com");
        assert_eq!(registrable("acme.com"), "acme.com");
        assert_eq!(registrable("shop.acme.co.uk"), "acme.co.uk");
    }
}
