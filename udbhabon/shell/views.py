"""The shell: home page, language switch, notifications page."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language

from udbhabon.notifications import queries, services
from udbhabon.offices import queries as office_queries
from udbhabon.offices.access import SignedInRequest
from udbhabon.offices.services import user_set_language
from udbhabon.shell.home import collect_panels


@login_required
def home(request: SignedInRequest) -> HttpResponse:
    post = request.acting_post
    context: dict[str, Any] = {"post": post, "children": [], "panels": []}
    if post is not None:
        context["children"] = office_queries.children_with_counts(post.office)
        context["panels"] = collect_panels(request, post)
    return render(request, "core/home.html", context)


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Django's set_language (cookie), and remember it on the account too.

    The account's language is what e-mails and notifications use.
    """
    response = django_set_language(request)
    lang = request.POST.get("language", "")
    if lang in {"bn", "en"} and request.user.is_authenticated:
        user_set_language(user=request.user, language=lang)
    return response


@login_required
def notifications(request: SignedInRequest) -> HttpResponse:
    if request.method == "POST":
        services.mark_read(user=request.user)
        return redirect("core:notifications")
    return render(
        request,
        "core/notifications.html",
        {"notifications": queries.notifications_for(request.user)},
    )


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """The 400 page in the site's frame and the visitor's language (config.urls.handler400)."""
    del exception
    return render(request, "400.html", status=400)
