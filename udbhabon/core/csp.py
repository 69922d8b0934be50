"""A route's own Content-Security-Policy, when the site's strict one does not fit it.

Every response carries settings.SECURE_CSP (Django's ContentSecurityPolicyMiddleware):
nothing inline, no eval. A page that needs more (an API documentation page whose
viewer loads its own script and styles, say) wears ``@own_policy(...)`` naming only
the directives it changes; the rest stay the site's. Prefer a nonce
(``CSP.NONCE`` and ``{{ csp_nonce }}`` in the template) to ``'unsafe-inline'``.

    @own_policy(script_src=[CSP.SELF, CSP.NONCE], style_src=[CSP.SELF, CSP.NONCE])
    def api_docs(request): ...
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from django.conf import settings
from django.utils.csp import CSP
from django.views.decorators.csp import csp_override

__all__ = ["CSP", "own_policy", "policy_with"]


def policy_with(**directives: Sequence[str] | None) -> dict[str, Any]:
    """The site's policy with these directives replaced (``script_src`` is script-src);
    None drops a directive."""
    policy: dict[str, Any] = {k: list(v) for k, v in settings.SECURE_CSP.items()}
    for name, values in directives.items():
        key = name.replace("_", "-")
        if values is None:
            policy.pop(key, None)
        else:
            policy[key] = list(values)
    return policy


def own_policy(**directives: Sequence[str] | None) -> Callable:
    """A view decorator: its responses carry policy_with(**directives)."""
    return csp_override(policy_with(**directives))
