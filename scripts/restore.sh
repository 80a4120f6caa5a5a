#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh into an EMPTY database. Stop every application node first, and
# start them again afterwards (they rebuild their in-memory catalogues from the restored data).
#   *.dump     → PostgreSQL DVK_DB_URL (+ DVK_DB_USER, DVK_DB_PASSWORD), with pg_restore; the database must exist
#                and be empty (e.g. dropdb && createdb).
#   *.sql.zip  → H2 in DVK_DATA_DIR (default ./data), with H2's RunScript (taken from the application's jar,
#                DVK_JAR or target/dvk-*.jar); an existing database there is moved aside first, never deleted.
#   *.mv.zip   → H2: the database file is put back in DVK_DATA_DIR (the old one moved aside).
# Usage: scripts/restore.sh BACKUP_FILE
set -euo pipefail
FILE=${1:?usage: scripts/restore.sh BACKUP_FILE}
[ -f "$FILE" ] || { echo "No such file: $FILE" >&2; exit 2; }

case "$FILE" in
  *.dump)
    URL=${DVK_DB_URL:?set DVK_DB_URL=jdbc:postgresql://host:port/db}
    rest=${URL#jdbc:postgresql://}; hostport=${rest%%/*}; db=${rest#*/}; db=${db%%\?*}
    host=${hostport%%:*}; port=5432; [[ "$hostport" == *:* ]] && port=${hostport##*:}
    PGPASSWORD=${DVK_DB_PASSWORD:-} pg_restore -h "$host" -p "$port" -U "${DVK_DB_USER:-postgres}" --no-owner \
      --exit-on-error -d "$db" "$FILE"
    ;;
  *.sql.zip|*.mv.zip)
    DATA=${DVK_DATA_DIR:-./data}
    mkdir -p "$DATA"
    if [ -f "$DATA/dvk.mv.db" ]; then
      aside="$DATA/dvk.mv.db.before-restore-$(date +%Y%m%d-%H%M%S)"
      mv "$DATA/dvk.mv.db" "$aside"
      echo "The database that was there is kept as $aside"
    fi
    if [[ "$FILE" == *.mv.zip ]]; then
      unzip -q -o "$FILE" -d "$DATA"
    else
      JAR=${DVK_JAR:-$(ls target/dvk-*.jar 2>/dev/null | grep -v original | head -1 || true)}
      [ -n "$JAR" ] && [ -f "$JAR" ] || { echo "Set DVK_JAR to the application's jar (it contains H2)" >&2; exit 2; }
      lib=$(mktemp -d)
      unzip -q -j -o "$JAR" 'BOOT-INF/lib/h2-*.jar' -d "$lib"
      java -cp "$lib"/h2-*.jar org.h2.tools.RunScript \
        -url "jdbc:h2:file:$(cd "$DATA" && pwd)/dvk;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
        -user sa -script "$FILE" -options compression zip
      rm -rf "$lib"
    fi
    ;;
  *) echo "Unknown backup type: $FILE (expected .dump, .sql.zip or .mv.zip)" >&2; exit 2 ;;
esac
echo "Restored $FILE"
