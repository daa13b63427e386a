"""Synthetic recordings, made once per test session in a temporary folder (espeak-ng and sox; scripts/test
installs them), and what pmprep hears in them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from pmprep.speech import SpokenAnswer, transcribe
from tests.core.speech.synthetic import Spoken, answer, tools_missing

ANSWERS = Path(__file__).resolve().parents[2] / "data" / "speech" / "answers.yaml"
VOICE = "en-us+klatt"  # the espeak-ng voice closest to natural speech for PocketSphinx (model/README.md)
# Three held-out answers (the language model never saw them), slow, then faster, then faster still, with a
# 3 s and a 2.5 s silence between them.
MAIN = (("held-design-travel", 140), 3.0, ("held-behavioral-conflict", 150), 2.5, ("held-metrics-experiment", 175))


def answers(split: str) -> dict[str, str]:
    return {a["id"]: a["text"] for a in yaml.safe_load(ANSWERS.read_text(encoding="utf-8"))[split]}


def need_tools() -> None:
    missing = tools_missing()
    if missing:  # a failure, not a skip: these tests belong to the normal suite
        pytest.fail(f"the speech tests need {', '.join(missing)}: apt-get install espeak-ng sox (scripts/test does)")


@dataclass(frozen=True)
class Heard:
    spoken: Spoken  # what was said, with its true timings
    said: list[str]  # the texts, in order
    heard: SpokenAnswer


@pytest.fixture(scope="session")
def main_answer(tmp_path_factory) -> Heard:
    need_tools()
    texts = answers("held_out")
    parts: list[str | float | tuple[str, int]] = [p if isinstance(p, float) else (texts[p[0]], p[1]) for p in MAIN]
    spoken = answer(parts, tmp_path_factory.mktemp("speech") / "answer.wav", voice=VOICE)
    said = [texts[p[0]] for p in MAIN if not isinstance(p, float)]
    return Heard(spoken, said, transcribe(spoken.path))
