"""Settings for the load test only: the site plus the floor view (bench/floor_urls.py).

The floor view is never routed in production: only gunicorn started by
bench/loadtest.sh uses this module.
"""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.floor_urls"
