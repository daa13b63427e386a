"""The request a signed-in page receives, for the type checker."""

from __future__ import annotations

from django.http import HttpRequest

from pmprep.web.accounts.models import User


class AuthenticatedRequest(HttpRequest):
    """What a ``@login_required`` view (and the helpers it passes its request to) receives: the user
    is signed in, so ``request.user`` is a :class:`User`, never ``AnonymousUser``."""

    user: User  # narrower than HttpRequest's User | AnonymousUser, on purpose
