"""The pressure drill: an interviewer who breaks in on a spoken answer with a probe chosen from what was said.

The rules (when to break in, and the probes of the company's own wording) come from ``pressure.yaml`` in the
company folder. The probe is chosen from the partial transcript: when nothing said so far carries a quantity,
the interviewer asks for a number; otherwise the analyzer judges the partial answer and its first follow-up
probe (pmprep.analysis.follow_up) is asked; with too little heard, a generic probe. The clip is heard with
pmprep.speech, offline.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from pmprep.analysis.analyzer import analyze
from pmprep.analysis.claims import is_quantity
from pmprep.analysis.feedback import Probe
from pmprep.analysis.follow_up import choose_follow_ups
from pmprep.analysis.signals import Signals
from pmprep.analysis.text import Doc
from pmprep.bank import SHIPPED, ContentError
from pmprep.bank.errors import problems_from, read_content_yaml
from pmprep.bank.schema import Question
from pmprep.config import company_file
from pmprep.speech import AudioError, RecognizerError, hear_upload

PRESSURE_FILE = SHIPPED / "pressure.yaml"
MAX_PARTIAL_CHARS = 20_000  # a partial transcript longer than this is judged on its first part only

_Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=5, max_length=300)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _BreakIn(_Strict):
    budget_share: float = Field(gt=0, lt=1)
    ramble_seconds: float = Field(ge=5, le=600)
    pause_seconds: float = Field(ge=0.3, le=10)
    min_words: int = Field(ge=1, le=200)


class _Probe(_Strict):
    text: _Text
    criterion: str | None = Field(default=None, min_length=1, max_length=80)


class _Probes(_Strict):
    no_number: _Probe
    generic: _Probe


class _File(_Strict):
    break_in: _BreakIn
    probes: _Probes


@dataclass(frozen=True)
class PressureRules:
    budget_share: float  # break in once this share of the time budget has gone
    ramble_seconds: float  # or after this much speech without a pause of pause_seconds
    pause_seconds: float
    min_words: int  # fewer words heard: the generic probe
    no_number: Probe
    generic: Probe


def load_rules(path: Path) -> PressureRules:
    """Read and check a pressure file; :class:`ContentError` names the file, the entry and the field."""
    where, raw = read_content_yaml(path)
    try:
        spec = _File.model_validate(raw)
    except ValidationError as exc:
        raise ContentError(problems_from(where, exc, raw)) from exc
    b, p = spec.break_in, spec.probes
    return PressureRules(
        b.budget_share,
        b.ramble_seconds,
        b.pause_seconds,
        b.min_words,
        Probe(p.no_number.text, p.no_number.criterion, "Nothing said so far carries a number."),
        Probe(p.generic.text, p.generic.criterion, "Too little was heard to probe what was said."),
    )


def shipped_rules() -> PressureRules:
    """The rules of the company served (its own pressure.yaml, or the shipped one)."""
    return _rules_of(company_file("pressure.yaml"))


@lru_cache(maxsize=8)
def _rules_of(path: Path) -> PressureRules:
    return load_rules(path)


def says_a_number(text: str) -> bool:
    """Whether ``text`` carries a quantity (a number word or figure that is not a bare year)."""
    return any(is_quantity(hit.text) for hit in Signals(Doc(text))("number"))


def break_in_probe(question: str | Question, partial: str, rules: PressureRules) -> Probe:
    """The probe the interviewer breaks in with, given what was heard so far (``partial``)."""
    said = partial[:MAX_PARTIAL_CHARS]
    if len(said.split()) < rules.min_words:
        return rules.generic
    if not says_a_number(said):
        return rules.no_number
    chosen = choose_follow_ups(analyze(question, said), limit=1)
    return chosen[0] if chosen else rules.generic


def probe_from_clip(upload: bytes, question: str | Question, rules: PressureRules, max_s: float) -> tuple[Probe, bool]:
    """The answer so far (the bytes of a WAV clip) heard, and the probe chosen from its transcript, with whether
    anything was heard: the generic probe when the clip cannot be read or holds no speech."""
    try:
        _, _, figures = hear_upload(upload, source="The answer so far", max_s=max_s)
    except (AudioError, RecognizerError):
        return rules.generic, False
    said = str(figures.get("transcript", ""))
    return break_in_probe(question, said, rules), bool(said.strip())


__all__ = ["PressureRules", "break_in_probe", "load_rules", "probe_from_clip", "says_a_number", "shipped_rules"]
