#!/bin/sh
# Load test: gunicorn with 4 workers on the bench database, wrk against the floor
# view and each page, interleaved, signed in, gzip on, bounded in time
# (LOAD_SECONDS per target) and to 127.0.0.1 only. bench/load_run.py measures
# requests/s, p50/p99, CPU per request (workers + their PostgreSQL backends) and
# the load average, and writes bench/results/load.json. Needs wrk (Debian: wrk).
set -e
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
PORT=${LOAD_PORT:-8765}
if ! command -v wrk >/dev/null 2>&1; then
  echo "load test skipped: wrk is not installed (Debian: apt-get install -y wrk)" >&2
  echo '{"skipped": "wrk is not installed"}' > bench/results/load.json
  exit 0
fi
# One key for the sessions load_target.py makes and the server that reads them.
export DJANGO_SECRET_KEY="${DJANGO_SECRET_KEY:-bench-only-key-never-used-in-production}"
$PY bench/load_target.py > bench/results/targets.txt
# The floor view is routed only by bench.floor_settings, never in production.
DJANGO_SETTINGS_MODULE=bench.floor_settings \
  DJANGO_ALLOWED_HOSTS=127.0.0.1 $PY -m gunicorn config.wsgi:application --workers 4 \
  --bind 127.0.0.1:$PORT --log-level warning --pid var/bench-gunicorn.pid &
GPID=$!
trap 'kill $GPID 2>/dev/null || true' EXIT INT TERM
for _ in $(seq 1 50); do
  curl -s -o /dev/null "http://127.0.0.1:$PORT/login/" && break
  sleep 0.2
done
$PY bench/load_run.py "$PORT" "$GPID" bench/results/targets.txt
