#!/bin/sh
# Load test: gunicorn with 4 workers on the bench database, wrk against one page
# as a signed-in officer, bounded in time (LOAD_SECONDS) and to 127.0.0.1 only.
# Writes bench/results/load.json. Needs wrk (Debian: apt-get install -y wrk).
set -e
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
PORT=${LOAD_PORT:-8765}
SECONDS_=${LOAD_SECONDS:-20}
CONN=${LOAD_CONNECTIONS:-8}
if ! command -v wrk >/dev/null 2>&1; then
  echo "load test skipped: wrk is not installed (Debian: apt-get install -y wrk)" >&2
  echo '{"skipped": "wrk is not installed"}' > bench/results/load.json
  exit 0
fi
# The page and a session cookie of the officer who opens it.
set -- $($PY bench/load_target.py)
URL_PATH=$1; COOKIE=$2; LABEL=$3
DJANGO_SECRET_KEY="${DJANGO_SECRET_KEY:-bench-only-key-never-used-in-production}" \
  DJANGO_ALLOWED_HOSTS=127.0.0.1 $PY -m gunicorn config.wsgi:application --workers 4 \
  --bind 127.0.0.1:$PORT --log-level warning --pid var/bench-gunicorn.pid &
GPID=$!
trap 'kill $GPID 2>/dev/null || true' EXIT INT TERM
for _ in $(seq 1 50); do
  curl -s -o /dev/null "http://127.0.0.1:$PORT/login/" && break
  sleep 0.2
done
wrk -t2 -c"$CONN" -d"${SECONDS_}s" --latency -H "Cookie: sessionid=$COOKIE" \
  "http://127.0.0.1:$PORT$URL_PATH" > bench/results/wrk.txt
cat bench/results/wrk.txt
$PY - "$LABEL" "$URL_PATH" "$CONN" "$SECONDS_" <<'PY'
import json, re, sys
text = open("bench/results/wrk.txt").read()
def ms(v):
    n, unit = float(re.match(r"[\d.]+", v).group()), re.sub(r"[\d.]+", "", v)
    return round(n * {"us": 0.001, "ms": 1, "s": 1000}[unit], 2)
pcts = dict(re.findall(r"^\s+(\d+)%\s+(\S+)", text, re.M))
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
json.dump({"page": sys.argv[1], "path": sys.argv[2], "connections": int(sys.argv[3]),
           "seconds": int(sys.argv[4]), "workers": 4, "rps": rps,
           "p50": ms(pcts["50"]), "p99": ms(pcts["99"]),
           "errors": int(non2xx.group(1)) if non2xx else 0},
          open("bench/results/load.json", "w"), indent=1)
PY
