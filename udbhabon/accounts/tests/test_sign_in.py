"""Sign-in protection: locks, address throttle, audit, passwords, sessions, second factor."""

from __future__ import annotations

import datetime as dt
import re
import time

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from udbhabon.accounts import services, totp
from udbhabon.accounts.models import AccountLock, LoginFailure, SecondFactor, SecondFactorRule
from udbhabon.offices.demo import DEMO_PASSWORD
from udbhabon.offices.models import User

pytestmark = pytest.mark.django_db
LOGIN = "/login/"


def sign_in(client: Client, username: str, password: str = DEMO_PASSWORD, **extra):
    return client.post(LOGIN, {"username": username, "password": password}, **extra)


def signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def at(monkeypatch, moment: dt.datetime) -> None:
    monkeypatch.setattr(timezone, "now", lambda: moment)


# --- RFC 6238 ------------------------------------------------------------------------

RFC6238 = [  # time, SHA-1, SHA-256, SHA-512 (appendix B, eight digits)
    (59, "94287082", "46119246", "90693936"),
    (1111111109, "07081804", "68084774", "25091201"),
    (1111111111, "14050471", "67062674", "99943326"),
    (1234567890, "89005924", "91819424", "93441116"),
    (2000000000, "69279037", "90698825", "38618901"),
    (20000000000, "65353130", "77737706", "47863826"),
]
KEYS = {
    "sha1": b"12345678901234567890",
    "sha256": b"12345678901234567890123456789012",
    "sha512": b"1234567890123456789012345678901234567890123456789012345678901234",
}


@pytest.mark.parametrize(("moment", "sha1", "sha256", "sha512"), RFC6238)
def test_it_computes_the_rfc_6238_test_vectors(moment, sha1, sha256, sha512):
    for digest, expected in (("sha1", sha1), ("sha256", sha256), ("sha512", sha512)):
        assert totp.totp(KEYS[digest], moment, digits=8, digest=digest) == expected


def test_a_code_matches_one_step_either_side_and_only_once():
    secret = totp.new_secret()
    now = 1_700_000_000
    code = totp.totp(totp.key_of(secret), now)
    step = totp.match(secret, code, now + 25)
    assert step == now // 30
    assert totp.match(secret, code, now + 25, after_step=step) is None  # used
    assert totp.match(secret, code, now + 120) is None  # too late
    assert totp.match(secret, "12345", now) is None
    assert totp.otpauth_uri(secret, "dhaka.io").startswith("otpauth://totp/Udbhabon%3Adhaka.io?")


# --- locks and the audit ---------------------------------------------------------------


def test_five_failures_lock_the_account_for_15_minutes_and_a_repeat_for_30(monkeypatch):
    client = Client()
    start = timezone.now()
    at(monkeypatch, start)
    for _ in range(5):
        response = sign_in(client, "dhaka.io", "wrong")
    assert "অ্যাকাউন্টটি বন্ধ" in response.content.decode()  # locked, said in Bengali
    # the right password does not open a locked account
    assert sign_in(client, "dhaka.io").status_code == 200 and not signed_in(client)
    lock = AccountLock.objects.get(user__username="dhaka.io")
    assert lock.locked_until - start == dt.timedelta(minutes=15)
    # five failures more after the lock: the second lock lasts twice as long
    at(monkeypatch, start + dt.timedelta(minutes=16))
    for _ in range(5):
        sign_in(client, "dhaka.io", "wrong")
    lock.refresh_from_db()
    assert lock.locked_until - (start + dt.timedelta(minutes=16)) == dt.timedelta(minutes=30)
    at(monkeypatch, start + dt.timedelta(minutes=47))
    assert sign_in(client, "dhaka.io").status_code == 302 and signed_in(client)
    lock.refresh_from_db()
    assert lock.times == 0  # a good sign-in ends the doubling
    # every failure is in the audit, with the address
    failures = LoginFailure.objects.filter(username="dhaka.io")
    assert failures.filter(reason="password").count() == 10
    assert failures.filter(reason="locked").count() == 1
    assert set(failures.values_list("ip", flat=True)) == {"127.0.0.1"}


def test_four_failures_spread_over_more_than_15_minutes_do_not_lock(monkeypatch):
    client = Client()
    start = timezone.now()
    for minutes in (0, 5, 10, 16, 21):
        at(monkeypatch, start + dt.timedelta(minutes=minutes))
        sign_in(client, "dhaka.member", "wrong")
    assert services.locked_until(User.objects.get(username="dhaka.member")) is None


def test_an_administrator_lifts_a_lock():
    for _ in range(5):
        sign_in(Client(), "khulna.io", "wrong")
    khulna = User.objects.get(username="khulna.io")
    assert services.locked_until(khulna)
    admin = Client()
    admin.force_login(User.objects.get(username="admin"))
    lock = AccountLock.objects.get(user=khulna)
    response = admin.post(
        reverse("admin:accounts_accountlock_changelist"),
        {"action": "lift", "_selected_action": [lock.pk]},
    )
    assert response.status_code == 302
    assert services.locked_until(khulna) is None
    assert lock.history.first().history_user.username == "admin"
    client = Client()
    assert sign_in(client, "khulna.io").status_code == 302 and signed_in(client)


def test_an_address_is_throttled_after_many_failures(monkeypatch):
    monkeypatch.setattr(services, "ADDRESS_FAILURES", 3)
    client = Client()
    for name in ("nobody1", "nobody2", "nobody3"):
        sign_in(client, name, "wrong")
    response = sign_in(client, "cabinet.io")
    assert not signed_in(client)
    assert "এই ঠিকানা থেকে" in response.content.decode()
    other = Client(REMOTE_ADDR="198.51.100.7")
    assert sign_in(other, "cabinet.io").status_code == 302  # another address is not


def test_the_admin_sign_in_goes_through_the_protected_one():
    response = Client().get("/admin/login/?next=/admin/")
    assert response.status_code == 302 and response["Location"] == "/login/?next=/admin/"


# --- passwords ------------------------------------------------------------------------


def test_changing_the_password_keeps_this_session_and_ends_the_others():
    here, phone = Client(), Client()
    assert sign_in(here, "dhakadiv.io").status_code == 302
    assert sign_in(phone, "dhakadiv.io").status_code == 302
    page = here.get(reverse("accounts:password_change"))
    assert "পাসওয়ার্ড বদলান" in page.content.decode()
    response = here.post(
        reverse("accounts:password_change"),
        {
            "old_password": DEMO_PASSWORD,
            "new_password1": "নতুন-পাসওয়ার্ড-2026",
            "new_password2": "নতুন-পাসওয়ার্ড-2026",
        },
    )
    assert response.status_code == 302
    assert here.get("/").status_code == 200
    assert phone.get("/").status_code == 302  # signed out on the other device
    assert sign_in(Client(), "dhakadiv.io", "নতুন-পাসওয়ার্ড-2026").status_code == 302


def test_a_forgotten_password_is_reset_by_an_e_mailed_link():
    client = Client()
    page = client.get(reverse("accounts:password_reset"))
    assert "পাসওয়ার্ড ভুলে গেছেন" in page.content.decode()
    response = client.post(
        reverse("accounts:password_reset"), {"email": "cabinet.io@example.gov.bd"}
    )
    assert response.status_code == 302
    (message,) = mail.outbox
    assert "নতুন পাসওয়ার্ড" in message.subject
    link = re.search(r"http://testserver(/account/password/reset/\S+/)", message.body).group(1)
    form = client.get(link, follow=True)
    assert form.status_code == 200
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "আরেকটি-নতুন-পাসওয়ার্ড-9", "new_password2": "আরেকটি-নতুন-পাসওয়ার্ড-9"},
    )
    assert done.status_code == 302
    assert sign_in(Client(), "cabinet.io", "আরেকটি-নতুন-পাসওয়ার্ড-9").status_code == 302
    assert client.get(link, follow=True).context["validlink"] is False  # used once


def test_an_administrator_sets_a_new_password_for_an_officer_without_e_mail():
    officer = Client()
    assert sign_in(officer, "dhaka.member").status_code == 302
    member = User.objects.get(username="dhaka.member")
    admin = Client()
    admin.force_login(User.objects.get(username="admin"))
    response = admin.post(
        reverse("admin:auth_user_password_change", args=[member.pk]),
        {"password1": "দেওয়া-পাসওয়ার্ড-77", "password2": "দেওয়া-পাসওয়ার্ড-77"},
    )
    assert response.status_code == 302
    assert officer.get("/").status_code == 302  # the old sessions end
    assert sign_in(Client(), "dhaka.member", "দেওয়া-পাসওয়ার্ড-77").status_code == 302


# --- sessions ---------------------------------------------------------------------------


def test_a_session_lasts_8_idle_hours_and_is_refreshed_at_most_every_5_minutes(
    settings, monkeypatch
):
    assert settings.SESSION_COOKIE_AGE == 8 * 3600
    assert not settings.SESSION_SAVE_EVERY_REQUEST
    client = Client()
    client.force_login(User.objects.get(username="dhaka.io"))
    assert client.session.get_expiry_age() == 8 * 3600
    assert "sessionid" not in client.get("/").cookies  # just signed in: nothing written
    assert "sessionid" not in client.get("/").cookies
    later = time.time() + 301
    monkeypatch.setattr(time, "time", lambda: later)
    assert client.get("/").cookies["sessionid"]["max-age"] == 8 * 3600  # pushed forward


# --- the second factor ------------------------------------------------------------------


def code_for(secret: str) -> str:
    return totp.totp(totp.key_of(secret), time.time())


def test_an_administrator_requires_a_second_factor_for_heads_of_office():
    SecondFactorRule.objects.create(role="head")
    client = Client()
    response = sign_in(client, "natore.adc")
    assert response["Location"] == reverse("accounts:second_factor")
    assert not signed_in(client)  # the password alone does not sign in
    page = client.get(reverse("accounts:second_factor")).content.decode()
    secret = re.search(r"<code>([A-Z2-7]{32})</code>", page).group(1)
    assert "otpauth://totp/Udbhabon%3Anatore.adc?secret=" + secret in page
    wrong = client.post(reverse("accounts:second_factor"), {"code": "000000"})
    assert wrong.status_code == 200 and not signed_in(client)
    used = code_for(secret)
    ok = client.post(reverse("accounts:second_factor"), {"code": used})
    assert ok.status_code == 302 and signed_in(client)
    assert SecondFactor.objects.get(user__username="natore.adc").secret == secret
    # the next sign-in asks for the code; a used code does not work twice
    again = Client()
    sign_in(again, "natore.adc")
    # (the very same code: a fresh one could be valid if the 30 s step turned meanwhile)
    reused = again.post(reverse("accounts:second_factor"), {"code": used})
    assert not signed_in(again) and "কোডটি ঠিক নয়" in reused.content.decode()
    # officers in other roles are not asked
    other = Client()
    assert sign_in(other, "dhaka.io")["Location"] == "/" and signed_in(other)


def test_wrong_codes_count_towards_the_lock():
    SecondFactorRule.objects.create(role="staff")
    client = Client()
    for _ in range(5):
        if "accounts:pending" not in client.session:
            sign_in(client, "admin")
        client.post(reverse("accounts:second_factor"), {"code": "000000"})
    assert services.locked_until(User.objects.get(username="admin"))
    assert LoginFailure.objects.filter(username="admin", reason="code").count() == 5


def test_an_officer_sets_up_an_authenticator_app_on_their_own():
    client = Client()
    client.force_login(User.objects.get(username="dhaka.io"))
    page = client.get(reverse("accounts:two_factor")).content.decode()
    secret = re.search(r"<code>([A-Z2-7]{32})</code>", page).group(1)
    response = client.post(reverse("accounts:two_factor"), {"code": code_for(secret)})
    assert response.status_code == 302
    assert SecondFactor.objects.filter(user__username="dhaka.io").exists()
    assert "অথেনটিকেটর অ্যাপ চালু আছে" in client.get(reverse("accounts:two_factor")).content.decode()
    fresh = Client()
    assert sign_in(fresh, "dhaka.io")["Location"] == reverse("accounts:second_factor")
