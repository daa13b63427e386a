"""The first pass over an export file: every rule checked, nothing written.

Records are checked one at a time as they are read (``import_rules``); what the later rules need
is kept as uids only: which records the file holds, which loop each round belongs to, which
scorecards came from a peer. Queries go out in batches of ``BATCH`` uids, never one per record.

Rules about several records:
- a reference names a record earlier in the file or already in the account;
- a record whose uid another account holds is refused (the file is someone else's data);
- a scorecard of a round belongs to that round's loop; only a referral has no round;
- a round has at most one automatic and one self scorecard;
- a peer scorecard was produced by exactly one peer link of its round, and a link's scorecard is a
  peer scorecard of the link's round.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from pmprep import __version__
from pmprep.committee import Source
from pmprep.web.accounts.models import User
from pmprep.web.loops.models import PeerLink
from pmprep.web.portability.export_format import BY_NAME, FORMAT, SECTIONS, VERSION, Section
from pmprep.web.portability.export_reader import Entry
from pmprep.web.portability.import_problems import ImportProblem, Problems
from pmprep.web.portability.import_rules import account_values, check_record

BATCH = 500
ONE_PER_ROUND = (Source.AUTOMATIC.value, Source.SELF.value)
# Keyed by model class; typed Any because a field's related_model is typed "model or None" by the stubs.
SECTION_OF_MODEL: dict[Any, str] = {section.model: section.name for section in SECTIONS}


class AccountExists(Exception):
    """The file names an account that exists here, and no account to import into was given."""

    def __init__(self, username: str):
        self.username = username
        super().__init__(username)


@dataclass
class Findings:
    """What the first pass learned, for the second: which records to write and which are already here."""

    account: dict[str, Any] = field(default_factory=dict)
    present: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    # For a section with a natural key, the uid that wins for each key (the newest, first on a tie).
    winners: dict[str, dict[tuple, tuple[Any, int]]] = field(default_factory=lambda: defaultdict(dict))


class FirstPass:
    def __init__(self, user: User | None, source: str, today: dt.date):
        self.user = user
        self.source = source
        self.today = today
        self.problems = Problems()
        self.findings = Findings()
        self.seen_format = self.seen_version = False
        self.unknown: set[str] = set()
        self.in_file: dict[str, set[int]] = defaultdict(set)
        self.unchecked: dict[str, list[tuple[int, str]]] = defaultdict(list)  # uids not yet looked up
        self.foreign: set[str] = set()  # sections already found to hold another account's record
        self.pending: dict[str, list[tuple[int, str]]] = defaultdict(list)  # references not in the file
        self.loop_of_round: dict[int, int | None] = {}
        self.scorecards: dict[int, tuple[int | None, str]] = {}
        self.rounds_scored: set[tuple[int | None, str]] = set()
        self.round_claims: list[tuple[str, int, int | None]] = []  # (where, round, loop)
        self.link_claims: list[tuple[str, int, int | None]] = []  # (where, scorecard, round of the link)
        self.linked: set[int] = set()
        self.peer_cards: dict[int, str] = {}
        self.placeholder = user or User()

    # ------------------------------------------------------------ entries

    def take(self, entry: Entry) -> None:
        if entry.kind == "not_object":
            raise self._not_export()
        if entry.kind == "field":
            self._field(entry.name, entry.value)
        elif entry.kind == "data":
            self.problems.add(
                f'"data": expected an object with {", ".join(s.name for s in SECTIONS)} (found {entry.value})'
            )
        elif entry.kind == "section":
            if entry.name not in BY_NAME:
                self.unknown.add(entry.name)
                self.problems.add(f"data.{entry.name}: not a kind of data this pmprep knows")
            elif entry.value is not None:
                self.problems.add(f"data.{entry.name}: expected a list (found {entry.value})")
        elif entry.name not in self.unknown:
            self._record(BY_NAME[entry.name], entry.index, entry.value)

    def _not_export(self) -> ImportProblem:
        return ImportProblem(self.source, [f'"format": expected "{FORMAT}"; this is not a pmprep export'])

    def _field(self, name: str, value: Any) -> None:
        if name == "format":
            if value != FORMAT:
                raise self._not_export()
            self.seen_format = True
        elif name == "version":
            if value != VERSION or isinstance(value, bool):
                raise ImportProblem(
                    self.source,
                    [
                        f'"version": expected {VERSION}, found {json.dumps(value)[:40]}; '
                        f"this pmprep ({__version__}) reads version {VERSION} exports"
                    ],
                )
            self.seen_version = True
        elif name == "account":
            values, problems = account_values(value, self.today)
            for problem in problems:
                self.problems.add(problem)
            if not problems and self.user is None:
                if User.objects.filter(username=values["username"]).exists():
                    raise AccountExists(values["username"])
            self.findings.account = values

    def _record(self, section: Section, index: int, record: Any) -> None:
        where = f"data.{section.name}[{index}]"
        checked, problems = check_record(self.placeholder, section, where, record, self.today)
        for problem in problems:
            self.problems.add(problem)
        if checked is None:
            return
        uid = checked.uid.int
        if uid in self.in_file[section.name]:
            return  # the same record twice: the second changes nothing
        self.in_file[section.name].add(uid)
        self.unchecked[section.name].append((uid, where))
        if len(self.unchecked[section.name]) >= BATCH:
            self._look_up_uids(section)
        refs = {name: ref.int if ref is not None else None for name, ref in checked.refs.items()}
        for name, ref in refs.items():
            if ref is None:
                continue
            target = SECTION_OF_MODEL[section.model._meta.get_field(name).related_model]
            if ref not in self.in_file[target]:
                self.pending[target].append((ref, f"{where}.{name}"))
                if len(self.pending[target]) >= BATCH:
                    self._look_up_references(target)
        values = checked.values
        if section.name == "loop_rounds":
            self.loop_of_round[uid] = refs["loop"]
        elif section.name == "round_scorecards":
            self._scorecard(where, uid, values["source"], refs)
        elif section.name == "peer_links":
            if refs["scorecard"] is not None:
                if values["used"] is None:
                    self.problems.add(f"{where}.used: a link with a scorecard has been used")
                if refs["scorecard"] in self.linked:
                    self.problems.add(f"{where}.scorecard: another link in the file produced this scorecard")
                self.linked.add(refs["scorecard"])
                self.link_claims.append((where, refs["scorecard"], refs["loop_round"]))
        if section.natural_key:
            key = tuple(values[k] for k in section.natural_key if k != "user")
            best = self.findings.winners[section.name].get(key)
            if best is None or values[section.newest] > best[0]:
                self.findings.winners[section.name][key] = (values[section.newest], uid)

    def _scorecard(self, where: str, uid: int, source: str, refs: dict[str, int | None]) -> None:
        round_uid = refs["loop_round"]
        if (round_uid is None) != (source == Source.REFERRAL.value):
            self.problems.add(
                f"{where}.loop_round: a referral belongs to the loop and has no round; "
                "every other scorecard belongs to a round"
            )
            return
        self.scorecards[uid] = (round_uid, source)
        if round_uid is not None:
            self.round_claims.append((where, round_uid, refs["loop"]))
        if source in ONE_PER_ROUND:
            if (round_uid, source) in self.rounds_scored:
                self.problems.add(f"{where}.source: the round already has a {source} scorecard in the file")
            self.rounds_scored.add((round_uid, source))
        if source == Source.PEER.value:
            self.peer_cards[uid] = where

    # ------------------------------------------------------------ lookups, in batches

    def _look_up_uids(self, section: Section) -> None:
        batch, self.unchecked[section.name] = self.unchecked[section.name], []
        if not batch:
            return
        owner = self.user.pk if self.user is not None else None
        found = section.model._default_manager.filter(uid__in=[uuid.UUID(int=u) for u, _ in batch]).values_list(
            "uid", "user_id"
        )
        for uid, user_id in found:
            if user_id == owner:
                self.findings.present[section.name].add(uid.int)
            elif section.name not in self.foreign:
                self.foreign.add(section.name)
                self.problems.add(
                    f"data.{section.name}: records in this file already belong to another account "
                    f"on this server (uid {uid})"
                )

    def _look_up_references(self, target: str) -> None:
        batch, self.pending[target] = self.pending[target], []
        if not batch:
            return
        model = BY_NAME[target].model
        columns: tuple[str, ...] = ("uid",)
        if target == "loop_rounds":
            columns = ("uid", "loop__uid")
        elif target == "round_scorecards":
            columns = ("uid", "loop_round__uid", "source")
        found: dict[int, tuple] = {}
        if self.user is not None:
            rows = model._default_manager.filter(
                user=self.user, uid__in=[uuid.UUID(int=u) for u, _ in batch]
            ).values_list(*columns)
            found = {row[0].int: row[1:] for row in rows}
        for uid, where in batch:
            if uid not in found:
                self.problems.add(f"{where}: {uuid.UUID(int=uid)} is neither earlier in the file nor in this account")
            elif target == "loop_rounds":
                self.loop_of_round[uid] = found[uid][0].int
            elif target == "round_scorecards":
                round_uid, source = found[uid]
                self.scorecards[uid] = (round_uid.int if round_uid else None, source)

    # ------------------------------------------------------------ the end

    def finish(self) -> Findings:
        if not self.seen_format:
            raise self._not_export()
        if not self.seen_version:
            raise ImportProblem(self.source, ['"version": missing; expected 1'])
        if not self.findings.account and not self.problems:
            self.problems.add('"account": missing')
        for section in SECTIONS:
            self._look_up_uids(section)
            self._look_up_references(section.name)
        for where, round_uid, loop_uid in self.round_claims:
            if round_uid in self.loop_of_round and self.loop_of_round[round_uid] != loop_uid:
                self.problems.add(f"{where}.loop_round: the round belongs to another loop than the scorecard's")
        for where, card_uid, link_round in self.link_claims:
            card = self.scorecards.get(card_uid)
            if card is not None and (card[1] != Source.PEER.value or card[0] != link_round):
                self.problems.add(f"{where}.scorecard: not a peer scorecard of the link's round")
        self._peer_cards_have_links()
        return self.findings

    def _peer_cards_have_links(self) -> None:
        alone = {
            uid: where
            for uid, where in self.peer_cards.items()
            if uid not in self.linked and uid not in self.findings.present["round_scorecards"]
        }
        if alone and self.user is not None:
            ids = [uuid.UUID(int=u) for u in alone]
            for start in range(0, len(ids), BATCH):
                for uid in PeerLink.objects.filter(
                    user=self.user, scorecard__uid__in=ids[start : start + BATCH]
                ).values_list("scorecard__uid", flat=True):
                    alone.pop(uid.int, None)
        for where in alone.values():
            self.problems.add(
                f"{where}.source: a peer scorecard comes from a peer link, and no link in the file "
                "or this account produced this one"
            )
