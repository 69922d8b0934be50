"""The sign-in security pages: one's own password and second factor, and the reset."""

from tests.permission_matrix import FOUND, LOGIN, OK, Case

CASES = [
    Case("accounts:password_change", {"anonymous": LOGIN, "citizen": OK, "*": OK}),
    Case(
        "accounts:password_change",
        {"anonymous": LOGIN, "citizen": OK, "*": OK},
        method="POST",
        data={"old_password": "wrong"},
        note="a wrong current password shows the form again",
    ),
    Case("accounts:password_reset", {"*": OK}),
    Case(
        "accounts:password_reset",
        {"*": FOUND},
        method="POST",
        data={"email": "nobody@example.gov.bd"},
        note="the same answer whether or not the address has an account",
    ),
    Case("accounts:password_reset_done", {"*": OK}),
    Case(
        "accounts:password_reset_confirm",
        {"*": OK},
        kwargs={"uidb64": "MQ", "token": "set-by-nobody"},
        note="a wrong link says so",
    ),
    Case("accounts:password_reset_complete", {"*": OK}),
    Case("accounts:second_factor", {"citizen": LOGIN, "*": LOGIN}, note="no password step yet"),
    Case("accounts:two_factor", {"anonymous": LOGIN, "citizen": OK, "*": OK}),
    Case(
        "accounts:two_factor",
        {"anonymous": LOGIN, "citizen": OK, "*": OK},
        method="POST",
        data={"code": "000000"},
        note="a wrong code shows the form again",
    ),
]
