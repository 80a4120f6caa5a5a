#!/usr/bin/env bash
# Benchmark of voting (issue 5), on PostgreSQL: the application's vote endpoint against pgbench inserting the same
# rows into the same tables, with the same unique constraint, on the same server.
#   1. starts the application on a fresh PostgreSQL database, creates an OPEN poll (once per identity, live
#      results) through the API;
#   2. drives POST /api/v1/polls/{id}/votes for $DURATION_S s (default 15) with wrk -t2 -c$CONNECTIONS and
#      bench/votes.lua: every ballot from a new device (its own signed cookie) behind its own forwarded address; the last 2 s only ask /robots.txt, so nothing is in
#      flight at the end;
#   3. counts the rows: every 201 must be a row (0 lost), no identity twice (0 duplicates), and the tally the API
#      publishes (after its 2 s cache) must equal the row count;
#   4. runs pgbench (-c$CONNECTIONS -j2) for the same time with bench/votes.pgbench on a second poll;
#   5. prints accepted votes/s for both and the ratio (target: at least 0.3);
#   6. burst: 1,000 simultaneous ballots of one identity (bench/VoteBurst.java) must leave exactly 1 row.
# Usage: bench/votes.sh   Exit status 1 when a target is missed. Installs wrk if missing; stops what it started.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${BENCH_PORT:-18294}
DURATION_S=${BENCH_DURATION_S:-15}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
OUT=bench/out/votes
PG_DB=dvk_bench_votes
ADMIN_PASSWORD=Bench@2026
APP_PID=""
FAILED=0
mkdir -p "$OUT"

cleanup() {
  if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  psql -h 127.0.0.1 -U postgres -q -c "drop database if exists \"$PG_DB\" with (force)" 2>/dev/null || true
}
trap cleanup EXIT

command -v wrk >/dev/null || { apt-get update -q && apt-get install -y -q wrk; }
command -v pgbench >/dev/null || { echo "pgbench is needed (postgresql-client)" >&2; exit 2; }
pg_isready -h 127.0.0.1 -p 5432 -q || { echo "PostgreSQL must answer on 127.0.0.1:5432" >&2; exit 2; }

JAR=$(ls target/dvk-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$JAR" ]; then ./mvnw -q -B -DskipTests package; JAR=$(ls target/dvk-*.jar | grep -v original | head -1); fi

sql() { psql -h 127.0.0.1 -U postgres -d "$PG_DB" -At -c "$1"; }

psql -h 127.0.0.1 -U postgres -q -c "drop database if exists \"$PG_DB\" with (force)"
psql -h 127.0.0.1 -U postgres -q -c "create database \"$PG_DB\" encoding 'UTF8' template template0"
VISITS_SECRET=bench-votes-secret
# Distinct devices: signed visitor cookies minted with the secret the application is started with (bench/MintCookies.java).
java bench/MintCookies.java "$VISITS_SECRET" 400000 > "$OUT/cookies.txt"
export COOKIES="$OUT/cookies.txt"
DVK_VISITS_SECRET=$VISITS_SECRET SERVER_PORT=$PORT DVK_DEMO_DATA=false DVK_ADMIN_PASSWORD=$ADMIN_PASSWORD SPRING_PROFILES_ACTIVE=postgres \
  DVK_DB_URL="jdbc:postgresql://127.0.0.1:5432/$PG_DB" DVK_DB_USER=postgres \
  java -Xmx1g -jar "$JAR" > "$OUT/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 240); do
  curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null || { echo "app did not start" >&2; exit 1; }

new_poll() { # title [extra JSON fields] → poll id
  curl -fs -u "admin:$ADMIN_PASSWORD" -H 'Content-Type: application/json' \
    -d "{\"title\":\"$1\",${2:+$2,}\"options\":[{\"label\":\"Phương án A\"},{\"label\":\"Phương án B\"}],\"startsAt\":\"2020-01-01T00:00:00Z\",\"endsAt\":\"2099-01-01T00:00:00Z\",\"voterRule\":\"OPEN\",\"frequency\":\"ONCE\",\"resultsVisibility\":\"LIVE\"}" \
    "http://127.0.0.1:$PORT/api/v1/polls" | grep -o '"id":[0-9]*' | cut -d: -f2
}
options() { sql "select id from poll_option where poll_id = $1 order by position" | tr '\n' ' '; }

echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), $(psql -V)"

# Warm-up (JIT, connection pool) on a poll of its own.
WARM=$(new_poll "Khởi động")
read -r WA WB <<< "$(options "$WARM")"
POLL_ID=$WARM OPTION_A=$WA OPTION_B=$WB DURATION_S=8 DRAIN_S=1 wrk -t2 -c"$CONNECTIONS" -d8s -s bench/votes.lua \
  "http://127.0.0.1:$PORT" > "$OUT/warmup.txt"

APP_POLL=$(new_poll "Đo tốc độ bỏ phiếu")
read -r A B <<< "$(options "$APP_POLL")"
POLL_ID=$APP_POLL OPTION_A=$A OPTION_B=$B DURATION_S=$DURATION_S DRAIN_S=2 \
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION_S}s" -s bench/votes.lua "http://127.0.0.1:$PORT" | tee "$OUT/app-wrk.txt"
RESULT=$(grep '^RESULT' "$OUT/app-wrk.txt")
val() { echo "$RESULT" | tr ' ' '\n' | grep "^$1=" | cut -d= -f2; }
CREATED=$(val created); ALREADY=$(val already); OTHER=$(val other)
ROWS=$(sql "select count(*) from poll_ballot where poll_id = $APP_POLL")
DUPLICATES=$(sql "select count(*) from (select identity_hash from poll_ballot where poll_id = $APP_POLL group by identity_hash, bucket having count(*) > 1) d")
CHOICES=$(sql "select count(*) from poll_ballot_choice c join poll_ballot b on b.id = c.ballot_id where b.poll_id = $APP_POLL")
sleep 2.5
TALLY=$(curl -fs "http://127.0.0.1:$PORT/api/v1/polls/$APP_POLL/results" | grep -o '"totalVotes":[0-9]*' | cut -d: -f2)
SPAN=$(sql "select extract(epoch from max(cast_at) - min(cast_at)) from poll_ballot where poll_id = $APP_POLL")
APP_RATE=$(awk -v n="$CREATED" -v s="$((DURATION_S - 2))" 'BEGIN { printf "%.0f", n / s }')

PG_POLL=$(new_poll "Đo tốc độ pgbench")
read -r PA PB <<< "$(options "$PG_POLL")"
pgbench -h 127.0.0.1 -U postgres -n -c "$CONNECTIONS" -j 2 -T "$((DURATION_S - 2))" -f bench/votes.pgbench \
  -D poll="$PG_POLL" -D option_a="$PA" -D option_b="$PB" "$PG_DB" > "$OUT/pgbench.txt" 2>&1 || true
PG_RATE=$(awk -F'= ' '/^tps/ { split($2, a, " "); printf "%.0f", a[1] }' "$OUT/pgbench.txt")
PG_ROWS=$(sql "select count(*) from poll_ballot where poll_id = $PG_POLL")
RATIO=$(awk -v a="$APP_RATE" -v p="$PG_RATE" 'BEGIN { printf "%.2f", a / p }')

# One device, one address: no per-minute limit in the way, so the unique constraint alone decides.
BURST_POLL=$(new_poll "Đo một người bấm nghìn lần" '"ipLimitPerMinute":100000')
read -r BA BB <<< "$(options "$BURST_POLL")"
BURST=$(java bench/VoteBurst.java "http://127.0.0.1:$PORT" "$BURST_POLL" "$BA" 1000 "$(head -1 "$COOKIES")" | grep '^BURST')
BURST_ROWS=$(sql "select count(*) from poll_ballot where poll_id = $BURST_POLL")

echo
echo "App:      $CREATED ballots counted (201) in $((DURATION_S - 2)) s of voting = $APP_RATE votes/s; already=$ALREADY other=$OTHER; $(echo "$RESULT" | grep -o 'p50=[^ ]* p99=[^ ]*') ms; ballots spread over ${SPAN} s"
echo "Database: rows=$ROWS choices=$CHOICES duplicates=$DUPLICATES published tally=$TALLY"
echo "pgbench:  $PG_RATE votes/s ($PG_ROWS rows), same tables and constraint, -c$CONNECTIONS -j2"
echo "Ratio app/pgbench: $RATIO (target >= 0.3)"
echo "Burst:    $BURST → rows=$BURST_ROWS (target: exactly 1)"

check() { if ! eval "$1"; then echo "MISSED: $2"; FAILED=1; fi; }
check "[ '$CREATED' = '$ROWS' ]" "every 201 is a row ($CREATED answered, $ROWS rows)"
check "[ '$ROWS' = '$CHOICES' ]" "one choice per ballot"
check "[ '$DUPLICATES' = 0 ]" "no identity twice"
check "[ '$TALLY' = '$ROWS' ]" "published tally equals the row count"
check "[ '$OTHER' = 0 ] && [ '$ALREADY' = 0 ]" "only 201 answers for distinct identities"
check "awk -v r=$RATIO 'BEGIN { exit !(r >= 0.3) }'" "ratio at least 0.3"
check "[ '$BURST_ROWS' = 1 ] && echo '$BURST' | grep -q 'created=1 already=999 other=0'" "burst of one identity leaves one row"
[ "$FAILED" = 0 ] && echo "All targets met."
exit "$FAILED"
