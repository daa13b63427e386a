"""The second pass over an export file: writing the records the first pass accepted.

Records go in with bulk inserts, their references resolved from uid → primary-key maps kept in
memory (one query per batch for records already in the account, none per record).

On SQLite one writer holds the whole database, so a long import would make every other user's
save wait (and fail after the 20 s busy timeout). There the records are written in short
transactions of about ``CHUNK_SECONDS`` each, in file order, so another user's save waits at most
about one chunk. Sections are ordered so that a record comes after every record it refers to, so a
crash half-way leaves a consistent prefix of the file (no reference to a missing record, a
replaced draft or card and its replacement in the same transaction), and importing the same file
again adds the rest: records already here are recognised by their uid. On PostgreSQL, where other
users' saves do not wait for an import's inserts, the whole write phase is one transaction.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db import DatabaseError, IntegrityError, connection, transaction

from pmprep.web.accounts.models import User
from pmprep.web.portability.export_format import BY_NAME, SECTIONS, Section
from pmprep.web.portability.export_reader import Entry
from pmprep.web.portability.import_check import SECTION_OF_MODEL, Findings
from pmprep.web.portability.import_problems import ImportProblem
from pmprep.web.portability.import_rules import Checked, check_record

CHUNK_SECONDS = 0.1
FIRST_CHUNK = 200
MAX_CHUNK = 5_000
# Sections whose records other records point at: their uid → pk maps are kept.
REFERENCED = {SECTION_OF_MODEL[s.model._meta.get_field(r).related_model] for s in SECTIONS for r in s.references}


@dataclass
class ImportSummary:
    created: dict[str, int] = field(default_factory=dict)
    already_present: dict[str, int] = field(default_factory=dict)
    account_created: bool = False

    def describe(self) -> str:
        made = ", ".join(f"{n} {name}" for name, n in self.created.items() if n) or "nothing new"
        kept = sum(self.already_present.values())
        return f"Imported {made}" + (f"; {kept} already here were kept" if kept else "") + "."


class Writer:
    def __init__(self, owner: User, findings: Findings, source: str, today: dt.date):
        self.owner = owner
        self.findings = findings
        self.source = source
        self.today = today
        self.chunked = connection.vendor == "sqlite"
        self.summary = ImportSummary(
            created={s.name: 0 for s in SECTIONS}, already_present={s.name: 0 for s in SECTIONS}
        )
        self.pks: dict[str, dict[int, int]] = defaultdict(dict)
        self.seen: dict[str, set[int]] = defaultdict(set)
        self.section: Section | None = None
        self.rows: list[Checked] = []
        self.chunk = FIRST_CHUNK
        self.written = 0

    def whole(self):
        """Around both passes' writing: one transaction where other users' saves do not wait for it."""
        return contextlib.nullcontext() if self.chunked else transaction.atomic()

    def start(self, account_created: bool, settings: dict[str, Any]) -> None:
        with self._transaction():
            if account_created:
                try:
                    with transaction.atomic():
                        self.owner.save()
                except IntegrityError:
                    raise ImportProblem(
                        self.source,
                        [
                            f"account.username: {self.owner.username!r} was taken "
                            "while the file was checked; nothing was changed"
                        ],
                    ) from None
            else:
                # The file's settings apply to the account it is imported into (its name stays).
                for name in ("track", "interview_date"):
                    if settings.get(name) not in (None, ""):
                        setattr(self.owner, name, settings[name])
                self.owner.save(update_fields=["track", "interview_date"])

    def take(self, entry: Entry) -> None:
        if entry.kind != "record" or entry.name not in BY_NAME:
            return
        section = BY_NAME[entry.name]
        if section is not self.section:
            self.flush()
            self.section = section
        checked, problems = check_record(
            self.owner, section, f"data.{section.name}[{entry.index}]", entry.value, self.today
        )
        if checked is None:  # the first pass accepted it; only a change of content since can do this
            raise ImportProblem(self.source, problems)
        uid = checked.uid.int
        if uid in self.seen[section.name] or uid in self.findings.present[section.name]:
            self.summary.already_present[section.name] += 1
            return
        self.seen[section.name].add(uid)
        if section.natural_key:
            key = tuple(checked.values[k] for k in section.natural_key if k != "user")
            if self.findings.winners[section.name][key][1] != uid:
                self.summary.already_present[section.name] += 1  # an older copy of the same item
                return
        self.rows.append(checked)
        if len(self.rows) >= self.chunk:
            self.flush()

    def flush(self) -> None:
        if not self.rows or self.section is None:
            return
        section, rows, self.rows = self.section, self.rows, []
        started = time.perf_counter()
        try:
            with self._transaction():
                self._write(section, rows)
        except (IntegrityError, DatabaseError) as exc:
            kept = (
                " The records before it were imported; import the same file again to add the rest."
                if self.chunked and self.written
                else ""
            )
            raise ImportProblem(
                self.source,
                [
                    f"data.{section.name}: another save changed this account while it "
                    f"was imported ({str(exc)[:120]}).{kept}"
                ],
            ) from None
        self.written += len(rows)
        elapsed = time.perf_counter() - started
        self.chunk = max(20, min(MAX_CHUNK, int(self.chunk * CHUNK_SECONDS / max(elapsed, 1e-3))))

    def _transaction(self):
        return transaction.atomic() if self.chunked else contextlib.nullcontext()

    def _write(self, section: Section, rows: list[Checked]) -> None:
        model = section.model
        here = set(
            model._default_manager.filter(user=self.owner, uid__in=[r.uid for r in rows]).values_list("uid", flat=True)
        )
        if here:  # another import of the same file got there first
            self.summary.already_present[section.name] += len(here)
            rows = [r for r in rows if r.uid not in here]
        self._resolve(section, rows)
        if section.natural_key:
            rows = self._replace_older(section, rows)
        for group in self._groups(section, rows):
            made: list[Any] = [  # instances of the section's model, each with a uid
                model(
                    user=self.owner,
                    **r.values,
                    **{
                        f"{name}_id": self.pks[self._target(section, name)].get(ref.int) if ref else None
                        for name, ref in r.refs.items()
                    },
                )
                for r in group
            ]
            model._default_manager.bulk_create(made)
            if section.name in REFERENCED:
                if any(m.pk is None for m in made):
                    self.pks[section.name].update(
                        (u.int, pk)
                        for u, pk in model._default_manager.filter(
                            user=self.owner, uid__in=[m.uid for m in made]
                        ).values_list("uid", "pk")
                    )
                else:
                    self.pks[section.name].update((m.uid.int, m.pk) for m in made)
        self.summary.created[section.name] += len(rows)

    @staticmethod
    def _target(section: Section, name: str) -> str:
        return SECTION_OF_MODEL[section.model._meta.get_field(name).related_model]

    def _resolve(self, section: Section, rows: list[Checked]) -> None:
        """Primary keys of referenced records already in the account (records of this import are mapped as made)."""
        wanted: dict[str, set[Any]] = defaultdict(set)
        own = {r.uid.int for r in rows}
        for r in rows:
            for name, ref in r.refs.items():
                target = self._target(section, name)
                if (
                    ref is not None
                    and ref.int not in self.pks[target]
                    and not (target == section.name and ref.int in own)
                ):
                    wanted[target].add(ref)
        for target, uids in wanted.items():
            found = (
                BY_NAME[target]
                .model._default_manager.filter(user=self.owner, uid__in=list(uids))
                .values_list("uid", "pk")
            )
            self.pks[target].update((u.int, pk) for u, pk in found)
            missing = uids - {u for u, _ in found}
            if missing:
                raise IntegrityError(f"{target} {next(iter(missing))} is no longer in this account")

    def _replace_older(self, section: Section, rows: list[Checked]) -> list[Checked]:
        key_of = lambda values: tuple(values[k] for k in section.natural_key if k != "user")  # noqa: E731
        keys = {key_of(r.values) for r in rows}
        mine = section.model._default_manager.filter(user=self.owner)
        if section.natural_key != ("user",):
            first = section.natural_key[-1]
            mine = mine.filter(**{f"{first}__in": [k[-1] for k in keys]})
        clashes = {
            key_of({k: getattr(m, k) for k in section.natural_key if k != "user"}): m
            for m in mine.only("pk", section.newest, *[k for k in section.natural_key if k != "user"])
        }
        kept, older = [], []
        for r in rows:
            clash = clashes.get(key_of(r.values))
            if clash is not None and getattr(clash, section.newest) >= r.values[section.newest]:
                self.summary.already_present[section.name] += 1
                continue
            if clash is not None:
                older.append(clash.pk)
            kept.append(r)
        if older:
            section.model._default_manager.filter(pk__in=older).delete()
        return kept

    @staticmethod
    def _groups(section: Section, rows: list[Checked]) -> list[list[Checked]]:
        """Consecutive groups in which no record points at another of the same group (a follow-up at its
        first answer), so that each group's targets have their keys before it is inserted."""
        self_refs = [
            name for name in section.references if section.model._meta.get_field(name).related_model is section.model
        ]
        if not self_refs:
            return [rows]
        groups: list[list[Checked]] = [[]]
        current: set[int] = set()
        for r in rows:
            if any((ref := r.refs[name]) is not None and ref.int in current for name in self_refs):
                groups.append([])
                current = set()
            groups[-1].append(r)
            current.add(r.uid.int)
        return groups

    def finish(self) -> ImportSummary:
        self.flush()
        return self.summary
