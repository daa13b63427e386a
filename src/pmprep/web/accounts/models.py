from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.crypto import salted_hmac


class User(AbstractUser):
    """A candidate (or coach). Every user-owned row in pmprep points here."""

    # The company folder the user prepares for (pmprep.config.companies); blank: the server's default.
    company = models.CharField(max_length=40, blank=True, default="")
    # A track id from that company's catalog ("early_in" / "experienced"); blank until the user picks one.
    track = models.CharField(max_length=40, blank=True, default="")
    interview_date = models.DateField(null=True, blank=True)

    class Meta:
        db_table = "pmprep_user"

    def has_track(self) -> bool:
        return bool(self.track)

    def draft_owner(self) -> str:
        """Marks this account's copies of drafts in a browser's storage, so another account on the same
        browser never gets them back. Stable across requests and sessions, different for every user,
        and, being an HMAC under the SECRET_KEY, it tells whoever reads the storage nothing."""
        return salted_hmac("pmprep.drafts.browser-copy-owner", str(self.pk), algorithm="sha256").hexdigest()[:32]


class DataVersion(models.Model):
    """How many times a user's data has changed: database triggers (``pmprep.web.data_version``) add one on
    every insert, update and delete of a row the user owns, so pages can cache what they work out from it.
    No foreign key: a user's rows are deleted before the user, and their triggers still write here."""

    user_id = models.BigIntegerField(primary_key=True)
    version = models.BigIntegerField(default=0)

    class Meta:
        db_table = "pmprep_data_version"
