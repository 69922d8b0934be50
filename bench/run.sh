#!/bin/sh
# `make bench`: every benchmark in one run, on a fresh PostgreSQL database.
# Needs DATABASE_URL pointing at a PostgreSQL server (scripts/with-postgres
# provides one); SCALE chooses the size of the generated national data.
set -e
cd "$(dirname "$0")/.."
PY=.venv/bin/python
: "${SCALE:=0.05}"
BASE_URL="$DATABASE_URL"
# A database of its own, so a bench never touches development data.
BENCH_URL=$($PY -c 'import sys, urllib.parse as u; p = u.urlsplit(sys.argv[1]); print(u.urlunsplit(p._replace(path="/udbhabon_bench")))' "$BASE_URL")
$PY - "$BASE_URL" <<'PY'
import sys, psycopg
from config.env import database_from_url
from pathlib import Path
cfg = database_from_url(sys.argv[1], sqlite_default=Path("x"))
conn = psycopg.connect(dbname="postgres", user=cfg["USER"] or None, host=cfg["HOST"] or None,
                       port=cfg["PORT"] or None, password=cfg["PASSWORD"] or None, autocommit=True)
conn.execute("DROP DATABASE IF EXISTS udbhabon_bench")
conn.execute("CREATE DATABASE udbhabon_bench TEMPLATE template0 ENCODING 'UTF8'")
PY
export DATABASE_URL="$BENCH_URL"
mkdir -p bench/results
$PY manage.py migrate --noinput -v0
$PY manage.py load_offices
for b in bench/bench_*.py; do
  echo "== $b"
  $PY "$b"
done
