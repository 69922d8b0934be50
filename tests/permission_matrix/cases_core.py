from tests.permission_matrix import FOUND, LOGIN, OK, Case

CASES = [
    Case("login", {"*": OK}),
    Case(
        "logout",
        {"citizen": LOGIN, "*": LOGIN},
        method="POST",
        note="signed out, back to the sign-in page",
    ),
    Case("core:home", {"anonymous": LOGIN, "citizen": OK, "*": OK}),
    Case("core:set_language", {"*": FOUND}, method="POST", data={"language": "en", "next": "/"}),
    Case("core:notifications", {"anonymous": LOGIN, "citizen": OK, "*": OK}),
    Case(
        "core:notifications",
        {"anonymous": LOGIN, "citizen": FOUND, "*": FOUND},
        method="POST",
        note="mark read",
    ),
    Case("admin:index", {"anonymous": FOUND, "admin": OK, "*": FOUND}),
]
