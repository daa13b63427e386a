"""The debrief's rules from the company folder's ``debrief.yaml``: speaker labels, small talk, rambling."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from pmprep.bank import SHIPPED, ContentError
from pmprep.bank.errors import problems_from, read_content_yaml
from pmprep.config import company_file

DEBRIEF_FILE = SHIPPED / "debrief.yaml"

_Label = Annotated[str, StringConstraints(strip_whitespace=True, to_lower=True, min_length=1, max_length=40)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Speakers(_Strict):
    candidate_labels: list[_Label] = Field(min_length=1)
    interviewer_labels: list[_Label] = Field(min_length=1)


class _SmallTalk(_Strict):
    reply_words: int = Field(ge=0, le=100)


class _Rambling(_Strict):
    answer_words: int = Field(ge=20, le=10_000)
    words_per_point: int = Field(ge=5, le=1_000)


class _File(_Strict):
    speakers: _Speakers
    small_talk: _SmallTalk
    rambling: _Rambling


@dataclass(frozen=True)
class DebriefRules:
    candidate_labels: frozenset[str]
    interviewer_labels: frozenset[str]
    small_talk_reply_words: int
    rambling_answer_words: int
    rambling_words_per_point: int


def load_rules(path: Path) -> DebriefRules:
    """Read and check a debrief file; :class:`ContentError` names the file, the entry and the field."""
    where, raw = read_content_yaml(path)
    try:
        spec = _File.model_validate(raw)
    except ValidationError as exc:
        raise ContentError(problems_from(where, exc, raw)) from exc
    return DebriefRules(
        frozenset(" ".join(label.split()) for label in spec.speakers.candidate_labels),
        frozenset(" ".join(label.split()) for label in spec.speakers.interviewer_labels),
        spec.small_talk.reply_words,
        spec.rambling.answer_words,
        spec.rambling.words_per_point,
    )


def shipped_rules() -> DebriefRules:
    """The rules of the company served (its own debrief.yaml, or the shipped one)."""
    return _rules_of(company_file("debrief.yaml"))


@lru_cache(maxsize=8)
def _rules_of(path: Path) -> DebriefRules:
    return load_rules(path)
