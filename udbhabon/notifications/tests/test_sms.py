"""SMS through a gateway's HTTP API (a real local server), and who gets one."""

from __future__ import annotations

import io
import threading
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from udbhabon.notifications import sms
from udbhabon.notifications.services import notify, notify_phone
from udbhabon.offices.models import Post, User


class FakeGateway(BaseHTTPRequestHandler):
    """Answers like a Bangladeshi SMS gateway: 200 for the right key, 401 else."""

    received: list[dict[str, str]] = []

    def do_POST(self) -> None:
        length = int(self.headers["Content-Length"])
        form = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode("utf-8")))
        ok = form.get("api_key") == "secret-key"
        if ok:
            FakeGateway.received.append(form)
        self.send_response(200 if ok else 401)
        self.end_headers()
        self.wfile.write(b'{"response_code": 202}' if ok else b'{"error": "key"}')

    def log_message(self, *args: object) -> None:  # keep the test output clean
        pass


@pytest.fixture
def gateway(settings) -> Iterator[str]:
    FakeGateway.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeGateway)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}/api/send"
    settings.SMS_BACKEND = "http"
    settings.SMS_GATEWAY_URL = url
    settings.SMS_GATEWAY_KEY = "secret-key"
    settings.SMS_SENDER_ID = "8809600000000"
    yield url
    server.shutdown()
    server.server_close()


def test_it_posts_a_bengali_message_to_the_gateway_as_unicode(gateway):
    assert sms.get_backend().send(to="8801712345678", text="উদ্ভাবন: পরীক্ষা")
    (form,) = FakeGateway.received
    assert form == {
        "api_key": "secret-key",
        "senderid": "8809600000000",
        "number": "8801712345678",
        "message": "উদ্ভাবন: পরীক্ষা",
        "type": "unicode",
    }


def test_a_refused_key_or_a_gateway_that_is_down_is_a_message_not_sent(gateway, settings):
    settings.SMS_GATEWAY_KEY = "wrong"
    assert sms.get_backend().send(to="8801712345678", text="x") is False
    down = sms.HttpGatewayBackend(url="http://127.0.0.1:9/none", api_key="k", timeout=2)
    assert down.send(to="8801712345678", text="x") is False
    assert FakeGateway.received == []


@pytest.mark.parametrize(
    ("phone", "expected"),
    [
        ("01712345678", "8801712345678"),
        ("+880 1712-345678", "8801712345678"),
        ("০১৭১২৩৪৫৬৭৮", "8801712345678"),
        ("8801712345678", "8801712345678"),
        ("02-9556677", ""),  # a land line
        ("", ""),
    ],
)
def test_it_reads_bangladeshi_mobile_numbers_in_any_common_form(phone, expected):
    assert sms.msisdn(phone) == expected


def test_it_counts_parts_the_way_phones_do():
    assert sms.parts("ক" * 70) == 1 and sms.parts("ক" * 71) == 2 and sms.parts("ক" * 135) == 3
    assert sms.parts("a" * 160) == 1 and sms.parts("a" * 161) == 2
    assert sms.one_sms("ক" * 80, "ক" * 60) == "ক" * 60


def test_the_console_backend_is_the_default_and_sends_nothing_out(settings):
    assert settings.SMS_BACKEND == "console"
    out = io.StringIO()
    assert sms.ConsoleBackend(out).send(to="8801712345678", text="উদ্ভাবন")
    assert "8801712345678" in out.getvalue() and "1 part" in out.getvalue()


@pytest.mark.django_db
def test_a_text_too_long_for_one_sms_is_cut_to_one(gateway, django_capture_on_commit_callbacks):
    long = "উদ্ভাবন: " + "সেবা সহজীকরণ " * 10
    with django_capture_on_commit_callbacks(execute=True):
        assert notify_phone(phone="01712345678", language="bn", msgid=long)
    (form,) = FakeGateway.received
    assert len(form["message"]) <= 70 and form["message"].endswith("…")
    assert sms.parts(form["message"]) == 1


@pytest.mark.django_db
def test_officers_with_a_mobile_number_get_the_sms_when_one_is_asked_for(
    gateway, django_capture_on_commit_callbacks
):
    post = Post.objects.get(holdings__user__username="jashore.io", holdings__ended_on=None)
    User.objects.filter(username="jashore.io").update(phone="01811223344")
    with django_capture_on_commit_callbacks(execute=True):
        notify(posts=[post], kind="t", msgid="Long", sms_msgid="Short: %(x)s", params={"x": "1"})
        notify(posts=[post], kind="test", msgid="No SMS for this one")
    assert [f["number"] for f in FakeGateway.received] == ["8801811223344"]
    assert FakeGateway.received[0]["message"] == "Short: 1"


def test_a_gateway_that_cannot_be_reached_is_not_tried_again_for_a_minute():
    """The daily job once spent minutes waiting on a dead gateway, one timeout per
    message; now the first failure stops the rest for BREAKER_SECONDS."""
    import time

    sms.reset_breaker()
    down = sms.HttpGatewayBackend(url="http://10.255.255.1:9/none", api_key="k", timeout=1)
    started = time.monotonic()
    assert down.send(to="8801712345678", text="x") is False  # waits up to its timeout
    first = time.monotonic() - started
    started = time.monotonic()
    for _ in range(20):
        assert down.send(to="8801712345678", text="x") is False
    assert time.monotonic() - started < 0.5 < first + 0.5
    sms.reset_breaker()


def test_a_phone_notice_is_sent_by_a_background_task_after_the_commit(
    gateway, settings, db, django_capture_on_commit_callbacks
):
    """Not inside the request: the message goes through the tasks framework."""
    from udbhabon.notifications.services import notify_phone

    sms.reset_breaker()
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    from django.tasks import default_task_backend

    default_task_backend.clear()  # type: ignore[attr-defined]
    with django_capture_on_commit_callbacks(execute=True):
        assert notify_phone(phone="01712345678", language="bn", msgid="Your idea was received.")
        assert default_task_backend.results == []  # type: ignore[attr-defined]
    (queued,) = default_task_backend.results  # type: ignore[attr-defined]
    assert (
        queued.task.name == "send_sms"
        and queued.args == []
        and queued.kwargs["to"] == "8801712345678"
    )
    assert FakeGateway.received == []  # nothing sent from the request itself
