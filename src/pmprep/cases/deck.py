"""A case-presentation deck: the prompt and nine sections in a fixed order.

The first six sections are the steps of the case framework in ``frameworks.yaml``
(``problem_hypothesis_recommendation``, same ids and names); the last three are the parts a
case presentation also needs (metrics, risks, a rollout plan). They come after the
recommendation because that is the order of the talk: the primer's last five minutes are
"recommendation, first version, metrics, risks and rollout". Metrics-first thinking is still
checked: the problem must say what "better" means (see ``review.py``).

A ``Deck`` is a frozen value. Building one validates it and reports every problem at once in a
``DeckError``; text is normalised on the way in (line endings become ``\\n``; control characters
other than newline and tab, lone surrogates, U+FFFE and U+FFFF are removed) so that every export
sees the same characters.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol

from pmprep.bounded_regex import bounded

MAX_TITLE_CHARS = 120
MAX_PROMPT_CHARS = 4_000
MAX_SECTION_CHARS = 6_000
_ID_MAX = 80
_ID = bounded(r"^[a-z0-9][a-z0-9_\-]*$", limit=_ID_MAX)
_FIRST_SENTENCE_END = bounded(r"(?<=[.?!])\s")
# Fields a serialised deck may hold; anything else is reported rather than dropped.
_FIELDS = ("title", "prompt", "question_id", "sections")


class SectionId(StrEnum):
    """The nine sections, in the order they are written, shown and presented."""

    PROBLEM = "problem"
    HYPOTHESIS = "hypothesis"
    DATA_NEEDS = "data_needs"
    SOLUTION_OPTIONS = "solution_options"
    TRADE_OFFS = "trade_offs"
    RECOMMENDATION = "recommendation"
    SUCCESS_METRICS = "success_metrics"
    RISKS = "risks"
    ROLLOUT_PLAN = "rollout_plan"

    @property
    def label(self) -> str:
        """The section's heading ("Trade-offs")."""
        return _TITLES[self]

    @property
    def hint(self) -> str:
        """What to write in the section, shown beside the empty box."""
        return _HINTS[self]

    @property
    def number(self) -> int:
        """1-based position in the deck."""
        return SECTIONS.index(self) + 1


SECTIONS: tuple[SectionId, ...] = tuple(SectionId)

_TITLES = {
    SectionId.PROBLEM: "Problem",
    SectionId.HYPOTHESIS: "Hypothesis",
    SectionId.DATA_NEEDS: "Data needs",
    SectionId.SOLUTION_OPTIONS: "Solution options",
    SectionId.TRADE_OFFS: "Trade-offs",
    SectionId.RECOMMENDATION: "Recommendation",
    SectionId.SUCCESS_METRICS: "Success metrics",
    SectionId.RISKS: "Risks",
    SectionId.ROLLOUT_PLAN: "Rollout plan",
}

_TITLES_BY_ID = {section.value: title for section, title in _TITLES.items()}
_FIELD_LABELS = {
    "title": "Title",
    "prompt": "Prompt",
    "question_id": "Question",
    "sections": "Sections",
    "deck": "Deck",
}

# The first six repeat the framework's step prompts (a test keeps them in step with the YAML).
_HINTS = {
    SectionId.PROBLEM: "Restate the problem and the user it hurts; agree the scope.",
    SectionId.HYPOTHESIS: "What do you believe is causing it, and why?",
    SectionId.DATA_NEEDS: "What data would confirm or kill each hypothesis?",
    SectionId.SOLUTION_OPTIONS: "At least three distinct options.",
    SectionId.TRADE_OFFS: "Compare the options with numbers: impact, cost, risk, time.",
    SectionId.RECOMMENDATION: "Choose, time-box a first version, name the metric and the rollout.",
    SectionId.SUCCESS_METRICS: "One north-star metric with a unit and a time window, plus the guardrails "
    "that must not get worse.",
    SectionId.RISKS: "What could go wrong, how you would notice, and what you would do about it.",
    SectionId.ROLLOUT_PLAN: "A dated first version (who gets it, for how long), the result that lets it "
    "grow, and the way back.",
}


class DeckError(ValueError):
    """Every problem found in a deck, each naming its field (``sections.trade_offs: …``)."""

    def __init__(self, problems: list[str] | tuple[str, ...]):
        self.problems = tuple(problems)
        super().__init__("invalid case deck: " + "; ".join(self.problems))

    def explained(self) -> list[tuple[str, str]]:
        """Each problem as (where, a sentence a person reads), ``where`` being a section id, "title",
        "prompt", "question_id", or "sections" for a section that does not exist:
        ``("risks", "Risks: at most 6000 characters (found 6001).")``."""
        out = []
        for problem in self.problems:
            where, _, what = problem.partition(": ")
            name = where.removeprefix("sections.")
            if name in _TITLES_BY_ID:
                where, label = name, _TITLES_BY_ID[name]
            elif where != name:
                where, label = "sections", f"Section “{name}”"
                what = f"not a section of a deck (they are: {', '.join(_TITLES.values())})"
            else:
                label = _FIELD_LABELS.get(where, where)
            out.append((where, f"{label}: {what}."))
        return out


class BankQuestion(Protocol):
    """What ``from_question`` needs from a question (the catalog's ``Question`` fits)."""

    @property
    def id(self) -> str: ...

    @property
    def text(self) -> str: ...


@dataclass(frozen=True)
class Deck:
    """A case presentation being built.

    ``sections`` maps every ``SectionId`` to its text ("" while empty), in deck order; it may be
    given with string keys and with sections left out. ``question_id`` is the bank question the
    prompt came from, or None for the user's own prompt.
    """

    title: str
    prompt: str
    sections: Mapping[SectionId, str] = field(default_factory=dict)
    question_id: str | None = None

    def __post_init__(self) -> None:
        problems: list[str] = []
        title = _clean_text("title", self.title, problems)
        prompt = _clean_text("prompt", self.prompt, problems)
        if title is not None:
            if not title.strip():
                problems.append("title: required")
            elif len(title) > MAX_TITLE_CHARS:
                problems.append(f"title: at most {MAX_TITLE_CHARS} characters (found {len(title)})")
        if prompt is not None:
            if not prompt.strip():
                problems.append("prompt: required")
            elif len(prompt) > MAX_PROMPT_CHARS:
                problems.append(f"prompt: at most {MAX_PROMPT_CHARS} characters (found {len(prompt)})")
        if self.question_id is not None:
            if not isinstance(self.question_id, str):
                problems.append(f"question_id: expected text (found {_kind(self.question_id)})")
            elif not _ID.match(self.question_id) or len(self.question_id) > _ID_MAX:
                problems.append(
                    f"question_id: {self.question_id[:_ID_MAX]!r} is not a question id "
                    "(lower-case letters, digits, _ and -)"
                )
        sections = self._clean_sections(problems)
        if problems:
            raise DeckError(problems)
        object.__setattr__(self, "title", title)
        object.__setattr__(self, "prompt", prompt)
        object.__setattr__(self, "sections", sections)

    def _clean_sections(self, problems: list[str]) -> dict[SectionId, str]:
        given = self.sections
        if not isinstance(given, Mapping):
            problems.append(f"sections: expected an object of section texts (found {_kind(given)})")
            return {s: "" for s in SECTIONS}
        texts: dict[SectionId, str] = {}
        # Deck order, then unknown keys: the problems read alike whatever order the store kept the keys in
        # (PostgreSQL's jsonb sorts them).
        order = {s.value: i for i, s in enumerate(SECTIONS)}
        for key in sorted(given, key=lambda k: (order.get(k, len(order)), str(k))):
            value = given[key]
            try:
                section = SectionId(key)
            except ValueError:
                problems.append(f"sections.{key}: unknown section (expected one of {', '.join(SECTIONS)})")
                continue
            where = f"sections.{section.value}"
            text = _clean_text(where, "" if value is None else value, problems)
            if text is None:
                continue
            if len(text) > MAX_SECTION_CHARS:
                problems.append(f"{where}: at most {MAX_SECTION_CHARS} characters (found {len(text)})")
            texts[section] = text
        return {s: texts.get(s, "") for s in SECTIONS}

    def __hash__(self) -> int:  # sections is a dict, so the generated hash would fail
        return hash((self.title, self.prompt, self.question_id, tuple(self.sections.items())))

    # ------------------------------------------------------------------ reading

    def text(self, section: SectionId | str) -> str:
        return self.sections[SectionId(section)]

    def is_filled(self, section: SectionId | str) -> bool:
        return bool(self.text(section).strip())

    @property
    def filled(self) -> tuple[SectionId, ...]:
        """The sections with text, in deck order."""
        return tuple(s for s in SECTIONS if self.is_filled(s))

    # ------------------------------------------------------------------ changing (copies)

    def with_section(self, section: SectionId | str, text: str) -> Deck:
        """A copy of the deck with one section's text replaced."""
        sections = dict(self.sections)
        sections[SectionId(section)] = text
        return Deck(title=self.title, prompt=self.prompt, sections=sections, question_id=self.question_id)

    # ------------------------------------------------------------------ serialising

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "prompt": self.prompt,
            "question_id": self.question_id,
            "sections": {s.value: self.sections[s] for s in SECTIONS},
        }

    @classmethod
    def from_dict(cls, data: Any) -> Deck:
        """Build a deck from its ``to_dict`` form (for example parsed JSON).

        Missing sections are empty and a null section or question_id counts as absent; a wrong
        type, an unknown field or section and every length limit are reported together.
        """
        if not isinstance(data, Mapping):
            raise DeckError([f"deck: expected an object (found {_kind(data)})"])
        problems = [f"{key}: unknown field (expected {', '.join(_FIELDS)})" for key in data if key not in _FIELDS]
        for key in ("title", "prompt"):
            if key not in data:
                problems.append(f"{key}: required")
        sections = data.get("sections")
        if sections is None:
            sections = {}
        try:
            deck = cls(
                title=data.get("title", ""),
                prompt=data.get("prompt", ""),
                sections=sections,
                question_id=data.get("question_id"),
            )
        except DeckError as error:
            # "title: required" may come from both checks; say it once.
            problems += [p for p in error.problems if p not in problems]
            raise DeckError(problems) from None
        if problems:
            raise DeckError(problems)
        return deck


def from_question(question: BankQuestion, title: str | None = None) -> Deck:
    """A new deck for a bank question: its text is the prompt, every section is empty.

    Without ``title`` the question's first sentence becomes the title, shortened at a word
    boundary to fit.
    """
    return Deck(
        title=title if title is not None else _title_from(question.text), prompt=question.text, question_id=question.id
    )


def _title_from(text: str) -> str:
    first = _FIRST_SENTENCE_END.split(" ".join(text.split()), maxsplit=1)[0]
    return shorten(first, MAX_TITLE_CHARS)


def shorten(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters at a word boundary, ending in "…" when cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:-–—") + "…"


def _clean_text(where: str, value: Any, problems: list[str]) -> str | None:
    if not isinstance(value, str):
        problems.append(f"{where}: expected text (found {_kind(value)})")
        return None
    return normalise_text(value)


def normalise_text(text: str) -> str:
    """Line endings to ``\\n``; what XML cannot hold removed: control characters (but newline and
    tab), lone surrogates, and the non-characters U+FFFE and U+FFFF.

    Pasted text from word processors can carry form feeds, vertical tabs, byte-order marks read
    the wrong way round (U+FFFE) or broken surrogate halves; the PPTX writer refuses all of them
    and none carries meaning in a deck. Removing them here means every export (Markdown, PDF,
    PPTX) and the page see the same characters.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(ch for ch in text if ch in "\n\t" or not _xml_illegal(ch))


def _xml_illegal(ch: str) -> bool:
    return ch in "\ufffe\uffff" or unicodedata.category(ch) in ("Cc", "Cs")


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, (list, tuple)):
        return "a list"
    return type(value).__name__
