#!/usr/bin/env python3
"""Extract the Telnyx smart-encoding substitution table from the docs page.

Reads ../shared/docs/telnyx-messaging/08-messages--smart-encoding.md (the Telnyx
"Smart Encoding" page) and prints JSON rows {codePoint, name, replacement}.
The output was used once to write tests/vectors/smart-encoding.json; the test
suite checks the engine against that file, and this script lets anyone re-check
the file against the page.
"""
import json, re, sys

path = sys.argv[1] if len(sys.argv) > 1 else "../shared/docs/telnyx-messaging/08-messages--smart-encoding.md"
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
json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
