"""The rules one imported record must meet: the same as when the user typed it.

Each field is first read as its model field's type (text, a whole number, a date with its UTC
offset, …), then checked with the rules that govern it where it is entered: the form field that
takes it (lengths, ranges, choices, null characters), the core type it becomes (``Feedback`` for an
attempt's feedback, ``Scorecard``, ``Story``, ``Deck``, ``Plan``, an FSRS card) and the model's own
validation. Rules about several records at once (references, a peer scorecard and its link) are in
``import_check``.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import math
import uuid
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.utils import timezone
from fsrs import Card
from pydantic import TypeAdapter
from pydantic import ValidationError as ShapeError

from pmprep.analysis import Feedback
from pmprep.analysis.feedback import upgrade
from pmprep.committee import Source
from pmprep.config import active_catalog, company, default_company
from pmprep.web.accounts.models import User
from pmprep.web.debrief.forms import OutcomeForm, RoundForm
from pmprep.web.loops.forms import EVIDENCE_CHARS, InformalNoteForm, PeerLinkForm, ReferralForm, ScorecardForm
from pmprep.web.outreach.forms import ContactForm
from pmprep.web.plans.forms import PlanForm, SelfCheckForm
from pmprep.web.portability.export_format import (
    ACCOUNT_FIELDS,
    AUDIO_CHUNK,
    BY_NAME,
    LATER_ACCOUNT_FIELDS,
    Section,
)
from pmprep.web.portability.export_reader import describe
from pmprep.web.practice.forms import AnswerForm, DraftForm, FollowUpForm, SelfRatingForm
from pmprep.web.speech import hearing

# Every date in pmprep is from this century; far outside it, date arithmetic on pages overflows.
EARLIEST = dt.date(2000, 1, 1)
LATEST = dt.date(2199, 12, 31)
DATE_EXAMPLE = {
    models.DateTimeField: "a date and time with its UTC offset, such as 2026-10-05T09:30:00+00:00",
    models.DateField: "a date such as 2026-10-05",
}
REFERRAL = Source.REFERRAL.value
PEER = Source.PEER.value


@dataclass
class Checked:
    """A record that met every rule of its own: model field values and the uids it refers to."""

    values: dict[str, Any]
    refs: dict[str, uuid.UUID | None]

    @property
    def uid(self) -> uuid.UUID:
        return self.values["uid"]


@lru_cache(maxsize=1)
def _feedback_shape() -> TypeAdapter:
    return TypeAdapter(Feedback)


def _shape_problems(adapter: TypeAdapter, value: Any, name: str) -> list[str]:
    # JSON mode, strict: the value must already be what to_dict writes (no "3" for 3).
    try:
        adapter.validate_json(json.dumps(value, allow_nan=False), strict=True)
    except ShapeError as exc:
        return [
            f"{name}.{'.'.join(str(p) for p in e['loc'])}: {e['msg']}".replace(f"{name}.:", f"{name}:")
            for e in exc.errors()[:3]
        ]
    except ValueError:
        return [f"{name}: holds a number that is not finite"]
    return []


# The form field that takes each value where it is typed: its length, range, choices and
# null-character rules are the import's too.
FORM_FIELDS: dict[str, dict[str, forms.Field]] = {
    "attempts": {
        **{f: AnswerForm.base_fields[f] for f in ("question_text", "answer", "seconds_budget", "seconds_taken")},
        "probe": FollowUpForm.base_fields["probe"],
    },
    "drafts": dict(DraftForm.base_fields),
    "informal_notes": {f: InformalNoteForm.base_fields[f] for f in ("kind", "who", "note")},
    "contacts": {f: ContactForm.base_fields[f] for f in ("name", "role", "channel", "met_on", "question", "learned")},
    "plans": {"hours_per_week": PlanForm.base_fields["hours_per_week"]},
    "self_checks": {f: SelfCheckForm.base_fields[f] for f in ("goal", "industry")},
    "round_scorecards": {"summary": ScorecardForm.base_fields["summary"]},
    "recordings": {
        "question_text": AnswerForm.base_fields["question_text"],
        "seconds_budget": AnswerForm.base_fields["seconds_budget"],
        "probe": FollowUpForm.base_fields["probe"],
    },
    "real_rounds": {
        **{f: RoundForm.base_fields[f] for f in ("round_name", "interviewer_role", "went_well", "surprised")},
        "outcome": OutcomeForm.base_fields["outcome"],
    },
}
REFERRAL_FIELDS = {"rater": ReferralForm.base_fields["who"], "summary": ReferralForm.base_fields["summary"]}


def form_problem(field: forms.Field, value: Any) -> str | None:
    """The form field's verdict on ``value``, in the import's words."""
    try:
        field.clean(value)
    except ValidationError as exc:
        error = exc.error_list[0]
        params = error.params or {}
        if error.code == "max_length":
            return f"{params['show_value']:,} characters; the limit is {params['limit_value']:,}"
        if error.code == "null_characters_not_allowed":
            return "contains a null character"
        if error.code == "required":
            return "must not be empty"
        if error.code in ("min_value", "max_value"):
            word = "least" if error.code == "min_value" else "most"
            return f"{value!r} is out of range; it must be at {word} {params['limit_value']}"
        if error.code == "invalid_choice":
            return f"{json.dumps(value)[:60]} is not one of: {', '.join(str(c) for c, _ in field.choices if c)}"  # type: ignore[attr-defined]  # a ChoiceField
        return "; ".join(m.rstrip(".") for m in exc.messages)
    return None


def null_character_in(value: Any) -> bool:
    """Whether any text in a JSON value (keys included) holds U+0000, which PostgreSQL cannot store."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if "\x00" in item:
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def _date_value(f: models.Field, value: Any) -> Any:
    kind = models.DateTimeField if isinstance(f, models.DateTimeField) else models.DateField
    expected = f"expected {DATE_EXAMPLE[kind]}"
    if not isinstance(value, str):
        raise ValidationError(f"{expected} (found {describe(value)})")
    try:
        converted = f.to_python(value)
    except (ValidationError, ValueError, OverflowError):
        converted = None
    if converted is None:
        raise ValidationError(f"{expected} (found {json.dumps(value)[:60]})")
    if kind is models.DateTimeField and timezone.is_naive(converted):
        raise ValidationError(f"{expected}; this one has no UTC offset (found {json.dumps(value)[:60]})")
    day = converted.date() if isinstance(converted, dt.datetime) else converted
    if not EARLIEST <= day <= LATEST:
        raise ValidationError(f"{value[:40]} is outside the years {EARLIEST.year}–{LATEST.year}")
    return converted


def field_value(model: type[models.Model], name: str, value: Any) -> Any:
    """``value`` read as the model field's type, or ValidationError saying what was expected."""
    f = model._meta.get_field(name)
    if value is None:
        if not f.null:
            raise ValidationError("must not be null")
        return None
    if isinstance(f, models.JSONField):
        if null_character_in(value):
            raise ValidationError("contains a null character")
        return value
    if isinstance(f, (models.CharField, models.TextField)):
        if not isinstance(value, str):
            raise ValidationError(f"expected text (found {describe(value)})")
        if "\x00" in value:
            raise ValidationError("contains a null character")
        if f.max_length and len(value) > f.max_length:
            raise ValidationError(f"{len(value):,} characters; the limit is {f.max_length:,}")
        return value
    if isinstance(f, models.BooleanField):
        if not isinstance(value, bool):
            raise ValidationError(f"expected true or false (found {describe(value)})")
        return value
    if isinstance(f, (models.IntegerField, models.FloatField)):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValidationError(f"expected a number (found {json.dumps(value)[:60]})")
        if isinstance(value, float) and not math.isfinite(value):
            raise ValidationError("expected a finite number")
        if isinstance(f, models.IntegerField) and isinstance(value, float) and not value.is_integer():
            raise ValidationError(f"expected a whole number (found {value})")
        return int(value) if isinstance(f, models.IntegerField) else float(value)
    if isinstance(f, (models.DateTimeField, models.DateField)):
        return _date_value(f, value)
    if isinstance(f, models.BinaryField):
        return _audio_value(value)
    if isinstance(f, models.UUIDField):
        if not isinstance(value, str):
            raise ValidationError(
                f"expected a uid such as 0f8fad5b-d9cb-469f-a165-70867728950e (found {describe(value)})"
            )
        try:
            return uuid.UUID(value)
        except ValueError:
            raise ValidationError(
                f"expected a uid such as 0f8fad5b-d9cb-469f-a165-70867728950e (found {json.dumps(value)[:60]})"
            ) from None
    return f.to_python(value)  # type: ignore[union-attr]  # a model's own column, never a relation's reverse


def _audio_value(value: Any) -> bytes:
    """A recording's audio as the export writes it: a list of base64 strings, each of at most AUDIO_CHUNK bytes."""
    expected = f"expected the audio as a list of base64 strings of at most {AUDIO_CHUNK:,} bytes each"
    if not isinstance(value, list) or not all(isinstance(part, str) for part in value):
        raise ValidationError(f"{expected} (found {describe(value)})")
    data = bytearray()
    for n, part in enumerate(value):
        try:
            piece = base64.b64decode(part, validate=True)
        except (binascii.Error, ValueError):
            raise ValidationError(f"{expected}; piece {n} is not base64") from None
        if len(piece) > AUDIO_CHUNK:
            raise ValidationError(f"{expected}; piece {n} holds {len(piece):,}")
        data += piece
        if len(data) > hearing.MAX_SECONDS * hearing.KEPT_BYTES_PER_SECOND + 44:
            raise ValidationError(f"more audio than the {hearing.MAX_SECONDS // 60} minutes a recording can hold")
    return bytes(data)


def message(exc: ValidationError) -> str:
    return "; ".join(str(m).rstrip(".") for m in exc.messages)


def _latest_interview_date(today: dt.date) -> dt.date:
    from pmprep.plans.targets import latest_interview_date

    return latest_interview_date(today)


# ---------------------------------------------------------------- rules of one section


def _real_round_rules(v: dict[str, Any]) -> list[tuple[str, str]]:
    ratings = v.get("self_ratings")
    if "self_ratings" in v and not (
        isinstance(ratings, dict)
        and all(isinstance(k, str) and type(r) is int and 1 <= r <= 4 for k, r in ratings.items())
    ):
        return [("self_ratings", "expected criterion ids with ratings from 1 to 4")]
    return []


def _attempt_rules(v: dict[str, Any]) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    if "answer" in v and not v["answer"].strip():
        found.append(("answer", "must not be blank"))
    feedback = v.get("feedback")
    if "feedback" not in v:
        return found
    if not isinstance(feedback, dict):
        return [*found, ("feedback", f"expected pmprep's feedback object (found {describe(feedback)})")]
    try:
        # An export written before the feedback's current schema is read as the migration reads stored
        # feedback: upgraded, and kept upgraded.
        feedback = v["feedback"] = upgrade(feedback)
    except ValueError as exc:
        return [*found, ("feedback", str(exc))]
    extra = sorted(set(feedback) - set(Feedback.__dataclass_fields__))
    if extra:
        found.append(("feedback", f"{', '.join(extra)}: not part of pmprep's feedback"))
    found += [
        ("feedback", p.removeprefix("feedback: ").removeprefix("feedback."))
        for p in _shape_problems(_feedback_shape(), feedback, "feedback")
    ]
    if found:
        return found
    for name in ("score", "level", "question_type"):
        if name in v and v[name] != feedback[name]:
            found.append((name, f"{v[name]!r} differs from the feedback's {feedback[name]!r}"))
    ratings = v.get("self_ratings")
    if not isinstance(ratings, dict):
        found.append(("self_ratings", f"expected an object of criterion: rating (found {describe(ratings)})"))
    else:
        criteria = {c["id"]: c["name"] for c in feedback["criteria"]}
        choices = [value for value, _ in SelfRatingForm.CHOICES]
        for key, rating in ratings.items():
            if key not in criteria:
                found.append((f"self_ratings.{key}", "not a criterion of this attempt's feedback"))
            elif isinstance(rating, bool) or rating not in choices:
                found.append((f"self_ratings.{key}", f"{json.dumps(rating)[:20]} is not one of {choices}"))
    return found


def _real_exchange_rules(v: dict[str, Any]) -> list[tuple[str, str]]:
    """A real round's exchange: its feedback checked as an attempt's is (it has no self-ratings of its own)."""
    found = _attempt_rules({**v, "self_ratings": {}})
    if "question" in v and not str(v["question"]).strip():
        found.append(("question", "must not be blank"))
    return found


def _loop_round_rules(v: dict[str, Any]) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    catalog = active_catalog()
    if "round_id" in v and v["round_id"] not in catalog.rounds:
        found.append(("round_id", f"{v['round_id']!r} is not a round of this pmprep's content"))
    ids = v.get("question_ids")
    if not isinstance(ids, list) or not all(isinstance(q, str) and 0 < len(q) <= 80 for q in ids):
        found.append(("question_ids", "expected a list of question ids"))
    if "status" in v and "running_since" in v and (v["status"] == "running") != (v["running_since"] is not None):
        found.append(("running_since", "set when, and only when, the round's clock is running"))
    if v.get("minutes") == 0:
        found.append(("minutes", "a round lasts at least a minute"))
    return found


def _card_problem(card: Any) -> str | None:
    if not isinstance(card, dict):
        return f"expected an FSRS card object (found {describe(card)})"
    try:
        value = Card.from_dict(card)  # type: ignore[arg-type]  # unchecked data: from_dict's errors are the check
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        return f"not an FSRS card ({type(exc).__name__}: {str(exc)[:80]})"
    for moment in (value.due, value.last_review):
        if moment is not None and (moment.tzinfo is None or not EARLIEST <= moment.date() <= LATEST):
            return f"its date {moment.isoformat()[:40]} is not a date with its UTC offset from {EARLIEST.year} to {LATEST.year}"
    return None


def _review_card_rules(v: dict[str, Any]) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = [
        (name, problem)
        for name in ("card", "card_before")
        if name in v and (v[name] is not None or name == "card") and (problem := _card_problem(v[name]))
    ]
    if not found and "due" in v and "card" in v and dt.datetime.fromisoformat(v["card"]["due"]) != v["due"]:
        found.append(("due", "differs from the card's due date"))
    return found


def _scorecard_rules(v: dict[str, Any]) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for name in ("ratings", "evidence"):
        if name in v and not isinstance(v[name], dict):
            found.append((name, f"expected an object keyed by competency (found {describe(v[name])})"))
    if isinstance(v.get("evidence"), dict):
        for key, text in v["evidence"].items():
            if not isinstance(text, str):
                found.append((f"evidence.{key}", f"expected text (found {describe(text)})"))
            elif len(text) > EVIDENCE_CHARS:
                found.append((f"evidence.{key}", f"{len(text):,} characters; the limit is {EVIDENCE_CHARS:,}"))
    if v.get("source") == REFERRAL:
        found += [
            (name, p) for name, field in REFERRAL_FIELDS.items() if name in v and (p := form_problem(field, v[name]))
        ]
    return found


def _peer_link_rules(v: dict[str, Any]) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    longest = dt.timedelta(hours=max(hours for hours, _ in PeerLinkForm.LIFETIMES))
    created, expires = v.get("created"), v.get("expires")
    if created is None or expires is None:
        return found
    if not created < expires <= created + longest:
        found.append(
            (
                "expires",
                f"a link works for at most {longest.days * 24} hours after it is made (this one {expires - created})",
            )
        )
    for name in ("revoked", "used"):
        if v.get(name) is not None and not created <= v[name]:
            found.append((name, "before the link was made"))
    if v.get("used") is not None and v["used"] > expires:
        found.append(("used", "after the link expired"))
    return found


def _plan_rules(v: dict[str, Any], today: dt.date) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    if "track" in v and v["track"] not in active_catalog().tracks:
        found.append(("track", f"{v['track']!r} is not a track of this pmprep's content"))
    if v.get("interview_date") and v["interview_date"] > _latest_interview_date(today):
        found.append(("interview_date", f"{v['interview_date']} is more than two years ahead"))
    return found


def _bookmark_rules(v: dict[str, Any]) -> list[tuple[str, str]]:
    # A question the content no longer has is kept (as a draft's is): content can come back.
    if "question_id" in v and not v["question_id"].strip():
        return [("question_id", "must name a question of the bank")]
    return []


def _mock_loop_rules(v: dict[str, Any]) -> list[tuple[str, str]]:
    if "track" in v and v["track"] not in active_catalog().tracks:
        return [("track", f"{v['track']!r} is not a track of this pmprep's content")]
    return []


def _recording_rules(v: dict[str, Any]) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    wav = v.get("wav")
    if wav is not None:
        if not (wav[:4] == b"RIFF" and wav[8:12] == b"WAVE"):
            found.append(("wav", "not a WAV file (it does not start with RIFF…WAVE)"))
        if "size_bytes" in v and v["size_bytes"] != len(wav):
            found.append(("size_bytes", f"{v['size_bytes']} differs from the audio's {len(wav)} bytes"))
    heard = v.get("heard")
    if "heard" in v and not (
        isinstance(heard, dict) and isinstance(heard.get("transcript"), str) and isinstance(heard.get("words"), list)
    ):
        found.append(("heard", "expected what pmprep heard: an object with a transcript and its words"))
    if "duration_s" in v and not 0 < v["duration_s"] <= hearing.MAX_SECONDS:
        found.append(("duration_s", f"a recording lasts more than 0 s and at most {hearing.MAX_SECONDS} s"))
    return found


def _week_rules(v: dict[str, Any]) -> list[tuple[str, str]]:
    """Interview-week records: a track of the content; a round, a slot, a name or a question not left blank.
    A round the content no longer has is kept (as a bookmark's question is): the page leaves it out."""
    found: list[tuple[str, str]] = []
    if "track" in v and v["track"] not in active_catalog().tracks:
        found.append(("track", f"{v['track']!r} is not a track of this pmprep's content"))
    for name in ("round_id", "interviewer_key", "slot", "name", "text"):
        if name in v and not str(v[name]).strip():
            found.append((name, "must not be empty"))
    return found


def section_rules(name: str, values: dict[str, Any], today: dt.date) -> list[tuple[str, str]]:
    """Problems of one record's own values, beyond each field's type: (field, message)."""
    model = BY_NAME[name].model
    # An empty value that the model allows is not checked by a form that requires it (a probe is
    # required of a follow-up reply, and empty on a first answer).
    found = [
        (f, p)
        for f, field in FORM_FIELDS.get(name, {}).items()
        if f in values
        and not (values[f] in ("", None) and model._meta.get_field(f).blank)  # type: ignore[union-attr]  # a column
        and (p := form_problem(field, values[f]))
    ]
    rules = {
        "attempts": _attempt_rules,
        "real_exchanges": _real_exchange_rules,
        "real_rounds": _real_round_rules,
        "loop_rounds": _loop_round_rules,
        "review_cards": _review_card_rules,
        "round_scorecards": _scorecard_rules,
        "peer_links": _peer_link_rules,
        "mock_loops": _mock_loop_rules,
        "bookmarks": _bookmark_rules,
        "recordings": _recording_rules,
        "portfolio_swaps": _week_rules,
        "interviewer_names": _week_rules,
        "asked_questions": _week_rules,
    }
    if name in rules:
        found += rules[name](values)
    elif name == "plans":
        found += _plan_rules(values, today)
    return found


# ---------------------------------------------------------------- one record


def check_record(
    user: User, section: Section, where: str, record: Any, today: dt.date
) -> tuple[Checked | None, list[str]]:
    """The record's values if it meets every rule of its own, and each problem found otherwise."""
    if not isinstance(record, dict):
        return None, [
            f"{where}: expected an object with the fields {', '.join(section.fields)} (found {describe(record)})"
        ]
    problems = [f"{where}.{name}: not a field of {section.name}" for name in sorted(set(record) - set(section.fields))]
    values: dict[str, Any] = {}
    refs: dict[str, uuid.UUID | None] = {}
    bad: set[str] = set()
    for name in section.fields:
        if name not in record:
            if name not in section.later:
                problems.append(f"{where}.{name}: missing")
                bad.add(name)
            continue
        if name in section.references:
            try:
                refs[name] = None if record[name] is None else uuid.UUID(str(record[name]))
            except ValueError:
                problems.append(f"{where}.{name}: expected the uid of the record it refers to, or null")
                bad.add(name)
            continue
        try:
            values[name] = field_value(section.model, name, record[name])
        except ValidationError as exc:
            problems.append(f"{where}.{name}: {message(exc)}")
            bad.add(name)
    problems += [f"{where}.{f}: {p}" for f, p in section_rules(section.name, values, today)]
    if problems or bad:
        return None, problems
    instance = section.model(user=user, **values)
    # An empty JSON value is checked by the section's rules above: the model's "blank" rule would
    # refuse a referral's empty ratings, which the core allows.
    json_fields = [
        f.name
        for f in section.model._meta.fields
        if isinstance(f, models.JSONField) and not f.blank and values.get(f.name) in ({}, [])
    ]
    try:
        instance.full_clean(
            exclude=["user", *section.references, *json_fields], validate_unique=False, validate_constraints=False
        )
    except ValidationError as exc:
        for name, messages in exc.message_dict.items():
            place = where if name == NON_FIELD_ERRORS else f"{where}.{name}"
            problems.append(f"{place}: {'; '.join(m.rstrip('.') for m in messages)}")
        return None, problems
    return Checked(values, refs), []


def account_values(account: Any, today: dt.date) -> tuple[dict[str, Any], list[str]]:
    """The file's account fields, checked as the sign-up and profile forms check them."""
    if not isinstance(account, dict):
        return {}, [f'"account": expected an object (found {describe(account)})']
    problems: list[str] = []
    values: dict[str, Any] = {}
    for name in ACCOUNT_FIELDS:
        if name not in account:
            if name not in LATER_ACCOUNT_FIELDS:
                problems.append(f"account.{name}: missing")
            continue
        try:
            values[name] = field_value(User, name, account[name])
        except ValidationError as exc:
            problems.append(f"account.{name}: {message(exc)}")
    if problems:
        return values, problems
    served = company()
    if values.get("company") and values["company"] != served:
        return values, [
            f"account.company: this file is {values['company']!r}'s preparation and this pmprep serves "
            f"{served!r}: choose {values['company']!r} in your profile first (on the command line, set "
            f"PMPREP_COMPANY={values['company']})"
        ]
    values["company"] = served if values.get("company") or served != default_company() else ""
    if values["track"] and values["track"] not in active_catalog().tracks:
        problems.append(f"account.track: {values['track']!r} is not a track of this pmprep's content")
    if values["interview_date"] and values["interview_date"] > _latest_interview_date(today):
        problems.append(f"account.interview_date: {values['interview_date']} is more than two years ahead")
    try:
        User(**values).full_clean(exclude=["password"], validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        for name, messages in exc.message_dict.items():
            problems.append(f"account.{name}: {'; '.join(m.rstrip('.') for m in messages)}")
    return values, problems
