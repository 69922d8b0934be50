"""Letters as printable pages (PDF and DOCX downloads come from the writers)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from udbhabon.documents.access import letter_for_view


@login_required
def letter_detail(request: HttpRequest, pk: int) -> HttpResponse:
    letter = letter_for_view(request, pk)
    return render(request, "documents/letter_detail.html", {"letter": letter})
