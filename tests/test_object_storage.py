"""Uploaded files on an S3-compatible object store (UDBHABON_S3_BUCKET, django-storages).

Several app servers must see the same files. With the S3 setting, an evidence file
uploaded through one request is stored as an object in the bucket and served back
through the permission-checked view — against moto's S3-compatible server, a real
HTTP S3 endpoint (no cloud account on these machines).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import boto3
import pytest

from udbhabon.plans.models import Evidence
from udbhabon.plans.tests.factories import make_plan, with_progress

pytestmark = pytest.mark.slow

BUCKET = "udbhabon-files"
KEYS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def s3_endpoint():
    port = _free_port()
    server = Path(sys.executable).parent / "moto_server"
    process = subprocess.Popen(
        [str(server), "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, **{k.upper(): v for k, v in KEYS.items()}},
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(url, timeout=1)
            break
        except OSError:
            if time.monotonic() > deadline:
                process.kill()
                raise
            time.sleep(0.2)
    yield url
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def s3_storage(s3_endpoint, settings):
    bucket = boto3.client("s3", endpoint_url=s3_endpoint, region_name="us-east-1", **KEYS)
    bucket.create_bucket(Bucket=BUCKET)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": s3_endpoint,
                "region_name": "us-east-1",
                "access_key": KEYS["aws_access_key_id"],
                "secret_key": KEYS["aws_secret_access_key"],
                "location": "media",
                "default_acl": "private",
                "file_overwrite": False,
            },
        },
    }
    return bucket


def test_an_uploaded_evidence_file_lives_in_the_bucket_and_is_served_back(db, s3_storage, login):
    plan = with_progress(make_plan(state="accepted", rows=1), files=True)
    evidence = Evidence.objects.get(item__plan=plan, kind="file")
    stored = s3_storage.list_objects_v2(Bucket=BUCKET, Prefix="media/")
    keys = [o["Key"] for o in stored.get("Contents", [])]
    assert f"media/{evidence.file.name}" in keys
    assert not Path(evidence.file.storage.location or "/nonexistent", evidence.file.name).exists()

    response = login("dhakadiv.io").get(f"/plans/evidence/{evidence.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert login("khulna.io").get(f"/plans/evidence/{evidence.pk}/").status_code == 403


def test_the_setting_selects_the_object_store(monkeypatch):
    env = {
        **os.environ,
        "UDBHABON_S3_BUCKET": "b",
        "UDBHABON_S3_ENDPOINT_URL": "http://store.example:9000",
    }
    code = (
        "from django.conf import settings; import django; django.setup();"
        'from django.core.files.storage import storages; s = storages["default"];'
        "print(type(s).__name__, s.bucket_name, s.endpoint_url, s.querystring_auth)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        env={**env, "DJANGO_SETTINGS_MODULE": "config.settings"},
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[1],
    ).stdout.split()
    assert out == ["S3Storage", "b", "http://store.example:9000", "True"]
