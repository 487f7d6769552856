# Sourced (never run) by every script and by .ci/run: one build environment for cargo-leptos,
# cargo nextest and clippy, so none of them invalidates the others' build artifacts.
#
#   source scripts/env.sh
#
# Chooses how the WebAssembly half is built:
#   rustup  – the wasm32-unknown-unknown target of the rustup toolchain (ordinary machines)
#   debian  – Debian's rust-web toolchain, std rebuilt with -Zbuild-std (offline machines)

STADTLABOR_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export STADTLABOR_ROOT

# wasm-opt (npm binaryen, for release builds) and cargo-installed tools come first.
export PATH="$STADTLABOR_ROOT/end2end/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# leptos_config reads LEPTOS_OUTPUT_NAME at compile time and cargo-leptos always sets it;
# setting it for plain cargo too keeps one set of artifacts.
export LEPTOS_OUTPUT_NAME=stadtlabor


stadtlabor_wasm_route() {
  local libdir
  libdir="$(rustc --print target-libdir --target wasm32-unknown-unknown 2>/dev/null || true)"
  if [ -n "$libdir" ] && ls "$libdir"/libcore-*.rlib >/dev/null 2>&1; then
    echo rustup
  elif [ -x /usr/bin/rustc ] && [ -d /usr/lib/rustlib/src/rust/library ]; then
    echo debian
  else
    echo none
  fi
}

# Extra arguments for `cargo leptos build`, filled per route.
STADTLABOR_LEPTOS_ARGS=()
STADTLABOR_WASM_ROUTE="$(stadtlabor_wasm_route)"
export STADTLABOR_WASM_ROUTE
if [ "$STADTLABOR_WASM_ROUTE" = debian ]; then
  # Debian's rustc 1.96 for everything (mixing two compilers would rebuild everything), with
  # the nightly-only -Zbuild-std unlocked for the wasm32 std.
  export RUSTUP_TOOLCHAIN=/usr RUSTC_BOOTSTRAP=1
  STADTLABOR_LEPTOS_ARGS=(--lib-cargo-args=-Zbuild-std=std,panic_abort)
fi
