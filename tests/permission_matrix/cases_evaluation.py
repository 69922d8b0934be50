"""Evaluation (issue 22): an office's scorecard is seen by it and the offices above;
a league by the office whose subordinates it ranks and those above; an issued
framework's APA layout by every officer."""

from tests.permission_matrix import DENIED, FOUND, LOGIN, MISSING, OK, Case

DHAKA_DC_VIEW = {"anonymous": LOGIN, "khulna.io": DENIED, "*": OK}
DHAKA_DIV_VIEW = {
    "anonymous": LOGIN,
    "cabinet.io": OK,
    "admin": OK,
    "dhakadiv.io": OK,
    "*": DENIED,
}


def _issued(level: str) -> int:
    from udbhabon.evaluation.tests.factories import issued_framework

    return issued_framework(level).pk


def dhaka_with_framework(world):
    _issued("district")
    return {"code": "dc-dhaka", "year": 2017}


def dhaka_upazilas_with_framework(world):
    _issued("upazila")
    return {"code": "dc-dhaka", "year": 2017}


def dhaka_division_with_framework(world):
    _issued("district")
    return {"code": "div-dhaka", "year": 2017}


def framework(world):
    return {"pk": _issued("district")}


def draft(world):
    import datetime as dt

    from udbhabon.evaluation import services
    from udbhabon.evaluation.tests.factories import YEAR, cabinet, spec

    made = services.framework_create(
        issued_by=cabinet(),
        year=YEAR,
        level="district",
        effective_from=dt.date(2017, 7, 1),
        spec=spec(),
        actor=None,
    )
    return {"pk": made.pk}


def entered_indicator(world):
    from udbhabon.evaluation.models import Indicator

    _issued("district")
    pk = Indicator.objects.get(title="সহজীকৃত সেবা").pk
    return {"code": "dc-dhaka", "year": 2017, "indicator": pk}


def dhaka_plan_with_framework(world):
    from udbhabon.plans.tests.factories import make_plan

    _issued("district")
    make_plan("dc-dhaka", rows=2)
    return {"code": "dc-dhaka", "year": 2017}


def dhaka_plan_row(world):
    from udbhabon.evaluation.models import Indicator
    from udbhabon.plans.models import PlanItem

    item = PlanItem.objects.filter(plan__office__code="dc-dhaka").order_by("pk").first()
    return {f"row-{item.pk}": [str(Indicator.objects.get(mandatory=True).pk)]}


def shared(world):
    from udbhabon.evaluation.tests.factories import issued_framework

    return {"pk": issued_framework("district", share=10).pk}


def issued_docx(world):
    return {"pk": _issued("district"), "fmt": "docx"}


# Only the Cabinet Division issues, freezes and reopens.
CABINET_ONLY = {"anonymous": LOGIN, "cabinet.io": FOUND, "*": DENIED}
# The office itself enters its figures; the superior (Dhaka division) moderates.
DHAKA_EDITS = {"anonymous": LOGIN, "dhaka.io": FOUND, "dhaka.dc": FOUND, "*": DENIED}
DHAKA_REVIEWS = {"anonymous": LOGIN, "dhakadiv.io": FOUND, "khulna.io": DENIED, "*": DENIED}

# Only the Cabinet Division types, imports and edits a framework.
CABINET_PAGE = {"anonymous": LOGIN, "cabinet.io": OK, "*": DENIED}
# A draft is the Cabinet Division's own: others find nothing there.
DRAFT_VIEW = {"anonymous": LOGIN, "cabinet.io": OK, "citizen": DENIED, "*": MISSING}

CASES = [
    Case("evaluation:framework", {"anonymous": LOGIN, "*": OK}, kwargs=framework),
    Case("evaluation:framework", DRAFT_VIEW, kwargs=draft, note="draft"),
    Case("evaluation:framework_new", CABINET_PAGE),
    Case("evaluation:framework_import", CABINET_PAGE),
    Case("evaluation:framework_edit", CABINET_PAGE, kwargs=draft),
    # A division's own objective: its innovation officer or head (not the Cabinet's).
    Case(
        "evaluation:division_objective",
        {"anonymous": LOGIN, "dhakadiv.io": OK, "*": DENIED},
        kwargs=shared,
    ),
    Case(
        "evaluation:division_objective",
        {"anonymous": LOGIN, "dhakadiv.io": MISSING, "*": DENIED},
        kwargs=framework,
        note="no share",
    ),
    Case("evaluation:framework_paper", {"anonymous": LOGIN, "*": OK}, kwargs=issued_docx),
    Case(
        "evaluation:scorecard_paper",
        DHAKA_DC_VIEW,
        kwargs=lambda world: {**dhaka_with_framework(world), "fmt": "docx"},
    ),
    Case(
        "evaluation:league_paper",
        DHAKA_DIV_VIEW,
        kwargs=lambda world: {**dhaka_division_with_framework(world), "fmt": "docx"},
    ),
    Case("evaluation:links", DHAKA_DC_VIEW, kwargs=dhaka_plan_with_framework),
    Case(
        "evaluation:links",
        {**DHAKA_EDITS, "dhaka.member": DENIED},
        kwargs=dhaka_plan_with_framework,
        method="POST",
        data=dhaka_plan_row,
        note="save",
    ),
    Case("evaluation:frameworks", {"anonymous": LOGIN, "*": OK}),
    Case("evaluation:framework_issue", CABINET_ONLY, kwargs=draft, method="POST"),
    Case(
        "evaluation:framework_freeze",
        CABINET_ONLY,
        kwargs=framework,
        method="POST",
        data={"on": "১৫/০৭/২০১৮"},
    ),
    Case(
        "evaluation:figure",
        DHAKA_EDITS,
        kwargs=entered_indicator,
        method="POST",
        data={"value": "৪", "evidence_note": "অফিস আদেশ"},
    ),
    Case(
        "evaluation:moderate",
        DHAKA_REVIEWS,
        kwargs=entered_indicator,
        method="POST",
        data={"score": "৭০", "reason": "প্রমাণক অসম্পূর্ণ"},
    ),
    Case("evaluation:scorecard", DHAKA_DC_VIEW, kwargs={"code": "dc-dhaka", "year": 2017}),
    Case("evaluation:scorecard", DHAKA_DC_VIEW, kwargs=dhaka_with_framework, note="framework"),
    Case(
        "evaluation:scorecard",
        {"anonymous": LOGIN, "*": MISSING},
        kwargs={"code": "no-such-office", "year": 2017},
        note="unknown",
    ),
    Case("evaluation:league", DHAKA_DIV_VIEW, kwargs=dhaka_division_with_framework),
    Case(
        "evaluation:league",
        DHAKA_DC_VIEW,
        kwargs=dhaka_upazilas_with_framework,
        data={"sort": "name", "dir": "asc"},
        note="upazilas",
    ),
    Case(
        "evaluation:league",
        {"anonymous": LOGIN, "cabinet.io": OK, "admin": OK, "*": DENIED},
        kwargs={"code": "cabinet", "year": 2017},
        data={"level": "district"},
        note="national",
    ),
    Case("evaluation:league_export", DHAKA_DIV_VIEW, kwargs=dhaka_division_with_framework),
    Case(
        "evaluation:league_export",
        {"anonymous": LOGIN, "khulna.io": DENIED, "*": MISSING},
        kwargs={"code": "dc-dhaka", "year": 2017},
        note="no framework",
    ),
    Case("evaluation:framework_export", {"anonymous": LOGIN, "*": OK}, kwargs=framework),
    Case(
        "evaluation:framework_export",
        {"anonymous": LOGIN, "*": MISSING},
        kwargs={"pk": 999999},
        note="unknown",
    ),
]
