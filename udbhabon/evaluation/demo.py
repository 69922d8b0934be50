"""Generated frameworks and figures for a fiscal year: the district and upazila
frameworks in the APA layout (the issue's example objective, measured from the plans'
metrics, plus one indicator the offices enter), and an entered figure with evidence for
a share of the offices. Used by `manage.py generate_evaluation` and `make bench`."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from django.db import transaction

from udbhabon.evaluation import services
from udbhabon.evaluation.models import EnteredFigure, Framework, Indicator
from udbhabon.evaluation.queries import framework_in_force
from udbhabon.offices.models import Office


def standard_spec(year: int) -> dict[str, Any]:
    def day(month: int, d: int) -> str:
        return dt.date(year + (month < 7), month, d).isoformat()

    return {
        "objectives": [
            {
                "title": "উদ্ভাবন কর্মপরিকল্পনা প্রণয়ন ও বাস্তবায়ন",
                "weight": "30",
                "activities": [
                    {
                        "title": "বার্ষিক উদ্ভাবন কর্মপরিকল্পনা প্রণয়ন",
                        "indicators": [
                            {
                                "title": "কর্মপরিকল্পনা প্রণীত",
                                "unit": "date",
                                "weight": "10",
                                "targets": [
                                    day(7, 31),
                                    day(8, 14),
                                    day(8, 31),
                                    day(9, 15),
                                    day(9, 30),
                                ],
                                "metric": "plans.plan_accepted_on",
                                "mandatory": True,
                            },
                            {
                                "title": "কর্মপরিকল্পনার কাজ সম্পন্ন",
                                "unit": "percent",
                                "weight": "20",
                                "targets": ["100", "90", "80", "70", "60"],
                                "metric": "plans.items_done_percent",
                            },
                        ],
                    }
                ],
            },
            {
                "title": "সেবা সহজীকরণ",
                "weight": "70",
                "activities": [
                    {
                        "title": "সেবা সহজীকরণ ও বাস্তবায়ন",
                        "indicators": [
                            {
                                "title": "সহজীকৃত সেবা",
                                "unit": "number",
                                "weight": "70",
                                "targets": ["5", "4", "3", "2", "1"],
                            }
                        ],
                    }
                ],
            },
        ]
    }


@transaction.atomic
def generate(year: int, *, seed: int = 1, share: float = 0.6) -> dict[str, int]:
    """Issue the year's district and upazila frameworks (when none is) and enter a
    figure for ``share`` of the offices; returns counts."""
    rng = random.Random(seed)
    cabinet = Office.objects.get(level=Office.Level.CABINET)
    counts = {"frameworks": 0, "figures": 0}
    for level in ("district", "upazila"):
        framework = framework_in_force(level, year)
        if framework is None:
            framework = services.framework_create(
                issued_by=cabinet,
                year=year,
                level=level,
                effective_from=dt.date(year, 7, 1),
                spec=standard_spec(year),
                actor=None,
            )
            services.framework_issue(framework=framework, actor=None)
            counts["frameworks"] += 1
        counts["figures"] += _figures(framework, rng, share)
    return counts


def _figures(framework: Framework, rng: random.Random, share: float) -> int:
    entered = Indicator.objects.filter(
        activity__objective__framework=framework, metric_key=""
    ).first()
    if entered is None:
        return 0
    offices = Office.objects.filter(level=framework.level, is_active=True).only("id")
    rows = [
        EnteredFigure(
            office=o,
            indicator=entered,
            value=str(rng.randint(0, 6)),
            evidence_note="অফিস আদেশ",
        )
        for o in offices
        if rng.random() < share
    ]
    EnteredFigure.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)
