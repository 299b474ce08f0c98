// Loads examples/worker into workerd (through miniflare) the way wrangler bundles it: the bare
// import `smsedge/webhooks` is resolved with the `workerd` export condition from the installed
// package's package.json, its relative imports are followed, and `.wasm` files become
// CompiledWasm modules (wrangler's default rule), so the Worker runs with no init call.
// Used by tests/worker/worker.test.mjs and bench/worker-load.mjs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const WORKER_DIR = path.join(ROOT, 'examples/worker');
const VIRTUAL = '/worker'; // modulesRoot: module names are paths below it

const CONDITIONS = ['workerd', 'worker', 'browser', 'import', 'default']; // wrangler's order

/** The file a bare specifier like `smsedge/webhooks` resolves to under the workerd condition. */
export function resolvePackage(specifier, fromDir = WORKER_DIR, packages = {}) {
  const [name, ...rest] = specifier.split('/');
  const require = createRequire(path.join(fromDir, 'noop.js'));
  let pkgJson;
  if (packages[name]) {
    pkgJson = path.join(packages[name], 'package.json'); // e.g. the package unpacked from `npm pack`
  } else {
    try {
      pkgJson = require.resolve(`${name}/package.json`);
    } catch {
      // examples/worker has no node_modules of its own in the tests: the root's smsedge (file:pkg)
      pkgJson = createRequire(path.join(ROOT, 'noop.js')).resolve(`${name}/package.json`);
    }
  }
  const pkgDir = path.dirname(pkgJson);
  const exportsMap = JSON.parse(readFileSync(pkgJson, 'utf8')).exports;
  let target = exportsMap[rest.length ? `./${rest.join('/')}` : '.'];
  while (target && typeof target === 'object') {
    const condition = CONDITIONS.find((c) => c in target);
    if (!condition) throw new Error(`${specifier}: no export for ${CONDITIONS.join('/')}`);
    target = target[condition];
  }
  if (typeof target !== 'string') throw new Error(`${specifier}: not exported`);
  return { pkgDir, file: path.join(pkgDir, target) };
}

// Static imports and re-exports, as written or minified (`import{a}from"./x.js"`, `export*from"./y.js"`).
const IMPORT_RE = /(?:^|[;\s}])(?:import|export)\s*(?:[^'"`;()]*?[\s}*]from\s*)?['"]([^'"]+)['"]/g;

/**
 * Miniflare `modules` for an entry file (named by its path below examples/worker): its relative
 * imports and bare package imports, recursively. `replace` maps a bare specifier to a file that
 * stands in for it (bench/worker-load.mjs: `smsedge/webhooks` -> the WebCrypto variant), or to
 * `{ file, source }`: that source, its relative imports resolved from `file`'s directory.
 * `packages` maps a package name to the directory it is taken from (default: node_modules).
 */
export function workerModules(entryFile, replace = {}, packages = {}) {
  const modules = new Map(); // name -> module
  const add = (file, name) => {
    if (modules.has(name)) return;
    if (file.endsWith('.wasm')) {
      modules.set(name, { type: 'CompiledWasm', path: path.posix.join(VIRTUAL, name), contents: readFileSync(file) });
      return;
    }
    const source = readFileSync(file, 'utf8');
    modules.set(name, { type: 'ESModule', path: path.posix.join(VIRTUAL, name), contents: source });
    for (const [, spec] of source.matchAll(IMPORT_RE)) {
      if (spec.startsWith('.')) {
        add(path.resolve(path.dirname(file), spec), path.posix.normalize(path.posix.join(path.posix.dirname(name), spec)));
      } else if (!spec.startsWith('node:') && !spec.startsWith('cloudflare:')) {
        // A bare import: workerd looks it up relative to the importing module's directory, so
        // the package entry is named `<dir>/<specifier>` and its own relative imports resolve
        // below that (`src/smsedge/webhooks` + `./boundary.js` = `src/smsedge/boundary.js`).
        const stand = replace[spec];
        const target = typeof stand === 'string' ? stand : stand?.file ?? resolvePackage(spec, path.dirname(file), packages).file;
        addPackageFile(target, path.posix.join(path.posix.dirname(name), spec), stand?.source);
      }
    }
  };
  const addPackageFile = (file, name, given) => {
    if (modules.has(name)) return;
    const source = given ?? readFileSync(file, 'utf8');
    modules.set(name, { type: 'ESModule', path: path.posix.join(VIRTUAL, name), contents: source });
    for (const [, spec] of source.matchAll(IMPORT_RE)) {
      if (!spec.startsWith('.')) throw new Error(`${file}: bare import ${spec} not supported here`);
      // Relative to the module's name: `smsedge/webhooks` + `./x` = `smsedge/x`. The file on
      // disk is relative to the real file.
      const childName = path.posix.normalize(path.posix.join(path.posix.dirname(name), spec));
      add(path.resolve(path.dirname(file), spec), childName);
    }
  };
  add(entryFile, path.relative(WORKER_DIR, entryFile).split(path.sep).join('/'));
  return [...modules.values()];
}
