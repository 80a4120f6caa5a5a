#!/usr/bin/env bash
# Benchmark: importing all 3,321 communes of the 2025 list (issue target: under 5 s).
#
# Generates a CSV in the official 2025 layout (3,321 communes spread over the 34 provinces), starts the packaged app
# on a fresh H2 database (and, when a PostgreSQL server answers on 127.0.0.1:5432, again on a throw-away
# PostgreSQL database), and times through the real API:
#   - the dry run (parse + check every row),
#   - the commit (everything written in one transaction),
#   - re-importing the same file (idempotent: all unchanged).
# Baseline in the same run: PostgreSQL's own bulk load (\copy) of the same rows into a bare table.
# Stops every process it started and drops every database it created.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${BENCH_PORT:-18181}
OUT=bench/out
mkdir -p "$OUT"
CSV="$OUT/communes-3321.csv"
ADMIN_PASSWORD=Bench@2026
APP_PID=""
PG_DB=""

cleanup() {
  if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  if [ -n "$PG_DB" ]; then psql -h 127.0.0.1 -U postgres -q -c "drop database if exists \"$PG_DB\" with (force)" || true; fi
  rm -rf "$OUT/h2"
}
trap cleanup EXIT

JAR=$(ls target/dvk-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$JAR" ]; then
  echo "Building the jar…"
  ./mvnw -q -B -DskipTests package
  JAR=$(ls target/dvk-*.jar | grep -v original | head -1)
fi

# 3,321 communes over the 34 provinces of the 2025 list, names as the official list writes them.
awk 'BEGIN {
  split("Thành phố Hà Nội|Tỉnh Cao Bằng|Tỉnh Tuyên Quang|Tỉnh Điện Biên|Tỉnh Lai Châu|Tỉnh Sơn La|Tỉnh Lào Cai|Tỉnh Thái Nguyên|Tỉnh Lạng Sơn|Tỉnh Quảng Ninh|Tỉnh Bắc Ninh|Tỉnh Phú Thọ|Thành phố Hải Phòng|Tỉnh Hưng Yên|Tỉnh Ninh Bình|Tỉnh Thanh Hóa|Tỉnh Nghệ An|Tỉnh Hà Tĩnh|Tỉnh Quảng Trị|Thành phố Huế|Thành phố Đà Nẵng|Tỉnh Quảng Ngãi|Tỉnh Gia Lai|Tỉnh Khánh Hòa|Tỉnh Đắk Lắk|Tỉnh Lâm Đồng|Tỉnh Đồng Nai|Thành phố Hồ Chí Minh|Tỉnh Tây Ninh|Tỉnh Đồng Tháp|Tỉnh Vĩnh Long|Tỉnh An Giang|Thành phố Cần Thơ|Tỉnh Cà Mau", p, "|");
  split("Xã|Phường|Xã|Xã|Phường|Đặc khu", kind, "|");
  split("An Bình|Tân Lập|Hòa Thuận|Đông Hưng|Phước Long|Quỳnh Lâm|Ea Tân|Mường Khương|Vĩnh Hòa|Thạch Bàn", base, "|");
  print "Stt,Mã số,Tên đơn vị hành chính,Tỉnh (thành phố)";
  for (i = 1; i <= 3321; i++) {
    k = (i % 97 == 0) ? 6 : ((i % 5) + 1);
    printf "%d,%05d,%s %s %d,%s\n", i, i * 3, kind[k], base[(i % 10) + 1], i, p[(i % 34) + 1];
  }
}' > "$CSV"
echo "Generated $(($(wc -l < "$CSV") - 1)) rows ($(du -h "$CSV" | cut -f1)) in $CSV"

wait_up() {
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "app did not start" >&2; return 1
}

import() { # dryRun → prints "seconds created updated unchanged"
  curl -s -u "admin:$ADMIN_PASSWORD" -F "file=@$CSV" -o "$OUT/response.json" -w '%{time_total}' \
    "http://127.0.0.1:$PORT/api/v1/localities/import?dryRun=$1&validFrom=2025-07-01" > "$OUT/time.txt"
  printf '%s %s\n' "$(cat "$OUT/time.txt")" \
    "$(sed -E 's/.*"created":([0-9]+),"updated":([0-9]+),"unchanged":([0-9]+).*/\1 \2 \3/' "$OUT/response.json")"
}

run_app() { # label, extra env…
  local label=$1; shift
  env "$@" SERVER_PORT=$PORT DVK_DEMO_DATA=false DVK_ADMIN_PASSWORD=$ADMIN_PASSWORD \
    java -Xmx512m -jar "$JAR" > "$OUT/app-$label.log" 2>&1 &
  APP_PID=$!
  wait_up
  import true > /dev/null   # warm-up: JIT and connection pool, writes nothing
  local dry commit again
  dry=$(import true); commit=$(import false); again=$(import false)
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
  printf '%-12s dry run %6.2f s | commit %6.2f s (created %s) | re-import %6.2f s (unchanged %s)\n' "$label" \
    "${dry%% *}" "${commit%% *}" "$(echo "$commit" | cut -d' ' -f2)" "${again%% *}" "$(echo "$again" | cut -d' ' -f4)"
  echo "$label ${commit%% *}" >> "$OUT/results.txt"
}

rm -f "$OUT/results.txt"
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
run_app h2 DVK_DATA_DIR="$OUT/h2"

if command -v psql >/dev/null && pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  PG_DB="dvk_bench_$$"
  psql -h 127.0.0.1 -U postgres -q -c "create database \"$PG_DB\" encoding 'UTF8' template template0"
  run_app postgresql SPRING_PROFILES_ACTIVE=postgres DVK_DB_URL="jdbc:postgresql://127.0.0.1:5432/$PG_DB" DVK_DB_USER=postgres
  # Baseline: the database's own bulk load of the same rows into a bare table.
  start=$(date +%s.%N)
  psql -h 127.0.0.1 -U postgres -d "$PG_DB" -q -v ON_ERROR_STOP=1 \
    -c "create table bench_units (stt int, code varchar(10), name varchar(150), province varchar(150))" \
    -c "\\copy bench_units from '$CSV' with (format csv, header true)"
  end=$(date +%s.%N)
  base=$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.3f", b - a}')
  printf '%-12s \\copy of the same rows: %6.2f s\n' "baseline" "$base"
  pg_commit=$(awk '$1 == "postgresql" {print $2}' "$OUT/results.txt")
  awk -v a="$pg_commit" -v b="$base" 'BEGIN {printf "ratio        app commit on PostgreSQL / \\copy = %.1fx\n", a / b}'
else
  echo "No PostgreSQL on 127.0.0.1:5432: PostgreSQL run and baseline skipped."
fi
echo "Target: commit of 3,321 communes < 5 s."
