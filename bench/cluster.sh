#!/usr/bin/env bash
# Proof of cluster mode (issue 9): PostgreSQL + Redis (the local services) + two application nodes on loopback
# ports + nginx in front of them (deploy/nginx.conf's shape). Then, through nginx unless said otherwise:
#   1. a login on node A is valid on node B (sessions in Redis);
#   2. 2,000 article views from 40 new visitors spread over both nodes: the article's views rise by exactly 2,000
#      and the total visits by exactly 40;
#   3. both nodes count the same visitors online;
#   4. ballots of 5,000 distinct identities, then 1,000 repeats, while node B is killed with SIGKILL: every
#      identity ends with exactly one row (a ballot whose answer was lost is sent again and told "already voted"),
#      every repeat is told "already voted", no identity has two rows, the published tally equals the row count;
#   5. PostgreSQL is restarted during pages and ballots: failures are clean 503s (never 500), and the nodes serve
#      again afterwards without a restart;
#   6. Redis is stopped: pages are still served and every view counted; when Redis returns, sessions work again.
# Prints each check with its numbers and PASS/FAIL; exit status 1 when one fails. Stops what it started and puts
# Redis and PostgreSQL back. Needs root (it restarts the local PostgreSQL and Redis), java, psql, curl, nginx
# (installed when missing).
# Usage: bench/cluster.sh            BENCH_THROUGHPUT=1 adds votes/s and pages/s with one node vs two.
set -uo pipefail
cd "$(dirname "$0")/.."

PA=${CLUSTER_PORT_A:-18311}
PB=${CLUSTER_PORT_B:-18312}
PN=${CLUSTER_PORT_NGINX:-18310}
DB=dvk_cluster
REDIS_DB=7
OUT=bench/out/cluster
RUN=$(date +%s)
PASSWORD=Demo@2026
PID_A=""; PID_B=""; NGINX_UP=""
FAILED=0
mkdir -p "$OUT/logs"

redis_start() {
  redis-cli -h 127.0.0.1 ping >/dev/null 2>&1 && return 0
  mkdir -p /var/lib/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis \
    --logfile "$PWD/$OUT/redis.log" >/dev/null
  for _ in $(seq 1 40); do redis-cli -h 127.0.0.1 ping >/dev/null 2>&1 && return 0; sleep 0.25; done
}
pg_version() { ls /etc/postgresql | head -1; }
pg_start() {
  pg_isready -h 127.0.0.1 -q && return 0
  pg_ctlcluster --skip-systemctl-redirect "$(pg_version)" main start >/dev/null 2>&1
  for _ in $(seq 1 60); do pg_isready -h 127.0.0.1 -q && return 0; sleep 0.5; done
}

cleanup() {
  [ -n "$PID_A" ] && kill "$PID_A" 2>/dev/null; [ -n "$PID_B" ] && kill "$PID_B" 2>/dev/null
  wait 2>/dev/null
  [ -n "$NGINX_UP" ] && nginx -c "$PWD/$OUT/nginx.conf" -p "$PWD/$OUT" -s stop 2>/dev/null
  redis_start; redis-cli -n $REDIS_DB flushdb >/dev/null 2>&1
  pg_start; psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $DB with (force)" 2>/dev/null
}
trap cleanup EXIT

delta() { # before, after → the difference, or "?" when a figure is missing
  if [[ "$1" =~ ^[0-9]+$ && "$2" =~ ^[0-9]+$ ]]; then echo $(($2 - $1)); else echo "?"; fi
}
check() { # name, condition (shell), numbers
  if eval "$2"; then echo "PASS  $1: $3"; else echo "FAIL  $1: $3"; FAILED=1; fi
}

command -v nginx >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q nginx >/dev/null; }
redis_start; pg_start
JAR=$(ls target/dvk-*.jar 2>/dev/null | grep -v original | head -1)
if [ -z "$JAR" ]; then ./mvnw -q -B -DskipTests package; JAR=$(ls target/dvk-*.jar | grep -v original | head -1); fi

psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $DB with (force)" 2>/dev/null
psql -h 127.0.0.1 -U postgres -q -c "create database $DB encoding 'UTF8' template template0"
redis-cli -n $REDIS_DB flushdb >/dev/null

# Both nodes sign visitor cookies with this secret; bench/ClusterDriver.java mints its devices' cookies with it.
export DVK_VISITS_SECRET="bench-cluster-secret"
start_node() { # port → pid
  SERVER_PORT=$1 SPRING_PROFILES_ACTIVE=postgres DVK_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
    DVK_DB_USER=postgres DVK_REDIS_URL="redis://127.0.0.1:6379/$REDIS_DB" DVK_BASE_URL="http://127.0.0.1:$PN" \
    java -Xmx512m -jar "$JAR" >> "$OUT/logs/node-$1.log" 2>&1 &
  echo $!
}
ready() { # port [seconds]
  for _ in $(seq 1 $((${2:-120} * 2))); do
    curl -fs "http://127.0.0.1:$1/actuator/health/readiness" >/dev/null 2>&1 && return 0; sleep 0.5
  done
  return 1
}

# Node A loads the demo data first; node B starts on the same database afterwards.
PID_A=$(start_node $PA); ready $PA || { echo "node A did not start"; exit 1; }
PID_B=$(start_node $PB); ready $PB || { echo "node B did not start"; exit 1; }

cat > "$OUT/nginx.conf" <<NGINX
worker_processes auto;
pid nginx.pid;
error_log logs/error.log;
events { worker_connections 1024; }
http {
  access_log logs/access.log;
  upstream dvk {
    server 127.0.0.1:$PA max_fails=1 fail_timeout=5s;
    server 127.0.0.1:$PB max_fails=1 fail_timeout=5s;
    keepalive 32;
  }
  server {
    listen 127.0.0.1:$PN;
    location / {
      proxy_pass http://dvk;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host:\$server_port;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_connect_timeout 1s;
      proxy_next_upstream error timeout http_502;
    }
  }
}
NGINX
nginx -c "$PWD/$OUT/nginx.conf" -p "$PWD/$OUT" && NGINX_UP=1
N="http://127.0.0.1:$PN"
echo "Two nodes on :$PA and :$PB behind nginx on :$PN (PostgreSQL database $DB, Redis db $REDIS_DB)"

# 1. A login on node A is valid on node B.
JAR_COOKIES="$OUT/cookies.txt"; rm -f "$JAR_COOKIES"
csrf=$(curl -s -c "$JAR_COOKIES" -b "$JAR_COOKIES" "http://127.0.0.1:$PA/dang-nhap" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"$//')
login=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -c "$JAR_COOKIES" -b "$JAR_COOKIES" \
  --data-urlencode "username=bandanvan" --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$csrf" "http://127.0.0.1:$PA/dang-nhap")
on_b=$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR_COOKIES" "http://127.0.0.1:$PB/quan-tri")
check "1 session shared" "[ '$on_b' = 200 ]" "login on A answered $login; back office on B answered $on_b"

# 2. Page views and visits counted exactly over both nodes.
CREATED=$(curl -fs -u "bandanvan:$PASSWORD" -H 'Content-Type: application/json' \
  -d "{\"title\":\"Tin thử cụm máy chủ $RUN\",\"category\":\"tin-hoat-dong\",\"summary\":\"Kiểm tra đếm lượt xem trên hai nút.\",\"bodyHtml\":\"<p>Nội dung bài viết thử nghiệm cụm máy chủ.</p>\",\"author\":\"Ban biên tập\",\"publish\":true}" \
  "$N/api/v1/news")
ARTICLE=$(echo "$CREATED" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
PATH_ARTICLE=$(echo "$CREATED" | grep -o '"url":"[^"]*"' | cut -d'"' -f4 | sed 's|^https\?://[^/]*||')
views() { curl -fs "http://127.0.0.1:$PA/api/v1/news/$ARTICLE" | grep -o '"views":[0-9]*' | cut -d: -f2; }
visits() { curl -fs "http://127.0.0.1:$1/api/v1/stats/visitors" | grep -o '"totalVisits":[0-9]*' | cut -d: -f2; }
online() { curl -fs "http://127.0.0.1:$1/api/v1/stats/visitors" | grep -o '"online":{[^}]*}'; }
sleep 2.5
V0=$(views); T0=$(visits $PA)
: > "$OUT/logs/access.log"
R=$(java bench/ClusterDriver.java views "$N" "$PATH_ARTICLE" 2000 40 8 "$RUN-a")
sleep 3
V1=$(views); T1=$(visits $PA); T1B=$(visits $PB)
SERVED_A=$(grep -c "127.0.0.1:$PA" "$OUT/logs/access.log" 2>/dev/null || true)
DV=$(delta "$V0" "$V1"); DT=$(delta "$T0" "$T1")
check "2 views exact" "[ '$DV' = 2000 ] && [ '$DT' = 40 ] && [ '$T1' = '$T1B' ]" \
  "$R; views $V0 → $V1 (+$DV), total visits $T0 → $T1 (+$DT, node B says $T1B)"

# 3. Online presence is the same on both nodes.
OA=$(online $PA); OB=$(online $PB)
check "3 online shared" "[ '$OA' = '$OB' ] && [ -n '$OA' ]" "node A $OA, node B $OB"

# 4. Ballots while node B is killed.
POLL=$(curl -fs -u "bandanvan:$PASSWORD" -H 'Content-Type: application/json' \
  -d '{"title":"Bình chọn thử cụm máy chủ","options":[{"label":"Một"},{"label":"Hai"}],"startsAt":"2020-01-01T00:00:00Z","endsAt":"2099-01-01T00:00:00Z","voterRule":"OPEN","frequency":"ONCE","resultsVisibility":"LIVE","ipLimitPerMinute":100000,"ballotsPerAddress":100000000}' \
  "$N/api/v1/polls" | grep -o '"id":[0-9]*' | cut -d: -f2)
read -r OPT_A OPT_B <<< "$(psql -h 127.0.0.1 -U postgres -d $DB -At -c "select id from poll_option where poll_id = $POLL order by position" | tr '\n' ' ')"
java bench/ClusterDriver.java votes "$N" "$POLL" "$OPT_A" "$OPT_B" 5000 1000 16 "$RUN" > "$OUT/votes.txt" &
DRIVER=$!
sleep 3
kill -9 "$PID_B"; KILLED_AT=$(psql -h 127.0.0.1 -U postgres -d $DB -At -c "select count(*) from poll_ballot where poll_id = $POLL")
wait $DRIVER
R=$(cat "$OUT/votes.txt")
ROWS=$(psql -h 127.0.0.1 -U postgres -d $DB -At -c "select count(*) from poll_ballot where poll_id = $POLL")
DUPS=$(psql -h 127.0.0.1 -U postgres -d $DB -At -c "select count(*) from (select 1 from poll_ballot where poll_id = $POLL group by identity_hash, bucket having count(*) > 1) d")
sleep 2.5
TALLY=$(curl -fs "$N/api/v1/polls/$POLL/results" | grep -o '"totalVotes":[0-9]*' | cut -d: -f2)
val() { echo "$R" | tr ' ' '\n' | grep "^$1=" | cut -d= -f2; }
C=$(val created); AR=$(val alreadyAfterRetry); DR=$(val duplicatesRefused); U=$(val undecided)
CA=$(delta "-0" "x"); [[ "$C" =~ ^[0-9]+$ && "$AR" =~ ^[0-9]+$ ]] && CA=$((C + AR))
check "4 ballots through a SIGKILL" "[ '$ROWS' = 5000 ] && [ '$CA' = 5000 ] && [ '$DR' = 1000 ] && [ '$U' = 0 ] && [ '$DUPS' = 0 ] && [ '$TALLY' = '$ROWS' ]" \
  "node B killed after $KILLED_AT rows; $R; rows=$ROWS, identities twice=$DUPS, tally=$TALLY"
PID_B=$(start_node $PB); ready $PB || echo "node B did not come back"

# 5. PostgreSQL restarted during pages and ballots.
java bench/ClusterDriver.java mixed "$N" "$PATH_ARTICLE" "$POLL" "$OPT_A" 25 8 "$RUN-m" > "$OUT/mixed.txt" &
DRIVER=$!
sleep 6
pg_ctlcluster --skip-systemctl-redirect "$(pg_version)" main restart -m fast >/dev/null 2>&1 || pg_start
wait $DRIVER
R=$(cat "$OUT/mixed.txt")
AFTER_PAGE=$(curl -s -o /dev/null -w '%{http_code}' -A "Mozilla/5.0 after-restart" "$N$PATH_ARTICLE")
AFTER_VOTE=$(curl -s -o /dev/null -w '%{http_code}' -A "Mozilla/5.0 after-restart-$RUN" -H 'Content-Type: application/json' \
  -H "Cookie: $(java bench/ClusterDriver.java cookie)" \
  -d "{\"optionIds\":[$OPT_A]}" "$N/api/v1/polls/$POLL/votes")
BAD=$(echo "$R" | grep -oE '(page|vote)-5[0-9][0-9]=[0-9]+|error=[0-9]+' | grep -v -- '-503=' || true)
check "5 database restart" "[ -z '$BAD' ] && [ '$AFTER_PAGE' = 200 ] && [ '$AFTER_VOTE' = 201 ]" \
  "$R; after the restart: page $AFTER_PAGE, ballot $AFTER_VOTE"

# 6. Redis stopped, then back.
sleep 2
V0=$(views)
redis-cli -h 127.0.0.1 shutdown nosave >/dev/null 2>&1
R=$(java bench/ClusterDriver.java views "$N" "$PATH_ARTICLE" 500 20 8 "$RUN-r")
HEALTH_DOWN=$(curl -s "http://127.0.0.1:$PA/actuator/health" | grep -o '"redis":{"status":"[A-Z]*"')
sleep 3
V1=$(views)
redis_start
# Each node's Redis client reconnects by itself (with growing pauses): wait until both say Redis is up.
for _ in $(seq 1 120); do
  up=0
  for port in $PA $PB; do
    curl -s "http://127.0.0.1:$port/actuator/health" | grep -q '"redis":{"status":"UP"' && up=$((up + 1))
  done
  [ "$up" = 2 ] && break
  sleep 0.5
done
HEALTH_UP=$(for port in $PA $PB; do curl -s "http://127.0.0.1:$port/actuator/health" | grep -o '"redis":{"status":"[A-Z]*"'; done | tr '\n' ' ')
# Logging in needs the session store again: try until it works (each node's client reconnects by itself).
RECOVERED=""
for attempt in $(seq 1 60); do
  rm -f "$JAR_COOKIES"
  csrf=$(curl -s -c "$JAR_COOKIES" -b "$JAR_COOKIES" "http://127.0.0.1:$PB/dang-nhap" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"$//')
  login=$(curl -s -o /dev/null -w '%{http_code}' -c "$JAR_COOKIES" -b "$JAR_COOKIES" --data-urlencode "username=bandanvan" \
    --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$csrf" "http://127.0.0.1:$PB/dang-nhap")
  on_a=$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR_COOKIES" "http://127.0.0.1:$PA/quan-tri")
  if [ "$on_a" = 200 ]; then RECOVERED=$attempt; break; fi
  sleep 1
done
DV=$(delta "$V0" "$V1")
check "6 Redis down and back" "echo '$R' | grep -q 'statuses={200=500}' && [ '$DV' = 500 ] && [ '$on_a' = 200 ]" \
  "while down: $R, views +$DV, health $HEALTH_DOWN; back: health $HEALTH_UP, login on B ($login) valid on A: $on_a (attempt ${RECOVERED:-none}, one a second)"

if [ "${BENCH_THROUGHPUT:-0}" = 1 ]; then
  command -v wrk >/dev/null || apt-get install -y -q wrk >/dev/null
  P2=$(psql -h 127.0.0.1 -U postgres -d $DB -At -c "select id from poll_option where poll_id = $POLL order by position" | head -2 | tr '\n' ' ')
  through() { # base → "pages/s votes/s"
    local pages votes poll a b
    pages=$(wrk -t2 -c32 -d10s -H "User-Agent: Mozilla/5.0 wrk-reader" "$1$PATH_ARTICLE" | awk '/Requests\/sec/ {printf "%.0f", $2}')
    poll=$(curl -fs -u "bandanvan:$PASSWORD" -H 'Content-Type: application/json' \
      -d '{"title":"Đo","options":[{"label":"Một"},{"label":"Hai"}],"startsAt":"2020-01-01T00:00:00Z","endsAt":"2099-01-01T00:00:00Z"}' \
      "$N/api/v1/polls" | grep -o '"id":[0-9]*' | cut -d: -f2)
    read -r a b <<< "$(psql -h 127.0.0.1 -U postgres -d $DB -At -c "select id from poll_option where poll_id = $poll order by position" | tr '\n' ' ')"
    votes=$(POLL_ID=$poll OPTION_A=$a OPTION_B=$b DURATION_S=12 DRAIN_S=2 wrk -t2 -c32 -d12s -s bench/votes.lua "$1" \
      | grep '^RESULT' | tr ' ' '\n' | grep '^created=' | cut -d= -f2)
    echo "$pages $((votes / 10))"
  }
  read -r TWO_PAGES TWO_VOTES <<< "$(through "$N")"
  kill "$PID_B"; wait "$PID_B" 2>/dev/null; PID_B=""
  curl -s -o /dev/null "$N/robots.txt"; sleep 1   # nginx notices the node is gone
  read -r ONE_PAGES ONE_VOTES <<< "$(through "$N")"
  read -r DIRECT_PAGES DIRECT_VOTES <<< "$(through "http://127.0.0.1:$PA")"
  echo "Throughput (wrk -t2 -c32, article page / ballots of new identities):"
  echo "  nginx → two nodes: $TWO_PAGES pages/s, $TWO_VOTES ballots/s"
  echo "  nginx → one node:  $ONE_PAGES pages/s, $ONE_VOTES ballots/s"
  echo "  one node direct:   $DIRECT_PAGES pages/s, $DIRECT_VOTES ballots/s"
fi

[ "$FAILED" = 0 ] && echo "All cluster checks passed."
exit "$FAILED"
