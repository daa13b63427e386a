"""Export and import of one user's data as a versioned JSON document.

The document is complete (every user-owned table is a section, and a test holds that no owned
model is left out), keeps each record's `uid` and timestamps so an import into an empty
instance reproduces the data exactly, and is checked whole before anything is written: a
malformed or foreign file changes nothing.
"""
from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models, transaction
from django.utils import timezone

from pmprep import __version__
from pmprep.web.accounts.models import User
from pmprep.web.cases.models import CaseDeck
from pmprep.web.loops.models import InformalNote, LoopRound, MockLoop, PeerLink, RoundScorecard
from pmprep.web.outreach.models import Contact
from pmprep.web.plans.models import SelfCheckAnswers, StudyPlan
from pmprep.web.practice.models import Attempt, Draft, ReviewCard
from pmprep.web.stories.models import Story

FORMAT = "pmprep-export"
VERSION = 1
ACCOUNT_FIELDS = ("username", "email", "first_name", "last_name", "track", "interview_date", "date_joined")
MAX_PROBLEMS = 20


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
    Section("loop_rounds", LoopRound, ("uid", "loop", "round_id", "order", "minutes", "question_ids", "is_case",
                                       "talk_minutes", "status", "elapsed", "running_since", "started", "finished"),
            references=("loop",)),
    Section("attempts", Attempt, ("uid", "question_id", "question_text", "question_type", "answer",
                                  "seconds_budget", "seconds_taken", "score", "level", "feedback", "parent", "probe",
                                  "probe_criterion", "self_ratings", "created", "loop_round"),
            references=("parent", "loop_round"), later=("loop_round",)),
    Section("drafts", Draft, ("uid", "question_id", "question_text", "answer", "seconds_taken", "revision", "updated"),
            natural_key=("question_id",), newest="updated"),
    Section("review_cards", ReviewCard, ("uid", "kind", "key", "card", "due", "reviews", "card_before", "last_attempt",
                                         "created"), natural_key=("kind", "key"), newest="due",
            references=("last_attempt",)),
    Section("round_scorecards", RoundScorecard, ("uid", "loop", "loop_round", "source", "rater", "ratings", "evidence",
                                                 "recommendation", "summary", "trade_offs_quantified", "created"),
            references=("loop", "loop_round")),
    Section("informal_notes", InformalNote, ("uid", "loop", "kind", "who", "note", "created"), references=("loop",)),
    # A link's secret is not exported: an imported link gets a new one (the old address pointed at
    # another server anyway).
    Section("peer_links", PeerLink, ("uid", "loop_round", "expires", "revoked", "used", "scorecard", "created"),
            references=("loop_round", "scorecard")),
    Section("stories", Story, ("uid", "title", "situation", "task", "action", "result", "reflection", "notes", "tags",
                               "kinds", "competencies", "created", "updated")),
    Section("case_decks", CaseDeck, ("uid", "title", "prompt", "question_id", "sections", "created", "updated")),
    Section("contacts", Contact, ("uid", "name", "role", "channel", "met_on", "question", "learned", "round_id",
                                  "created")),
    # One plan and one self-check per account: the newer one is kept. The feed token is not exported.
    Section("plans", StudyPlan, ("uid", "track", "hours_per_week", "interview_date", "data", "created", "updated"),
            natural_key=("user",), newest="updated"),
    Section("self_checks", SelfCheckAnswers, ("uid", "goal", "industry", "has_plan", "updated"),
            natural_key=("user",), newest="updated"),
)


class ImportProblem(Exception):
    """The file cannot be imported; `problems` lists each place and what was expected."""

    def __init__(self, source: str, problems: list[str]):
        self.source = source
        self.problems = problems
        shown = problems[:MAX_PROBLEMS]
        more = f"\n  … and {len(problems) - len(shown)} more" if len(problems) > len(shown) else ""
        super().__init__(f"{source} was not imported (nothing was changed):\n  " + "\n  ".join(shown) + more)


@dataclass
class ImportSummary:
    created: dict[str, int] = field(default_factory=dict)
    already_present: dict[str, int] = field(default_factory=dict)
    account_created: bool = False

    def describe(self) -> str:
        made = ", ".join(f"{n} {name}" for name, n in self.created.items() if n) or "nothing new"
        kept = sum(self.already_present.values())
        return f"Imported {made}" + (f"; {kept} already here were kept" if kept else "") + "."


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def export_user(user: User, now: datetime | None = None) -> dict[str, Any]:
    """Everything `user` owns, as plain JSON values."""
    data: dict[str, list[dict[str, Any]]] = {}
    for section in SECTIONS:
        columns = [f"{f}__uid" if f in section.references else f for f in section.fields]
        rows = section.model.objects.filter(user=user).order_by("pk").values(*columns)
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


def parse(raw: bytes, source: str) -> dict[str, Any]:
    """Bytes of a file → the export document, or ImportProblem naming what is wrong."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportProblem(source, [f"byte {exc.start}: the file is not UTF-8 text; expected a pmprep JSON export"]) from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportProblem(source, [f"line {exc.lineno}, column {exc.colno}: not valid JSON ({exc.msg})"]) from None
    except RecursionError:
        raise ImportProblem(source, ["the JSON is nested too deeply to be a pmprep export"]) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportProblem(source, [f'"format": expected "{FORMAT}"; this is not a pmprep export'])
    version = document.get("version")
    if version != VERSION:
        raise ImportProblem(source, [f'"version": expected {VERSION}, found {version!r}; '
                                     f"this pmprep ({__version__}) reads version {VERSION} exports"])
    return document


def _field_value(model: type[models.Model], name: str, value: Any) -> Any:
    f = model._meta.get_field(name)
    if value is None:
        if not f.null:
            raise ValidationError("must not be null")
        return None
    if isinstance(f, models.JSONField):
        return value
    if isinstance(f, (models.CharField, models.TextField)) and not isinstance(value, str):
        raise ValidationError("expected text")
    if isinstance(f, (models.IntegerField, models.FloatField)) and (isinstance(value, bool) or not isinstance(value, (int, float))):
        raise ValidationError("expected a number")
    if isinstance(f, (models.DateTimeField, models.DateField, models.UUIDField)) and not isinstance(value, str):
        raise ValidationError("expected text in ISO format")
    converted = f.to_python(value)
    if isinstance(f, models.DateTimeField) and timezone.is_naive(converted):
        raise ValidationError("expected a date and time with its UTC offset")
    return converted


def _message(exc: ValidationError) -> str:
    return "; ".join(str(m).rstrip(".") for m in exc.messages)


Built = tuple[models.Model, dict[str, uuid.UUID | None]]  # a record and the uids its references name


def _build(user: User, section: Section, index: int, record: Any, problems: list[str]) -> Built | None:
    where = f"data.{section.name}[{index}]"
    if not isinstance(record, dict):
        problems.append(f"{where}: expected an object with the fields {', '.join(section.fields)}")
        return None
    for name in sorted(set(record) - set(section.fields)):
        problems.append(f"{where}.{name}: not a field of {section.name}")
    values: dict[str, Any] = {}
    refs: dict[str, uuid.UUID | None] = {}
    for name in section.fields:
        if name not in record and name in section.later:
            continue
        if name not in record:
            problems.append(f"{where}.{name}: missing")
            continue
        if name in section.references:
            try:
                refs[name] = None if record[name] is None else uuid.UUID(str(record[name]))
            except ValueError:
                problems.append(f"{where}.{name}: expected the uid of the record it refers to, or null")
            continue
        try:
            values[name] = _field_value(section.model, name, record[name])
        except ValidationError as exc:
            problems.append(f"{where}.{name}: {_message(exc)} (found {json.dumps(record[name])[:60]})")
    if len(values) + len(refs) < len([f for f in section.fields if f in record or f not in section.later]):
        return None
    instance = section.model(user=user, **values)
    try:
        instance.full_clean(exclude=["user", *section.references], validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        for name, messages in exc.message_dict.items():
            place = where if name == NON_FIELD_ERRORS else f"{where}.{name}"  # a rule about the whole record
            problems.append(f"{place}: {'; '.join(m.rstrip('.') for m in messages)}")
        return None
    return instance, refs


def _account_values(document: dict[str, Any], problems: list[str]) -> dict[str, Any]:
    account = document.get("account")
    if not isinstance(account, dict):
        problems.append('"account": expected an object')
        return {}
    values: dict[str, Any] = {}
    for name in ACCOUNT_FIELDS:
        if name not in account:
            problems.append(f"account.{name}: missing")
            continue
        try:
            values[name] = _field_value(User, name, account[name])
        except ValidationError as exc:
            problems.append(f"account.{name}: {_message(exc)}")
    if len(values) == len(ACCOUNT_FIELDS):
        try:
            User(**values).full_clean(exclude=["password"], validate_unique=False, validate_constraints=False)
        except ValidationError as exc:
            for name, messages in exc.message_dict.items():
                problems.append(f"account.{name}: {'; '.join(m.rstrip('.') for m in messages)}")
    return values


def import_document(document: dict[str, Any], source: str, user: User | None = None) -> tuple[User, ImportSummary]:
    """Add the document's records to `user` (or to a new account named as in the file).

    Records already here (same uid, same owner) are kept as they are, so importing twice
    changes nothing. Any problem raises ImportProblem before a single row is written.
    """
    problems: list[str] = []
    account = _account_values(document, problems)
    data = document.get("data")
    if not isinstance(data, dict):
        problems.append('"data": expected an object with ' + ", ".join(s.name for s in SECTIONS))
        data = {}
    for name in sorted(set(data) - {s.name for s in SECTIONS}):
        problems.append(f"data.{name}: not a kind of data this pmprep knows")
    summary = ImportSummary()
    owner = user
    if owner is None and account.get("username"):
        owner = User.objects.filter(username=account["username"]).first()
        if owner is None:
            owner = User(**account)
            owner.set_unusable_password()
            summary.account_created = True
    plan: list[tuple[Section, list[Built]]] = []
    for section in SECTIONS:
        records = data.get(section.name, [])
        if not isinstance(records, list):
            problems.append(f"data.{section.name}: expected a list")
            continue
        built = [b for b in (_build(owner or User(), section, i, r, problems) for i, r in enumerate(records)) if b]
        theirs = (section.model.objects.filter(uid__in=[instance.uid for instance, _ in built])
                  .exclude(user_id=owner.pk if owner and owner.pk else None).values_list("uid", flat=True)[:1])
        if theirs:
            problems.append(f"data.{section.name}: records in this file already belong to another account "
                            f"on this server (uid {theirs[0]})")
        plan.append((section, built))
    if problems:
        raise ImportProblem(source, problems)

    with transaction.atomic():
        if summary.account_created:
            owner.save()
        elif user is not None:
            # The file's settings apply to the account it is imported into (its name stays).
            for name in ("track", "interview_date"):
                if account.get(name) not in (None, ""):
                    setattr(owner, name, account[name])
            owner.save(update_fields=["track", "interview_date"])
        for section, built in plan:
            created = present = 0
            uids = [instance.uid for instance, _ in built]
            existing = set(section.model.objects.filter(uid__in=uids, user=owner).values_list("uid", flat=True))
            seen: set[uuid.UUID] = set()
            for instance, refs in built:
                if instance.uid in existing or instance.uid in seen:
                    present += 1
                    continue
                seen.add(instance.uid)
                instance.user = owner
                for name, ref in refs.items():
                    if ref is not None:
                        related = section.model._meta.get_field(name).related_model
                        target = related.objects.filter(user=owner, uid=ref).first()
                        if target is None:
                            raise ImportProblem(source, [f"data.{section.name}: {name} {ref} is not in the file "
                                                         "or this account (a record must come after the one it refers to)"])
                        setattr(instance, name, target)
                if section.natural_key:
                    key = {k: getattr(instance, k) for k in section.natural_key}
                    clash = section.model.objects.filter(**{"user": owner, **key}).first()
                    if clash is not None:
                        if getattr(clash, section.newest) >= getattr(instance, section.newest):
                            present += 1
                            continue
                        clash.delete()
                instance.save(force_insert=True)
                created += 1
            summary.created[section.name] = created
            summary.already_present[section.name] = present
    return owner, summary


def owned_models() -> list[type[models.Model]]:
    """Every model with a foreign key to the user: each must be a section of the export."""
    from django.apps import apps

    found = []
    for model in apps.get_models():
        if model.__module__.startswith("pmprep.") and any(
                isinstance(f, models.ForeignKey) and f.related_model is User for f in model._meta.fields):
            found.append(model)
    return found
