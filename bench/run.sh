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
# Only this run's figures reach docs/PERFORMANCE.md: a bench skipped or failed
# leaves no figure of an earlier run behind (bench/report.py says "not measured").
mkdir -p bench/results
rm -f bench/results/*.json
$PY manage.py migrate --noinput -v0
$PY manage.py load_offices
$PY manage.py shell --no-imports -c "from udbhabon.offices.demo import create_personas; create_personas()"
echo "== generate_national_data --scale $SCALE --seed ${SEED:-1}"
$PY manage.py generate_national_data --scale "$SCALE" --seed "${SEED:-1}" \
  --json bench/results/generate.json
# The Idea Bank pages are measured on the ideas of this scale, whichever benches run.
echo "== ideas (bench_ideas.py --fill-only)"
$PY bench/bench_ideas.py --fill-only
# bench_offices.py grows the tree to $OFFICES itself: keep it to the generated size.
OFFICES=$($PY -c "print(max(568, round(20000 * float('$SCALE'))))")
export OFFICES
# A bench that misses its own target exits 1: note it, run the rest, fail at the end.
failed=""
for b in ${BENCHES:-bench/bench_*.py}; do
  echo "== $b"
  $PY "$b" || failed="$failed $b"
done
echo "== load test (gunicorn, 4 workers, wrk)"
PY=$PY bench/loadtest.sh
echo "== docs/PERFORMANCE.md"
SCALE=$SCALE $PY bench/report.py
if [ -n "$failed" ]; then
  echo "missed targets or failed:$failed" >&2
  exit 1
fi
