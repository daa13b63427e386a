"""Keep private pages out of every cache: the browser's disk, a shared proxy, the back button.

Every response is ``Cache-Control: private, no-store`` unless an anonymous visitor asked for a
page of shared catalog content. Private is the default, so a new page is covered the day it is
added; token pages (peer links, calendar feeds), downloads, the APIs (they echo the answer sent)
and sign-up/login (they carry a CSRF token) stay private too. Static assets are answered by
WhiteNoise before this middleware and keep their own caching.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

PRIVATE = "private, no-store"
PUBLIC_FOR_ANONYMOUS = frozenset(
    {
        "home",
        "health",
        "bank:loop_index",
        "bank:loop",
        "bank:questions",
        "bank:question",
        "bank:primers",
        "bank:primer",
    }
)


class PrivatePagesMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        match = request.resolver_match
        public = match is not None and match.view_name in PUBLIC_FOR_ANONYMOUS and not request.user.is_authenticated
        if not public:
            response["Cache-Control"] = PRIVATE
        return response
