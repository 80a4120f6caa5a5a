#!/usr/bin/env bash
# Benchmark of the registry at scale (issue 3 targets), on H2 and, when a server answers, on PostgreSQL:
#   - 100,000 generated models over 3,321 communes, loaded through the real import API as ten 10,000-row XLSX
#     files: each import must take at most 15 s;
#   - search (GET /api/v1/models?q=…, rotating realistic queries): p95 at most 50 ms, warm;
#   - the public directory page (GET /mo-hinh?…, rotating filters and pages): p95 at most 30 ms, warm (served from
#     the page cache); also measured with a cache-busting parameter on every request, i.e. rendered every time;
#   Each load runs with 2 connections (one per core of the machine) and with 8 (more than the cores: queueing).
#   - XLSX export of all 100,000 rows at most 10 s, with the application's heap capped at 512 MB (-Xmx512m): the
#     node is restarted with -Xmx512m for it (and for the catalogue load), and exports twice: the first export
#     right after start-up (JIT cold) and a second one, both printed. Imports and loads run with -Xmx1g.
# Baseline in the same run: nginx serving the bytes of a directory page the app rendered, with the same wrk load.
# Usage: bench/registry.sh [h2|postgresql|both]   (default both). Stops everything it started.
set -euo pipefail
cd "$(dirname "$0")/.."

WHICH=${1:-both}
PORT=${BENCH_PORT:-18282}
NGINX_PORT=${BENCH_NGINX_PORT:-18283}
OUT=bench/out/registry
ORGS=300
FILES=${BENCH_FILES:-10}
ROWS=${BENCH_ROWS:-10000}
DURATION=${BENCH_DURATION:-20s}
ADMIN_PASSWORD=Bench@2026
APP_PID=""
PG_DB=""
NGINX_STARTED=""
mkdir -p "$OUT"

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
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$OUT/cp.txt" >/dev/null
GEN_CP=$(tr ':' '\n' < "$OUT/cp.txt" | grep -E "fastexcel-0|opczip|commons-compress" | tr '\n' ':')

# --- data, generated once -------------------------------------------------------------------------------
if [ ! -f "$OUT/models-$FILES.xlsx" ]; then
  echo "Generating $FILES × $ROWS models…"
  java -cp "$GEN_CP" bench/GenerateModels.java "$OUT" "$FILES" "$ROWS" "$ORGS"
fi
awk 'BEGIN {
  split("Thành phố Hà Nội|Tỉnh Cao Bằng|Tỉnh Tuyên Quang|Tỉnh Điện Biên|Tỉnh Lai Châu|Tỉnh Sơn La|Tỉnh Lào Cai|Tỉnh Thái Nguyên|Tỉnh Lạng Sơn|Tỉnh Quảng Ninh|Tỉnh Bắc Ninh|Tỉnh Phú Thọ|Thành phố Hải Phòng|Tỉnh Hưng Yên|Tỉnh Ninh Bình|Tỉnh Thanh Hóa|Tỉnh Nghệ An|Tỉnh Hà Tĩnh|Tỉnh Quảng Trị|Thành phố Huế|Thành phố Đà Nẵng|Tỉnh Quảng Ngãi|Tỉnh Gia Lai|Tỉnh Khánh Hòa|Tỉnh Đắk Lắk|Tỉnh Lâm Đồng|Tỉnh Đồng Nai|Thành phố Hồ Chí Minh|Tỉnh Tây Ninh|Tỉnh Đồng Tháp|Tỉnh Vĩnh Long|Tỉnh An Giang|Thành phố Cần Thơ|Tỉnh Cà Mau", p, "|");
  print "Stt,Mã số,Tên đơn vị hành chính,Tỉnh (thành phố)";
  for (i = 1; i <= 3321; i++) printf "%d,%05d,Xã Thử Nghiệm %d,%s\n", i, i * 3, i, p[(i % 34) + 1];
}' > "$OUT/communes.csv"

# Realistic searches (with and without diacritics) and directory pages.
cat > "$OUT/search.paths" <<'P'
/api/v1/models?q=rac+thai
/api/v1/models?q=%C4%91%C6%B0%E1%BB%9Dng+giao+th%C3%B4ng
/api/v1/models?q=camera+an+ninh
/api/v1/models?q=hien+dat+lam+duong
/api/v1/models?q=khuyen+hoc
/api/v1/models?q=ph%C3%B2ng+ch%E1%BB%91ng+ma+t%C3%BAy
/api/v1/models?q=nuoc+sach
/api/v1/models?q=chuyen+doi+so
/api/v1/models?q=vuon+rau+an+toan
/api/v1/models?q=hoa+giai
/api/v1/models?q=nha+tinh+nghia
/api/v1/models?q=doi+thoai+voi+nhan+dan
/api/v1/models?q=che+huu+co
/api/v1/models?q=so+12345
/api/v1/models?q=thoat+ngheo+sinh+ke
/api/v1/models?q=dan+van+kheo
/api/v1/models?q=xa+thu+nghiem+1503
/api/v1/models?q=to+tu+quan&page=3
P
: > "$OUT/directory.paths"
for p in 0 1 2 5 10 50 200; do echo "/mo-hinh?page=$p" >> "$OUT/directory.paths"; done
for f in KINH_TE VAN_HOA_XA_HOI QUOC_PHONG_AN_NINH; do echo "/mo-hinh?field=$f&page=1" >> "$OUT/directory.paths"; done
for c in 00300 01503 04509 09963; do echo "/mo-hinh?locality=$c" >> "$OUT/directory.paths"; done
echo "/mo-hinh?kind=EXEMPLAR&subject=INDIVIDUAL&page=2" >> "$OUT/directory.paths"
echo "/mo-hinh?phase=2021-2025&page=4" >> "$OUT/directory.paths"

AUTH=$(printf 'admin:%s' "$ADMIN_PASSWORD" | base64)

wait_up() {
  for _ in $(seq 1 480); do
    curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "app did not start" >&2; return 1
}

load() { # label, paths file, unique (0|1) → prints one RESULT line per connection count
  PATHS_FILE="$OUT/$2" UNIQUE="$3" wrk -t2 -c8 -d5s -s bench/latency.lua "http://127.0.0.1:$PORT" >/dev/null
  for c in 2 8; do
    PATHS_FILE="$OUT/$2" UNIQUE="$3" wrk -t2 -c$c -d"$DURATION" -s bench/latency.lua "http://127.0.0.1:$PORT" \
      | grep RESULT | sed "s/^RESULT/$1 c=$c/"
  done
}

run() { # label, extra env…
  local label=$1; shift
  env "$@" SERVER_PORT=$PORT DVK_DEMO_DATA=false DVK_ADMIN_PASSWORD=$ADMIN_PASSWORD \
    java -Xmx1g -jar "$JAR" > "$OUT/app-$label.log" 2>&1 &
  APP_PID=$!
  wait_up
  curl -s -u "admin:$ADMIN_PASSWORD" -F "file=@$OUT/communes.csv" \
    "http://127.0.0.1:$PORT/api/v1/localities/import?dryRun=false&validFrom=2025-07-01" -o /dev/null
  for i in $(seq 1 $ORGS); do
    printf '{"name":"Đơn vị thử nghiệm %d","type":"OTHER","localityCode":"%05d"}' "$i" $((i * 3)) \
      | curl -s -u "admin:$ADMIN_PASSWORD" -H 'Content-Type: application/json' --data-binary @- \
        "http://127.0.0.1:$PORT/api/v1/organizations" -o /dev/null
  done
  local worst=0
  for f in $(seq 1 "$FILES"); do
    t=$(curl -s -u "admin:$ADMIN_PASSWORD" -F "file=@$OUT/models-$f.xlsx" -o "$OUT/import-$label-$f.json" \
      -w '%{time_total}' "http://127.0.0.1:$PORT/api/v1/models/import?dryRun=false")
    grep -q '"imported":'"$ROWS" "$OUT/import-$label-$f.json" || { echo "import $f failed:"; head -c 600 "$OUT/import-$label-$f.json"; exit 1; }
    worst=$(awk -v a="$worst" -v b="$t" 'BEGIN {print (b > a) ? b : a}')
    printf '  %s import %2d/%d: %6.2f s\n' "$label" "$f" "$FILES" "$t"
  done
  printf '%-11s import of %d rows (XLSX), slowest of %d files: %.2f s (target ≤ 15 s)\n' "$label" "$ROWS" "$FILES" "$worst"
  load "$label search            " search.paths 0
  load "$label directory (cached) " directory.paths 0
  load "$label directory (rendered)" directory.paths 1
  # A restart: how long until the catalogue has loaded every model and the node is ready again.
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
  local t0 t1
  t0=$(date +%s.%N)
  env "$@" SERVER_PORT=$PORT DVK_DEMO_DATA=false DVK_ADMIN_PASSWORD=$ADMIN_PASSWORD \
    java -Xmx512m -jar "$JAR" > "$OUT/app-$label-restart.log" 2>&1 &
  APP_PID=$!
  wait_up
  t1=$(date +%s.%N)
  printf '%-11s restart until ready: %.1f s (%s)\n' "$label" "$(awk -v a="$t0" -v b="$t1" 'BEGIN {print b - a}')" \
    "$(grep -o 'Model catalogue loaded.*' "$OUT/app-$label-restart.log")"
  local start end rows
  for attempt in first second; do
    start=$(date +%s.%N)
    curl -s -u "admin:$ADMIN_PASSWORD" -o "$OUT/export-$label.xlsx" "http://127.0.0.1:$PORT/api/v1/models/export.xlsx"
    end=$(date +%s.%N)
    rows=$(unzip -p "$OUT/export-$label.xlsx" xl/worksheets/sheet1.xml | grep -o '<row ' | wc -l)
    printf '%-11s export (%s): %d rows in %.2f s with -Xmx512m (target ≤ 10 s), %d MB\n' "$label" "$attempt" \
      $((rows - 1)) "$(awk -v a="$start" -v b="$end" 'BEGIN {print b - a}')" \
      $(( $(stat -c %s "$OUT/export-$label.xlsx") / 1048576 ))
  done
  grep -q OutOfMemoryError "$OUT/app-$label.log" "$OUT/app-$label-restart.log" && echo "$label: OutOfMemoryError in the log!"
  if [ "$label" = h2 ] || [ ! -f "$OUT/page.html" ]; then
    curl -s "http://127.0.0.1:$PORT/mo-hinh?page=1" -o "$OUT/page.html"
  fi
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
}

echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
if [ "$WHICH" = h2 ] || [ "$WHICH" = both ]; then
  rm -rf "$OUT/h2"
  run h2 DVK_DATA_DIR="$OUT/h2"
fi
if [ "$WHICH" = postgresql ] || [ "$WHICH" = both ]; then
  if command -v psql >/dev/null && pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
    PG_DB="dvk_bench_registry_$$"
    psql -h 127.0.0.1 -U postgres -q -c "create database \"$PG_DB\" encoding 'UTF8' template template0"
    run postgresql SPRING_PROFILES_ACTIVE=postgres DVK_DB_URL="jdbc:postgresql://127.0.0.1:5432/$PG_DB" DVK_DB_USER=postgres
  else
    echo "No PostgreSQL on 127.0.0.1:5432: PostgreSQL run skipped."
  fi
fi

# Baseline: nginx serving the same directory page bytes under the same load.
mkdir -p "$OUT/www/mo-hinh" "$OUT/logs"
cp "$OUT/page.html" "$OUT/www/mo-hinh/index.html"
cat > "$OUT/nginx.conf" <<NGINX
worker_processes 1;
pid nginx.pid;
error_log logs/error.log;
events { worker_connections 256; }
http {
  access_log off;
  server { listen 127.0.0.1:$NGINX_PORT; root www; location / { try_files /mo-hinh/index.html =404; } }
}
NGINX
nginx -c "$PWD/$OUT/nginx.conf" -p "$PWD/$OUT"; NGINX_STARTED=1
PATHS_FILE="$OUT/directory.paths" wrk -t2 -c8 -d"$DURATION" -s bench/latency.lua "http://127.0.0.1:$NGINX_PORT" \
  | grep RESULT | sed 's/^RESULT/nginx      directory (same bytes, baseline)/'
echo "Targets: search p95 ≤ 50 ms, directory p95 ≤ 30 ms (warm), import ≤ 15 s per 10,000 rows, export ≤ 10 s."
