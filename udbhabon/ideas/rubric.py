"""The review rubric an office starts with (impact, feasibility, cost, replicability).

The system administrator changes the rubric in the admin (ideas.Criterion);
this list seeds it (migration 0003) and restores it in tests that flush the
database (`ensure_default_criteria`).
"""

from __future__ import annotations

DEFAULT_CRITERIA = [
    (
        "impact",
        "নাগরিকের উপর প্রভাব",
        "Impact on citizens",
        "সময়, খরচ ও যাতায়াত কতটা কমবে, কতজন উপকৃত হবেন",
        "How much time, cost and visits it saves, and for how many people",
        2,
    ),
    (
        "feasibility",
        "বাস্তবায়নযোগ্যতা",
        "Feasibility",
        "বিদ্যমান জনবল, বিধি ও প্রযুক্তিতে করা যায় কি না",
        "Can it be done with today's staff, rules and technology",
        1,
    ),
    (
        "cost",
        "ব্যয় সাশ্রয়িতা",
        "Cost",
        "কম খরচে বাস্তবায়ন করা গেলে বেশি নম্বর",
        "Higher for ideas that cost little to carry out",
        1,
    ),
    (
        "replicability",
        "প্রতিস্থাপনযোগ্যতা",
        "Replicability",
        "অন্য দপ্তরে সহজে অনুকরণ করা যায় কি না",
        "Can other offices copy it easily",
        1,
    ),
]


def ensure_default_criteria() -> None:
    """Create the default rubric when no criterion exists (idempotent)."""
    from udbhabon.ideas.models import Criterion

    if Criterion.objects.exists():
        return
    for order, (code, name_bn, name_en, help_bn, help_en, weight) in enumerate(DEFAULT_CRITERIA):
        Criterion.objects.create(
            code=code,
            name_bn=name_bn,
            name_en=name_en,
            help_bn=help_bn,
            help_en=help_en,
            weight=weight,
            order=order,
        )
