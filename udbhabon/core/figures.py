"""The one hook through which a domain app says "this office's figures changed".

Plans, meetings and ideas sit below supervision (docs/ARCHITECTURE.md, "Layers"):
they must not import monitoring. After a transition that supervision counts
(a plan or report sent, returned or accepted; a meeting held, its minutes sent;
an idea's stage changed) their services call ``figures_changed(office=, on=)``,
which sends the ``changed`` signal; monitoring connects its receiver in its
AppConfig.ready and recomputes the office's fiscal year once the transaction
commits.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.dispatch import Signal

# Sent with office= (an offices.Office) and on= (a date in the fiscal year that changed).
changed = Signal()


def figures_changed(*, office: Any, on: dt.date) -> None:
    """Tell whoever counts (supervision) that ``office``'s figures around ``on`` changed."""
    changed.send(sender=figures_changed, office=office, on=on)
