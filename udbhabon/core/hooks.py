"""A function a lower layer calls and a higher layer provides.

The layers (docs/ARCHITECTURE.md) let an app import only the apps below it.
When a lower app needs an answer only a higher one knows (meetings asks
supervision when minutes are due), the lower app declares a ``Hook`` and the
higher app registers its function in its AppConfig.ready. Calling a hook that
nothing registered is an error, not a silent default: a renamed or missing
registration shows up at once (and each app's tests check theirs).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ImproperlyConfigured


class Hook:
    def __init__(self, name: str) -> None:
        self.name = name
        self.func: Callable[..., Any] | None = None

    def register(self, func: Callable[..., Any]) -> Callable[..., Any]:
        if self.func is not None and self.func is not func:
            raise ImproperlyConfigured(f"{self.name}: already provided by {self.func!r}")
        self.func = func
        return func

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if self.func is None:
            raise ImproperlyConfigured(f"{self.name}: no app registered a function for it")
        return self.func(*args, **kwargs)

    def __repr__(self) -> str:
        return f"<Hook {self.name}: {self.func!r}>"
