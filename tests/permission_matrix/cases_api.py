"""The API's pages: the officer's tokens and the documentation. The API's own routes
(namespace "api") are visited by tests/test_api_permission_matrix.py, operation by
operation of the OpenAPI document."""

from __future__ import annotations

from tests.permission_matrix import FOUND, LOGIN, MISSING, OK, Case, everyone_but_anonymous


def dhaka_token(world):
    from udbhabon.api import tokens
    from udbhabon.offices.models import User

    token, _secret = tokens.token_create(
        post=world.post("dhaka.io"),
        name="e-Nothi",
        can_write=False,
        days=30,
        actor=User.objects.get(username="dhaka.io"),
    )
    return {"pk": token.pk}


CASES = [
    Case("apitokens:list", everyone_but_anonymous(OK)),
    Case(
        "apitokens:list",
        {"anonymous": LOGIN, "*": OK},
        method="POST",
        data={"name": "ড্যাশবোর্ড", "can_write": "0", "days": "30"},
    ),
    Case(
        "apitokens:revoke",
        # only its owner finds it: another officer, even the head, and a post-less account do not
        {
            "anonymous": LOGIN,
            "dhaka.io": FOUND,
            "dhaka.dc": MISSING,
            "citizen": MISSING,
            "*": MISSING,
        },
        kwargs=dhaka_token,
        method="POST",
    ),
    Case("api_docs", {"*": OK}),
]
