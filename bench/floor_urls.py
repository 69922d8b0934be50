"""The site's URLs plus /bench/floor/, a view that does no work (the load test's floor).

It passes everything a page passes — the whole middleware, the session, the
signed-in user and the acting post — and returns a few bytes, so the CPU a page
costs can be stated as a multiple of what any request costs here.
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.urls import path

from config.urls import handler400
from config.urls import urlpatterns as site

__all__ = ["handler400", "urlpatterns"]


@login_required
def floor(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/floor/", floor, name="bench_floor"), *site]
