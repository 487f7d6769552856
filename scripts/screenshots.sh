#!/usr/bin/env bash
# Takes the screenshots in docs/screenshots/ (home page, idea list, idea page; phone and
# desktop) from the debug build with the living demo, on a database of its own.
# Run after `cargo leptos build` (scripts/run.sh or scripts/test.sh build it).
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$STADTLABOR_ROOT"

port=3200
db_dir=target/screenshots-db
rm -rf "$db_dir"
export DATABASE_URL="sqlite://$db_dir/stadtlabor.db"
export LEPTOS_SITE_ADDR="127.0.0.1:$port" LEPTOS_SITE_ROOT=target/site
export STADTLABOR_BASE_URL="http://127.0.0.1:$port" STADTLABOR_MAIL_DIR="$db_dir/mail"
export RUST_LOG=warn
./target/debug/stadtlabor seed-demo
./target/debug/stadtlabor serve &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 0.5
done
mkdir -p docs/screenshots
(cd end2end && node screenshots.mjs "http://127.0.0.1:$port" ../docs/screenshots)
