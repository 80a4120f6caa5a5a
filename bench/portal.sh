#!/usr/bin/env bash
# Benchmark of the public portal (issue 4): an article page for anonymous visitors, served by the application
# (from its page cache, every view counted) against nginx serving the very same bytes from a file.
#   - starts the application (H2, and PostgreSQL when a server answers on 127.0.0.1:5432), creates an article of
#     about 6 KB of Vietnamese text (bench/article.json) through the API, and saves the exact HTML it serves;
#   - serves that file from nginx on another loopback port;
#   - runs `wrk -t2 -c64 -d15s` (plain, a browser's User-Agent header, no script) against the app, then nginx,
#     then both again: round 1 as new browsers without cookies (each gets a fresh signed cookie), round 2 as a
#     returning browser with its cookie; prints requests/s, p50/p99 and the ratio app/nginx (target: at least 60 %,
#     issue 16), and how many
#     views the app added for the requests wrk reports (wrk abandons the requests in flight when it stops, up to
#     64, which the app has served and counted: the difference lies between 0 and 64);
#   - after each round, checks exactness with bench/portal-count.lua: wrk counts the article pages it receives and
#     drains its connections on /robots.txt for the last 2 s, so the app's view count must rise by exactly that
#     number.
# Usage: bench/portal.sh [h2|postgresql|both]   (default both). Installs nginx and wrk if missing; stops everything
# it started.
set -euo pipefail
cd "$(dirname "$0")/.."

WHICH=${1:-both}
PORT=${BENCH_PORT:-18292}
NGINX_PORT=${BENCH_NGINX_PORT:-18293}
DURATION_S=${BENCH_DURATION_S:-15}
WARMUP_S=${BENCH_WARMUP_S:-30}
OUT=bench/out/portal
ADMIN_PASSWORD=Bench@2026
APP_PID=""
PG_DB=""
NGINX_STARTED=""
FAILED=0
mkdir -p "$OUT/www" "$OUT/logs"

cleanup() {
  if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  if [ -n "$NGINX_STARTED" ]; then nginx -c "$PWD/$OUT/nginx.conf" -p "$PWD/$OUT" -s stop 2>/dev/null || true; fi
  if [ -n "$PG_DB" ]; then psql -h 127.0.0.1 -U postgres -q -c "drop database if exists \"$PG_DB\" with (force)" || true; fi
  rm -rf "$OUT/h2"
}
trap cleanup EXIT

for tool in wrk nginx curl; do
  command -v $tool >/dev/null || { apt-get update -q && apt-get install -y -q wrk nginx curl; break; }
done

JAR=$(ls target/dvk-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$JAR" ]; then ./mvnw -q -B -DskipTests package; JAR=$(ls target/dvk-*.jar | grep -v original | head -1); fi

UA="Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"

wait_up() {
  for _ in $(seq 1 240); do
    curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "app did not start" >&2; return 1
}

views() { # article id → its view count from the API
  curl -fs "http://127.0.0.1:$PORT/api/v1/news/$1" | grep -o '"views":[0-9]*' | cut -d: -f2
}

field() { # RESULT line, key → value
  echo "$1" | tr ' ' '\n' | grep "^$2=" | cut -d= -f2
}

load() { # base url [cookie header] → "rps=… p50=… p99=… requests=… errors=…" from a plain wrk run
  wrk -t2 -c64 -d"${DURATION_S}s" --latency -H "User-Agent: $UA" ${2:+-H "$2"} "$1$ARTICLE_PATH" | awk '
    /Requests\/sec/ { rps = $2 }
    /requests in/ { requests = $1 }
    /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 }
    /Socket errors/ { errors = $0 }
    /Non-2xx/ { non2xx = $NF }
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    END { printf "rps=%.0f p50=%.2f p99=%.2f requests=%d errors=%s\n", rps, ms(p50), ms(p99), requests,
      (errors == "" && non2xx == "") ? 0 : "yes" }'
}

cat > "$OUT/nginx.conf" <<NGINX
worker_processes auto;
pid nginx.pid;
error_log logs/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  keepalive_requests 100000;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root www;
    location = /robots.txt { default_type text/plain; return 200 "User-agent: *\n"; }
    location / { default_type "text/html;charset=UTF-8"; try_files /article.html =404; }
  }
}
NGINX

run() { # label, extra env…
  local label=$1; shift
  env "$@" SERVER_PORT=$PORT DVK_DEMO_DATA=false DVK_ADMIN_PASSWORD=$ADMIN_PASSWORD \
    java -Xmx1g -jar "$JAR" > "$OUT/app-$label.log" 2>&1 &
  APP_PID=$!
  wait_up
  local created id
  created=$(curl -fs -u "admin:$ADMIN_PASSWORD" -H 'Content-Type: application/json' \
    --data-binary @bench/article.json "http://127.0.0.1:$PORT/api/v1/news")
  id=$(echo "$created" | grep -o '"id":[0-9]*' | cut -d: -f2)
  ARTICLE_PATH=$(echo "$created" | grep -o '"url":"[^"]*"' | cut -d'"' -f4 | sed 's|^https\?://[^/]*||')
  curl -fs -A "$UA" "http://127.0.0.1:$PORT$ARTICLE_PATH" -o "$OUT/www/article.html"
  printf '%-11s article %s: %d bytes of HTML (%d bytes of body text in the request)\n' "$label" "$ARTICLE_PATH" \
    "$(stat -c %s "$OUT/www/article.html")" "$(stat -c %s bench/article.json)"
  if [ -z "$NGINX_STARTED" ]; then nginx -c "$PWD/$OUT/nginx.conf" -p "$PWD/$OUT"; NGINX_STARTED=1; fi
  # Warm-up (JIT compilation, page cache), not measured; its views are counted like any others.
  wrk -t2 -c64 -d"${WARMUP_S}s" -H "User-Agent: $UA" "http://127.0.0.1:$PORT$ARTICLE_PATH" >/dev/null
  wrk -t2 -c64 -d5s -H "User-Agent: $UA" "http://127.0.0.1:$NGINX_PORT$ARTICLE_PATH" >/dev/null
  sleep 2
  # A returning browser: the visitor cookie the portal gave it on its first page.
  local returning
  returning="Cookie: $(curl -fs -A "$UA" -D - -o /dev/null "http://127.0.0.1:$PORT/" | grep -io 'dvk_v=[^;]*' | head -1)"
  for round in 1 2; do
    local before after app nginx_line counted cookie kind
    # Round 1: every request a new browser without a cookie (wrk keeps none), each signed a fresh random cookie;
    # round 2: a returning browser, its cookie checked on every view.
    if [ "$round" = 1 ]; then cookie=""; kind="new browsers"; else cookie="$returning"; kind="returning browser"; fi
    before=$(views "$id")
    app=$(load "http://127.0.0.1:$PORT" "$cookie")
    sleep 2 # the requests wrk abandoned finish, and a flush interval (1 s) passes
    after=$(views "$id")
    nginx_line=$(load "http://127.0.0.1:$NGINX_PORT" "$cookie")
    counted=$((after - before))
    printf '%-11s round %d  app:   %7s req/s  p50 %6s ms  p99 %7s ms  (%s requests, errors: %s)\n' "$label" "$round" \
      "$(field "$app" rps)" "$(field "$app" p50)" "$(field "$app" p99)" "$(field "$app" requests)" "$(field "$app" errors)"
    printf '%-11s round %d  nginx: %7s req/s  p50 %6s ms  p99 %7s ms  (%s requests, errors: %s)\n' "$label" "$round" \
      "$(field "$nginx_line" rps)" "$(field "$nginx_line" p50)" "$(field "$nginx_line" p99)" \
      "$(field "$nginx_line" requests)" "$(field "$nginx_line" errors)"
    printf '%-11s round %d  %s: app/nginx = %s %%  (target ≥ 60 %%); views +%d for %d requests reported (+%d in flight at the stop)\n' \
      "$label" "$round" "$kind" "$(awk -v a="$(field "$app" rps)" -v b="$(field "$nginx_line" rps)" 'BEGIN {printf "%.1f", 100 * a / b}')" \
      "$counted" "$(field "$app" requests)" $((counted - $(field "$app" requests)))
    if awk -v a="$(field "$app" rps)" -v b="$(field "$nginx_line" rps)" 'BEGIN {exit !(100 * a / b < 60)}'; then
      echo "$label round $round: app/nginx below 60 %"; FAILED=1
    fi
    if [ $((counted - $(field "$app" requests))) -lt 0 ] || [ $((counted - $(field "$app" requests))) -gt 64 ]; then
      echo "$label round $round: views outside [requests, requests + 64]"; FAILED=1
    fi
    # Exactness: every article page received is one view, no more, no less.
    local exact received
    before=$(views "$id")
    exact=$(ARTICLE_PATH="$ARTICLE_PATH" DURATION_S=10 wrk -t2 -c64 -d10s -s bench/portal-count.lua "http://127.0.0.1:$PORT" | grep RESULT)
    sleep 2
    after=$(views "$id")
    received=$(field "$exact" article)
    if [ $((after - before)) -eq "$received" ] && [ "$(field "$exact" other)" -eq 0 ]; then
      printf '%-11s round %d  exactness: %d article pages received, views +%d: exact\n' "$label" "$round" "$received" $((after - before))
    else
      printf '%-11s round %d  exactness: %d article pages received, views +%d: NOT EXACT (%s)\n' "$label" "$round" \
        "$received" $((after - before)) "$exact"
      FAILED=1
    fi
  done
  grep -q OutOfMemoryError "$OUT/app-$label.log" && echo "$label: OutOfMemoryError in the log!"
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
}

echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
if [ "$WHICH" = h2 ] || [ "$WHICH" = both ]; then
  rm -rf "$OUT/h2"
  run h2 DVK_DATA_DIR="$OUT/h2"
fi
if [ "$WHICH" = postgresql ] || [ "$WHICH" = both ]; then
  if command -v psql >/dev/null && pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
    PG_DB="dvk_bench_portal_$$"
    psql -h 127.0.0.1 -U postgres -q -c "create database \"$PG_DB\" encoding 'UTF8' template template0"
    run postgresql SPRING_PROFILES_ACTIVE=postgres DVK_DB_URL="jdbc:postgresql://127.0.0.1:5432/$PG_DB" DVK_DB_USER=postgres
  else
    echo "No PostgreSQL on 127.0.0.1:5432: PostgreSQL run skipped."
  fi
fi
exit $FAILED
