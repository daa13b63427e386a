"""The export document: its sections, and one user's data written out as plain JSON values.

The document is complete (every user-owned table is a section, and a test holds that no owned
model is left out) and keeps each record's `uid` and timestamps, so an import into an empty
instance reproduces the data exactly. Not exported: passwords, a peer link's secret and a plan's
calendar-feed token (an imported link or feed gets a new address). A recording's audio is written as
base64 in pieces of at most ``AUDIO_CHUNK`` bytes (so no one JSON value is large), or left out with the
rest of the recordings when the export is made without them.
"""

from __future__ import annotations

import base64
import json
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db import models
from django.utils import timezone

from pmprep import __version__
from pmprep.web.accounts.models import User
from pmprep.web.bank.models import Bookmark
from pmprep.web.cases.models import CaseDeck
from pmprep.web.debrief.models import RealExchange, RealRound
from pmprep.web.interview_week.models import AskedQuestion, InterviewerName, PortfolioSwap
from pmprep.web.loops.models import InformalNote, LoopRound, MockLoop, PeerLink, RoundScorecard
from pmprep.web.outreach.models import Contact
from pmprep.web.plans.models import SelfCheckAnswers, StudyPlan
from pmprep.web.practice.models import Attempt, Draft, ReviewCard
from pmprep.web.speech.models import Recording
from pmprep.web.stories.models import Story

AUDIO_CHUNK = 768 * 1024  # bytes of audio in one base64 string of the export (1 MB once encoded)
FORMAT = "pmprep-export"
VERSION = 1
ACCOUNT_FIELDS = ("username", "email", "first_name", "last_name", "company", "track", "interview_date", "date_joined")
# Written since accounts chose a company; an older export has none, and imports as the company served.
LATER_ACCOUNT_FIELDS = frozenset({"company"})


@dataclass(frozen=True)
class Section:
    """One user-owned table in the export: its key in the document and the fields it carries."""

    name: str
    model: type[models.Model]
    fields: tuple[str, ...]
    # Fields that identify a record for the same user besides its uid (a unique constraint):
    # when both sides have one, the newer (by `newest`) is kept. ("user",) means one per account.
    natural_key: tuple[str, ...] = ()
    newest: str = ""
    # Foreign keys to the user's own records (of this or an earlier section), written as their uid.
    references: tuple[str, ...] = ()
    # Fields added after version 1 was first written: a file without them still imports, with the
    # model's default.
    later: tuple[str, ...] = ()


# In an order where every reference points at an earlier section (or earlier in the same one).
SECTIONS: tuple[Section, ...] = (
    Section("mock_loops", MockLoop, ("uid", "track", "created")),
    Section(
        "loop_rounds",
        LoopRound,
        (
            "uid",
            "loop",
            "round_id",
            "order",
            "minutes",
            "question_ids",
            "is_case",
            "talk_minutes",
            "status",
            "elapsed",
            "running_since",
            "started",
            "finished",
        ),
        references=("loop",),
    ),
    Section(
        "attempts",
        Attempt,
        (
            "uid",
            "question_id",
            "question_text",
            "question_type",
            "answer",
            "seconds_budget",
            "seconds_taken",
            "score",
            "level",
            "feedback",
            "parent",
            "probe",
            "probe_criterion",
            "self_ratings",
            "created",
            "loop_round",
        ),
        references=("parent", "loop_round"),
        later=("loop_round",),
    ),
    Section(
        "drafts",
        Draft,
        ("uid", "question_id", "question_text", "answer", "seconds_taken", "revision", "updated"),
        natural_key=("question_id",),
        newest="updated",
    ),
    # One bookmark per bank question: the newer is kept.
    Section("bookmarks", Bookmark, ("uid", "question_id", "created"), natural_key=("question_id",), newest="created"),
    Section(
        "review_cards",
        ReviewCard,
        ("uid", "kind", "key", "card", "due", "reviews", "card_before", "last_attempt", "created"),
        natural_key=("kind", "key"),
        newest="due",
        references=("last_attempt",),
    ),
    Section(
        "round_scorecards",
        RoundScorecard,
        (
            "uid",
            "loop",
            "loop_round",
            "source",
            "rater",
            "ratings",
            "evidence",
            "recommendation",
            "summary",
            "trade_offs_quantified",
            "created",
        ),
        references=("loop", "loop_round"),
    ),
    Section("informal_notes", InformalNote, ("uid", "loop", "kind", "who", "note", "created"), references=("loop",)),
    # A link's secret is not exported: an imported link gets a new one (the old address pointed at
    # another server anyway).
    Section(
        "peer_links",
        PeerLink,
        ("uid", "loop_round", "expires", "revoked", "used", "scorecard", "created"),
        references=("loop_round", "scorecard"),
    ),
    Section(
        "stories",
        Story,
        (
            "uid",
            "title",
            "situation",
            "task",
            "action",
            "result",
            "reflection",
            "notes",
            "tags",
            "kinds",
            "competencies",
            "created",
            "updated",
        ),
    ),
    Section("case_decks", CaseDeck, ("uid", "title", "prompt", "question_id", "sections", "created", "updated")),
    Section(
        "contacts", Contact, ("uid", "name", "role", "channel", "met_on", "question", "learned", "round_id", "created")
    ),
    # A real round keeps no speaker names: only what the user typed and the exchanges confirmed.
    Section(
        "real_rounds",
        RealRound,
        (
            "uid",
            "round_id",
            "round_name",
            "held_on",
            "interviewer_role",
            "self_ratings",
            "went_well",
            "surprised",
            "source",
            "outcome",
            "created",
        ),
    ),
    Section(
        "real_exchanges",
        RealExchange,
        (
            "uid",
            "real_round",
            "order",
            "question",
            "answer",
            "question_type",
            "competencies",
            "level",
            "score",
            "feedback",
            "fillers",
            "rambling",
        ),
        references=("real_round",),
    ),
    # One plan and one self-check per account: the newer one is kept. The feed token is not exported.
    Section(
        "plans",
        StudyPlan,
        ("uid", "track", "hours_per_week", "interview_date", "data", "created", "updated"),
        natural_key=("user",),
        newest="updated",
    ),
    # Spoken answers: the audio (16 kHz mono WAV, in base64 pieces) and what pmprep heard in it.
    Section(
        "recordings",
        Recording,
        (
            "uid",
            "question_id",
            "question_text",
            "seconds_budget",
            "loop_round",
            "reply_to",
            "probe",
            "follows",
            "probe_criterion",
            "wav",
            "size_bytes",
            "duration_s",
            "heard",
            "attempt",
            "created",
        ),
        references=("loop_round", "reply_to", "follows", "attempt"),
    ),
    Section(
        "self_checks",
        SelfCheckAnswers,
        ("uid", "goal", "industry", "has_plan", "updated"),
        natural_key=("user",),
        newest="updated",
    ),
    # Interview week: a loop's swaps (their stories by uid), interviewer names and questions to ask. An
    # empty loop is the real loop of the track.
    Section(
        "portfolio_swaps",
        PortfolioSwap,
        ("uid", "loop", "track", "round_id", "interviewer_key", "story", "replaces", "created"),
        references=("loop", "story", "replaces"),
    ),
    Section(
        "interviewer_names", InterviewerName, ("uid", "loop", "track", "slot", "name", "updated"), references=("loop",)
    ),
    Section(
        "asked_questions",
        AskedQuestion,
        ("uid", "loop", "track", "round_id", "text", "shipped", "position", "created"),
        references=("loop",),
    ),
)
BY_NAME = {section.name: section for section in SECTIONS}


def _plain(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, (bytes, memoryview)):
        data = bytes(value)
        return [base64.b64encode(data[i : i + AUDIO_CHUNK]).decode("ascii") for i in range(0, len(data), AUDIO_CHUNK)]
    return value


def export_user(user: User, now: datetime | None = None, *, recordings: bool = True) -> dict[str, Any]:
    """Everything `user` owns, as plain JSON values (without the recordings when ``recordings`` is False)."""
    data: dict[str, list[dict[str, Any]]] = {}
    for section in SECTIONS:
        if section.model is Recording and not recordings:
            data[section.name] = []
            continue
        columns = [f"{f}__uid" if f in section.references else f for f in section.fields]
        rows = section.model._default_manager.filter(user=user).order_by("pk").values(*columns)
        data[section.name] = [{k.removesuffix("__uid"): _plain(v) for k, v in row.items()} for row in rows]
    return {
        "format": FORMAT,
        "version": VERSION,
        "pmprep": __version__,
        "exported_at": (now or timezone.now()).isoformat(),
        "account": {name: _plain(getattr(user, name)) for name in ACCOUNT_FIELDS},
        "data": data,
    }


def dumps(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def owned_models() -> list[type[models.Model]]:
    """Every model with a foreign key to the user: each must be a section of the export."""
    from django.apps import apps

    found = []
    for model in apps.get_models():
        if model.__module__.startswith("pmprep.") and any(
            isinstance(f, models.ForeignKey) and f.related_model is User for f in model._meta.fields
        ):
            found.append(model)
    return found
