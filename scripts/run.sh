#!/usr/bin/env bash
# Sets up (if needed), builds and serves Stadtlabor on http://127.0.0.1:3000 with the embedded
# SQLite database (data/stadtlabor.db) and the demo content of the model region.
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$STADTLABOR_ROOT"

scripts/setup.sh app
cargo leptos build "${STADTLABOR_LEPTOS_ARGS[@]}"
./target/debug/stadtlabor seed-demo
echo "Stadtlabor: http://127.0.0.1:3000 (Ctrl-C stops it)"
exec ./target/debug/stadtlabor serve
