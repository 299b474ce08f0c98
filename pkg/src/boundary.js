// What the segment functions of the wasm binding import from JavaScript: builders that turn
// the binding's compact typed arrays into plain result objects in a single call (one wasm→JS
// call per result instead of one per field). No logic lives here: every figure is computed
// in Rust.

const encoder = new TextEncoder();

/**
 * Writes a string as UTF-8 into `buffer` (a view of wasm memory) in one native call and
 * returns the bytes written. A lone surrogate becomes U+FFFD, which the binding detects and
 * then reads the string with `utf16Units` instead.
 * @param {string} text
 * @param {Uint8Array} buffer at least 3 × text.length bytes
 * @returns {number}
 */
export function encodeUtf8(text, buffer) {
  return encoder.encodeInto(text, buffer).written;
}

/**
 * The UTF-16 code units of a string, lone surrogates included (TextEncoder would replace them).
 * @param {string} text
 * @returns {Uint16Array}
 */
export function utf16Units(text) {
  const n = text.length;
  const out = new Uint16Array(n);
  for (let i = 0; i < n; i++) out[i] = text.charCodeAt(i);
  return out;
}

/** `{ encoding, segments, units }` */
export function segmentCount(encoding, segments, units) {
  return { encoding, segments, units };
}

/**
 * The `analyze` result. `head` is [segments, units, unitsLeft, cost (NaN: none)]; `parts` holds
 * (start, end, units) triples into `analysed`; `nonGsm` (index, length, codePoint, table row + 1)
 * quads into `text`; `ext` (index, codePoint) pairs into `analysed`; `table` is the smart-encoding
 * table as [replacements, names].
 */
export function analysis(text, analysed, encoding, head, parts, nonGsm, ext, warnings, smart, table) {
  const partList = new Array(parts.length / 3);
  for (let i = 0, j = 0; i < parts.length; i += 3, j++) {
    const start = parts[i];
    const end = parts[i + 1];
    partList[j] = { text: analysed.slice(start, end), units: parts[i + 2], start, end };
  }
  const nonGsmList = new Array(nonGsm.length / 4);
  for (let i = 0, j = 0; i < nonGsm.length; i += 4, j++) {
    const index = nonGsm[i];
    const length = nonGsm[i + 1];
    const row = nonGsm[i + 3];
    nonGsmList[j] = {
      index,
      length,
      char: text.slice(index, index + length),
      codePoint: nonGsm[i + 2],
      replacement: row === 0 ? null : table[0][row - 1],
      name: row === 0 ? null : table[1][row - 1],
    };
  }
  const extList = new Array(ext.length / 2);
  for (let i = 0, j = 0; i < ext.length; i += 2, j++) {
    extList[j] = { index: ext[i], char: String.fromCharCode(ext[i + 1]) };
  }
  const result = {
    encoding,
    segments: head[0],
    units: head[1],
    unitsLeft: head[2],
    parts: partList,
    nonGsm: nonGsmList,
    extensionChars: extList,
    warnings,
  };
  if (smart !== undefined) result.smart = smart;
  if (!Number.isNaN(head[3])) result.cost = head[3];
  return result;
}

