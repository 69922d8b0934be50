"""The NinjaAPI instance: version 1, token auth on every route unless it says auth=None."""

from __future__ import annotations

from ninja import NinjaAPI

from udbhabon.api import errors
from udbhabon.api.http import TokenAuth
from udbhabon.api.routes import (
    events,
    ideas,
    initiatives,
    meetings,
    offices,
    opendata,
    plans,
    reports,
    scores,
)

DESCRIPTION = """Udbhabon's data for offices' other systems.

**Access.** A personal API token, made by an officer on their profile page (API tokens), acts
for the officer's post: it sees that office and every office below it, exactly as the pages
do; a read-write token may record progress, follow up decisions and take an initiative's
next step. Send it as
`Authorization: Bearer <token>`. Ideas are sent and followed without a token.

**Open data** needs no token: the public impact ledger of any active office,
`GET /api/v1/open/ledger/{code}` (JSON) and `GET /api/v1/open/ledger/{code}/csv` (CSV),
`cabinet` for the whole country — the same files as the citizen portal's downloads, schema
version 1, with no personal data. The data are published under the Creative Commons
Attribution 4.0 International licence (CC BY 4.0,
https://creativecommons.org/licenses/by/4.0/): reuse them freely, naming Udbhabon as the
source. An office's plan calendar is an iCalendar feed,
`/plans/office/{code}/calendar.ics?key=…`, with the signed key of an officer's subscribe
link on the office's calendar page (not open data: it needs that key).

**Lists** take `cursor` and `limit` (at most 100) and answer `{"results": [...], "next": cursor}`;
`office` narrows to that office's subtree, with `year` and `status` (for initiatives and
events the fiscal year from 1 July; an initiative's status is its stage).

**Caching and concurrency.** Every GET answers an `ETag`; send it back as `If-None-Match` for
a `304`. A record's ETag starts with its version (`"v7.…"`): send it as `If-Match` on a
write, which is refused with `412` when someone saved the record since.

**Errors** have one shape, `{"error": {"code", "message", "fields"}}`, with the message in
the language of `Accept-Language` (Bengali unless English comes first).

**Rate limit.** Each token may make a number of requests a minute (600 by default);
beyond it, `429`. The routes without a token are limited per address.
"""

LICENSE = {
    "name": "CC BY 4.0 (Creative Commons Attribution 4.0 International)",
    "url": "https://creativecommons.org/licenses/by/4.0/",
}

api = NinjaAPI(
    title="Udbhabon API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api",
    auth=TokenAuth(),
    docs_url=None,
    openapi_url="/openapi.json",
    openapi_extra={"info": {"license": LICENSE}},
)
errors.install(api)
for module in (offices, plans, reports, meetings, initiatives, events, scores, ideas, opendata):
    api.add_router("", module.router)
