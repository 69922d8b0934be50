"""SMS: the channel for people who gave only a mobile number.

A citizen who sends an idea with a phone number and no e-mail hears back by
SMS, and officers with a mobile number get overdue reminders by SMS too.
The backend is a setting (UDBHABON_SMS_BACKEND):

- ``console`` (the default): the message is written to the log stream, as the
  development mailer does with e-mail; nothing leaves the machine.
- ``http``: a gateway's HTTP API, as the SMS gateways in Bangladesh offer it:
  one POST (form-encoded) to UDBHABON_SMS_GATEWAY_URL with the API key
  (UDBHABON_SMS_GATEWAY_KEY), the sender ID (UDBHABON_SMS_SENDER_ID), the
  number ("8801XXXXXXXXX") and the message (type "unicode" for Bengali). Any 2xx
  answer is a sent message; anything else is logged and the change stays.

Messages go out as background tasks (`send_sms`), never inside the request or the
daily job that caused them: a slow or dead gateway must not hold a citizen's page
or the reminders to every office. A gateway that cannot be reached is not tried
again for `BREAKER_SECONDS` in that process (the messages meanwhile are logged as
not sent), so a dead gateway costs one timeout a minute, not one per message.

A Bengali SMS is UCS-2: 70 characters fit in one message (a longer one is cut
into parts of 67 and costs more), so the SMS texts are short on purpose; see
`one_sms`.
"""

from __future__ import annotations

import logging
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Protocol

from django.conf import settings
from django.tasks import task

from bangla.digits import to_ascii_digits

logger = logging.getLogger(__name__)

BREAKER_SECONDS = 60.0
# Per process: the gateway is not tried before this time.monotonic() (see above).
_unreachable_until = 0.0

UCS2_SINGLE = 70  # characters in one SMS when any character is outside GSM-7
GSM7_SINGLE = 160


class SmsBackend(Protocol):
    def send(self, *, to: str, text: str) -> bool: ...


class ConsoleBackend:
    """Writes the message to stdout (the development default)."""

    def __init__(self, stream=None) -> None:  # noqa: ANN001
        self.stream = stream or sys.stdout

    def send(self, *, to: str, text: str) -> bool:
        self.stream.write(f"SMS to {to} ({len(text)} chars, {parts(text)} part(s)):\n{text}\n")
        self.stream.flush()
        return True


@dataclass
class HttpGatewayBackend:
    url: str
    api_key: str
    sender_id: str = ""
    timeout: float = 5.0

    def send(self, *, to: str, text: str) -> bool:
        global _unreachable_until
        if time.monotonic() < _unreachable_until:
            logger.warning("SMS to %s not sent: gateway unreachable a moment ago", to)
            return False
        data = urllib.parse.urlencode(
            {
                "api_key": self.api_key,
                "senderid": self.sender_id,
                "number": to,
                "message": text,
                "type": "unicode" if not is_gsm7(text) else "text",
            }
        ).encode()
        request = urllib.request.Request(self.url, data=data, method="POST")
        request.add_header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                ok = 200 <= response.status < 300
        except urllib.error.HTTPError as refused:
            logger.warning("SMS to %s not sent: gateway answered %s", to, refused.code)
            return False
        except (urllib.error.URLError, OSError):
            logger.warning("SMS to %s not sent: gateway unreachable", to, exc_info=True)
            _unreachable_until = time.monotonic() + BREAKER_SECONDS
            return False
        return ok


def reset_breaker() -> None:
    global _unreachable_until
    _unreachable_until = 0.0


@task()
def send_sms(to: str, text: str) -> bool:
    """One message through the configured backend, in the background."""
    return get_backend().send(to=to, text=text)


def get_backend() -> SmsBackend:
    name = getattr(settings, "SMS_BACKEND", "console")
    if name == "http":
        return HttpGatewayBackend(
            url=settings.SMS_GATEWAY_URL,
            api_key=settings.SMS_GATEWAY_KEY,
            sender_id=getattr(settings, "SMS_SENDER_ID", ""),
        )
    if name == "console":
        return ConsoleBackend()
    raise ValueError(f"unknown SMS backend {name!r} (console or http)")


def is_gsm7(text: str) -> bool:
    return all(ord(ch) < 128 for ch in text)


def parts(text: str) -> int:
    """How many SMS the text costs (UCS-2 multipart: 67 a part; GSM-7: 153)."""
    single, multi = (GSM7_SINGLE, 153) if is_gsm7(text) else (UCS2_SINGLE, 67)
    if len(text) <= single:
        return 1
    return -(-len(text) // multi)


def one_sms(*texts: str) -> str:
    """The first of `texts` that fits in one SMS; else the last, as it is."""
    for text in texts:
        if parts(text) == 1:
            return text
    return texts[-1]


def msisdn(phone: str) -> str:
    """A Bangladeshi mobile number as gateways take it: 8801XXXXXXXXX; "" if not one."""
    digits = "".join(ch for ch in to_ascii_digits(phone or "") if ch.isdigit())
    if digits.startswith("880"):
        digits = digits[2:]
    if len(digits) == 11 and digits.startswith("01"):
        return "88" + digits
    return ""
