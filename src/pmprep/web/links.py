"""Links a user hands to someone else (a peer interviewer's page, the calendar feed), absolute and working
from another computer.

Built on ``PMPREP_PUBLIC_URL`` when it is set; otherwise on the scheme and host the request came in on, which
is right when pmprep was opened at an address others can reach, and wrong on 127.0.0.1 (see :func:`local_only`).
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest


def absolute_url(request: HttpRequest, path: str) -> str:
    """``path`` (from ``reverse``) as a full link: on the public URL when there is one, else on this request's host."""
    base = settings.PMPREP_PUBLIC_URL
    return f"{base}{path}" if base else request.build_absolute_uri(path)


def local_only(url: str) -> bool:
    """Whether ``url`` points at this computer only (localhost, 127.x, ::1), so nobody else can open it."""
    host = urlsplit(url).hostname or ""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
