from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models


class User(AbstractUser):
    """A candidate (or coach). Every user-owned row in pmprep points here."""

    # A track id from the catalog ("early_in" / "experienced"); blank until the user picks one.
    track = models.CharField(max_length=40, blank=True, default="")
    interview_date = models.DateField(null=True, blank=True)

    class Meta:
        db_table = "pmprep_user"

    def has_track(self) -> bool:
        return bool(self.track)
