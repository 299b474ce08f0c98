// Runs the README's JavaScript examples against the built package. A line
// `console.log(A, B); // → X, Y` becomes an assertion that A deep-equals X and B equals Y.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, rmSync, mkdtempSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The runnable examples of a README: ```js blocks (ES modules) and ```cjs blocks (CommonJS). */
export function examples(markdown) {
  return [...markdown.matchAll(/```(js|cjs)\n([\s\S]*?)```/g)].map((m) => ({ kind: m[1], code: m[2] }));
}

export function toTest(code, kind = 'js') {
  const lines = code.split('\n').map((line) => {
    const m = line.match(/^(\s*)console\.log\((.*)\);\s*\/\/ → (.*)$/);
    if (!m) return line;
    return `${m[1]}assert.deepStrictEqual([${m[2]}], [${m[3]}]);`;
  });
  const head = kind === 'cjs' ? "const assert = require('node:assert/strict');" : "import assert from 'node:assert/strict';";
  return `${head}\n${lines.join('\n')}\n`;
}

for (const readme of ['README.md', 'pkg/README.md']) test(`${readme} examples run and print what they say`, () => {
  const blocks = examples(readFileSync(`${root}/${readme}`, 'utf8'));
  assert.ok(blocks.length >= 1);
  const dir = mkdtempSync(`${root}/tests/.readme-`);
  try {
    blocks.forEach(({ kind, code }, i) => {
      const file = `${dir}/example-${i}.${kind === 'cjs' ? 'cjs' : 'mjs'}`;
      const source = toTest(code, kind);
      assert.ok(source.includes('assert.deepStrictEqual'), `example ${i} checks something`);
      writeFileSync(file, source);
      const run = spawnSync(process.execPath, [file], { encoding: 'utf8' });
      assert.equal(run.status, 0, `${readme} example ${i} failed:\n${run.stderr}\n--- source ---\n${source}`);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
