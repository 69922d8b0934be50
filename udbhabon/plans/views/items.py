"""Editing a draft plan's rows inline (htmx fragments; plain forms without JavaScript)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from bangla.schedules import describe, parse_schedule
from udbhabon.core.concurrency import conflict_status, save_or_conflict
from udbhabon.core.history import version_values
from udbhabon.core.htmx import is_htmx
from udbhabon.core.lang import current_lang, digits
from udbhabon.offices.access import SignedInRequest, acting_post
from udbhabon.offices.models import Post
from udbhabon.plans import access, queries, services
from udbhabon.plans.forms import (
    ItemForm,
)
from udbhabon.plans.models import (
    ActionPlan,
    PlanItem,
)
from udbhabon.plans.views.common import open_rows, plan_context
from udbhabon.plans.warnings import item_warnings


def _item_form(
    plan: ActionPlan,
    item: PlanItem | None,
    posts: list[Post],
    data: Any = None,
    *,
    new_key: str = "",
) -> tuple[ItemForm, dict[str, str]]:
    """The row's form and the names tying its inputs (spread over the table's cells
    with the HTML form attribute) to the one <form> in the last cell."""
    key = str(item.pk) if item else f"new-{new_key}"
    prefix_id = f"i{item.pk}" if item else f"inew{new_key}"
    fid = f"f-{prefix_id}"
    initial = item_values(item) if item is not None else {}
    form = ItemForm(
        data,
        initial=initial,
        posts=posts,
        auto_id=f"{prefix_id}_%s",
        version=item.version if item is not None else None,
    )
    for field in form.fields.values():
        field.widget.attrs["form"] = fid
    form.fields["category"].widget.attrs["list"] = "plan-categories"
    form.fields["responsible_text"].widget.attrs["list"] = "plan-phrases"
    preview = reverse("plans:schedule_preview", args=[plan.pk])
    for name in ("start_text", "end_text"):
        form.fields[name].widget.attrs.update(
            {
                "hx-get": preview,
                "hx-trigger": "input changed delay:400ms",
                "hx-target": f"#{fid}-understood",
                "hx-include": f"#{prefix_id}_start_text, #{prefix_id}_end_text",
                "hx-sync": "this:replace",
            }
        )
    action = (
        reverse("plans:item_edit", args=[item.pk])
        if item
        else reverse("plans:item_add", args=[plan.pk])
    )
    return form, {"fid": fid, "row_key": key, "form_action": action, "new_key": new_key}


def item_values(item: PlanItem) -> dict[str, Any]:
    """A row's cells as the form shows them (the form's initial; the saved side of a conflict)."""
    return {
        "label": item.label,
        "category": item.category_display,
        "activity": item.activity,
        "start_text": item.start_text,
        "end_text": item.end_text,
        "responsible_posts": [p.pk for p in item.responsible_posts.all()],
        "responsible_text": item.responsible_text,
        "expected_outcome": item.expected_outcome,
        "indicator": item.indicator,
        "target_value": item.target_number,
        "target_unit": item.target_unit,
    }


def sheet_entries(
    rows: list[queries.Row],
    *,
    open_rows: list[str] = (),  # type: ignore[assignment]
    removed: PlanItem | None = None,
) -> list[tuple[str, Any]]:
    """What the table body shows, in order: rows, rows kept open in the browser, and
    the "removed — undo" line where a row was just taken out."""
    entries: list[tuple[str, Any]] = []
    placed = removed is None
    for row in rows:
        if not placed and row.item.position >= removed.position:  # type: ignore[union-attr]
            entries.append(("removed", removed))
            placed = True
        key = str(row.item.pk)
        entries.append(("open", key) if key in open_rows else ("row", row))
    if not placed:
        entries.append(("removed", removed))
    entries += [("open", key) for key in open_rows if key.startswith("new-")]
    return entries


def _sheet_response(
    request: SignedInRequest, plan: ActionPlan, *, removed: PlanItem | None = None
) -> HttpResponse:
    """The whole table body (after a move, remove or restore), keeping the rows open
    in the browser untouched (hx-preserve), plus the removed rows (out of band)."""
    page = queries.plan_page(plan)
    context = plan_context(
        request,
        plan,
        page=page,
        entries=sheet_entries(page.rows, open_rows=open_rows(request), removed=removed),
        oob=True,
    )
    return render(request, "plans/detail.html#sheet_body", context)


@login_required
@require_GET
def item_row(request: SignedInRequest, pk: int) -> HttpResponse:
    """One row as shown (cancelling an edit); the full page without htmx."""
    item = access.item_for_view(request, pk)
    if not is_htmx(request):
        return redirect(reverse("plans:detail", args=[item.plan_id]) + f"#row-{item.pk}")
    context = plan_context(request, item.plan, row=queries.row_for(item))
    return render(request, "plans/detail.html#row", context)


@login_required
@require_http_methods(["GET", "POST"])
def item_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    item = access.item_for_edit(request, pk)
    plan = item.plan
    posts = queries.office_posts(plan.office)
    form, names = _item_form(plan, item, posts, request.POST if request.method == "POST" else None)
    saved = request.method == "POST" and form.is_valid()
    if saved:
        saved = (
            save_or_conflict(  # the row as saved, or None on a conflict
                form,
                lambda version: services.item_update(
                    item=item,
                    actor=request.user,
                    post=request.acting_post,
                    expected_version=version,
                    **form.service_values(),
                ),
                item_values,
            )
            is not None
        )
    if saved:
        if not is_htmx(request):
            messages.success(request, _("The row was saved."))
            return redirect(reverse("plans:detail", args=[plan.pk]) + f"#row-{item.pk}")
        context = plan_context(request, plan, row=queries.row_for(item), saved=True)
        return render(request, "plans/detail.html#row", context)
    status = conflict_status(form) if request.method == "POST" and not is_htmx(request) else 200
    context = plan_context(
        request, plan, form=form, row=queries.row_for(item), item=item, posts=posts, **names
    )
    template = "plans/detail.html#edit_row" if is_htmx(request) else "plans/item_form.html"
    return render(request, template, context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def item_add(request: SignedInRequest, pk: int) -> HttpResponse:
    """A blank row to fill in (GET) and saving it as a new item (POST)."""
    plan = access.plan_for_edit(request, pk)
    posts = queries.office_posts(plan.office)
    new_key = "".join(
        ch
        for ch in (request.POST.get("new_key") or request.GET.get("new_key") or "1")
        if ch.isalnum()
    )[:20]
    form, names = _item_form(
        plan, None, posts, request.POST if request.method == "POST" else None, new_key=new_key
    )
    if request.method == "POST" and form.is_valid():
        item = services.item_add(
            plan=plan, actor=request.user, post=request.acting_post, **form.service_values()
        )
        another = bool(request.POST.get("and_add"))
        if not is_htmx(request):
            messages.success(request, _("The row was added."))
            if another:
                return redirect("plans:item_add", pk=plan.pk)
            return redirect(reverse("plans:detail", args=[plan.pk]) + f"#row-{item.pk}")
        context = plan_context(request, plan, row=queries.row_for(item), saved=True)
        response = render(request, "plans/detail.html#row", context)
        if another:  # "save and add another": the saved row, then a blank one open below it
            response.content += _blank_row(request, plan, posts, f"{new_key}n").content
        return response
    status = 400 if request.method == "POST" and not is_htmx(request) else 200
    context = plan_context(request, plan, form=form, row=None, posts=posts, **names)
    template = "plans/detail.html#edit_row" if is_htmx(request) else "plans/item_form.html"
    return render(request, template, context, status=status)


def _blank_row(
    request: SignedInRequest, plan: ActionPlan, posts: list[Post], new_key: str
) -> HttpResponse:
    form, names = _item_form(plan, None, posts, new_key=new_key[:20])
    context = plan_context(request, plan, form=form, row=None, posts=posts, **names)
    return render(request, "plans/detail.html#edit_row", context)


@login_required
@require_POST
def item_remove(request: SignedInRequest, pk: int) -> HttpResponse:
    item = access.item_for_edit(request, pk)
    services.item_remove(item=item, actor=request.user, post=request.acting_post)
    if is_htmx(request):
        item.refresh_from_db()
        return _sheet_response(request, item.plan, removed=item)
    messages.success(request, _("The row was removed. You can restore it from the removed rows."))
    return redirect("plans:detail", pk=item.plan_id)


@login_required
@require_POST
def item_restore(request: SignedInRequest, pk: int) -> HttpResponse:
    item = access.item_for_edit(request, pk)
    services.item_restore(item=item, actor=request.user, post=request.acting_post)
    if is_htmx(request):
        return _sheet_response(request, item.plan)
    messages.success(request, _("The row was restored."))
    return redirect(reverse("plans:detail", args=[item.plan_id]) + f"#row-{item.pk}")


@login_required
@require_http_methods(["GET", "POST"])
def item_version(request: SignedInRequest, pk: int, entry: int) -> HttpResponse:
    """An earlier version of a row (from its history), and restoring it (POST)."""
    item = access.item_for_view(request, pk)
    found = get_object_or_404(item.history.all(), history_id=entry)
    can_restore = access.can_edit_plan(acting_post(request), item.plan)
    if request.method == "POST":
        if not can_restore:
            raise PermissionDenied
        services.item_restore_version(
            item=item, history_entry=found, actor=request.user, post=acting_post(request)
        )
        messages.success(request, _("The version was restored."))
        return redirect("plans:item_detail", pk=item.pk)
    context = {
        "heading": f"{digits(item.serial)}{item.label} {item.activity[:60]}",
        "back_url": reverse("plans:item_detail", args=[item.pk]),
        "entry": found,
        "number": found.version,
        "values": version_values(found, services.RESTORED_CELLS),
        "can_restore": can_restore,
        "locked": _(
            "This paper is locked (sent or accepted); an earlier version cannot be "
            "restored into it."
        )
        if not can_restore and item.plan.status not in access.EDITABLE
        else "",
    }
    return render(request, "core/history_version.html", context)


@login_required
@require_POST
def item_move(request: SignedInRequest, pk: int) -> HttpResponse:
    item = access.item_for_edit(request, pk)
    direction = request.POST.get("direction", "")
    if direction not in ("up", "down"):
        raise Http404
    services.item_move(item=item, direction=direction, actor=request.user, post=request.acting_post)
    if is_htmx(request):
        return _sheet_response(request, item.plan)
    return redirect(reverse("plans:detail", args=[item.plan_id]) + f"#row-{item.pk}")


@login_required
@require_POST
def item_acknowledge(request: SignedInRequest, pk: int) -> HttpResponse:
    item = access.item_for_edit(request, pk)
    services.item_acknowledge_warnings(item=item, actor=request.user, post=request.acting_post)
    if is_htmx(request):
        context = plan_context(request, item.plan, row=queries.row_for(item))
        return render(request, "plans/detail.html#row", context)
    return redirect(reverse("plans:detail", args=[item.plan_id]) + f"#row-{item.pk}")


@login_required
@require_GET
def schedule_preview(request: SignedInRequest, pk: int) -> HttpResponse:
    """How the typed schedule is understood, shown back while the officer types."""
    plan = access.plan_for_view(request, pk)
    start, end = request.GET.get("start_text", ""), request.GET.get("end_text", "")
    reading = parse_schedule(start, end, (plan.period_start, plan.period_end))
    probe = PlanItem(plan=plan, start_text=start.strip(), end_text=end.strip())
    services.set_schedule(probe, reading.schedule)
    warnings = [
        w
        for w in item_warnings(probe, (plan.period_start, plan.period_end), responsible_count=1)
        if w.field == "schedule"
    ]
    understood = (
        describe(reading.schedule, current_lang()) if probe.schedule_kind != "unparsed" else ""
    )
    return render(
        request,
        "plans/detail.html#understood",
        {"understood": understood, "kind": probe.schedule_kind, "warnings": warnings},
    )
