"""Per-address limits on what anyone can call without an account: the JSON APIs and sign-up.

django-ratelimit counts each address's POSTs in the cache, keyed by REMOTE_ADDR. Behind a proxy,
`pmprep serve` has waitress set REMOTE_ADDR from the forwarded address only when the request comes
from PMPREP_TRUSTED_PROXY, so a client cannot choose its own counter by sending a header.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django_ratelimit.core import get_usage

from pmprep.config import RATE

View = Callable[..., HttpResponse]
Refusal = Callable[[HttpRequest, str, int], HttpResponse]
UNITS = {"s": "second", "m": "minute", "h": "hour", "d": "day"}


def describe(rate: str) -> str:
    """``30/m`` → "30 a minute"; ``10/5m`` → "10 per 5 minutes"."""
    found = RATE.fullmatch(rate)
    assert found is not None, rate  # the settings accept only rates that match
    unit = UNITS[found["unit"]]
    if found["multiple"] and int(found["multiple"]) > 1:
        return f"{found['count']} per {int(found['multiple'])} {unit}s"
    return f"{found['count']} {'an' if unit == 'hour' else 'a'} {unit}"


def wait_words(seconds: int) -> str:
    if seconds < 60:
        return f"{seconds} second{'' if seconds == 1 else 's'}"
    minutes = -(-seconds // 60)
    return f"{minutes} minute{'' if minutes == 1 else 's'}"


def throttled(setting: str, refuse: Refusal) -> Callable[[View], View]:
    """Count the view's POSTs per address against the rate in ``settings.<setting>`` (None: no limit)."""

    def decorate(view: View) -> View:
        @wraps(view)
        def limited(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            rate = getattr(settings, setting)
            if rate is not None:
                usage = get_usage(request, group=setting, key="ip", rate=rate, method="POST", increment=True)
                if usage is not None and usage["should_limit"]:
                    # The window still holds the second it ends at (time_left 0), so the
                    # count resets one second later; time_left is -1 when the cache failed.
                    wait = max(1, usage["time_left"] + 1)
                    response = refuse(request, rate, wait)
                    response["Retry-After"] = str(wait)
                    return response
            return view(request, *args, **kwargs)

        return limited

    return decorate


def _api_refusal(request: HttpRequest, rate: str, wait: int) -> HttpResponse:
    # The shape of every API error (pmprep.web.practice.api.json_error), which imports this module.
    return JsonResponse(
        {
            "error": f"Too many requests from your address: the API answers {describe(rate)}. "
            f"Try again in {wait_words(wait)}.",
            "fields": {},
        },
        status=429,
    )


def _signup_refusal(request: HttpRequest, rate: str, wait: int) -> HttpResponse:
    return render(
        request, "registration/throttled.html", {"rate": describe(rate), "wait": wait_words(wait)}, status=429
    )


api_throttle = throttled("PMPREP_API_RATE", _api_refusal)
signup_throttle = throttled("PMPREP_SIGNUP_RATE", _signup_refusal)
