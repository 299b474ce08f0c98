// Loads the shared JSON vectors in tests/vectors/ (the Rust tests read the same files).
import { readFileSync } from 'node:fs';

export function loadVectors(name) {
  return JSON.parse(readFileSync(new URL(`../vectors/${name}`, import.meta.url), 'utf8'));
}

/** The text of a segment vector: `text`, `pieces` ([string, repeat] concatenated) or raw `units`. */
export function vectorText(v) {
  if (typeof v.text === 'string') return v.text;
  if (Array.isArray(v.units)) return String.fromCharCode(...v.units);
  return v.pieces.map(([s, n]) => s.repeat(n)).join('');
}
