"""Settings for the load test only: the site plus the floor view (bench/floor_urls.py).

The floor view is never routed in production: only gunicorn started by
bench/loadtest.sh uses this module.
"""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.floor_urls"

# One PostgreSQL backend per gunicorn worker for the whole run: bench/load_run.py
# counts the CPU of the backends it sees at a run's start, and a connection
# recycled mid-run (CONN_MAX_AGE) took its backend's CPU with it (negative
# figures in the 2026-12-07 run).
DATABASES["default"]["CONN_MAX_AGE"] = None  # noqa: F405

# The API's targets send one token for thousands of requests: no rate limit here.
UDBHABON_API_LIMIT = (10**9, 60)
