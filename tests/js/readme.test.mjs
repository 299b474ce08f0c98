// Runs the README's JavaScript examples against the built package. A line
// `console.log(A, B); // → X, Y` becomes an assertion that A deep-equals X and B equals Y.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, rmSync, mkdtempSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export function examples(markdown) {
  return [...markdown.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
}

export function toTest(code) {
  const lines = code.split('\n').map((line) => {
    const m = line.match(/^(\s*)console\.log\((.*)\);\s*\/\/ → (.*)$/);
    if (!m) return line;
    return `${m[1]}assert.deepStrictEqual([${m[2]}], [${m[3]}]);`;
  });
  return `import assert from 'node:assert/strict';\n${lines.join('\n')}\n`;
}

test('README examples run and print what they say', () => {
  const blocks = examples(readFileSync(`${root}/README.md`, 'utf8'));
  assert.ok(blocks.length >= 1);
  const dir = mkdtempSync(`${root}/tests/.readme-`);
  try {
    blocks.forEach((block, i) => {
      const file = `${dir}/example-${i}.mjs`;
      const source = toTest(block);
      assert.ok(source.includes('assert.deepStrictEqual'), `example ${i} checks something`);
      writeFileSync(file, source);
      const run = spawnSync(process.execPath, [file], { encoding: 'utf8' });
      assert.equal(run.status, 0, `README example ${i} failed:\n${run.stderr}\n--- source ---\n${source}`);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
