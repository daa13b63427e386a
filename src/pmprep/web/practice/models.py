from __future__ import annotations

import uuid
from functools import cached_property

from django.conf import settings
from django.db import models
from django.utils import timezone

from pmprep.analysis.feedback import Feedback, Probe
from pmprep.analysis.follow_up import choose_follow_ups


class AttemptQuerySet(models.QuerySet):
    def of(self, user) -> AttemptQuerySet:
        return self.filter(user=user)

    def same_question(self, attempt: Attempt) -> AttemptQuerySet:
        if attempt.question_id:
            return self.filter(user=attempt.user, question_id=attempt.question_id)
        return self.filter(user=attempt.user, question_id="", question_text=attempt.question_text)


class Attempt(models.Model):
    """One typed answer to one question, with the analyzer's feedback as it was given."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attempts")
    # A stable identity that survives export and import (ids do not).
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    question_id = models.CharField(max_length=80, blank=True, default="")  # bank id; blank for an own question
    question_text = models.TextField()
    question_type = models.CharField(max_length=20)
    answer = models.TextField()
    seconds_budget = models.PositiveIntegerField(null=True, blank=True)
    seconds_taken = models.PositiveIntegerField(null=True, blank=True)
    score = models.FloatField()
    level = models.PositiveSmallIntegerField()
    feedback = models.JSONField()  # Feedback.to_dict(); read it typed through ``analysed``
    # A reply to a follow-up probe points at the attempt it follows; its feedback judges the exchange.
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="follow_ups")
    probe = models.TextField(blank=True, default="")
    probe_criterion = models.CharField(max_length=40, blank=True, default="")
    # An answer given inside a mock loop's round (None for a drill).
    loop_round = models.ForeignKey(
        "loops.LoopRound", null=True, blank=True, on_delete=models.SET_NULL, related_name="attempts"
    )
    # The user's own rating per criterion id (1–4), given after reading the rubric anchors.
    self_ratings = models.JSONField(default=dict, blank=True)
    # A default, not auto_now_add, so an import can restore the original time.
    created = models.DateTimeField(default=timezone.now)

    objects = AttemptQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-id"]
        indexes = [models.Index(fields=["user", "question_id", "created"])]

    @cached_property
    def analysed(self) -> Feedback:
        """The analyzer's feedback as it was given, typed (stored feedback is upgraded on read as well as by
        migration, so an older export imported later reads the same)."""
        return Feedback.from_dict(self.feedback)

    def chain(self) -> list[Attempt]:
        """The conversation up to this attempt: the first answer, then each follow-up reply."""
        chain = [self]
        while chain[0].parent is not None:
            chain.insert(0, chain[0].parent)
        return chain

    def conversation(self) -> tuple[list[Attempt], list[Attempt], list[Probe]]:
        """The chain up to this attempt, the replies to it so far, and the probes still open."""
        chain = self.chain()
        replies = list(self.follow_ups.order_by("created", "id"))
        asked = [a.probe for a in chain[1:]] + [r.probe for r in replies]
        return chain, replies, choose_follow_ups(self.analysed, asked=asked)

    def previous(self) -> Attempt | None:
        return (
            Attempt.objects.same_question(self)
            .filter(created__lt=self.created)
            .exclude(pk=self.pk)
            .order_by("-created", "-id")
            .first()
        )


class Draft(models.Model):
    """The answer being typed, saved as the user types; one per user and question."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="drafts")
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    question_id = models.CharField(max_length=80, blank=True, default="")  # blank: the user's own question
    question_text = models.TextField(blank=True, default="")
    answer = models.TextField(blank=True, default="")
    seconds_taken = models.PositiveIntegerField(null=True, blank=True)
    revision = models.PositiveIntegerField(default=0)
    updated = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-updated", "-id"]
        constraints = [models.UniqueConstraint(fields=["user", "question_id"], name="one_draft_per_question")]


class ReviewCard(models.Model):
    """A practised item in the spaced-repetition queue, with its FSRS card (see pmprep.review)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="review_cards")
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(max_length=20, default="question")
    key = models.CharField(max_length=80)  # a question id (later: a story or card id)
    card = models.JSONField()
    due = models.DateTimeField(db_index=True)
    reviews = models.PositiveIntegerField(default=0)
    # The card as it was before the last review, and the attempt that made it, so a self-rating
    # given afterwards can redo that one review with the lower of the two ratings.
    card_before = models.JSONField(null=True, blank=True)
    last_attempt = models.ForeignKey(Attempt, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["due", "key"]
        constraints = [models.UniqueConstraint(fields=["user", "kind", "key"], name="one_card_per_item")]
