"""Office pages: the tree walk, search, the post switcher, and tree upkeep.

Thin views: access helpers first, reads through queries, writes through services.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from udbhabon.core.concurrency import conflict_status, save_or_conflict
from udbhabon.core.decorators import staff_required
from udbhabon.core.errors import errors_to_form
from udbhabon.core.history import history_rows
from udbhabon.core.htmx import is_htmx
from udbhabon.offices import permissions, queries, services
from udbhabon.offices.access import SignedInRequest, acting_post, office_for_view, post_for_view
from udbhabon.offices.forms import (
    DepartmentalOfficeForm,
    FormSettingsForm,
    HandOverForm,
    OfficeSearchForm,
    PostForm,
    SwitchPostForm,
)
from udbhabon.offices.middleware import SESSION_KEY
from udbhabon.offices.models import Office, Post, PostHolding


@login_required
def detail(request: SignedInRequest, code: str) -> HttpResponse:
    office = office_for_view(request, code)
    viewer = acting_post(request)
    crumbs = queries.crumbs(office, viewer)
    return render(
        request,
        "offices/detail.html",
        {
            "office": office,
            "crumbs": crumbs,
            "children": queries.children_with_counts(office),
            "posts": queries.posts_with_holders([office]),
            "history": history_rows(office, limit=20),
            "can_set_form": permissions.can_edit(viewer, office),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def form_settings(request: SignedInRequest, code: str) -> HttpResponse:
    """How the office's papers look: seen by whoever sees the office, set by its
    head or innovation officer."""
    office = office_for_view(request, code)
    post = acting_post(request)
    can_set = permissions.can_edit(post, office)
    saved = queries.form_settings_record(office)
    form = FormSettingsForm(
        request.POST if request.method == "POST" else None,
        initial=FormSettingsForm.initial_for(saved, office),
        version=saved.version if saved else None,
    )
    if request.method == "POST":
        permissions.require_edit(post, office)
        if form.is_valid():
            data = form.cleaned_data

            def save(version: int | None) -> object:
                return services.form_settings_save(
                    office=office,
                    post=post,
                    actor=request.user,
                    letterhead=data["letterhead"],
                    memo_prefix=data["memo_prefix"],
                    signatories=form.signatories(),
                    distribution=data["distribution"],
                    closing=data["closing"],
                    directory_period=data["directory_period"],
                    expected_version=version,
                )

            try:
                # A stale save shows the saved value beside the typed one, per field.
                done = save_or_conflict(
                    form, save, lambda record: FormSettingsForm.initial_for(record, office)
                )
            except ValidationError as exc:
                errors_to_form(form, exc)
            else:
                if done is not None:
                    messages.success(request, _("The office's form settings were saved."))
                    return redirect("offices:form_settings", code=office.code)
    return render(
        request,
        "offices/form_settings.html",
        {
            "office": office,
            "crumbs": queries.crumbs(office, post),
            "form": form,
            "can_set": can_set,
            "current": queries.form_settings_for(office),
            "history": history_rows(saved, limit=20) if saved else [],
        },
        status=conflict_status(form) if request.method == "POST" else 200,
    )


@login_required
def search(request: SignedInRequest) -> HttpResponse:
    post = acting_post(request)
    form = OfficeSearchForm(request.GET or None)
    results: list[Office] = []
    query = ""
    if form.is_valid():
        query = form.cleaned_data["q"]
        results = queries.search_offices(query, within=post.office)
    template = "offices/search.html#results" if is_htmx(request) else "offices/search.html"
    return render(request, template, {"form": form, "results": results, "query": query})


@login_required
@require_POST
def switch_post(request: SignedInRequest) -> HttpResponse:
    form = SwitchPostForm(request.POST)
    if not form.is_valid():
        raise PermissionDenied
    wanted = form.cleaned_data["post"]
    if not any(p.pk == wanted for p in request.user_posts):
        raise PermissionDenied
    request.session[SESSION_KEY] = wanted
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "core:home"
    return redirect(target)


@login_required
def post_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    post = post_for_view(request, pk)
    return render(
        request,
        "offices/post_detail.html",
        {
            "post": post,
            "holdings": queries.post_history(post),
            "crumbs": queries.ancestors(post.office),
            "can_hand_over": request.user.is_staff,
            "form": HandOverForm(version=post.version),
        },
    )


# --- Keeping the tree true: the system administrator (staff) only -------------


@staff_required
@require_http_methods(["GET", "POST"])
def add_office(request: SignedInRequest, code: str) -> HttpResponse:
    parent = get_object_or_404(Office, code=code)
    form = DepartmentalOfficeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        office = services.office_create(
            code=form.cleaned_data["code"],
            level=Office.Level.DEPARTMENT,
            name_bn=form.cleaned_data["name_bn"],
            name_en=form.cleaned_data["name_en"],
            place_bn=parent.place_bn,
            place_en=parent.place_en,
            parent=parent,
            actor=request.user,
        )
        messages.success(request, _("The office was added."))
        return redirect("offices:detail", code=office.code)
    return render(request, "offices/add_office.html", {"parent": parent, "form": form})


@staff_required
@require_http_methods(["GET", "POST"])
def add_post(request: SignedInRequest, code: str) -> HttpResponse:
    office = get_object_or_404(Office, code=code)
    form = PostForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.post_create(office=office, actor=request.user, **form.cleaned_data)
        messages.success(request, _("The post was created."))
        return redirect("offices:detail", code=office.code)
    return render(request, "offices/add_post.html", {"office": office, "form": form})


def holder_values(post: Post) -> dict[str, Any]:
    """Who holds the post now, and since when (the saved side of a hand-over conflict)."""
    holding = post.holdings.filter(ended_on__isnull=True).select_related("user").first()
    return {
        "user": holding.user if holding else None,
        "on": holding.started_on if holding else None,
    }


@staff_required
@require_POST
def hand_over(request: SignedInRequest, pk: int) -> HttpResponse:
    post = get_object_or_404(Post.objects.select_related("office"), pk=pk)
    form = HandOverForm(request.POST, initial=holder_values(post))
    holding: PostHolding | None = None
    if form.is_valid():
        holding = save_or_conflict(
            form,
            lambda version: services.post_hand_over(
                post=post,
                to_user=form.cleaned_data["user"],
                on=form.cleaned_data["on"],
                actor=request.user,
                expected_version=version,
            ),
            holder_values,
            drawn_values=lambda _post, _version: None,  # the holder is not in the post's history
        )
    if holding is not None:
        messages.success(request, _("The post was handed over."))
        return redirect("offices:post_detail", pk=post.pk)
    return render(
        request,
        "offices/post_detail.html",
        {
            "post": post,
            "holdings": queries.post_history(post),
            "crumbs": queries.ancestors(post.office),
            "can_hand_over": True,
            "form": form,
        },
        status=conflict_status(form),
    )
