"""The report page: rows with their category spans and comments."""

from __future__ import annotations

from collections import defaultdict

from udbhabon.plans.models import (
    ProgressReport,
    ReportItem,
    ReviewComment,
)


def report_page_rows(report: ProgressReport) -> list[tuple[ReportItem, int, list[ReviewComment]]]:
    """Rows with their category rowspan and comments. Two queries."""
    rows = list(report.items.select_related("category").order_by("position", "id"))
    comments: dict[int | None, list[ReviewComment]] = defaultdict(list)
    for c in ReviewComment.objects.filter(report=report).select_related("author_post__office"):
        comments[c.report_item_id].append(c)
    out: list[tuple[ReportItem, int, list[ReviewComment]]] = []
    spans: list[int] = []
    head = -1
    for i, row in enumerate(rows):
        text = row.category_display
        if head >= 0 and text and text == rows[head].category_display:
            spans[head] += 1
            spans.append(0)
        else:
            head = i
            spans.append(1)
    for row, span in zip(rows, spans, strict=True):
        out.append((row, span, comments.get(row.pk, [])))
    return out


def report_comments(report: ProgressReport) -> list[ReviewComment]:
    return list(
        ReviewComment.objects.filter(report=report, report_item__isnull=True).select_related(
            "author_post__office"
        )
    )
