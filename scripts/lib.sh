#!/usr/bin/env bash
# Shared steps for scripts/start, scripts/test and .ci/run. Each step installs what it needs.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

log() { printf '\n==> %s\n' "$*"; }

# The wasm32 target and the wasm-bindgen CLI at exactly the version Cargo.lock pins.
ensure_rust_tools() {
  command -v cargo >/dev/null || { echo "cargo not found: install Rust with rustup first" >&2; exit 1; }
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    log "rustup target add wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
  (cd "$ROOT" && cargo generate-lockfile --offline >/dev/null 2>&1 || true)
  local want
  want="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock")"
  [ -n "$want" ] || { echo "wasm-bindgen is not in Cargo.lock" >&2; exit 1; }
  local have=""
  command -v wasm-bindgen >/dev/null && have="$(wasm-bindgen --version | awk '{print $2}')"
  if [ "$have" != "$want" ]; then
    log "cargo install wasm-bindgen-cli --version $want (have: ${have:-none})"
    cargo install wasm-bindgen-cli --version "$want"
  fi
}

# npm packages of the root (tests, benchmarks, the dev server).
ensure_node_modules() {
  command -v node >/dev/null || { echo "node not found: install Node.js 20 first" >&2; exit 1; }
  local stamp="$ROOT/node_modules/.smsedge-lock"
  if [ ! -f "$stamp" ] || ! cmp -s "$ROOT/package-lock.json" "$stamp"; then
    # NOTE: `npm install` (which follows the lock file) rather than `npm ci`: with
    # omit-lockfile-registry-resolved set, npm ci rejects the lock file's optional
    # per-platform packages (rollup's, esbuild's) as missing.
    log "npm install (from package-lock.json)"
    (cd "$ROOT" && npm install --no-audit --no-fund)
    cp "$ROOT/package-lock.json" "$stamp"
  fi
}

# Debian's Chromium for the browser tests (playwright-core drives it; it downloads no browser).
ensure_chromium() {
  [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] && return 0
  log "apt-get install chromium"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
}

# Builds pkg/dist/<name>/ from crates/smsedge-wasm with the given cargo features, and
# optionally extra rustc flags and cargo arguments for that build only (its own target dir
# keeps caches apart).
build_wasm() {
  local name="$1" features="$2" rustflags="${3:-}"
  shift "$(( $# < 3 ? $# : 3 ))"
  local target_dir="$ROOT/target/wasm-$name"
  # Panic locations name source files: the toolchain's and the registry's paths are made
  # machine-independent (no build machine's home directory in a shipped binary).
  local remap
  remap="--remap-path-prefix=$(rustc --print sysroot)/lib/rustlib/src/rust=/rust --remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}/registry/src=/crates"
  rustflags="$remap${rustflags:+ $rustflags}"
  log "wasm build '$name' (features: $features${rustflags:+; rustflags: $rustflags}${*:+; $*})"
  (cd "$ROOT" && RUSTFLAGS="${RUSTFLAGS:-}${rustflags:+ $rustflags}" cargo build --quiet --release --target wasm32-unknown-unknown -p smsedge-wasm \
      --no-default-features --features "$features" --target-dir "$target_dir" "$@")
  rm -rf "$ROOT/pkg/dist/$name"
  # shellcheck disable=SC2086 # BINDGEN_ARGS is a list of flags
  wasm-bindgen --target web --remove-name-section --remove-producers-section ${BINDGEN_ARGS:-} \
    --out-dir "$ROOT/pkg/dist/$name" --out-name smsedge "$target_dir/wasm32-unknown-unknown/release/smsedge_wasm.wasm"
  # wasm-bindgen declares `[Symbol.dispose]()` on exported classes, which only compiles with
  # TypeScript's esnext.disposable lib; drop the declaration (the method is still there).
  if [ -f "$ROOT/pkg/dist/$name/smsedge.d.ts" ]; then
    sed -i.orig '/^    \[Symbol\.dispose\](): void;$/d' "$ROOT/pkg/dist/$name/smsedge.d.ts"
    rm -f "$ROOT/pkg/dist/$name/smsedge.d.ts.orig"
  fi
}

build_pkg() {
  ensure_rust_tools
  # The main entry: segments, compliance and the client. Its webhook verifier is the
  # webhook-only build below (pkg/webhook-verifier.js), so the package holds it once.
  # Built for size ("z"): 11 KB gzipped less than "s". The segment loops that the composer
  # and countSegments run are written so that they do not need the inlining "z" gives up
  # (bench/segments.mjs measures the same speed either way).
  build_wasm full "segments,compliance,client" "" --config 'profile.release.opt-level="z"'

  # smsedge/webhooks: verification and events only, for Workers (cold start), built for size:
  # sha2's compact SHA-512 (-3 KB gzipped, no measurable cost) and the curve arithmetic at "s"
  # (-5.6 KB gzipped, ~30% slower verification). Its types are hand-written
  # (pkg/webhook-verifier.d.cts): the generated ones describe only the internal `Verifier`.
  BINDGEN_ARGS=--no-typescript build_wasm webhooks "webhooks" '--cfg sha2_backend_soft="compact"' \
    --config 'profile.release.package.curve25519-dalek.opt-level="s"'
  # The glue minified, the CommonJS entries for Node's require(), the full build's .d.cts.
  node "$ROOT/scripts/build-js.mjs"
}

# The web app's generated files (the checker's examples, from tests/vectors/compliance).
build_site() {
  node "$ROOT/scripts/examples.mjs"
}
