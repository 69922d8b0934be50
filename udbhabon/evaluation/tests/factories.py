"""A district framework in the APA layout, shaped like the issue's example row, and
helpers to issue it; shared by the app's tests and the permission matrix."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

from udbhabon.evaluation import services
from udbhabon.evaluation.models import Framework
from udbhabon.offices.models import Office

YEAR = 2017

SPEC: dict[str, Any] = {
    "objectives": [
        {
            "title": "উদ্ভাবন কর্মপরিকল্পনা প্রণয়ন",
            "weight": "7",
            "activities": [
                {
                    "title": "বার্ষিক উদ্ভাবন কর্মপরিকল্পনা প্রণয়ন",
                    "indicators": [
                        {
                            "title": "কর্মপরিকল্পনা প্রণীত",
                            "unit": "date",
                            "weight": "4",
                            "targets": [
                                "৩১-০৭-২০১৭",
                                "১৪-০৮-২০১৭",
                                "২৮-০৮-২০১৭",
                                "১১-০৯-২০১৭",
                                "২৫-০৯-২০১৭",
                            ],
                            "metric": "plans.plan_accepted_on",
                            "mandatory": True,
                        },
                        {
                            "title": "কর্মপরিকল্পনার কাজ সম্পন্ন",
                            "unit": "percent",
                            "weight": "3",
                            "targets": ["১০০", "৯০", "৮০", "৭০", "৬০"],
                            "metric": "plans.items_done_percent",
                        },
                    ],
                }
            ],
        },
        {
            "title": "উদ্ভাবনী উদ্যোগ বাস্তবায়ন",
            "weight": "93",
            "activities": [
                {
                    "title": "সেবা সহজীকরণ",
                    "indicators": [
                        {
                            "title": "সহজীকৃত সেবা",
                            "unit": "number",
                            "weight": "93",
                            "targets": ["৫", "৪", "৩", "২", "১"],
                        }
                    ],
                }
            ],
        },
    ]
}


def spec() -> dict[str, Any]:
    return copy.deepcopy(SPEC)


def cabinet() -> Office:
    return Office.objects.get(level=Office.Level.CABINET)


def issued_framework(level: str = "district", *, share: int = 0) -> Framework:
    framework = services.framework_create(
        issued_by=cabinet(),
        year=YEAR,
        level=level,
        effective_from=dt.date(2017, 7, 1),
        spec=spec(),
        actor=None,
        division_share=share,
    )
    return services.framework_issue(framework=framework, actor=None)
