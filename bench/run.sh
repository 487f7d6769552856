#!/usr/bin/env bash
# Load test of the read paths on SQLite with a release build (never part of the test suite:
# numbers depend on the machine). Prints requests/s and p50/p99 latency per scenario.
#
#   bash bench/run.sh                 # all scenarios
#   bash bench/run.sh first-visit     # only the first visit's weight
#   IDEAS=2000 SEARCH_IDEAS=10000 DURATION=5s bash bench/run.sh   # a quick look
#
# Scenarios (targets from the issues, 2 cores; 32 connections unless a row says fewer):
#   list page 1, list page 50, a filtered list, an idea page   – 10,000 ideas (5 comments,
#       20 supports each): ≥ 2,000 req/s, p99 ≤ 10 ms
#   home page (newest and most supported ideas, workshops, projects: 5 lists) – the same
#       bounds as the idea list
#   public profile of an author with 200 ideas (50 newest ideas and comments shown) – the
#       idea list's bounds
#   idea page with 200 comments in threads                      – ≥ 2,000 req/s, p99 ≤ 15 ms
#       (also with 16, 8 and 4 connections: at 32 the p99 is mostly the queue's)
#   support / take back (32 signed-in people, alternating)      – ≥ 1,000 votes/s, and
#       afterwards every idea's counter equals its stored supports
#   search                                                      – 100,000 ideas: p99 ≤ 20 ms
#   first visit of the demo's home page and idea list, empty cache (release build,
#       precompressed)                                          – HTML+CSS+JS+WASM ≤ 300 KB
#   PostgreSQL: home, list, filtered list and search at the list's volume, for comparison
#   moderation queue with 1,000 open reports (a moderator)      – the idea list's bounds:
#       ≥ 2,000 req/s, p99 ≤ 10 ms (one query for the list)
#   /workshops and a workshop page with 500 registrations      – the idea list's bounds
#   expensive paths (issue 15), as medians of single requests:
#     a login, idle and during 32 parallel bogus password resets – at most 2× idle
#     /healthz, idle and with 200 slowloris connections open    – at most 1 s more
#     the markdown preview of the worst accepted input (10,000 nested quotes, 5,000 list
#       levels)                                                  – milliseconds
# The generated databases stay in target/bench and are reused while their size matches
# (delete target/bench after a migration).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

IDEAS="${IDEAS:-10000}"
SEARCH_IDEAS="${SEARCH_IDEAS:-100000}"
CONNECTIONS="${CONNECTIONS:-32}"
DURATION="${DURATION:-10s}"
PORT="${BENCH_PORT:-3200}"
BASE="http://127.0.0.1:$PORT"
DIR=target/bench
mkdir -p "$DIR"

if ! command -v wrk >/dev/null; then
  echo "Installing wrk (Debian package)…"
  if [ "$(id -u)" = 0 ]; then apt-get install -y wrk >/dev/null; else sudo apt-get install -y wrk >/dev/null; fi
fi

echo "Building the release server and WebAssembly (cargo leptos build --release)…"
# cargo-leptos writes the site into target/site, which the debug build (tests, run.sh) serves
# too: the release site is moved to target/bench/site and the debug one put back.
rm -rf "$DIR/site" "$DIR/site.debug"
[ -d target/site ] && mv target/site "$DIR/site.debug"
cargo leptos build --release "${STADTLABOR_LEPTOS_ARGS[@]}" 2>&1 | tail -1
mv target/site "$DIR/site"
[ -d "$DIR/site.debug" ] && mv "$DIR/site.debug" target/site
BIN=target/release/stadtlabor
# As deployed (README, "Deployment"): the built files precompressed at the best levels.
"$BIN" precompress "$DIR/site/pkg" >/dev/null

# seed DB IDEAS COMMENTS VOTES: a database with that much generated participation.
seed() {
  local db="$1" ideas="$2" comments="$3" votes="$4"
  local marker="$db.seeded-$ideas-$comments-$votes"
  if [ ! -f "$marker" ]; then
    rm -f "$db" "$db"-* "$db".seeded-*
    echo "Generating $ideas ideas ($comments comments, $votes supports each) in $db…" >&2
    DATABASE_URL="sqlite://$db" "$BIN" seed-demo --ideas "$ideas" --comments "$comments" \
      --votes "$votes" --long-thread 200 | tail -1 >"$marker.tmp"
    mv "$marker.tmp" "$marker"
  fi
  cat "$marker"
}

SERVER_PID=""
# start_server DATABASE_URL (a bare path means that SQLite file).
start_server() {
  local url="$1"
  case "$url" in *://*) ;; *) url="sqlite://$url" ;; esac
  DATABASE_URL="$url" LEPTOS_SITE_ADDR="127.0.0.1:$PORT" LEPTOS_SITE_ROOT="$DIR/site" \
    STADTLABOR_MAIL_DIR="$DIR/mail" RUST_LOG=warn "$BIN" serve >"$DIR/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 100); do
    curl -sf "$BASE/healthz" >/dev/null && return 0
    sleep 0.1
  done
  echo "the server did not start; see $DIR/server.log" >&2
  exit 1
}
stop_server() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  SERVER_PID=""
}
trap stop_server EXIT

# row NAME LABEL WRK_OUTPUT: refuses a run with failed requests, else prints its table row.
row() {
  local name="$1" label="$2" out="$3"
  if grep -q "Non-2xx" <<<"$out"; then echo "$out" >&2; exit 1; fi
  printf '%-22s %10s %10s %10s   %s\n' "$name" \
    "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" \
    "$(awk '$1 == "50%" {print $2}' <<<"$out")" \
    "$(awk '$1 == "99%" {print $2}' <<<"$out")" \
    "$label"
}

# load NAME PATH [CONNECTIONS]: one wrk run; prints a table row.
load() {
  local name="$1" path="$2" connections="${3:-$CONNECTIONS}" out
  # Every scenario must answer 200 (a 404 page would be fast and meaningless).
  local status
  status="$(curl -s -o /dev/null -w '%{http_code}' -H 'Accept: text/html' "$BASE$path")"
  [ "$status" = 200 ] || { echo "$path answered $status" >&2; exit 1; }
  out="$(wrk -t2 -c"$connections" -d"$DURATION" --latency -H 'Accept: text/html' "$BASE$path")"
  row "$name" "$path" "$out"
}

# The address of list page N (following the "next" links, as a reader would).
page_path() {
  local path="/ideen" n="$1"
  for _ in $(seq 2 "$n"); do
    path="$(curl -s -H 'Accept: text/html' "$BASE$path" \
      | grep -o 'href="/ideen?[^"]*" rel="next"' | head -1 | sed -e 's/^href="//' -e 's/" rel="next"$//' -e 's/&amp;/\&/g')"
    [ -n "$path" ] || { echo "page $n does not exist" >&2; exit 1; }
  done
  echo "$path"
}

header() {
  printf '\n%s\n%-22s %10s %10s %10s   %s\n' "$1" scenario req/s p50 p99 path
}

# vote_load FIRST_IDEA LAST_IDEA: 32 people support and take back supports as fast as the
# server lets them; then every counter must equal the stored rows.
vote_load() {
  local first="$1" last="$2" cookies=() n
  # Accounts 50 and up author no generated idea, so every support is allowed.
  for n in $(seq 50 81); do
    local jar="$DIR/cookies-$n"
    curl -s -o /dev/null -c "$jar" -H "Origin: $BASE" -d "email=teilnehmende-$n@bench.stadtlabor.invalid" \
      -d "password=bench-passwort-stadtlabor" "$BASE/api/accounts/login"
    cookies+=("\"$(awk '$6 == "stadtlabor_session" {print $7}' "$jar")\"")
  done
  cat >"$DIR/votes.lua" <<LUA
-- Each request: the next person, an idea from the range, support and take back in turn.
local cookies = { $(IFS=,; echo "${cookies[*]}") }
local first, span = $first, $((last - first + 1))
local counter, state = 0, {}
request = function()
  counter = counter + 1
  local person = counter % #cookies + 1
  local idea = first + (counter * 7919) % span
  local key = person .. ":" .. idea
  state[key] = not state[key]
  local body = "idea_id=" .. idea .. "&support=" .. tostring(state[key])
  return wrk.format("POST", "/api/votes/set", {
    ["Cookie"] = "stadtlabor_session=" .. cookies[person],
    ["Origin"] = "$BASE",
    ["Content-Type"] = "application/x-www-form-urlencoded",
  }, body)
end
LUA
  local out
  out="$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$DIR/votes.lua" "$BASE")"
  row "support / take back" "POST /api/votes/set" "$out"
  python3 - "$DIR/list.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
drift = db.execute("""SELECT count(*) FROM ideas i WHERE i.vote_count <>
    (SELECT count(*) FROM votes v WHERE v.idea_id = i.id)""").fetchone()[0]
print(f"{'counters vs. rows':22} {'ideas with drift: ' + str(drift):>32}")
sys.exit(1 if drift else 0)
PY
}

# The first visit of the demo's home page and idea list with an empty cache: HTML, CSS,
# JS and WebAssembly as transferred (issue 13's target: ≤ 300 KB), and the pictures.
rm -f "$DIR/demo.db"*
DATABASE_URL="sqlite://$DIR/demo.db" "$BIN" seed-demo >/dev/null
start_server "$DIR/demo.db"
python3 bench/first_visit.py "$BASE" / /ideen
stop_server
[ "${1:-}" = first-visit ] && exit 0

SEEDED="$(seed "$DIR/list.db" "$IDEAS" 5 20)" || exit 1
FIRST_IDEA="$(sed -E 's/.*generated ideas ([0-9]+)\.\.=.*/\1/' <<<"$SEEDED")"
LAST_IDEA="$(sed -E 's/.*\.\.=([0-9]+),.*/\1/' <<<"$SEEDED")"
LONG_IDEA="$(sed -E 's/.*long discussion ([0-9]+),.*/\1/' <<<"$SEEDED")"
start_server "$DIR/list.db"
header "$IDEAS ideas, $CONNECTIONS connections, $DURATION each (release build, SQLite)"
load "home page" /
load "list, page 1" /ideen
PAGE_50="$(page_path 50)" || exit 1
load "list, page 50" "$PAGE_50"
load "list, filtered" "/ideen?kategorie=mobilitaet&status=submitted&sortierung=unterstuetzt"
load "idea page" "/ideen/$LAST_IDEA"
load "idea, 200 comments" "/ideen/$LONG_IDEA"
# Account 1 is the first generated author (200 ideas, hundreds of comments; 50 of each shown).
load "public profile" "/personen/1"
# The same with fewer connections: on 2 cores the server is saturated from about 8 on, so
# these show the time of a request rather than of a queue of 32 (Little's law: 32 requests
# in flight at N req/s wait 32/N s on average, whatever the server does).
load "  … 16 connections" "/ideen/$LONG_IDEA" 16
load "  … 8 connections" "/ideen/$LONG_IDEA" 8
load "  … 4 connections" "/ideen/$LONG_IDEA" 4
vote_load "$FIRST_IDEA" "$LAST_IDEA"
stop_server

# The same lists on PostgreSQL (issue 13), beside SQLite's: the same generated volume in a
# throw-away local cluster (scripts/postgres.sh: fsync off, which reads do not notice).
PG_PORT="${BENCH_PG_PORT:-55439}"
PG_URL="$(STADTLABOR_PG_PORT="$PG_PORT" scripts/postgres.sh start)"
echo "Generating $IDEAS ideas on PostgreSQL…" >&2
DATABASE_URL="$PG_URL" "$BIN" seed-demo --ideas "$IDEAS" --comments 5 --votes 20 \
  --long-thread 200 | tail -1 >/dev/null
start_server "$PG_URL"
header "$IDEAS ideas, $CONNECTIONS connections, $DURATION each (release build, PostgreSQL)"
load "home page" /
load "list, page 1" /ideen
load "list, filtered" "/ideen?kategorie=mobilitaet&status=submitted&sortierung=unterstuetzt"
load "search, one word" "/ideen?suche=B%C3%BCrger"
stop_server
STADTLABOR_PG_PORT="$PG_PORT" scripts/postgres.sh stop

# 1,000 open reports on 400 comments (1 to 4 each), and a moderator to read the queue.
python3 - "$DIR/list.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
if db.execute("SELECT count(*) FROM reports WHERE decided_at IS NULL").fetchone()[0] < 1000:
    db.execute("DELETE FROM reports")
    people = [r[0] for r in db.execute(
        "SELECT id FROM users WHERE email LIKE 'teilnehmende-%' ORDER BY id LIMIT 8")]
    comments = db.execute(
        "SELECT id, author_id, body_md, created_at FROM comments ORDER BY id LIMIT 400").fetchall()
    reasons = ["spam", "offensive", "personal_data", "off_topic"]
    n = 0
    for i, (comment, author, body, created) in enumerate(comments):
        reporters = [p for p in people if p != author][: [1, 2, 3, 4][i % 4]]
        for j, reporter in enumerate(reporters):
            if n == 1000:
                break
            db.execute(
                "INSERT INTO reports (reporter_id, comment_id, reason, note, snapshot, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (reporter, comment, reasons[(i + j) % 4], "Bitte prüfen.", body, created))
            n += 1
    db.execute("UPDATE users SET role = 'moderator' WHERE email = 'teilnehmende-99@bench.stadtlabor.invalid'")
    db.commit()
print(f"{db.execute('SELECT count(*) FROM reports WHERE decided_at IS NULL').fetchone()[0]} open reports")
PY
start_server "$DIR/list.db"
curl -s -o /dev/null -c "$DIR/cookies-moderator" -H "Origin: $BASE" \
  -d "email=teilnehmende-99@bench.stadtlabor.invalid" -d "password=bench-passwort-stadtlabor" \
  "$BASE/api/accounts/login"
MODERATOR="stadtlabor_session=$(awk '$6 == "stadtlabor_session" {print $7}' "$DIR/cookies-moderator")"
header "moderation queue, 1,000 open reports"
status="$(curl -s -o /dev/null -w '%{http_code}' -H 'Accept: text/html' -H "Cookie: $MODERATOR" "$BASE/verwaltung/moderation")"
[ "$status" = 200 ] || { echo "the queue answered $status" >&2; exit 1; }
curl -s -H 'Accept: text/html' -H "Cookie: $MODERATOR" "$BASE/verwaltung/moderation" \
  | grep -q 'queue-item' || { echo "the queue page shows no reports" >&2; exit 1; }
out="$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H 'Accept: text/html' \
  -H "Cookie: $MODERATOR" "$BASE/verwaltung/moderation")"
row "moderation queue" "/verwaltung/moderation" "$out"
stop_server

# 500 registrations (480 with a place, 20 waiting) on the demo workshop "big-bird-app-test".
python3 - "$DIR/list.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
(workshop,) = db.execute("SELECT id FROM workshops WHERE slug = 'big-bird-app-test'").fetchone()
if db.execute("SELECT count(*) FROM workshop_registrations WHERE workshop_id = ?", (workshop,)).fetchone()[0] < 500:
    db.execute("DELETE FROM workshop_registrations WHERE workshop_id = ?", (workshop,))
    for n in range(500):
        db.execute(
            "INSERT INTO users (email, display_name, password_hash, locale, privacy_consent_at, "
            "created_at, updated_at) VALUES (?, ?, 'x', 'de', ?, ?, ?) ON CONFLICT (email) DO NOTHING",
            (f"workshop-{n}@bench.stadtlabor.invalid", f"Teilnehmende {n}",
             "2026-12-01T10:00:00+00:00", "2026-12-01T10:00:00+00:00", "2026-12-01T10:00:00+00:00"))
    people = [r[0] for r in db.execute(
        "SELECT id FROM users WHERE email LIKE 'workshop-%@bench.stadtlabor.invalid' ORDER BY id")]
    db.execute("UPDATE workshops SET capacity = 480, places_taken = 480 WHERE id = ?", (workshop,))
    for i, person in enumerate(people):
        status = "registered" if i < 480 else "waitlisted"
        at = f"2026-12-01T10:{i // 60 % 60:02}:{i % 60:02}+00:00"
        db.execute(
            "INSERT INTO workshop_registrations (workshop_id, user_id, status, places, "
            "consent_version, queued_at, created_at, updated_at) VALUES (?, ?, ?, 1, 'bench', ?, ?, ?)",
            (workshop, person, status, at, at, at))
    db.commit()
print(db.execute("SELECT count(*) FROM workshop_registrations").fetchone()[0], "registrations")
PY
start_server "$DIR/list.db"
header "workshops, 500 registrations on one"
load "workshop list" /workshops
load "workshop page" /workshops/big-bird-app-test
stop_server

seed "$DIR/search.db" "$SEARCH_IDEAS" 0 0 >/dev/null
start_server "$DIR/search.db"
header "$SEARCH_IDEAS ideas: search"
load "search, one word" "/ideen?suche=B%C3%BCrger"
load "search, two words" "/ideen?suche=Haltestelle+Soest"
load "  … 4 connections" "/ideen?suche=B%C3%BCrger" 4
stop_server

# median_ms N CURL_ARGS…: the median time of N sequential requests, in milliseconds.
median_ms() {
  local n="$1"; shift
  for _ in $(seq 1 "$n"); do curl -s -o /dev/null -w '%{time_total}\n' "$@"; done \
    | python3 -c 'import sys, statistics; print(f"{statistics.median(float(l) for l in sys.stdin) * 1000:.1f}")'
}
# timed_row NAME IDLE_MS LOADED_MS LIMIT: one comparison row.
timed_row() {
  printf '%-34s %10s ms %10s ms   %s\n' "$1" "$2" "$3" "$4"
}

start_server "$DIR/list.db"
printf '\n%s\n%-34s %13s %13s   %s\n' "expensive paths (medians of single requests)" scenario idle loaded goal
LOGIN=(-H "Origin: $BASE" -d "email=teilnehmende-97@bench.stadtlabor.invalid" \
  -d "password=bench-passwort-stadtlabor" "$BASE/api/accounts/login")
idle="$(median_ms 10 "${LOGIN[@]}")"
# 32 clients posting made-up reset tokens as fast as they can: each is refused after one
# lookup, before any password is hashed (F-01).
cat >"$DIR/resets.lua" <<LUA
request = function()
  local body = "token=" .. math.random(1, 1e9) .. "&password=ein+langes+passwort+zum+hashen"
  return wrk.format("POST", "/api/accounts/reset-password", {
    ["Origin"] = "$BASE", ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
end
LUA
wrk -t2 -c32 -d60s -s "$DIR/resets.lua" "$BASE" >"$DIR/resets.out" 2>&1 &
WRK_PID=$!
sleep 2
loaded="$(median_ms 10 "${LOGIN[@]}")"
kill "$WRK_PID" 2>/dev/null || true; wait "$WRK_PID" 2>/dev/null || true
timed_row "login, 32 bogus resets in parallel" "$idle" "$loaded" "≤ 2 × idle"

# 200 connections that send half a header and then nothing (F-13).
idle="$(median_ms 20 "$BASE/healthz")"
python3 - "$PORT" <<'PY' &
import socket, sys, time
held = []
for _ in range(200):
    s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
    s.sendall(b"GET /healthz HTTP/1.1\r\nHost: bench\r\nX-Slow: ")
    held.append(s)
time.sleep(8)
PY
SLOW_PID=$!
sleep 1
loaded="$(median_ms 20 "$BASE/healthz")"
wait "$SLOW_PID" 2>/dev/null || true
timed_row "/healthz, 200 slowloris open" "$idle" "$loaded" "≤ idle + 1,000 ms"

# The worst markdown a verified person may send (the longest body), through the preview.
curl -s -o /dev/null -c "$DIR/cookies-writer" -H "Origin: $BASE" \
  -d "email=teilnehmende-98@bench.stadtlabor.invalid" -d "password=bench-passwort-stadtlabor" \
  "$BASE/api/accounts/login"
WRITER="stadtlabor_session=$(awk '$6 == "stadtlabor_session" {print $7}' "$DIR/cookies-writer")"
python3 -c 'print("body=" + "%3E" * 10000, end="")' >"$DIR/quotes.form"
python3 -c 'print("body=" + "-%20" * 5000, end="")' >"$DIR/lists.form"
for worst in quotes lists; do
  status="$(curl -s -o /dev/null -w '%{http_code}' -H "Origin: $BASE" -H "Cookie: $WRITER" \
    --data-binary "@$DIR/$worst.form" -H 'Content-Type: application/x-www-form-urlencoded' \
    "$BASE/api/ideas/preview")"
  [ "$status" = 200 ] || { echo "the preview answered $status" >&2; exit 1; }
  ms="$(median_ms 10 -H "Origin: $BASE" -H "Cookie: $WRITER" --data-binary "@$DIR/$worst.form" \
    -H 'Content-Type: application/x-www-form-urlencoded' "$BASE/api/ideas/preview")"
  timed_row "preview, 10,000 chars of $worst" "–" "$ms" "milliseconds"
done
stop_server
