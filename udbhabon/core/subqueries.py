"""Counting related rows as a correlated subquery.

`count_of(Participant.objects.filter(event=OuterRef("pk")))` annotates each row with
how many related rows it has. Unlike ``annotate(Count("participants"))`` it needs no
join grouped over the whole result: PostgreSQL computes it for the rows a page keeps
(after ORDER BY … LIMIT), and the page's COUNT(*) stays a plain count.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Func, IntegerField, QuerySet, Subquery


def count_of(related: QuerySet[Any]) -> Subquery:
    # COUNT(*) as a plain function, not an aggregate: Django adds no GROUP BY, so the
    # subquery answers one row (0 when there is none), and PostgreSQL may count from
    # an index alone.
    counted = related.order_by().annotate(n=Func(template="COUNT(*)", output_field=IntegerField()))
    return Subquery(counted.values("n"), output_field=IntegerField())
