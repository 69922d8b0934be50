"""The permission matrix: every URL pattern × every persona → expected outcome.

Each app keeps its cases in tests/permission_matrix/cases_<app>.py as a list
CASES of Case objects. tests/test_permission_matrix.py runs them all and fails
when a URL pattern of the project has no case (so a new URL cannot slip in
unchecked).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

# The personas visited for every case (usernames from udbhabon/offices/demo.py).
PERSONAS = (
    "anonymous",
    "dhaka.io",  # innovation officer, Dhaka DC office
    "dhaka.member",  # team member, Dhaka DC office
    "dhakadiv.io",  # innovation officer, Dhaka division (Dhaka DC's parent)
    "cabinet.io",  # innovation officer, Cabinet Division (the root)
    "khulna.io",  # innovation officer, Khulna DC office (a stranger to Dhaka)
    "admin",  # system administrator (staff), viewer post at the root
    "dhaka.dc",  # head of office (Deputy Commissioner), Dhaka DC office
    "savar.uno",  # UNO (head) of Savar upazila, an office *below* Dhaka DC
    "citizen",  # a signed-in account that holds no post (the portal has no accounts)
)

# The roles the papers name (issue 17, item 2) held by posts of the Dhaka DC office
# that are neither its head nor its innovation officer (plain team members by role):
# the chair of its 2017 team (who signs the minutes) and its member secretary (who
# signs the memo that forwards them), as Natore's committee has them. The page
# matrix makes them (tests/test_permission_matrix.py, role_persona_user); the other
# matrices visit PERSONAS only.
ROLE_PERSONAS = ("dhaka.chair", "dhaka.secretary")

# Where a case names no expectation for a persona, it is expected to fare as
# this one: the head of office as the office's innovation officer (both may edit
# and sign), the UNO below Dhaka as the stranger from Khulna (an office below
# may not see its superior's records), the team's chair and member secretary as the
# team member (they see, contribute, and sign and send the minutes: the cases of
# meetings:send name them). Cases name them where the outcome differs.
LIKE = {
    "dhaka.dc": "dhaka.io",
    "savar.uno": "khulna.io",
    "dhaka.chair": "dhaka.member",
    "dhaka.secretary": "dhaka.member",
}
# The account without a post is refused (403) wherever an anonymous visitor is
# sent to sign in: it may only use its own account pages (cases name those).
NO_POST = "citizen"

LOGIN = "login"  # expected: redirected to the sign-in page
OK = 200
FOUND = 302  # a redirect that is not the sign-in page
BAD = 400
DENIED = 403
MISSING = 404
NOT_ALLOWED = 405

Value = dict[str, Any] | Callable[[Any], dict[str, Any]]


@dataclass(frozen=True)
class Case:
    url: str  # URL name, e.g. "offices:detail"
    expect: dict[str, int | str]  # persona -> status or LOGIN; "*" = every other persona
    kwargs: Value = field(default_factory=dict)
    method: str = "GET"
    data: Value | None = None
    note: str = ""

    def expected_for(self, persona: str) -> int | str:
        if persona in self.expect:
            return self.expect[persona]
        if persona == NO_POST and self.expect_anonymous() == LOGIN:
            return DENIED
        if LIKE.get(persona) in self.expect:
            return self.expect[LIKE[persona]]
        return self.expect["*"]

    def expect_anonymous(self) -> int | str:
        return self.expect.get("anonymous", self.expect["*"])

    @property
    def id(self) -> str:
        return f"{self.url}[{self.method}{':' + self.note if self.note else ''}]"


def everyone_but_anonymous(status: int | str) -> dict[str, int | str]:
    return {"anonymous": LOGIN, "*": status}
