//! String building without `format!` or `[..].concat()`: one small non-generic function
//! each, shared by every message the crate builds (the wasm is smaller).

/// The concatenation of `parts`: one non-generic call instead of a `format!` for a
/// message made of fixed texts and string values.
#[inline(never)]
pub(crate) fn cat(parts: &[&str]) -> String {
    let mut len = 0;
    for p in parts {
        len += p.len();
    }
    let mut out = String::with_capacity(len);
    for p in parts {
        out.push_str(p);
    }
    out
}

/// `items` joined with `", "` (one instantiation for every list in a message).
pub(crate) fn join_comma(items: &[&str]) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(item);
    }
    out
}

/// `a` to `e` in one string (fixed texts around two values).
#[inline(never)]
pub(crate) fn cat5(a: &str, b: &str, c: &str, d: &str, e: &str) -> String {
    cat(&[a, b, c, d, e])
}

/// `a`, `b` and `c` in one string (a fixed text around one value).
#[inline(never)]
pub(crate) fn cat3(a: &str, b: &str, c: &str) -> String {
    cat(&[a, b, c])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_as_std() {
        assert_eq!(join_comma(&["a", "b", "c"]), ["a", "b", "c"].join(", "));
        assert_eq!(join_comma(&[]), "");
        assert_eq!(cat(&["Bearer ", "KEY"]), ["Bearer ", "KEY"].concat());
        assert_eq!(cat3("\"", "x", "\" is"), "\"x\" is");
        assert_eq!(cat5("a", "b", "c", "d", "é"), "abcdé");
    }
}
