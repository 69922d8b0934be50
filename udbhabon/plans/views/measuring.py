"""A row that measures itself: link it to a metric (or confirm the suggested link),
remove the link, or give its figure by hand with a reason."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bangla.digits import to_ascii_digits
from udbhabon.core.errors import error_text
from udbhabon.offices import permissions
from udbhabon.offices.access import SignedInRequest, acting_post
from udbhabon.plans import access, metrics, services


def _params(request: SignedInRequest, key: str) -> dict[str, object]:
    metric = metrics.get(key)
    return {name: request.POST.get(f"{key}:{name}", "").strip() for name in metric.params}


def _figure(text: str) -> Decimal | None:
    text = to_ascii_digits(text or "").strip()
    if not text:
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        raise ValidationError(_("Write the figure as a number.")) from None


@login_required
@require_POST
def item_metric(request: SignedInRequest, pk: int) -> HttpResponse:
    item = access.item_for_view(request, pk)
    post = acting_post(request)
    permissions.require_edit(post, item.plan.office)
    action = request.POST.get("action", "")
    try:
        if action == "link":
            key = request.POST.get("key", "")
            params = _params(request, key) if key not in metrics.unknown_keys([key]) else {}
            services.item_link_metric(
                item=item,
                key=key,
                params=params,
                subtree=bool(request.POST.get("subtree")),
                actor=request.user,
                post=post,
            )
            done = _("The row now counts itself from the records.")
        elif action == "unlink":
            services.item_unlink_metric(item=item, actor=request.user, post=post)
            done = _("The row no longer counts itself.")
        elif action == "figure":
            services.item_set_manual_figure(
                item=item,
                value=_figure(request.POST.get("value", "")),
                reason=request.POST.get("reason", ""),
                actor=request.user,
                post=post,
            )
            done = _("The figure is saved.")
        else:
            return HttpResponse(status=400)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, done)
    return redirect(reverse("plans:item_detail", args=[item.pk]) + "#measure")
