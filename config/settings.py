"""Django settings for Udbhabon: one module, driven by environment variables.

Defaults give a zero-set-up development site on SQLite under ``var/``. Production
sets ``DJANGO_DEBUG=0``, ``DJANGO_SECRET_KEY``, ``DJANGO_ALLOWED_HOSTS`` and
``DATABASE_URL`` (PostgreSQL); see README.md and docs/ARCHITECTURE.md.
"""

from __future__ import annotations

import secrets
import sys
from pathlib import Path
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from config.env import database_from_url, env_bool, env_int, env_list, env_str, serving_process

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("UDBHABON_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DJANGO_DEBUG", default=False)


def _secret_key() -> str:
    """Read the key from the environment; in development keep one in var/.

    The key is never in the repository. A server (gunicorn through config.wsgi or
    config.asgi, runserver, db_worker) or `check --deploy` with DEBUG off refuses to
    start without DJANGO_SECRET_KEY: a key made up on the spot would differ between
    servers and silently sign sessions, reset links and calendar keys with it.
    Other commands (migrate, compilemessages, the tests) may use the file in var/.
    """
    key = env_str("DJANGO_SECRET_KEY")
    if key:
        return key
    if not DEBUG and serving_process(sys.argv):
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off (see README.md, "
            "Configuration (production)); set DJANGO_DEBUG=1 for a development server."
        )
    path = VAR_DIR / "secret_key"
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(50)
        path.write_text(key)
        return key


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
SITE_URL = env_str("UDBHABON_SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "simple_history",
    "django_tasks_db",
    "udbhabon.core",
    "udbhabon.notifications",
    "udbhabon.accounts",
    "udbhabon.offices",
    "udbhabon.plans",
    "udbhabon.meetings",
    "udbhabon.ideas",
    "udbhabon.initiatives",
    "udbhabon.directory",
    "udbhabon.events",
    "udbhabon.awards",
    "udbhabon.readiness",
    "udbhabon.documents",
    "udbhabon.monitoring",
    "udbhabon.evaluation",
    "udbhabon.portal",
    "udbhabon.shell",
    "udbhabon.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy from SECURE_CSP below (a view may carry its own: core/csp.py)
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    # Reads of listed pages may go to a replica (DATABASE_REPLICA_URL; core/replica.py);
    # outside the session middleware so that a session saved counts as a write.
    "udbhabon.core.replica.ReplicaReadsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # /api/ answers in the language of Accept-Language (bn by default), not the cookie's
    "udbhabon.api.http.ApiLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # sessions end after 8 idle hours; the expiry is pushed forward every 5 minutes at most
    "udbhabon.accounts.middleware.SessionRefreshMiddleware",
    "udbhabon.offices.middleware.ActingPostMiddleware",
    # 400 for a NUL in the path, a query or a form value (PostgreSQL cannot store it)
    "udbhabon.core.middleware.RejectNulMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "udbhabon" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "udbhabon.offices.context_processors.acting_post",
                "udbhabon.notifications.context_processors.unread_notifications",
            ],
            "builtins": ["udbhabon.core.templatetags.bn"],
        },
    }
]

DATABASES = {
    "default": database_from_url(
        env_str("DATABASE_URL"), sqlite_default=VAR_DIR / "udbhabon.sqlite3"
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # WAL lets the web server read while a background import writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
# A PostgreSQL streaming replica for reads that tolerate a second's delay
# (core/replica.py; deploy/README.md "Several servers"). Tests mirror it onto the primary.
if env_str("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = database_from_url(
        env_str("DATABASE_REPLICA_URL"), sqlite_default=VAR_DIR / "udbhabon.sqlite3"
    )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["udbhabon.core.replica.ReplicaRouter"]
# After a write, the browser's reads stay on the primary this long (read your writes).
UDBHABON_REPLICA_STICKY_SECONDS = env_int("UDBHABON_REPLICA_STICKY_SECONDS", 5)
# Behind by more than this, or down: reads go to the primary.
UDBHABON_REPLICA_MAX_LAG_SECONDS = float(env_str("UDBHABON_REPLICA_MAX_LAG_SECONDS", "1"))
# How often (per process) the replica's lag is measured.
UDBHABON_REPLICA_CHECK_SECONDS = float(env_str("UDBHABON_REPLICA_CHECK_SECONDS", "1"))
# The pages whose reads may come from the replica (view names; GET and HEAD only).
UDBHABON_REPLICA_VIEWS = [
    "monitoring:home",
    "monitoring:digest",
    "monitoring:office",
    "monitoring:export",
    "ideas:bank",
    "portal:home",
    "portal:offices",
    "portal:similar",
    "portal:showcase*",
    "portal:ledger*",
    "portal:initiative",
    "api:list_*",
    "api:supervision",
]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "offices.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Bengali first: bn is the default language, en the second (docs/design/DESIGN.md principle 1).
LANGUAGE_CODE = "bn"
LANGUAGES = [("bn", _("বাংলা")), ("en", _("English"))]
LANGUAGE_COOKIE_NAME = "udbhabon_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Dhaka"
USE_I18N = True
USE_TZ = True
# Bengali digits come from the bangla package (template filter `bn`), not from
# Django's localisation, which would group numbers the Western way.
USE_THOUSAND_SEPARATOR = False

STATIC_URL = "static/"
# Where collectstatic writes and nginx reads (deploy/nginx/udbhabon.conf).
STATIC_ROOT = Path(env_str("UDBHABON_STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "udbhabon" / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("UDBHABON_MEDIA_ROOT", str(VAR_DIR / "media")))
# Uploaded files: the filesystem (MEDIA_ROOT, shared by several app servers through a
# network mount) or an S3-compatible object store (UDBHABON_S3_BUCKET; django-storages).
# Files are private: S3 URLs are signed and short-lived; downloads still pass the
# views' permission checks first.
if env_str("UDBHABON_S3_BUCKET"):
    DEFAULT_STORAGE: dict[str, Any] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_str("UDBHABON_S3_BUCKET"),
            "endpoint_url": env_str("UDBHABON_S3_ENDPOINT_URL") or None,
            "region_name": env_str("UDBHABON_S3_REGION") or None,
            "access_key": env_str("UDBHABON_S3_ACCESS_KEY") or None,
            "secret_key": env_str("UDBHABON_S3_SECRET_KEY") or None,
            "location": env_str("UDBHABON_S3_PREFIX"),
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": 300,
            "file_overwrite": False,
        },
    }
else:
    DEFAULT_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": DEFAULT_STORAGE,
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            # Production sets UDBHABON_MANIFEST_STATIC=1 after collectstatic:
            # hashed names, cached forever. Off in development and tests.
            if env_bool("UDBHABON_MANIFEST_STATIC", default=False)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = not env_bool("UDBHABON_MANIFEST_STATIC", default=False)

# Uploads: an office's old plan is a few hundred kB; refuse anything large early.
UDBHABON_MAX_UPLOAD_BYTES = env_int("UDBHABON_MAX_UPLOAD_BYTES", 15 * 1024 * 1024)
# An upload that could not be read keeps its file this long (the daily job removes it).
UDBHABON_FAILED_UPLOAD_HOURS = env_int("UDBHABON_FAILED_UPLOAD_HOURS", 24)
# The Service Innovation Fund's yearly ceiling per office, in taka (a2i sets it):
# an application above what is left of it is refused (initiatives.services.grants).
UDBHABON_SIF_CEILING_TAKA = env_int("UDBHABON_SIF_CEILING_TAKA", 10_00_000)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Background work goes through Django's tasks framework. By default a task runs
# at once, inside the request (zero set-up; tests). `make run` and production
# set UDBHABON_TASK_BACKEND=django_tasks_db.DatabaseBackend and run
# `manage.py db_worker`, so reading and writing large papers leave the request.
TASKS = {
    "default": {
        "BACKEND": env_str(
            "UDBHABON_TASK_BACKEND", "django.tasks.backends.immediate.ImmediateBackend"
        ),
    },
    # The queue in the database, by name, for code and tests that need it.
    "database": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}

# One cache shared by every server process: the database cache (its table is made by
# `migrate`, core migration 0002). The portal's and the sign-in's rate limits and the
# portal's single-use form stamps count there, so four gunicorn workers count together.
# UDBHABON_DB_CACHE=0 gives a per-process memory cache (a single-process server only).
# A covering index's INCLUDE columns are a PostgreSQL speed-up (initiative_counted);
# SQLite builds the index without them, which is all the warning says.
SILENCED_SYSTEM_CHECKS = ["models.W040"]

CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "udbhabon_cache",
        }
        if env_bool("UDBHABON_DB_CACHE", default=True)
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    ),
    # Per process, for entries whose keys carry the versions they depend on (so a stale
    # entry can never be read): the acting post's per-session cache (offices/acting.py).
    "local": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "udbhabon-local",
        "OPTIONS": {"MAX_ENTRIES": 20000},
    },
}

# E-mail through Django's mailers (Django 6.1). The console in development, as a
# person reads it (notifications/mail.py: no base64 bodies); SMTP in
# production by DJANGO_EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend.
_email_backend = env_str(
    "DJANGO_EMAIL_BACKEND", "udbhabon.notifications.mail.ReadableConsoleBackend"
)
MAILERS = {
    "default": {
        "BACKEND": _email_backend,
        "OPTIONS": (
            {
                "host": env_str("DJANGO_EMAIL_HOST", "localhost"),
                "port": env_int("DJANGO_EMAIL_PORT", 25),
                "username": env_str("DJANGO_EMAIL_HOST_USER"),
                "password": env_str("DJANGO_EMAIL_HOST_PASSWORD"),
                "use_tls": env_bool("DJANGO_EMAIL_USE_TLS", default=False),
            }
            if _email_backend.endswith("smtp.EmailBackend")
            else {}
        ),
    }
}
DEFAULT_FROM_EMAIL = env_str("DJANGO_DEFAULT_FROM_EMAIL", "udbhabon@localhost")

# SMS for people who gave only a mobile number (udbhabon/notifications/sms.py):
# "console" writes messages to the log stream; "http" posts them to a gateway.
SMS_BACKEND = env_str("UDBHABON_SMS_BACKEND", "console")
SMS_GATEWAY_URL = env_str("UDBHABON_SMS_GATEWAY_URL")
SMS_GATEWAY_KEY = env_str("UDBHABON_SMS_GATEWAY_KEY")
SMS_SENDER_ID = env_str("UDBHABON_SMS_SENDER_ID")

# A session ends after 8 hours without activity (accounts.middleware.SessionRefreshMiddleware
# pushes the expiry forward at most every 5 minutes, not on every request).
SESSION_COOKIE_AGE = 8 * 3600
# Sessions are read from the cache shared by every server process and written through
# to the database (cached_db): still revocable, since deleting a session's row also
# deletes its cached copy (accounts.middleware._revoked). See docs/ARCHITECTURE.md.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_CACHE_ALIAS = "default"
# A calendar feed address (plans/feed_keys.py) works this many days.
UDBHABON_ICS_KEY_DAYS = env_int("UDBHABON_ICS_KEY_DAYS", 180)
# A password-reset link works once, for three days.
PASSWORD_RESET_TIMEOUT = 3 * 24 * 3600
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the page, not the cookie
X_FRAME_OPTIONS = "DENY"
# A strict Content-Security-Policy on every response (Django's own middleware): scripts,
# styles, fonts and images only from this site's static files, no inline script, style or
# handler and no eval (htmx runs with allowEval off, base.html). Nothing but this site may
# frame a page or receive a form. A route that needs another policy wears
# udbhabon.core.csp.own_policy (docs/SECURITY.md).
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Behind HTTPS (production): DJANGO_HTTPS=1 turns on the redirect, secure
# cookies and HSTS. Off by default so development and tests run on plain HTTP.
if env_bool("DJANGO_HTTPS", default=False):
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", default=False)
    if env_bool("DJANGO_BEHIND_PROXY", default=True):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "WARNING")},
}

SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True
SIMPLE_HISTORY_REVERT_DISABLED = True
