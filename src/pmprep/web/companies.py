"""Each request is served as the company its user prepares for (their profile's choice), or the default."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from pmprep.config import companies, using_company


class CompanyMiddleware:
    """Serve the request as the signed-in user's company: the bank, the loop, the rubric names and the
    analyzer's bank lookups all come from that company's folder. A company folder no longer served
    (or none chosen) falls back to the default."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        chosen = getattr(user, "company", "") if user is not None and user.is_authenticated else ""
        with using_company(chosen if chosen in companies() else None):
            return self.get_response(request)
