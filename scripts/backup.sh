#!/usr/bin/env bash
# Backs up DVK's database, which holds everything, uploads included (evidence, images, entries are stored in it).
#   PostgreSQL (DVK_DB_URL=jdbc:postgresql://host:port/db, DVK_DB_USER, DVK_DB_PASSWORD): pg_dump in its custom
#     format → dvk-YYYYmmdd-HHMMSS.dump, restorable with scripts/restore.sh (pg_restore). Safe while nodes run.
#   H2 (the default, DVK_DATA_DIR or ./data): while the application runs, asks it for H2's own consistent dump
#     (POST /api/v1/admin/backup, an ADMIN account in DVK_BACKUP_USER / DVK_BACKUP_PASSWORD, the application at
#     DVK_APP_URL, default http://127.0.0.1:8080) → dvk-YYYYmmdd-HHMMSS.sql.zip; when it is stopped, zips the
#     database file itself → dvk-YYYYmmdd-HHMMSS.mv.zip.
# Usage: scripts/backup.sh [DESTINATION_DIR]   (default ./backups). Prints the file written.
set -euo pipefail
DEST=${1:-./backups}
mkdir -p "$DEST"
STAMP=$(date +%Y%m%d-%H%M%S)
URL=${DVK_DB_URL:-}

if [[ "$URL" == jdbc:postgresql://* ]]; then
  rest=${URL#jdbc:postgresql://}; hostport=${rest%%/*}; db=${rest#*/}; db=${db%%\?*}
  host=${hostport%%:*}; port=5432; [[ "$hostport" == *:* ]] && port=${hostport##*:}
  out="$DEST/dvk-$STAMP.dump"
  PGPASSWORD=${DVK_DB_PASSWORD:-} pg_dump -h "$host" -p "$port" -U "${DVK_DB_USER:-postgres}" -Fc -f "$out" "$db"
  echo "$out"
  exit 0
fi

DATA=${DVK_DATA_DIR:-./data}
APP=${DVK_APP_URL:-http://127.0.0.1:8080}
if curl -fs "$APP/actuator/health/liveness" >/dev/null 2>&1; then
  out="$DEST/dvk-$STAMP.sql.zip"
  curl -fsS -u "${DVK_BACKUP_USER:-admin}:${DVK_BACKUP_PASSWORD:?set DVK_BACKUP_PASSWORD (an ADMIN account)}" \
    -X POST "$APP/api/v1/admin/backup" -o "$out"
  echo "$out"
elif [ -f "$DATA/dvk.mv.db" ]; then
  out="$DEST/dvk-$STAMP.mv.zip"
  (cd "$DATA" && zip -q - dvk.mv.db) > "$out"
  echo "$out"
else
  echo "No database found: set DVK_DB_URL (PostgreSQL), or DVK_DATA_DIR / DVK_APP_URL (H2)" >&2
  exit 2
fi
