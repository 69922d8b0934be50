"""The production set-up, run for real on this machine (`make prod-smoke`).

No containers: the production settings (DEBUG off, a fresh secret key, HTTPS
behind a proxy, manifest static files, the database task queue and cache) on a
throwaway PostgreSQL database; gunicorn with 2 workers on a Unix socket; two
`db_worker` processes; Debian's nginx with deploy/nginx/udbhabon.conf (paths
and ports rewritten by deploy/local.py, a self-signed certificate). Then a
short journey over HTTPS with the standard library, and a table of checks.
Exits non-zero when any check fails. Run by scripts/prod-smoke under
scripts/with-postgres.
"""

from __future__ import annotations

import contextlib
import gzip
import http.cookiejar
import json
import os
import re
import secrets
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from config.env import database_from_url  # noqa: E402
from deploy.local import nginx_binary, write_config  # noqa: E402

WORK = ROOT / "var" / "prod-smoke"
PY = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
DB_NAME = "udbhabon_prod_smoke"
USERNAME = "dhaka.io"
WORKER_IDS = ("smoke-1", "smoke-2")
HASHED = re.compile(r"\.[0-9a-f]{12}\.[A-Za-z0-9]+$")

results: list[tuple[str, bool, str]] = []
started_at = time.monotonic()


def check(name: str, ok: bool, detail: str = "") -> bool:
    results.append((name, bool(ok), detail))
    return bool(ok)


def note(message: str) -> None:
    print(f"[{time.monotonic() - started_at:5.1f}s] {message}", flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(test: Callable[[], bool], *, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            if test():
                return
        except (OSError, urllib.error.URLError):
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"timed out waiting for {what}")
        time.sleep(0.2)


def create_database(server_url: str) -> str:
    """A fresh database on the cluster scripts/with-postgres started; its URL."""
    import psycopg

    cfg = database_from_url(server_url, sqlite_default=Path())
    if not cfg["ENGINE"].endswith("postgresql"):
        raise SystemExit("prod-smoke needs PostgreSQL (run it as scripts/prod-smoke)")
    params = {"dbname": "postgres", "user": cfg["USER"], "host": cfg["HOST"]}
    params |= {"port": cfg["PORT"]} if cfg["PORT"] else {}
    params |= {"password": cfg["PASSWORD"]} if cfg["PASSWORD"] else {}
    with psycopg.connect(**params, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{DB_NAME}"')
    parts = urllib.parse.urlsplit(server_url)
    return urllib.parse.urlunsplit(parts._replace(path=f"/{DB_NAME}"))


def drop_database(server_url: str) -> None:
    import psycopg

    cfg = database_from_url(server_url, sqlite_default=Path())
    params = {"dbname": "postgres", "user": cfg["USER"], "host": cfg["HOST"]}
    params |= {"port": cfg["PORT"]} if cfg["PORT"] else {}
    params |= {"password": cfg["PASSWORD"]} if cfg["PASSWORD"] else {}
    with psycopg.connect(**params, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs) -> None:
        return None


class Browser:
    """Cookies, a CA that trusts our certificate, no automatic redirects."""

    def __init__(self, base: str, cafile: Path) -> None:
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        context = ssl.create_default_context(cafile=str(cafile))
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPSHandler(context=context),
            urllib.request.HTTPCookieProcessor(self.jar),
            NoRedirect(),
        )

    def request(self, path: str, data: dict[str, str] | None = None, headers: dict | None = None):  # noqa: ANN201
        url = path if path.startswith("http") else self.base + path
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        req = urllib.request.Request(url, data=body, headers=headers or {})
        try:
            response = self.opener.open(req, timeout=30)
        except urllib.error.HTTPError as error:  # 3xx/4xx/5xx still carry headers
            response = error
        raw = response.read()
        if response.headers.get("Content-Encoding") == "gzip":
            raw = gzip.decompress(raw)
        return response.status, response.headers, raw

    def cookie(self, name: str) -> http.cookiejar.Cookie | None:
        return next((c for c in self.jar if c.name == name), None)


def set_cookie_line(headers, name: str) -> str:  # noqa: ANN001
    for value in headers.get_all("Set-Cookie") or []:
        if value.startswith(f"{name}="):
            return value
    return ""


def cookie_flags(line: str) -> set[str]:
    """The attributes that matter here: secure, httponly, samesite=..."""
    parts = {part.strip().lower() for part in line.split(";")[1:]}
    return {p for p in parts if p in {"secure", "httponly"} or p.startswith("samesite=")}


def start(name: str, argv: list[str], env: dict[str, str]) -> subprocess.Popen:
    log = (WORK / f"{name}.log").open("w")
    return subprocess.Popen(argv, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)


def manage(env: dict[str, str], *args: str) -> None:
    done = subprocess.run(
        [PY, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")


def check_csp(name: str, policy: str) -> bool:
    """The strict policy: only this site's files, nothing inline, no eval, no framing."""
    directives = dict((part.strip() + " ").split(" ", 1) for part in policy.split(";") if part)
    directives = {k: v.strip() for k, v in directives.items()}
    strict = (
        all(directives.get(d) == "'self'" for d in ("default-src", "script-src", "style-src"))
        and directives.get("frame-ancestors") == "'none'"
        and directives.get("object-src") == "'none'"
        and "unsafe" not in policy
    )
    return check(name, strict, policy[:70] or "not sent")


def journey(https: str, http: str, certs: Path, env: dict[str, str]) -> None:
    browser = Browser(https, certs / "fullchain.pem")

    # Plain HTTP only redirects.
    status, headers, _ = browser.request(http + "/login/")
    check(
        "http redirects to https",
        status == 301 and headers.get("Location", "").startswith("https://"),
        f"{status} {headers.get('Location')}",
    )

    status, headers, body = browser.request("/login/", headers={"Accept-Encoding": "gzip"})
    page = body.decode()
    check("login page", status == 200 and 'name="csrfmiddlewaretoken"' in page, str(status))
    hsts = headers.get("Strict-Transport-Security", "")
    check("HSTS", "max-age=31536000" in hsts, hsts)
    check("X-Content-Type-Options", headers.get("X-Content-Type-Options") == "nosniff")
    referrer = headers.get("Referrer-Policy", "")
    check(
        "Referrer-Policy", referrer in {"same-origin", "strict-origin-when-cross-origin"}, referrer
    )
    csp = headers.get("Content-Security-Policy", "")
    framing = headers.get("X-Frame-Options", "")
    check(
        "no framing",
        framing == "DENY" or "frame-ancestors 'none'" in csp,
        f"X-Frame-Options: {framing}",
    )
    check_csp("Content-Security-Policy (sign-in page)", csp)
    check("page gzip", headers.get("Content-Encoding") == "gzip", headers.get("Content-Encoding"))
    csrf_line = set_cookie_line(headers, "csrftoken")
    flags = cookie_flags(csrf_line)
    check(
        "csrf cookie Secure, SameSite",
        {"secure", "samesite=lax"} <= flags,
        ", ".join(sorted(flags)),
    )

    # Static files: hashed names, from nginx (never reaching gunicorn), gzip, a year's cache.
    assets = re.findall(r'(?:href|src)="(/static/[^"]+)"', page)
    hashed = [a for a in assets if HASHED.search(a)]
    check("static names hashed", bool(hashed) and len(hashed) == len(assets), f"{len(hashed)}")
    css = next((a for a in hashed if a.endswith(".css")), hashed[0] if hashed else "/static/")
    status, headers, _ = browser.request(css, headers={"Accept-Encoding": "gzip"})
    cache = headers.get("Cache-Control", "")
    check("static 200", status == 200, f"{status} {css}")
    check("static gzip", headers.get("Content-Encoding") == "gzip", headers.get("Content-Encoding"))
    check("static immutable", "max-age=31536000" in cache and "immutable" in cache, cache)
    access = (WORK / "gunicorn-access.log").read_text()
    check("static served by nginx", css not in access and "/login/" in access)

    # Sign in with the CSRF cookie and the form's token.
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    status, headers, _ = browser.request(
        "/login/",
        data={
            "csrfmiddlewaretoken": token.group(1) if token else "",
            "username": USERNAME,
            "password": "udbhabon-demo",
        },
        headers={"Origin": https, "Referer": https + "/login/"},
    )
    check("sign in", status == 302 and headers.get("Location") == "/", f"{status}")
    session_line = set_cookie_line(headers, "sessionid")
    flags = cookie_flags(session_line)
    check(
        "session cookie HttpOnly, Secure, SameSite",
        {"httponly", "secure", "samesite=lax"} <= flags,
        ", ".join(sorted(flags)),
    )
    status, headers, body = browser.request("/")
    check("home page signed in", status == 200 and b'action="/logout/"' in body, str(status))
    check_csp("Content-Security-Policy (home page)", headers.get("Content-Security-Policy", ""))
    status, headers, _ = browser.request("/no-such-page/")
    check_csp(
        f"Content-Security-Policy ({status} page)", headers.get("Content-Security-Policy", "")
    )
    status, headers, _ = browser.request("/admin/")
    check("admin refuses an officer", status in {302, 403}, str(status))
    api(browser, https)


def api(browser: Browser, https: str) -> None:
    """The API through nginx: its document, its error shape, and a token made on the
    profile page reading with an ETag and a 304 (issue 25)."""
    status, headers, body = browser.request("/api/v1/openapi.json")
    document = json.loads(body) if status == 200 else {}
    check("API document (OpenAPI 3.1)", str(document.get("openapi", "")).startswith("3.1"))
    status, headers, body = browser.request("/api/v1/offices")
    json_body = headers.get("Content-Type", "").startswith("application/json")
    error = json.loads(body).get("error", {}) if json_body else {}
    check(
        "API refuses no token in its error shape",
        status == 401
        and set(error) == {"code", "message", "fields"}
        and headers.get("WWW-Authenticate") == "Bearer",
        f"{status} {headers.get('Content-Type')}",
    )
    status, _, body = browser.request("/account/api-tokens/")
    form = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
    status, _, body = browser.request(
        "/account/api-tokens/",
        data={
            "csrfmiddlewaretoken": form.group(1).decode() if form else "",
            "name": "prod-smoke",
            "can_write": "0",
            "days": "1",
        },
        headers={"Origin": https, "Referer": https + "/account/api-tokens/"},
    )
    secret = re.search(rb"udb_[A-Za-z0-9_-]{20,}", body)
    check("API token made on the profile page", status == 200 and secret is not None, str(status))
    bearer = {"Authorization": f"Bearer {secret.group().decode() if secret else ''}"}
    status, headers, body = browser.request("/api/v1/offices/dc-dhaka", headers=bearer)
    etag = headers.get("ETag", "")
    check(
        "API read with the token",
        status == 200 and b'"dc-dhaka"' in body and bool(etag),
        str(status),
    )
    status, _, _ = browser.request(
        "/api/v1/offices/dc-dhaka", headers={**bearer, "If-None-Match": etag}
    )
    check("API 304 to If-None-Match", status == 304, str(status))


def background_jobs(env: dict[str, str]) -> None:
    """Enqueue real jobs (the daily job as the timer does, indicator refreshes)."""
    os.environ.update(env)
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    import django

    django.setup()
    from django.db import transaction
    from django_tasks_db.models import DBTaskResult

    from tests.worker_tasks import note_run
    from udbhabon.monitoring.tasks import refresh_stats
    from udbhabon.offices.models import Office

    manage(env, "send_reminders")  # what udbhabon-reminders.service runs
    year = 2025
    ids = [str(r.id) for r in DBTaskResult.objects.all()]
    # In one transaction, so both workers find the whole batch at once. The
    # indicator refreshes can each take a few milliseconds on a fast machine;
    # ten jobs of tests/worker_tasks.py (50 ms each) make sure the batch lasts
    # longer than a worker's polling interval, so both workers get some.
    runs = WORK / "runs"
    runs.mkdir()
    with transaction.atomic():
        for office_id in Office.objects.filter(depth__lte=2).values_list("id", flat=True)[:24]:
            ids.append(refresh_stats.enqueue(year=year, office_id=office_id).id)
        for number in range(10):
            ids.append(note_run.using(backend="default").enqueue(number, str(runs)).id)

    def finished() -> bool:
        return DBTaskResult.objects.filter(id__in=ids).finished().count() == len(ids)

    with contextlib.suppress(RuntimeError):  # the checks below say what did not finish
        # The daily job reminds every office of the country (about 20,000 with the
        # departmental ones) by e-mail: on a loaded 2-core CI machine that takes over a
        # minute; the wait is for the jobs to finish, not a performance target.
        wait_for(finished, seconds=240, what="the background jobs")
    jobs = list(DBTaskResult.objects.filter(id__in=ids))
    done = [j for j in jobs if j.status == "SUCCESSFUL"]
    check("jobs ran on the workers", len(done) == len(ids), f"{len(done)}/{len(ids)} successful")
    claimed = [tuple(j.worker_ids) for j in jobs]
    check(
        "each job claimed once",
        all(len(w) == 1 and w[0] in WORKER_IDS for w in claimed),
        "",
    )
    taken = {w: sum(c == (w,) for c in claimed) for w in WORKER_IDS}
    check("both workers took jobs", all(taken.values()), str(taken))


def main() -> int:
    server_url = os.environ.get("DATABASE_URL", "")
    nginx = nginx_binary()
    if nginx is None:
        print("prod-smoke needs nginx (Debian: apt-get install nginx)", file=sys.stderr)
        return 1
    shutil.rmtree(WORK, ignore_errors=True)
    (WORK / "var").mkdir(parents=True)
    http_port, https_port = free_port(), free_port()
    https = f"https://127.0.0.1:{https_port}"
    sock = WORK / "gunicorn.sock"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "UDBHABON_"))}
    env |= {
        "DATABASE_URL": create_database(server_url),
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_CSRF_TRUSTED_ORIGINS": f"{https},https://localhost:{https_port}",
        "DJANGO_HTTPS": "1",
        "DJANGO_BEHIND_PROXY": "1",
        "DJANGO_HSTS_PRELOAD": "1",
        "UDBHABON_SITE_URL": https,
        "UDBHABON_MANIFEST_STATIC": "1",
        "UDBHABON_STATIC_ROOT": str(WORK / "static"),
        "UDBHABON_TASK_BACKEND": "django_tasks_db.DatabaseBackend",
        "UDBHABON_DB_CACHE": "1",
        "UDBHABON_VAR_DIR": str(WORK / "var"),
        "UDBHABON_MEDIA_ROOT": str(WORK / "var" / "media"),
    }
    processes: dict[str, subprocess.Popen] = {}
    try:
        # collectstatic (compressing every file) needs no database: alongside.
        collect = start("collectstatic", [PY, "manage.py", "collectstatic", "--noinput"], env)
        for step in (
            ["migrate", "--noinput", "--verbosity", "0"],
            ["createcachetable"],
            ["load_offices"],
            ["shell", "-c", "from udbhabon.offices.demo import create_personas as c; c()"],
        ):
            note(f"manage.py {step[0]}")
            manage(env, *step)
        if collect.wait(timeout=300) != 0:
            raise RuntimeError((WORK / "collectstatic.log").read_text())
        note("manage.py check --deploy")
        # The smoke's app prints mail to its log; the check sees the SMTP backend
        # production sets (without it, udbhabon.W001). No warning may remain.
        smtp = {"DJANGO_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend"}
        deploy_check = subprocess.run(
            [PY, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
            cwd=ROOT, env=env | smtp, capture_output=True, text=True, check=False,
        )  # fmt: skip
        found = set(re.findall(r"\((\w+\.[EW]\d+)\)", deploy_check.stdout + deploy_check.stderr))
        check(
            "check --deploy",
            deploy_check.returncode == 0 and not found,
            ", ".join(sorted(found)) or "no issues",
        )

        note("gunicorn (2 workers), two db_workers, nginx")
        processes["gunicorn"] = start(
            "gunicorn",
            [GUNICORN, "config.wsgi", "--bind", f"unix:{sock}", "--workers", "2",
             "--access-logfile", str(WORK / "gunicorn-access.log")],
            env,
        )  # fmt: skip
        for worker_id in WORKER_IDS:
            processes[worker_id] = start(
                worker_id,
                [PY, "manage.py", "db_worker", "--worker-id", worker_id, "--interval", "0.2",
                 "--no-startup-delay"],
                env,
            )  # fmt: skip
        conf = write_config(
            WORK / "nginx",
            static_root=WORK / "static",
            socket=sock,
            http_port=http_port,
            https_port=https_port,
        )
        processes["nginx"] = start(
            "nginx", [nginx, "-c", str(conf), "-p", str(WORK / "nginx"), "-e",
                      str(WORK / "nginx" / "error.log")], env
        )  # fmt: skip
        context = ssl.create_default_context(cafile=str(WORK / "nginx" / "certs" / "fullchain.pem"))

        def up() -> bool:
            for name, process in processes.items():
                if process.poll() is not None:
                    raise RuntimeError(f"{name} stopped:\n{(WORK / f'{name}.log').read_text()}")
            with urllib.request.urlopen(f"{https}/login/", context=context, timeout=5) as r:
                return r.status == 200

        wait_for(up, seconds=60, what="nginx and gunicorn")
        for worker_id in WORKER_IDS:
            log = WORK / f"{worker_id}.log"
            wait_for(lambda log=log: "Starting worker" in log.read_text(), seconds=60, what=log)
        note("journey over HTTPS")
        journey(https, f"http://127.0.0.1:{http_port}", WORK / "nginx" / "certs", env)
        note("background jobs")
        background_jobs(env)
    except Exception as error:
        check("smoke ran to the end", False, f"{type(error).__name__}: {error}"[:300])
    finally:
        for name, process in processes.items():
            process.send_signal(signal.SIGQUIT if name == "nginx" else signal.SIGTERM)
        for process in processes.values():
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        try:
            from django.db import connections

            connections.close_all()
        except Exception:
            pass
        drop_database(server_url)

    width = max(len(name) for name, _, _ in results)
    print()
    for name, ok, detail in results:
        print(f"  {'ok  ' if ok else 'FAIL'}  {name.ljust(width)}  {detail}")
    failed = [name for name, ok, _ in results if not ok]
    print(
        f"\nprod-smoke: {len(results) - len(failed)}/{len(results)} checks passed "
        f"in {time.monotonic() - started_at:.0f} s; logs in {WORK.relative_to(ROOT)}/"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
