"""deploy/ checked without containers or systemd: the compose file's shape, the
nginx site under a real `nginx -t`, and the systemd units' keys and commands.

(scripts/prod-smoke runs the same nginx site, gunicorn and two workers.)
"""

from __future__ import annotations

import configparser
import re
import shlex
import subprocess
from pathlib import Path

import pytest
import yaml
from django.core.management import get_commands

from deploy.local import PROD_SOCKET, nginx_binary, write_config

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"
APP_DIR = "/srv/udbhabon"
APP_SERVICES = ("release", "web", "worker", "reminders")


def settings_env_names() -> set[str]:
    """Every environment variable the settings read (config/env.py's helpers)."""
    names: set[str] = set()
    for path in (ROOT / "config").glob("*.py"):
        names |= set(
            re.findall(r"env_(?:str|bool|int|list)\(\s*\"([A-Z][A-Z0-9_]+)\"", path.read_text())
        )
    return names


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text())


def test_it_reads_the_settings_environment():
    # The scan below is only as good as this: it must see the settings' variables.
    assert {"DJANGO_SECRET_KEY", "DATABASE_URL", "UDBHABON_TASK_BACKEND"} <= settings_env_names()


def test_it_has_every_production_service(compose):
    services = compose["services"]
    assert set(services) >= {"db", "release", "web", "worker", "reminders", "nginx"}
    for name, service in services.items():
        assert service.get("image") or service.get("build"), f"{name} has no image or build"
    for name in APP_SERVICES:
        build = services[name]["build"]
        assert (DEPLOY / build["context"] / build["dockerfile"]).is_file(), name
    assert services["web"]["command"][:2] == ["gunicorn", "config.wsgi"]
    assert (ROOT / "config" / "wsgi.py").is_file()
    assert services["worker"]["command"][:3] == ["python", "manage.py", "db_worker"]
    assert services["worker"]["deploy"]["replicas"] >= 2
    assert "send_reminders" in " ".join(services["reminders"]["command"])
    release = " ".join(services["release"]["command"])
    for step in ("migrate", "createcachetable", "collectstatic"):
        assert f"manage.py {step}" in release
    assert services["release"]["restart"] == "no"


def test_it_runs_manage_commands_that_exist(compose):
    commands = get_commands()
    for name in APP_SERVICES:
        text = " ".join(compose["services"][name]["command"])
        for used in re.findall(r"manage\.py (\w+)", text):
            assert used in commands, f"{name}: manage.py {used} does not exist"


def test_it_sets_only_variables_the_settings_read(compose):
    known = settings_env_names()
    for name in APP_SERVICES:
        env = compose["services"][name]["environment"]
        unknown = set(env) - known
        assert not unknown, f"{name} sets {unknown}, which config/ never reads"
        assert env["DJANGO_DEBUG"] == "0"
        assert env["UDBHABON_TASK_BACKEND"] == "django_tasks_db.DatabaseBackend"
        assert env["UDBHABON_MANIFEST_STATIC"] == "1"
        assert env["UDBHABON_DB_CACHE"] == "1"
        assert "@db:5432/" in env["DATABASE_URL"]
        assert env["DJANGO_SECRET_KEY"].startswith("${DJANGO_SECRET_KEY:?")


def test_it_documents_every_setting_in_the_env_example():
    example = (DEPLOY / "env.example").read_text()
    keys = set(re.findall(r"^#? ?([A-Z][A-Z0-9_]+)=", example, flags=re.MULTILINE))
    assert keys - {"POSTGRES_PASSWORD"} <= settings_env_names()
    missing = settings_env_names() - keys
    assert not missing, f"add {missing} to deploy/env.example"


def test_it_checks_health_and_keeps_data_in_volumes(compose):
    services = compose["services"]
    for name in ("db", "web", "nginx"):
        test = services[name]["healthcheck"]["test"]
        assert test[0] in {"CMD", "CMD-SHELL"} and len(test) > 1, name
    assert services["web"]["depends_on"]["db"]["condition"] == "service_healthy"
    assert services["nginx"]["depends_on"]["web"]["condition"] == "service_healthy"
    declared = set(compose["volumes"])
    for name, service in services.items():
        for volume in service.get("volumes", []):
            source = volume.split(":")[0]
            if source.startswith(("./", "../")):
                assert (DEPLOY / source).exists(), f"{name} mounts missing {source}"
            elif not source.startswith("$"):
                assert source in declared, f"{name} uses undeclared volume {source}"
    assert "pgdata:/var/lib/postgresql/data" in services["db"]["volumes"]
    assert "appdata:/var/lib/udbhabon" in services["web"]["volumes"]
    # nginx reads the same static files and socket the app writes.
    nginx_mounts = {v.split(":")[1] for v in services["nginx"]["volumes"]}
    assert {"/srv/udbhabon/staticfiles", "/run/udbhabon", "/etc/nginx/conf.d/default.conf"} <= (
        nginx_mounts
    )


def test_it_binds_gunicorn_where_nginx_proxies(compose):
    site = (DEPLOY / "nginx" / "udbhabon.conf").read_text()
    assert f"server {PROD_SOCKET} " in site
    socket = PROD_SOCKET.removeprefix("unix:")
    web = compose["services"]["web"]["command"]
    assert web[web.index("--bind") + 1] == PROD_SOCKET
    unit = unit_file("udbhabon.service")
    exec_start = shlex.split(unit["Service"]["ExecStart"])
    assert exec_start[exec_start.index("--bind") + 1] == f"unix:{socket}"
    assert unit["Service"]["RuntimeDirectory"] == Path(socket).parent.name


def test_it_passes_nginx_t_with_the_site(tmp_path):
    nginx = nginx_binary()
    if nginx is None:
        pytest.skip("nginx is not installed (Debian: apt-get install nginx; .ci/run installs it)")
    (tmp_path / "static").mkdir()
    conf = write_config(
        tmp_path / "nginx",
        static_root=tmp_path / "static",
        socket=tmp_path / "gunicorn.sock",
        http_port=18080,
        https_port=18443,
    )
    done = subprocess.run(
        [nginx, "-t", "-c", str(conf), "-p", str(tmp_path / "nginx"), "-e",
         str(tmp_path / "nginx" / "error.log")],
        capture_output=True,
        text=True,
        check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "test is successful" in done.stderr


def test_it_caches_hashed_static_files_for_a_year():
    site = (DEPLOY / "nginx" / "udbhabon.conf").read_text()
    hashed = site.split("location ~ ")[1].split("\n    }")[0]
    assert "[0-9a-f]{12}" in hashed  # Django's manifest hash: 12 hex digits
    assert 'Cache-Control "public, max-age=31536000, immutable"' in hashed
    assert "gzip_static on" in hashed
    assert "X-Forwarded-Proto $scheme" in site
    assert "/media/" not in site.split("#", 1)[0] and "location /media" not in site


def unit_file(name: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # systemd keys are case-sensitive
    parser.read_string((DEPLOY / "systemd" / name).read_text())
    return parser


SERVICES = ("udbhabon.service", "udbhabon-worker@.service", "udbhabon-reminders.service")


@pytest.mark.parametrize("name", SERVICES)
def test_it_runs_each_unit_as_the_app_user_in_the_app_dir(name):
    unit = unit_file(name)
    assert unit["Unit"]["Description"]
    service = unit["Service"]
    assert service["User"] == "udbhabon" and service["Group"] == "udbhabon"
    assert service["WorkingDirectory"] == APP_DIR
    assert service["EnvironmentFile"] == "/etc/udbhabon/env"
    command = shlex.split(service["ExecStart"])
    assert command[0].startswith(f"{APP_DIR}/.venv/bin/"), command[0]
    if command[1:2] == ["manage.py"]:
        assert command[2] in get_commands(), f"manage.py {command[2]} does not exist"
    assert service["ProtectSystem"] == "strict"
    assert service["ReadWritePaths"] == "/var/lib/udbhabon"


def test_it_restarts_the_long_running_units_and_starts_them_at_boot():
    web = unit_file("udbhabon.service")
    worker = unit_file("udbhabon-worker@.service")
    assert web["Service"]["Restart"] == "on-failure"
    assert worker["Service"]["Restart"] == "always"
    for unit in (web, worker):
        assert unit["Install"]["WantedBy"] == "multi-user.target"
    assert web["Service"]["Type"] == "notify"  # gunicorn tells systemd when it is ready
    # One template, many workers: each gets its own id from the instance name.
    assert "%i" in worker["Service"]["ExecStart"]
    assert "db_worker" in worker["Service"]["ExecStart"]


def test_it_sends_reminders_every_morning():
    timer = unit_file("udbhabon-reminders.timer")
    assert timer["Timer"]["OnCalendar"] == "*-*-* 07:15:00 Asia/Dhaka"
    assert timer["Timer"]["Persistent"] == "true"
    assert (DEPLOY / "systemd" / timer["Timer"]["Unit"]).is_file()
    assert timer["Install"]["WantedBy"] == "timers.target"
    oneshot = unit_file("udbhabon-reminders.service")
    assert oneshot["Service"]["Type"] == "oneshot"
    assert oneshot["Service"]["ExecStart"].endswith("manage.py send_reminders")
    assert "Install" not in oneshot  # started by the timer only
