"""The plan's part of the import review: confirm, change or clear whom an imported
row's responsible cell names (documents keeps the choice as the job's correction)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from udbhabon.documents import services as document_services
from udbhabon.documents.access import job_for_edit
from udbhabon.documents.importing import apply_corrections, correction_key
from udbhabon.offices.access import SignedInRequest
from udbhabon.plans.forms import ResponsibleChoiceForm
from udbhabon.plans.responsible_match import (
    CHOICE_FIELD,
    Responsible,
    directory_for,
    labels,
    post_label,
    responsible_of_row,
    spec_label,
)


def _row(job: Any, section: int, item: int) -> dict[str, Any]:
    try:
        doc = apply_corrections(job.result or {}, job.corrections)
        found = doc["sections"][section]
        if found["kind"] != "action_plan":
            raise Http404
        return dict(found["items"][item])
    except (IndexError, KeyError, TypeError) as exc:
        raise Http404 from exc


@login_required
@require_http_methods(["GET", "POST"])
def import_responsible(request: SignedInRequest, pk: int, section: int, item: int) -> HttpResponse:
    """Change, clear or go back to the match of one row's responsible cell."""
    job = job_for_edit(request, pk)
    row = _row(job, section, item)
    directory = directory_for(job.office)
    current, chosen = responsible_of_row(row, directory)
    matched = responsible_of_row({**row, CHOICE_FIELD: ""}, directory)[0]
    shown = [p.pk for p in directory.posts.values() if p.office_id == job.office_id]
    shown += [p.pk for p in directory.posts.values() if p.office.parent_id == job.office_id]
    shown += current.lead + current.supporting + matched.lead + matched.supporting
    posts = [(p, post_label(directory.posts[p])) for p in dict.fromkeys(shown)]
    specs = [(s, spec_label(s)) for s in directory.specs]
    initial = {
        "lead": current.lead,
        "supporting": current.supporting,
        "every_below": current.every_below,
        "team": current.team,
    }
    form = ResponsibleChoiceForm(request.POST or None, initial=initial, posts=posts, specs=specs)
    back = reverse("documents:import_detail", args=[job.pk]) + f"#s{section}i{item}"
    action = request.POST.get("action")
    # "clear" and "matched" need no form; anything else is a save, valid or shown again.
    if request.method == "POST" and (action in ("clear", "matched") or form.is_valid()):
        if action == "clear":
            value = Responsible().as_json()
        elif action == "matched":
            value = ""
        else:
            data = form.cleaned_data
            value = Responsible(
                lead=data["lead"],
                supporting=[p for p in data["supporting"] if p not in data["lead"]],
                every_below=list(data.get("every_below") or []),
                supporting_below=current.supporting_below,
                team=data["team"],
            ).as_json()
        try:
            document_services.import_correct(
                job=job, section=section, item=item, field=CHOICE_FIELD, value=value,
                actor=request.user,
            )  # fmt: skip
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return redirect(back)
    context = {
        "job": job,
        "form": form,
        "cell": row.get("responsible") or "",
        "matched": labels(matched, directory),
        "chosen": chosen,
        "back": back,
        "key": correction_key(section, item, CHOICE_FIELD),
    }
    return render(
        request, "plans/import_responsible.html", context, status=400 if form.errors else 200
    )
