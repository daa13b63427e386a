"""A mock loop as stored: the planned rounds, their clocks, the scorecards and what the committee hears."""

from __future__ import annotations

import secrets
import uuid
from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from pmprep.committee import InformalInput, Recommendation, Scorecard, Source


class MockLoop(models.Model):
    """One run of a track's whole loop ("Run my loop")."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mock_loops")
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    track = models.CharField(max_length=40)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created", "-id"]

    def __str__(self) -> str:
        return f"{self.track} loop of {self.created:%Y-%m-%d}"


class LoopRound(models.Model):
    """One round of a loop, with a clock that can be paused: ``elapsed`` holds the seconds of
    finished stretches and ``running_since`` the start of the current one (None when not running)."""

    PLANNED, RUNNING, PAUSED, DONE = "planned", "running", "paused", "done"
    STATUSES = [(PLANNED, "Not started"), (RUNNING, "Running"), (PAUSED, "Paused"), (DONE, "Done")]

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="loop_rounds")
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    loop = models.ForeignKey(MockLoop, on_delete=models.CASCADE, related_name="rounds")
    round_id = models.CharField(max_length=80)
    order = models.PositiveSmallIntegerField()
    minutes = models.PositiveSmallIntegerField()
    question_ids = models.JSONField(default=list)
    is_case = models.BooleanField(default=False)
    talk_minutes = models.PositiveSmallIntegerField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=STATUSES, default=PLANNED)
    elapsed = models.PositiveIntegerField(default=0)
    running_since = models.DateTimeField(null=True, blank=True)
    started = models.DateTimeField(null=True, blank=True)
    finished = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["loop", "order"]

    def seconds_used(self, now: datetime | None = None) -> int:
        running = 0
        if self.running_since is not None:
            running = max(0, int(((now or timezone.now()) - self.running_since).total_seconds()))
        return self.elapsed + running

    def start(self, now: datetime) -> None:
        if self.status in (self.PLANNED, self.PAUSED):
            self.status = self.RUNNING
            self.running_since = now
            self.started = self.started or now

    def pause(self, now: datetime) -> None:
        if self.status == self.RUNNING:
            self.elapsed = self.seconds_used(now)
            self.running_since = None
            self.status = self.PAUSED

    def finish(self, now: datetime) -> None:
        self.elapsed = self.seconds_used(now)
        self.running_since = None
        self.status = self.DONE
        self.finished = now


REFERRAL_ROUND = "referral"
# A round has one rater of each of these: pmprep's analysis and the candidate. Peers are many (one per
# link, which the link's own state guards), and referrals belong to the loop, not to a round.
ONE_PER_ROUND = (Source.AUTOMATIC.value, Source.SELF.value)


class RoundScorecard(models.Model):
    """A documented scorecard for a round, as stored; ``as_scorecard`` gives the committee's value.

    A formal referral is documented feedback on the loop as a whole, so it has no round."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="round_scorecards")
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    loop = models.ForeignKey(MockLoop, on_delete=models.CASCADE, related_name="scorecards")
    loop_round = models.ForeignKey(
        LoopRound, null=True, blank=True, on_delete=models.CASCADE, related_name="scorecards"
    )
    source = models.CharField(max_length=10, choices=[(s.value, s.value) for s in Source])
    rater = models.CharField(max_length=80)
    ratings = models.JSONField(default=dict)
    evidence = models.JSONField(default=dict)
    recommendation = models.PositiveSmallIntegerField(choices=[(r.value, r.label) for r in Recommendation])
    summary = models.TextField(blank=True, default="")
    trade_offs_quantified = models.BooleanField(null=True, blank=True)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created", "id"]
        constraints = [
            # Two saves racing past the view's "already scored?" check must not leave two cards.
            models.UniqueConstraint(
                fields=["loop_round", "source"],
                condition=models.Q(source__in=ONE_PER_ROUND),
                name="one_automatic_and_one_self_scorecard_per_round",
            ),
        ]

    def clean(self) -> None:
        # The core's rules (ratings 1–4, evidence for every rating, …) hold for stored scorecards too,
        # including imported ones.
        try:
            self.as_scorecard()
        except (ValueError, TypeError) as exc:
            raise ValidationError(str(exc)) from None

    def as_scorecard(self) -> Scorecard:
        round_id = self.loop_round.round_id if self.loop_round is not None else REFERRAL_ROUND
        return Scorecard(
            round_id=round_id,
            source=Source(self.source),
            rater=self.rater,
            ratings=self.ratings,
            recommendation=Recommendation(self.recommendation),
            evidence=self.evidence,
            summary=self.summary,
            trade_offs_quantified=self.trade_offs_quantified,
        )

    @property
    def recommendation_label(self) -> str:
        return Recommendation(self.recommendation).label


class InformalNote(models.Model):
    """Something heard outside the loop's scorecards (a chat, a verbal referral): shown, never weighed."""

    KINDS = [
        ("chat", "A chat or coffee conversation"),
        ("verbal_referral", "A verbal referral"),
        ("praise", "Praise or an encouraging message"),
        ("other", "Something else"),
    ]

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="informal_notes")
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    loop = models.ForeignKey(MockLoop, on_delete=models.CASCADE, related_name="informal_notes")
    kind = models.CharField(max_length=20, choices=KINDS)
    who = models.CharField(max_length=80)
    note = models.TextField(max_length=2000)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created", "id"]

    def as_input(self) -> InformalInput:
        return InformalInput(kind=self.get_kind_display(), who=self.who, note=self.note)


def new_token() -> str:
    return secrets.token_urlsafe(32)


class PeerLinkQuerySet(models.QuerySet["PeerLink"]):
    def by_token(self, token: str) -> PeerLink | None:
        return self.select_related("loop_round", "loop_round__loop").filter(token=token).first()


class PeerLink(models.Model):
    """A private link that lets one peer, with no account, interview the user for one round and
    leave one scorecard. It expires, can be revoked, and is spent once the scorecard is in."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="peer_links")
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    loop_round = models.ForeignKey(LoopRound, on_delete=models.CASCADE, related_name="peer_links")
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    expires = models.DateTimeField()
    revoked = models.DateTimeField(null=True, blank=True)
    used = models.DateTimeField(null=True, blank=True)
    scorecard = models.ForeignKey(RoundScorecard, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created = models.DateTimeField(default=timezone.now)

    objects = PeerLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-id"]

    def state(self, now: datetime | None = None) -> str:
        """ "open", or why the link no longer works: "revoked", "used" or "expired"."""
        if self.revoked is not None:
            return "revoked"
        if self.used is not None:
            return "used"
        if (now or timezone.now()) >= self.expires:
            return "expired"
        return "open"
