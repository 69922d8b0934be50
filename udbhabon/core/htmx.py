from django.http import HttpRequest


def is_htmx(request: HttpRequest) -> bool:
    """True for htmx's partial requests (not for boosted full-page loads)."""
    return (
        request.headers.get("HX-Request") == "true" and request.headers.get("HX-Boosted") != "true"
    )
