//! `difflib.SequenceMatcher(None, a, b).ratio()` from Python, exactly, on characters.
//!
//! The catalogue's near-duplicate threshold (0.85) was tuned with Python's difflib, so
//! this is a faithful port: the same longest-block recursion, the same "popular
//! element" autojunk for sequences of 200 or more, the same tie-breaking. Cheap upper
//! bounds (`real_quick_ratio`, `quick_ratio`) run first, as difflib's docs advise.

/// Python's `SequenceMatcher(None, a, b).ratio()`.
pub(crate) fn ratio(a: &[char], b: &[char]) -> f64 {
    let total = a.len() + b.len();
    if total == 0 {
        return 1.0;
    }
    matches(a, b) as f64 * 2.0 / total as f64
}

/// True when `ratio(a, b) >= threshold`, skipping the full computation when an upper
/// bound already rules it out.
pub(crate) fn ratio_at_least(a: &[char], b: &[char], threshold: f64) -> bool {
    let total = a.len() + b.len();
    if total == 0 {
        return true;
    }
    let bound = |m: usize| m as f64 * 2.0 / total as f64;
    if bound(a.len().min(b.len())) < threshold {
        return false;
    }
    if bound(quick_matches(a, b)) < threshold {
        return false;
    }
    ratio(a, b) >= threshold
}

/// Multiset intersection size (difflib's `quick_ratio` numerator).
fn quick_matches(a: &[char], b: &[char]) -> usize {
    let mut avail: Vec<(char, usize)> = Vec::new();
    for &c in b {
        match avail.iter_mut().find(|(x, _)| *x == c) {
            Some((_, n)) => *n += 1,
            None => avail.push((c, 1)),
        }
    }
    let mut matches = 0;
    for &c in a {
        if let Some((_, n)) = avail.iter_mut().find(|(x, n)| *x == c && *n > 0) {
            *n -= 1;
            matches += 1;
        }
    }
    matches
}

/// `b2j`: for each distinct element of `b`, its ascending positions (popular ones dropped).
struct B2j {
    /// Distinct elements, sorted.
    keys: Vec<char>,
    positions: Vec<Vec<usize>>,
}

impl B2j {
    fn new(b: &[char]) -> Self {
        let mut keys: Vec<char> = Vec::new();
        let mut positions: Vec<Vec<usize>> = Vec::new();
        for (i, &c) in b.iter().enumerate() {
            match keys.binary_search(&c) {
                Ok(k) => {
                    if let Some(p) = positions.get_mut(k) {
                        p.push(i);
                    }
                }
                Err(k) => {
                    keys.insert(k, c);
                    positions.insert(k, vec![i]);
                }
            }
        }
        // autojunk: drop elements occurring more than 1% (+1) in sequences of 200+.
        let n = b.len();
        if n >= 200 {
            let ntest = n / 100 + 1;
            for p in &mut positions {
                if p.len() > ntest {
                    p.clear();
                }
            }
        }
        Self { keys, positions }
    }

    fn get(&self, c: char) -> &[usize] {
        match self.keys.binary_search(&c) {
            Ok(i) => self.positions.get(i).map_or(&[], Vec::as_slice),
            Err(_) => &[],
        }
    }
}

struct Matcher<'a> {
    a: &'a [char],
    b: &'a [char],
    b2j: B2j,
    j2len: Vec<usize>,
    new_j2len: Vec<usize>,
    touched: Vec<usize>,
    new_touched: Vec<usize>,
}

impl Matcher<'_> {
    /// difflib `find_longest_match` (no junk function, so only the first two extensions).
    fn longest(&mut self, alo: usize, ahi: usize, blo: usize, bhi: usize) -> (usize, usize, usize) {
        let (mut besti, mut bestj, mut bestsize) = (alo, blo, 0);
        for &j in &self.touched {
            if let Some(x) = self.j2len.get_mut(j + 1) {
                *x = 0;
            }
        }
        self.touched.clear();
        for i in alo..ahi {
            let Some(&c) = self.a.get(i) else { break };
            self.new_touched.clear();
            for &j in self.b2j.get(c) {
                if j < blo {
                    continue;
                }
                if j >= bhi {
                    break;
                }
                // j2len is shifted by one: slot j+1 holds the run length ending at b[j].
                let k = self.j2len.get(j).copied().unwrap_or(0) + 1;
                if let Some(x) = self.new_j2len.get_mut(j + 1) {
                    *x = k;
                }
                self.new_touched.push(j);
                if k > bestsize {
                    besti = i + 1 - k;
                    bestj = j + 1 - k;
                    bestsize = k;
                }
            }
            for &j in &self.touched {
                if let Some(x) = self.j2len.get_mut(j + 1) {
                    *x = 0;
                }
            }
            std::mem::swap(&mut self.j2len, &mut self.new_j2len);
            std::mem::swap(&mut self.touched, &mut self.new_touched);
        }
        for &j in &self.touched {
            if let Some(x) = self.j2len.get_mut(j + 1) {
                *x = 0;
            }
        }
        self.touched.clear();
        while besti > alo && bestj > blo && self.a.get(besti - 1) == self.b.get(bestj - 1) {
            besti -= 1;
            bestj -= 1;
            bestsize += 1;
        }
        while besti + bestsize < ahi
            && bestj + bestsize < bhi
            && self.a.get(besti + bestsize) == self.b.get(bestj + bestsize)
        {
            bestsize += 1;
        }
        (besti, bestj, bestsize)
    }
}

/// Total size of difflib's matching blocks.
fn matches(a: &[char], b: &[char]) -> usize {
    let mut m = Matcher {
        a,
        b,
        b2j: B2j::new(b),
        j2len: vec![0; b.len() + 2],
        new_j2len: vec![0; b.len() + 2],
        touched: Vec::new(),
        new_touched: Vec::new(),
    };
    let mut queue = vec![(0, a.len(), 0, b.len())];
    let mut total = 0;
    while let Some((alo, ahi, blo, bhi)) = queue.pop() {
        let (i, j, k) = m.longest(alo, ahi, blo, bhi);
        if k > 0 {
            total += k;
            if alo < i && blo < j {
                queue.push((alo, i, blo, j));
            }
            if i + k < ahi && j + k < bhi {
                queue.push((i + k, ahi, j + k, bhi));
            }
        }
    }
    total
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn r(a: &str, b: &str) -> f64 {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        ratio(&a, &b)
    }

    #[test]
    fn matches_python_difflib() {
        // Values computed with CPython 3 difflib.SequenceMatcher(None, a, b).ratio().
        assert!((r("abcd", "bcde") - 0.75).abs() < 1e-9);
        assert!((r("qabxcd", "abycdf") - 0.6666666666666666).abs() < 1e-9);
        assert!((r("", "") - 1.0).abs() < 1e-9);
        assert!(
            (r(
                "private Thread currentThread;",
                "private volatile Thread currentThread;"
            ) - 0.8656716417910447)
                .abs()
                < 1e-9
        );
        // autojunk: in a sequence of 200+, elements above 1% are ignored.
        let a = format!(
            "{}{}",
            "x".repeat(150),
            "the quick brown fox jumps over the lazy dog ".repeat(3)
        );
        let b = format!(
            "{}{}",
            "y".repeat(120),
            "the quick brown fox jumped over a lazy dog ".repeat(4)
        );
        assert!(r(&a, &b).abs() < 1e-9);
    }
}
