#!/usr/bin/env bash
# Installs what building (and testing) Stadtlabor needs, and only what is missing: running it
# again is quick. Works offline with the package registries alone (see README, "Setup").
#
#   scripts/setup.sh app    # build tools: wasm32 toolchain, wasm-bindgen CLI, cargo-leptos
#   scripts/setup.sh test   # … plus PostgreSQL, Chromium, Playwright, cargo-nextest, cargo-audit
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$STADTLABOR_ROOT"

purpose="${1:-test}"
case "$purpose" in app | test) ;; *) echo "usage: $0 [app|test]" >&2; exit 2 ;; esac

CARGO_LEPTOS_VERSION=0.3.11
log() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=0
# Another installer (unattended-upgrades, a second setup) holds dpkg's lock: wait for it for up
# to 10 minutes instead of failing.
APT_WAIT=(-o DPkg::Lock::Timeout=600)
# Installs the Debian packages among "$@" that are not installed yet.
apt_install() {
  local missing=() package
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
      missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if ! command -v apt-get >/dev/null; then
    echo "setup: please install these packages with your package manager: ${missing[*]}" >&2
    return 1
  fi
  if [ "$apt_updated" -eq 0 ]; then
    sudo_if_needed apt-get "${APT_WAIT[@]}" update -qq
    apt_updated=1
  fi
  log "installing ${missing[*]}"
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive \
    apt-get "${APT_WAIT[@]}" install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Release builds of the tools below without fat LTO: 17 instead of 37 minutes on 2 cores.
install_tool() {
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 "$@"
}

# --- 1. A way to build for wasm32 ---------------------------------------------------------
if [ "$STADTLABOR_WASM_ROUTE" = none ]; then
  log "adding the wasm32-unknown-unknown target with rustup"
  # rustup's download server is not a promised source here: give up after two minutes.
  if ! { command -v rustup >/dev/null && timeout 120 rustup target add wasm32-unknown-unknown; }; then
    log "rustup could not add the target; using Debian's rust-web toolchain with -Zbuild-std"
    apt_install rustc-web cargo-web rust-web-src rust-web-llvm
  fi
  source scripts/env.sh
  if [ "$STADTLABOR_WASM_ROUTE" = none ]; then
    echo "setup: no wasm32 toolchain could be installed (rustup target or Debian rust-web)" >&2
    exit 1
  fi
fi
log "WebAssembly route: $STADTLABOR_WASM_ROUTE"

# --- 2. wasm-bindgen CLI, exactly the version of the crate in Cargo.lock --------------------
wasm_bindgen_version="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wasm_bindgen_version" ]; then
  log "installing wasm-bindgen-cli $wasm_bindgen_version (takes minutes)"
  # Not --locked: the CLI's locked dependency versions are not all served by the registry.
  install_tool cargo install wasm-bindgen-cli --version "$wasm_bindgen_version" --force
fi

# --- 3. cargo-leptos -------------------------------------------------------------------------
if [ "$(cargo leptos --version 2>/dev/null | awk '{print $2}')" != "$CARGO_LEPTOS_VERSION" ]; then
  log "installing cargo-leptos $CARGO_LEPTOS_VERSION (takes about 17 minutes on 2 cores)"
  rustc_minor="$(rustc --version | awk '{ split($2, v, "."); print v[2] }')"
  if [ "$rustc_minor" -ge 96 ]; then
    install_tool cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked
  else
    # Its locked dependencies need rustc >= 1.96: use Debian's newer compiler for this tool.
    apt_install rustc-web cargo-web
    RUSTC=/usr/bin/rustc install_tool /usr/bin/cargo install cargo-leptos \
      --version "$CARGO_LEPTOS_VERSION" --locked --root "$HOME/.cargo"
  fi
fi

[ "$purpose" = app ] && exit 0

# --- 4. Test runners and services ------------------------------------------------------------
if ! cargo nextest --version >/dev/null 2>&1; then
  log "installing cargo-nextest"
  install_tool cargo install cargo-nextest --locked
fi
if ! cargo audit --version >/dev/null 2>&1; then
  log "installing cargo-audit (the dependency audit of .ci/run)"
  install_tool cargo install cargo-audit --version 0.22.2 --locked
fi
apt_install postgresql chromium chromium-driver
command -v npm >/dev/null || apt_install nodejs npm

# Playwright and axe-core (and binaryen's wasm-opt for release builds), exactly as locked.
# Never `npx playwright install`: the tests use Debian's Chromium.
if [ ! -f end2end/node_modules/.package-lock.json ] ||
  [ end2end/package-lock.json -nt end2end/node_modules/.package-lock.json ]; then
  log "installing the end-to-end test packages"
  (cd end2end && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
fi
log "ready"
