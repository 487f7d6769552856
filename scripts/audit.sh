#!/usr/bin/env bash
# The dependency audit: `cargo audit` of Cargo.lock against a snapshot of the RustSec advisory
# database, offline (the registries this project reaches do not serve it). Fails on a known
# vulnerability; each ignored advisory below says why it does not apply.
#
#   STADTLABOR_ADVISORY_DB=/path/to/advisory-db scripts/audit.sh
#
# With internet, refresh the snapshot with `git clone https://github.com/rustsec/advisory-db`
# (or `git pull` in it) and point STADTLABOR_ADVISORY_DB at it.
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$STADTLABOR_ROOT"

db="${STADTLABOR_ADVISORY_DB:-}"
if [ -z "$db" ]; then
  for candidate in "$STADTLABOR_ROOT/../shared/advisory-db" /work/shared/advisory-db; do
    if [ -d "$candidate/crates" ]; then db="$candidate"; break; fi
  done
fi
if [ -z "$db" ] || [ ! -d "$db/crates" ]; then
  echo "No RustSec advisory database found (set STADTLABOR_ADVISORY_DB)." >&2
  # CI must not pass without the audit; elsewhere the audit is optional.
  [ "${CI:-}" = true ] && exit 1
  exit 0
fi
echo "Advisory database: $db"
head -c 300 "$db/README.md" 2>/dev/null | head -n 2 || true
echo

# RUSTSEC-2023-0071 (rsa, Marvin attack): rsa is in Cargo.lock only through sqlx-mysql, which
# is not built (`cargo tree -i rsa --features ssr` prints nothing); no RSA is used anywhere.
cargo audit --db "$db" --no-fetch --ignore RUSTSEC-2023-0071
