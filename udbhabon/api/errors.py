"""The API's one error shape, in the requester's language (Accept-Language; bn by default).

{"error": {"code": "stale", "message": "…", "fields": {"percent": ["…"]}}}
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as InputError

from udbhabon.core.errors import error_text
from udbhabon.core.versioning import StaleRecord


class ErrorBody(Schema):
    code: str
    message: str
    fields: dict[str, list[str]] = {}


class ErrorOut(Schema):
    error: ErrorBody


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, fields: Any = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.fields = status, code, message, fields or {}


def not_modified(tag: str) -> ApiError:
    return ApiError(304, "not_modified", tag)


def _body(code: str, message: str, fields: dict[str, list[str]] | None = None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "fields": fields or {}}}


def _input_fields(exc: InputError) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {}
    for err in exc.errors:
        loc = [str(p) for p in err.get("loc", ()) if p not in ("body", "query", "path", "payload")]
        fields.setdefault(".".join(loc) or "_", []).append(str(err.get("msg", "")))
    return fields


def install(api: NinjaAPI) -> None:
    """Every failure the API can meet, answered in the one shape."""

    def answer(request: HttpRequest, status: int, body: dict[str, Any]) -> HttpResponse:
        return api.create_response(request, body, status=status)

    @api.exception_handler(ApiError)
    def api_error(request: HttpRequest, exc: ApiError) -> HttpResponse:
        if exc.status == 304:
            response = HttpResponse(status=304)
            response["ETag"] = exc.message
            return response
        return answer(request, exc.status, _body(exc.code, exc.message, exc.fields))

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request: HttpRequest, exc: Exception) -> HttpResponse:
        message = _("A valid API token is needed: send it as “Authorization: Bearer <token>”.")
        response = answer(request, 401, _body("unauthenticated", message))
        response["WWW-Authenticate"] = "Bearer"
        return response

    @api.exception_handler(PermissionDenied)
    def denied(request: HttpRequest, exc: Exception) -> HttpResponse:
        return answer(request, 403, _body("forbidden", _("This token may not do that.")))

    @api.exception_handler(Http404)
    def missing(request: HttpRequest, exc: Exception) -> HttpResponse:
        return answer(request, 404, _body("not_found", _("Nothing was found here.")))

    @api.exception_handler(StaleRecord)
    def stale(request: HttpRequest, exc: StaleRecord) -> HttpResponse:
        message = _("The record was changed since you read it. Read it again and retry.")
        return answer(request, 412, _body("stale", message))

    @api.exception_handler(ValidationError)
    def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        fields = exc.message_dict if hasattr(exc, "error_dict") else {}
        code = getattr(exc, "code", None) or "invalid"
        return answer(request, 400, _body(code, error_text(exc), fields))

    @api.exception_handler(InputError)
    def bad_input(request: HttpRequest, exc: InputError) -> HttpResponse:
        message = _("The request is not valid: see the fields.")
        return answer(request, 400, _body("invalid", message, _input_fields(exc)))

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        return answer(request, exc.status_code, _body("error", str(exc)))


ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 429: ErrorOut}
WRITE_ERRORS = {**ERRORS, 412: ErrorOut}
