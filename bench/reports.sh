#!/usr/bin/env bash
# Benchmark of planning and monitoring reports (issue 7), on PostgreSQL: "With 100,000 models, 3,321 communes and
# 5,000 organizations: the summary report and the dashboard load in ≤ 2 s (p95, warm), the lagging list in ≤ 1 s,
# the XLSX report in ≤ 5 s."
#   1. starts the packaged jar (-Xmx1g, demo data off, bootstrap admin) on a throw-away PostgreSQL database and
#      imports the 3,321 communes through the API (the same generated CSV as bench/registry.sh);
#   2. seeds 5,000 organizations, 100,000 models (status mix, fields, focus areas, replicas, recognitions, lifecycle
#      history, result updates), the 2025 and 2026 planning calendars with unit plans and period reports, and a commendation
#      conference with 800 accepted nominations, straight into the database with bench/reports-seed.sql (seconds,
#      where the import API would take minutes), then restarts the node: the registry's in-memory catalogue
#      (ModelCatalogue) and other caches read the database only at start, so a node left running would not see
#      rows written behind its back;
#   3. as the bootstrap admin (HTTP Basic for the API, a form login and its session cookie for the page), after a
#      warm-up each, times $REQUESTS sequential requests (one user clicking, not a load test) of:
#        - GET /api/v1/reports/summary?from=…&to=…&groupBy=field|locality|organization|focusArea (rotating, several
#          ranges)                                                                         p95 ≤ 2 s
#        - the dashboard page GET /quan-tri/bang-dieu-khien?year=2026 and
#          GET /api/v1/reports/dashboard?year=2026                                         p95 ≤ 2 s each
#        - GET /api/v1/monitoring/lagging?year=2026                                        p95 ≤ 1 s
#      and downloads GET /api/v1/reports/summary.xlsx?from=2026-01-01&to=2026-12-31 five times (after one warm-up):
#      slowest ≤ 5 s, each must be a zip (PK header); its size is printed. Any answer other than 200 is a FAIL.
# Baselines in the same run: an authenticated API request that does next to nothing (GET /api/v1/appraisals: what
# HTTP Basic's BCrypt check and the framework cost every API figure above), and psql's own time for
# `select count(*), field_code from registry_model group by field_code` on the seeded data.
# Prints the seeded row counts and a table: measure, p50, p95, max, target, PASS/FAIL. Exit status 1 when a target
# is missed. Stops the application and drops the database on exit, whatever happens.
# Usage: bench/reports.sh    BENCH_REQUESTS (default 60), BENCH_ORGS / BENCH_MODELS (default 5000 / 100000: the
#        issue's scale), BENCH_PORT, BENCH_JAR (default: target/dvk-*.jar, built when missing).
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${BENCH_PORT:-18296}
OUT=bench/out/reports
PG_DB="dvk_bench_reports_$$"
ADMIN_PASSWORD=Bench@2026
ORGS=${BENCH_ORGS:-5000}
MODELS=${BENCH_MODELS:-100000}
REQUESTS=${BENCH_REQUESTS:-60}
WARMUP=${BENCH_WARMUP:-10}
XLSX_RUNS=5
BASE="http://127.0.0.1:$PORT"
COOKIES="$OUT/cookies.txt"
APP_PID=""
DB_CREATED=""
FAILED=0
mkdir -p "$OUT"

cleanup() {
  if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  if [ -n "$DB_CREATED" ]; then
    psql -h 127.0.0.1 -U postgres -q -c "drop database if exists \"$PG_DB\" with (force)" 2>/dev/null || true
  fi
  rm -f "$COOKIES"
}
trap cleanup EXIT

command -v curl >/dev/null || { apt-get update -q && apt-get install -y -q curl; }
command -v unzip >/dev/null || { apt-get update -q && apt-get install -y -q unzip; }
command -v psql >/dev/null || { echo "psql is needed (postgresql-client)" >&2; exit 2; }
pg_isready -h 127.0.0.1 -p 5432 -q || { echo "PostgreSQL must answer on 127.0.0.1:5432" >&2; exit 2; }

JAR=${BENCH_JAR:-$(ls target/dvk-*.jar 2>/dev/null | grep -v original | head -1 || true)}
if [ -z "$JAR" ]; then ./mvnw -q -B -DskipTests package; JAR=$(ls target/dvk-*.jar | grep -v original | head -1); fi
# A jar built before issue 7 has no planning tables: the seed would fail half-way, so say so now.
unzip -l "$JAR" | grep 'db/migration/postgresql/V11__planning.sql' >/dev/null \
  || { echo "$JAR predates the planning schema (V11): rebuild it (./mvnw -q -B -DskipTests package)" >&2; exit 2; }

sql() { psql -h 127.0.0.1 -U postgres -d "$PG_DB" -At -c "$1"; }

# The 3,321 communes over the 34 provinces, exactly as bench/registry.sh generates them.
awk 'BEGIN {
  split("Thành phố Hà Nội|Tỉnh Cao Bằng|Tỉnh Tuyên Quang|Tỉnh Điện Biên|Tỉnh Lai Châu|Tỉnh Sơn La|Tỉnh Lào Cai|Tỉnh Thái Nguyên|Tỉnh Lạng Sơn|Tỉnh Quảng Ninh|Tỉnh Bắc Ninh|Tỉnh Phú Thọ|Thành phố Hải Phòng|Tỉnh Hưng Yên|Tỉnh Ninh Bình|Tỉnh Thanh Hóa|Tỉnh Nghệ An|Tỉnh Hà Tĩnh|Tỉnh Quảng Trị|Thành phố Huế|Thành phố Đà Nẵng|Tỉnh Quảng Ngãi|Tỉnh Gia Lai|Tỉnh Khánh Hòa|Tỉnh Đắk Lắk|Tỉnh Lâm Đồng|Tỉnh Đồng Nai|Thành phố Hồ Chí Minh|Tỉnh Tây Ninh|Tỉnh Đồng Tháp|Tỉnh Vĩnh Long|Tỉnh An Giang|Thành phố Cần Thơ|Tỉnh Cà Mau", p, "|");
  print "Stt,Mã số,Tên đơn vị hành chính,Tỉnh (thành phố)";
  for (i = 1; i <= 3321; i++) printf "%d,%05d,Xã Thử Nghiệm %d,%s\n", i, i * 3, i, p[(i % 34) + 1];
}' > "$OUT/communes.csv"

start_app() { # log name → APP_PID, returns when the node is ready (the catalogue has loaded every model)
  SERVER_PORT=$PORT DVK_DEMO_DATA=false DVK_ADMIN_PASSWORD=$ADMIN_PASSWORD SPRING_PROFILES_ACTIVE=postgres \
    DVK_DB_URL="jdbc:postgresql://127.0.0.1:5432/$PG_DB" DVK_DB_USER=postgres \
    java -Xmx1g -jar "$JAR" > "$OUT/$1.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 480); do
    curl -fs "$BASE/actuator/health/readiness" >/dev/null 2>&1 && return 0
    kill -0 "$APP_PID" 2>/dev/null || { echo "app exited during start-up, see $OUT/$1.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "app not ready after 240 s, see $OUT/$1.log" >&2; exit 1
}
stop_app() {
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
}

echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), $(psql -V)"
psql -h 127.0.0.1 -U postgres -q -c "create database \"$PG_DB\" encoding 'UTF8' template template0"
DB_CREATED=1
start_app app-first

# --- data -------------------------------------------------------------------------------------------------------
curl -fs -u "admin:$ADMIN_PASSWORD" -F "file=@$OUT/communes.csv" -o "$OUT/locality-import.json" \
  "$BASE/api/v1/localities/import?dryRun=false&validFrom=2025-07-01" \
  || { echo "commune import failed"; cat "$OUT/locality-import.json" 2>/dev/null; exit 1; }
COMMUNES=$(sql "select count(*) from administrative_unit where type in ('COMMUNE', 'WARD', 'SPECIAL_ZONE') and valid_to is null")
[ "$COMMUNES" = 3321 ] || { echo "expected 3321 communes after the import, found $COMMUNES"; exit 1; }

SEED_START=$(date +%s.%N)
psql -h 127.0.0.1 -U postgres -d "$PG_DB" -q -v ON_ERROR_STOP=1 -v orgs="$ORGS" -v models="$MODELS" \
  -f bench/reports-seed.sql
SEED_END=$(date +%s.%N)
printf 'Seeded in %.1f s (bench/reports-seed.sql, orgs=%s models=%s). Rows:\n' \
  "$(awk -v a="$SEED_START" -v b="$SEED_END" 'BEGIN {print b - a}')" "$ORGS" "$MODELS"
sql "select format('  %-24s %8s', t, n) from (values
       ('communes', (select count(*) from administrative_unit where type in ('COMMUNE', 'WARD', 'SPECIAL_ZONE'))),
       ('organization', (select count(*) from organization)),
       ('registry_model', (select count(*) from registry_model)),
       ('  recognized', (select count(*) from registry_model where status in ('RECOGNIZED', 'MAINTAINED', 'REPLICATED', 'COMMENDED'))),
       ('  replicas', (select count(*) from registry_model where replica_of is not null)),
       ('registry_model_tag', (select count(*) from registry_model_tag)),
       ('registry_transition', (select count(*) from registry_transition)),
       ('registry_result_update', (select count(*) from registry_result_update)),
       ('planning_year', (select count(*) from planning_year)),
       ('reporting_period', (select count(*) from reporting_period)),
       ('unit_plan', (select count(*) from unit_plan)),
       ('unit_plan_target', (select count(*) from unit_plan_target)),
       ('period_report', (select count(*) from period_report)),
       ('period_report_figure', (select count(*) from period_report_figure)),
       ('commendation_conference', (select count(*) from commendation_conference)),
       ('award_form', (select count(*) from award_form)),
       ('nomination', (select count(*) from nomination))) r(t, n)"

# The catalogue and caches only read the database at start: restart so the node serves what was seeded.
stop_app
RESTART_START=$(date +%s.%N)
start_app app
printf 'Restart until ready: %.1f s (%s)\n' "$(awk -v a="$RESTART_START" -v b="$(date +%s.%N)" 'BEGIN {print b - a}')" \
  "$(grep -o 'Model catalogue loaded.*' "$OUT/app.log" || echo 'no catalogue line in the log')"

# The node must see what was seeded (the registry list comes from the catalogue loaded at start).
LISTED=$(curl -fs -u "admin:$ADMIN_PASSWORD" "$BASE/api/v1/models?size=1" | grep -o '"total":[0-9]*' | cut -d: -f2 || true)
echo "The node lists ${LISTED:-no} models (API total; $(sql "select count(*) from registry_model") in the database)"
[ -n "$LISTED" ] && [ "$LISTED" -gt 0 ] || { echo "the node does not see the seeded models" >&2; exit 1; }

# A browser's session for the back-office page: the login form's CSRF token and cookie, then the login itself.
rm -f "$COOKIES"
CSRF=$(curl -s -c "$COOKIES" -b "$COOKIES" "$BASE/dang-nhap" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"$//')
LOGIN=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -c "$COOKIES" -b "$COOKIES" --data-urlencode "username=admin" \
  --data-urlencode "password=$ADMIN_PASSWORD" --data-urlencode "_csrf=$CSRF" "$BASE/dang-nhap")
BACK_OFFICE=$(curl -s -o /dev/null -w '%{http_code}' -b "$COOKIES" "$BASE/quan-tri")
echo "Login: $LOGIN; back office answers $BACK_OFFICE"

# --- measures ---------------------------------------------------------------------------------------------------
fetch() { # basic|cookie, path → "status seconds" (the body is discarded; gzip accepted, as browsers do)
  local auth=(-u "admin:$ADMIN_PASSWORD")
  [ "$1" = cookie ] && auth=(-b "$COOKIES")
  local r
  r=$(curl -s --compressed -o /dev/null --max-time 120 "${auth[@]}" -w '%{http_code} %{time_total}' "$BASE$2") || true
  echo "${r:-000 120}"   # curl prints 000 and the time spent when the connection fails or times out
}

ROWS_FILE="$OUT/table.txt"
: > "$ROWS_FILE"
row() { # label, target seconds (or -), criterion p95|max, file of "status seconds" lines → one line of the table
  sort -k2,2g "$4" | awk -v label="$1" -v target="$2" -v crit="$3" '
    { t[NR] = $2; if ($1 != 200) bad[$1]++ }
    END {
      n = NR   # nearest-rank percentiles of the sorted times
      p50 = t[int(n * 0.50 + 0.999999)]; p95 = t[int(n * 0.95 + 0.999999)]; max = t[n]
      value = (crit == "max") ? max : p95
      other = ""; for (s in bad) other = other " " s "×" bad[s]
      if (target == "-") verdict = ""
      else if (other != "") verdict = "FAIL (answers:" other ")"
      else verdict = (value <= target) ? "PASS" : "FAIL"
      tgt = (target == "-") ? "baseline" : sprintf("%s ≤ %s s", crit, target)
      printf "%-48s %5d %8.3f %8.3f %8.3f  %-14s %s\n", label, n, p50, p95, max, tgt, verdict
    }' >> "$ROWS_FILE"
  grep -q 'FAIL' <(tail -1 "$ROWS_FILE") && FAILED=1 || true
}

measure() { # label, basic|cookie, target seconds, path…: warm-up, then $REQUESTS sequential requests rotating the paths
  local label=$1 mode=$2 target=$3; shift 3
  local paths=("$@") raw
  raw="$OUT/$(echo "$label" | tr -c 'a-zA-Z0-9\n' '_').txt"
  for i in $(seq 0 $((WARMUP - 1))); do fetch "$mode" "${paths[i % ${#paths[@]}]}" > /dev/null; done
  : > "$raw"
  for i in $(seq 0 $((REQUESTS - 1))); do fetch "$mode" "${paths[i % ${#paths[@]}]}" >> "$raw"; done
  row "$label" "$target" p95 "$raw"
}

echo "Measuring (sequential requests, $WARMUP warm-up each, $REQUESTS timed)…"
SUMMARY=()
for g in field locality organization focusArea; do
  SUMMARY+=("/api/v1/reports/summary?from=2021-01-01&to=2026-12-31&groupBy=$g")
done
SUMMARY+=("/api/v1/reports/summary?from=2025-01-01&to=2025-12-31&groupBy=field"
          "/api/v1/reports/summary?from=2025-01-01&to=2025-12-31&groupBy=organization"
          "/api/v1/reports/summary?from=2026-01-01&to=2026-06-30&groupBy=locality"
          "/api/v1/reports/summary?from=2023-07-01&to=2024-06-30&groupBy=focusArea")
measure "summary report (API, 8 rotating queries)" basic 2 "${SUMMARY[@]}"
measure "dashboard page (/quan-tri/bang-dieu-khien)" cookie 2 "/quan-tri/bang-dieu-khien?year=2026"
measure "dashboard (API)" basic 2 "/api/v1/reports/dashboard?year=2026"
measure "lagging list (API)" basic 1 "/api/v1/monitoring/lagging?year=2026"

# XLSX: one warm-up download, then $XLSX_RUNS timed; each must be a zip (an XLSX file starts with "PK").
XLSX_PATH="/api/v1/reports/summary.xlsx?from=2026-01-01&to=2026-12-31"
curl -s -o "$OUT/summary.xlsx" --max-time 120 -u "admin:$ADMIN_PASSWORD" "$BASE$XLSX_PATH" || true
: > "$OUT/xlsx.txt"
XLSX_NOTES=""
for i in $(seq 1 $XLSX_RUNS); do
  rm -f "$OUT/summary.xlsx"
  r=$(curl -s -o "$OUT/summary.xlsx" --max-time 120 -u "admin:$ADMIN_PASSWORD" -w '%{http_code} %{time_total}' \
    "$BASE$XLSX_PATH") || true
  r=${r:-000 120}
  magic=$(head -c 2 "$OUT/summary.xlsx" 2>/dev/null || true)
  size=$(stat -c %s "$OUT/summary.xlsx" 2>/dev/null || echo 0)
  if [ "${r%% *}" = 200 ] && [ "$magic" != PK ]; then r="not-a-zip ${r#* }"; fi
  echo "$r" >> "$OUT/xlsx.txt"
  XLSX_NOTES="$XLSX_NOTES ${r#* }s/${size}B"
done
row "XLSX report (2026, $XLSX_RUNS downloads)" 5 max "$OUT/xlsx.txt"

# Baselines: an authenticated request that does almost nothing, and the database's own aggregate.
measure "baseline: auth. no-op API (/api/v1/appraisals)" basic - "/api/v1/appraisals"
{ echo '\timing on'; for _ in $(seq 1 11); do
    echo 'select count(*), field_code from registry_model group by field_code;'; done; } \
  | psql -h 127.0.0.1 -U postgres -d "$PG_DB" -At 2>&1 | grep '^Time:' | tail -n 10 \
  | awk '{printf "200 %.6f\n", $2 / 1000}' > "$OUT/psql.txt"
row "baseline: psql group by field_code (10, warm)" - p95 "$OUT/psql.txt"

echo
printf '%-48s %5s %8s %8s %8s  %-14s %s\n' "measure (seconds)" n p50 p95 max target result
cat "$ROWS_FILE"
echo "XLSX downloads (time/size):$XLSX_NOTES"
grep -q OutOfMemoryError "$OUT/app.log" && { echo "OutOfMemoryError in $OUT/app.log!"; FAILED=1; }
[ "$FAILED" = 0 ] && echo "All targets met."
exit "$FAILED"
