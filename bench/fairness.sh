#!/usr/bin/env bash
# Fair counting behind one address (issue 16): starts the application (H2, no demo data) and runs
# bench/Fairness.java against it: visits of 50 browsers behind one address, 200 cookie-less hits, 300 devices
# voting, 50 ballots with 50 User-Agents against a cap, cookie-less and cross-site ballots, a 1,000-ballot burst of
# one device, and what the proof of work costs a script (ballots per core-minute).
# Usage: bench/fairness.sh   Exit status 1 when a target is missed.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${BENCH_PORT:-18296}
OUT=bench/out/fairness
ADMIN_PASSWORD=Bench@2026
mkdir -p "$OUT"; rm -rf "$OUT/h2"
JAR=$(ls target/dvk-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$JAR" ]; then ./mvnw -q -B -DskipTests package; JAR=$(ls target/dvk-*.jar | grep -v original | head -1); fi
SERVER_PORT=$PORT DVK_DEMO_DATA=false DVK_ADMIN_PASSWORD=$ADMIN_PASSWORD DVK_DATA_DIR="$OUT/h2" \
  java -Xmx1g -jar "$JAR" > "$OUT/app.log" 2>&1 &
APP_PID=$!
trap 'kill $APP_PID 2>/dev/null || true; wait $APP_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do
  curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1 && break
  sleep 0.5
done
echo "Machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
java bench/Fairness.java "http://127.0.0.1:$PORT" "$ADMIN_PASSWORD"
