from __future__ import annotations

from udbhabon.documents.models import Letter


def letter_detail(pk: int) -> Letter:
    return Letter.objects.select_related("office", "signatory_post").get(pk=pk)
