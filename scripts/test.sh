#!/usr/bin/env bash
# Sets up (if needed) and runs every test: the Rust suite on SQLite, the integration suite
# again on a real PostgreSQL server started here, then the Playwright journeys in Chromium.
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$STADTLABOR_ROOT"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

scripts/setup.sh test

step "Build: server and WebAssembly (cargo leptos build)"
cargo leptos build "${STADTLABOR_LEPTOS_ARGS[@]}"

step "Rust unit and integration tests on SQLite"
cargo nextest run --features ssr --no-fail-fast

step "Rust integration tests on PostgreSQL"
trap 'scripts/postgres.sh stop || true' EXIT
postgres_url="$(scripts/postgres.sh start)"
TEST_DATABASE_URL="$postgres_url" cargo nextest run --features ssr --no-fail-fast --test api

step "Browser journeys: Playwright in Chromium (one instance, SQLite)"
(cd end2end && npx playwright test)

step "Browser journeys again, round robin across three instances on one PostgreSQL database"
# Every request goes to the next instance (end2end/round-robin.mjs): a login, a form post and
# the page after it land on different instances, as behind a load balancer without stickiness.
psql -q "$postgres_url" -c 'CREATE DATABASE e2e'
(cd end2end && E2E_INSTANCES=3 E2E_DATABASE_URL="${postgres_url%/*}/e2e" npx playwright test)
