"""Tokens for the demo personas, and a client that sends them."""

from __future__ import annotations

from typing import Any

from django.test import Client

from conftest import post_of
from udbhabon.api import tokens
from udbhabon.offices.models import User


def token_for(username: str, *, write: bool = True) -> str:
    post = post_of(username)
    user = User.objects.get(username=username)
    _token, secret = tokens.token_create(
        post=post, name=f"{username} system", can_write=write, days=30, actor=user
    )
    return secret


def call(method: str, path: str, secret: str | None = None, **kwargs: Any) -> Any:
    headers = dict(kwargs.pop("headers", {}))
    if secret:
        headers["Authorization"] = f"Bearer {secret}"
    client = Client()
    return getattr(client, method.lower())(
        path, content_type="application/json", headers=headers, **kwargs
    )
