#!/usr/bin/env python3
"""Extract the Telnyx smart-encoding substitution table from the docs page.

Reads ../shared/docs/telnyx-messaging/08-messages--smart-encoding.md (the Telnyx
"Smart Encoding" page) and prints JSON rows {codePoint, name, replacement}.
The output was used once to write tests/vectors/smart-encoding-table.json; the
test suite checks the engine against that file, and this script lets anyone
re-check the file against the page.

With --rust it prints crates/smsedge-core/src/segments/smart_table.rs instead
(the rows sorted by code point, packed as that file describes):

    scripts/extract-smart-table.py --rust > crates/smsedge-core/src/segments/smart_table.rs
"""
import json, re, sys

args = [a for a in sys.argv[1:] if a != "--rust"]
rust = len(args) < len(sys.argv) - 1
path = args[0] if args else "../shared/docs/telnyx-messaging/08-messages--smart-encoding.md"
text = open(path, encoding="utf-8").read()
section = text[text.index("## Character substitutions"):text.index("## Edge cases")]

def unescape(cell):
    cell = cell.strip()
    if cell == "(space)":
        return " "
    if cell == "(removed)":
        return ""
    if cell == "7 spaces":
        return " " * 7
    if cell.startswith("`") and cell.endswith("`") and len(cell) > 2:
        cell = cell[1:-1]
    return re.sub(r"\\(.)", r"\1", cell)

rows = []
chunks = re.split(r"\|\s*U\+([0-9A-F]{4,5})\s*\|", section)
for i in range(1, len(chunks), 2):
    cp = int(chunks[i], 16)
    body = chunks[i + 1]
    # The row ends at the first line that starts a new table, heading or prose.
    body = re.split(r"\n\|\s*Unicode|\n\|-|\*\*|These (?:characters|control)|Tab characters|Greek capital letters that", body)[0]
    cells = [c.strip() for c in re.split(r"(?<!\\)\|", body)]
    cells = [c for c in cells if c != ""]
    replacement = unescape(cells[-1])
    name = cells[-2] if len(cells) >= 2 else ""
    rows.append({"codePoint": cp, "name": name, "replacement": replacement})

# Fullwidth letters are given as ranges in prose.
if "Fullwidth uppercase (U+FF21–U+FF3A)" in section:
    for cp in range(0xFF21, 0xFF3B):
        rows.append({"codePoint": cp, "name": "Fullwidth Latin capital letter " + chr(cp - 0xFF21 + 65), "replacement": chr(cp - 0xFF21 + 65)})
if "Fullwidth lowercase (U+FF41–U+FF5A)" in section:
    for cp in range(0xFF41, 0xFF5B):
        rows.append({"codePoint": cp, "name": "Fullwidth Latin small letter " + chr(cp - 0xFF41 + 97), "replacement": chr(cp - 0xFF41 + 97)})

seen = {}
for r in rows:
    if r["codePoint"] in seen and seen[r["codePoint"]] != r["replacement"]:
        sys.exit(f"conflicting rows for U+{r['codePoint']:04X}")
    seen[r["codePoint"]] = r["replacement"]
if not rust:
    json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
    sys.exit()

RUST_HEAD = """\
//! The Telnyx smart-encoding substitution table, one row per code point.
//!
//! Transcribed from the Telnyx "Smart Encoding" page (every table row, plus the
//! fullwidth letter ranges U+FF21–FF3A and U+FF41–FF5A given in prose).
//! `scripts/extract-smart-table.py` re-reads the page; `tests/vectors/smart-encoding-table.json`
//! holds its output and the tests check this table against it row by row.
//! `scripts/extract-smart-table.py --rust` writes this file.
//!
//! The rows are packed: the code points are one `[u16; ROWS]`, every row's replacement and
//! name follow each other in one ASCII string, and where each row starts (and where its
//! name starts) is computed at compile time. No row costs a pointer and a length.

/// How many rows the table has.
pub(crate) const ROWS: usize = {rows};

/// Lays the rows `(code point, replacement, name)` out as [`CODE_POINTS`], `TEXT` and
/// `LENGTHS`.
macro_rules! table {
    ($(($code_point:literal, $replacement:literal, $name:literal),)*) => {
        /// The code point of every row, sorted.
        pub(crate) static CODE_POINTS: [u16; ROWS] = [$($code_point),*];
        /// Every row's replacement then its name, row after row. An empty replacement
        /// removes the character.
        static TEXT: &str = concat!($($replacement, $name),*);
        /// The byte lengths of every row's replacement and name.
        const LENGTHS: [(usize, usize); ROWS] = [$(($replacement.len(), $name.len())),*];
    };
}

table! {
"""

RUST_TAIL = """\
}

/// Where every row starts in `TEXT`, then the length of `TEXT`. A text that is not ASCII
/// or too long for `u16` offsets fails the build.
static STARTS: [u16; ROWS + 1] = {
    let mut starts = [0; ROWS + 1];
    let (mut i, mut at) = (0, 0);
    while i < ROWS {
        at += LENGTHS[i].0 + LENGTHS[i].1;
        i += 1;
        starts[i] = at as u16;
    }
    assert!(TEXT.is_ascii() && at == TEXT.len() && at <= u16::MAX as usize);
    starts
};

/// The byte length of every row's replacement.
static REPLACEMENT_LENS: [u8; ROWS] = {
    let mut lens = [0; ROWS];
    let mut i = 0;
    while i < ROWS {
        assert!(LENGTHS[i].0 <= u8::MAX as usize);
        lens[i] = LENGTHS[i].0 as u8;
        i += 1;
    }
    lens
};

/// Row `i`'s `(replacement, name)`; `("", "")` when there is no row `i`.
#[inline]
pub(crate) fn fields(i: usize) -> (&'static str, &'static str) {
    let (Some(&start), Some(&end), Some(&len)) = (
        STARTS.get(i),
        STARTS.get(i.saturating_add(1)),
        REPLACEMENT_LENS.get(i),
    ) else {
        return ("", "");
    };
    match TEXT.get(usize::from(start)..usize::from(end)) {
        Some(row) => row.split_at_checked(usize::from(len)).unwrap_or(("", "")),
        None => ("", ""),
    }
}

/// Row `i`'s replacement as bytes: ASCII (the build checks it), so one byte is one UTF-16
/// unit. Empty when there is no row `i`.
#[inline]
pub(crate) fn replacement_ascii(i: usize) -> &'static [u8] {
    let (Some(&start), Some(&len)) = (STARTS.get(i), REPLACEMENT_LENS.get(i)) else {
        return &[];
    };
    let start = usize::from(start);
    TEXT.as_bytes()
        .get(start..start + usize::from(len))
        .unwrap_or_default()
}

/// For each 256-code-point page of the BMP, whether any row falls in it: most text (Latin
/// letters aside) is in pages with no row, and is rejected without a search.
pub(crate) static PAGES: [bool; 256] = {
    let mut pages = [false; 256];
    let mut i = 0;
    while i < ROWS {
        pages[(CODE_POINTS[i] >> 8) as usize] = true;
        i += 1;
    }
    pages
};
"""

def literal(cell):
    if not cell.isascii():
        sys.exit(f"a cell is not ASCII: {cell!r}")
    return '"' + cell.replace("\\", "\\\\").replace('"', '\\"') + '"'

out = [RUST_HEAD.replace("{rows}", str(len(rows)))]
for r in sorted(rows, key=lambda r: r["codePoint"]):
    if r["codePoint"] > 0xFFFF:
        sys.exit(f"U+{r['codePoint']:04X} does not fit the u16 table")
    out.append(f"    (0x{r['codePoint']:04X}, {literal(r['replacement'])}, {literal(r['name'])}),\n")
out.append(RUST_TAIL)
sys.stdout.write("".join(out))
