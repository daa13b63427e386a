"""The graded signals' content (``outreach_signals.yaml``): loading and validation.

Each signal has a name, its grades (points and the reason the user reads, plus a share for the
focus grades) and its cue patterns. A file with any problem is refused whole, every problem named
with the file, the entry (the signal) and the field, as the other content loaders do. Patterns are
written as in every outreach content file (``pmprep.outreach.content_file``): on the folded note,
a space standing for any run of whitespace, every repeat capped.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pydantic import Field

from pmprep.bank import SHIPPED, ContentError, Problem
from pmprep.config import company_file
from pmprep.outreach.content_file import PatternText, Strict, Text, compile_pattern, read_validated

SIGNALS_FILE = SHIPPED / "outreach_signals.yaml"
MAX_POINTS = 40

# What the judging functions (pmprep.outreach.signals) read: each signal's grades and cue lists.
GRADES = {
    "their_work": ("specific", "named", "generic", "none"),
    "ask": ("small", "fair", "several", "large", "vague", "none"),
    "focus": ("them", "mostly_them", "mixed", "you", "none"),
}
CUE_LISTS = {
    "their_work": ("references", "details", "generic"),
    "ask": ("small", "vague", "large", "several"),
    "focus": ("sender", "courtesy", "recipient"),
}
# The focus grades chosen by the share of words about the reader; "none" is for a note that says
# nothing about either side.
SHARE_GRADES = ("them", "mostly_them", "mixed", "you")
PLACEHOLDERS = {"their_work": frozenset(), "ask": frozenset(), "focus": frozenset({"share"})}


class _Grade(Strict):
    points: int = Field(ge=-MAX_POINTS, le=MAX_POINTS)
    label: Text
    reason: Text
    at_least: float | None = Field(default=None, ge=0, le=1)


class _TheirWork(Strict):
    name: Text
    grades: dict[str, _Grade]
    references: list[PatternText] = Field(min_length=1)
    details: list[PatternText] = Field(min_length=1)
    generic: list[PatternText] = Field(min_length=1)


class _Ask(Strict):
    name: Text
    several_at: int = Field(ge=2, le=10)
    grades: dict[str, _Grade]
    small: list[PatternText] = Field(min_length=1)
    vague: list[PatternText] = Field(min_length=1)
    large: list[PatternText] = Field(min_length=1)
    several: list[PatternText] = Field(min_length=1)


class _Focus(Strict):
    name: Text
    grades: dict[str, _Grade]
    sender: list[PatternText] = Field(min_length=1)
    courtesy: list[PatternText] = Field(min_length=1)
    recipient: list[PatternText] = Field(min_length=1)


class _File(Strict):
    their_work: _TheirWork
    ask: _Ask
    focus: _Focus


@dataclass(frozen=True)
class Grade:
    id: str
    points: int
    label: str  # a few words for a list: "cites a detail from it"
    reason: str  # what the user reads; the focus grades fill in {share}
    at_least: float | None = None


@dataclass(frozen=True)
class Cues:
    """One cue list, each phrasing its own pattern (a combined alternation would stop at the first
    phrasing that matches and miss a longer one starting inside it)."""

    patterns: tuple[re.Pattern[str], ...]

    def finditer(self, folded: str) -> Iterator[re.Match[str]]:
        for pattern in self.patterns:
            yield from pattern.finditer(folded)


@dataclass(frozen=True)
class SignalSpec:
    id: str
    name: str
    grades: dict[str, Grade]
    cues: dict[str, Cues]
    several_at: int = 0  # the ask's: this many asks is several

    def grade(self, grade_id: str) -> Grade:
        return self.grades[grade_id]


@dataclass(frozen=True)
class SignalCues:
    """Everything ``outreach_signals.yaml`` holds, compiled."""

    their_work: SignalSpec
    ask: SignalSpec
    focus: SignalSpec

    def focus_grade(self, share: float) -> Grade:
        """The share grade with the highest ``at_least`` the share reaches (the loader makes one start at 0)."""
        reached = [g for g in self.focus.grades.values() if g.at_least is not None and share >= g.at_least]
        return max(reached, key=lambda g: g.at_least or 0.0)


def _check_grades(where: str, signal: str, grades: dict[str, _Grade], problems: list[Problem]) -> None:
    wanted = GRADES[signal]
    problems += [
        Problem(where, signal, f"grades.{g}", "the checker reads this grade; it is missing")
        for g in wanted
        if g not in grades
    ]
    problems += [
        Problem(where, signal, f"grades.{g}", f"is not a grade of {signal} (expected {', '.join(wanted)})")
        for g in grades
        if g not in wanted
    ]
    for grade_id, grade in grades.items():
        try:
            names = {name for _, name, _, _ in string.Formatter().parse(grade.reason) if name is not None}
        except ValueError as exc:
            problems.append(Problem(where, signal, f"grades.{grade_id}.reason", f"has a stray brace: {exc}"))
            continue
        unknown = sorted(names - PLACEHOLDERS[signal])
        if unknown:
            allowed = ", ".join(f"{{{p}}}" for p in sorted(PLACEHOLDERS[signal])) or "none"
            problems.append(
                Problem(
                    where,
                    signal,
                    f"grades.{grade_id}.reason",
                    f"names {', '.join(unknown)}; the placeholders it may use: {allowed}",
                )
            )
        shared = signal == "focus" and grade_id in SHARE_GRADES
        if shared and grade.at_least is None:
            problems.append(
                Problem(
                    where,
                    signal,
                    f"grades.{grade_id}.at_least",
                    "expected the share of words about them (0 to 1) this grade starts at",
                )
            )
        elif not shared and grade.at_least is not None:
            problems.append(
                Problem(where, signal, f"grades.{grade_id}.at_least", "only the focus grades chosen by share have one")
            )
    if signal == "focus":
        shares: list[tuple[str, float]] = [
            (g, share) for g in SHARE_GRADES if g in grades and (share := grades[g].at_least) is not None
        ]
        for n, (grade_id, share) in enumerate(shares):
            same = [other for other, value in shares[:n] if value == share]
            if same:
                problems.append(
                    Problem(
                        where,
                        signal,
                        f"grades.{grade_id}.at_least",
                        f"is the same share as {same[0]}'s; each grade needs its own",
                    )
                )
        if shares and min(value for _, value in shares) != 0:
            problems.append(
                Problem(where, signal, "grades", "no share grade starts at 0, so some notes would get none")
            )


def load_signal_cues(path: Path | str) -> SignalCues:
    """Read and validate a graded-signals file; :class:`ContentError` lists every problem."""
    where, spec = read_validated(Path(path), _File)
    problems: list[Problem] = []
    compiled: dict[str, SignalSpec] = {}
    for signal in GRADES:
        part = getattr(spec, signal)
        _check_grades(where, signal, part.grades, problems)
        cues = {}
        for name in CUE_LISTS[signal]:
            patterns = [
                compile_pattern(where, signal, f"{name}[{k}]", text, problems)
                for k, text in enumerate(getattr(part, name))
            ]
            cues[name] = Cues(tuple(p for p in patterns if p is not None))
        grades = {g: Grade(g, v.points, v.label, v.reason, v.at_least) for g, v in part.grades.items()}
        compiled[signal] = SignalSpec(signal, part.name, grades, cues, getattr(part, "several_at", 0))
    if problems:
        raise ContentError(problems)
    return SignalCues(**compiled)


def shipped_signal_cues() -> SignalCues:
    """The graded signals of the company served (its own outreach_signals.yaml, or the shipped one)."""
    return _signal_cues_of(company_file("outreach_signals.yaml"))


@lru_cache(maxsize=8)
def _signal_cues_of(path: Path) -> SignalCues:
    return load_signal_cues(path)
