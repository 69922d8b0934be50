"""Run deploy/'s nginx site on this machine: a whole nginx.conf around it.

tests/test_deploy.py (`nginx -t`) and scripts/prod-smoke (a running nginx) use
the production site file unchanged except for its paths and ports, rewritten
here into a temporary folder and onto the loopback interface.
"""

from __future__ import annotations

import os
import pwd
import re
import shutil
import subprocess
from pathlib import Path

DEPLOY_DIR = Path(__file__).resolve().parent
SITE = DEPLOY_DIR / "nginx" / "udbhabon.conf"

# The production paths the site file names, in the order they are rewritten.
PROD_STATIC = "/srv/udbhabon/staticfiles/"
PROD_SOCKET = "unix:/run/udbhabon/gunicorn.sock"
PROD_CERTS = "/etc/ssl/udbhabon/"


def nginx_binary() -> str | None:
    """Debian's nginx lives in /usr/sbin, which is not on every PATH."""
    return shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")


def make_certificate(folder: Path) -> None:
    """A self-signed certificate for localhost (fullchain.pem, privkey.pem)."""
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=localhost",
            "-addext",
            "subjectAltName=DNS:localhost,IP:127.0.0.1",
            "-keyout",
            str(folder / "privkey.pem"),
            "-out",
            str(folder / "fullchain.pem"),
        ],
        check=True,
        capture_output=True,
    )


def render_site(
    *, static_root: Path, socket: Path, certs: Path, http_port: int, https_port: int
) -> str:
    """The production site file with local paths and loopback ports."""
    text = SITE.read_text()
    for old in (PROD_STATIC, PROD_SOCKET, PROD_CERTS):
        if old not in text:
            raise ValueError(f"{SITE} no longer names {old}; update deploy/local.py")
    text = text.replace(PROD_STATIC, f"{static_root}/")
    text = text.replace(PROD_SOCKET, f"unix:{socket}")
    text = text.replace(PROD_CERTS, f"{certs}/")
    text = re.sub(r"^\s*listen \[::\]:.*\n", "", text, flags=re.MULTILINE)
    text = re.sub(r"listen 80;", f"listen 127.0.0.1:{http_port};", text)
    text = re.sub(r"listen 443 ", f"listen 127.0.0.1:{https_port} ", text)
    return text


def write_config(
    folder: Path,
    *,
    static_root: Path,
    socket: Path,
    http_port: int,
    https_port: int,
    daemon: bool = False,
) -> Path:
    """Write folder/nginx.conf (the site, a certificate, logs and temp dirs in folder)."""
    folder.mkdir(parents=True, exist_ok=True)
    certs = folder / "certs"
    if not (certs / "fullchain.pem").exists():
        make_certificate(certs)
    site = folder / "udbhabon.conf"
    site.write_text(
        render_site(
            static_root=static_root,
            socket=socket,
            certs=certs,
            http_port=http_port,
            https_port=https_port,
        )
    )
    for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (folder / "tmp" / name).mkdir(parents=True, exist_ok=True)
    mime = Path("/etc/nginx/mime.types")
    types = f"include {mime};" if mime.exists() else _MIME_FALLBACK
    # Workers run as the master's user when it is root (the files are ours).
    user = f"user {pwd.getpwuid(0).pw_name};" if os.geteuid() == 0 else ""
    conf = folder / "nginx.conf"
    conf.write_text(
        f"""{user}
daemon {"on" if daemon else "off"};
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 128; }}
http {{
    {types}
    default_type application/octet-stream;
    sendfile on;
    access_log {folder}/access.log;
    client_body_temp_path {folder}/tmp/client_body;
    proxy_temp_path {folder}/tmp/proxy;
    fastcgi_temp_path {folder}/tmp/fastcgi;
    uwsgi_temp_path {folder}/tmp/uwsgi;
    scgi_temp_path {folder}/tmp/scgi;
    include {site};
}}
"""
    )
    return conf


_MIME_FALLBACK = """types {
        text/html html; text/css css; application/javascript js; image/svg+xml svg;
        image/png png; font/woff2 woff2; application/json json; image/x-icon ico;
    }"""
