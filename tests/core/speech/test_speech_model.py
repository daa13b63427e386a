"""The committed speech model is what scripts/build_speech_model.py makes from the shipped content.

An edit to the content changes what the script makes, so the rebuild is compared loosely (same settings,
nearly the same words): a model a few questions behind is still the right model, not a failure. After
content changes, `python scripts/build_speech_model.py --check` says whether to rebuild it.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from pmprep.speech.recognizer import DOMAIN_DICT, DOMAIN_LM, Recognizer

SCRIPT = Path(__file__).resolve().parents[3] / "scripts" / "build_speech_model.py"


@pytest.fixture(scope="module")
def builder():
    spec = importlib.util.spec_from_file_location("build_speech_model", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def vocabulary(dictionary: str) -> set[str]:
    return {line.split()[0].split("(")[0] for line in dictionary.splitlines()}


@pytest.mark.speech
def test_the_committed_model_is_what_the_script_builds_from_the_content(builder):
    built = builder.build()
    lm = built["pmprep.lm"].decode("utf-8")
    settings = (
        f"trigrams seen fewer than {builder.MIN_TRIGRAM_COUNT} times left out; "
        f"background unigram weight {builder.BACKGROUND_WEIGHT}."
    )
    assert settings in lm.splitlines()[0] and settings in DOMAIN_LM.read_text(encoding="utf-8").splitlines()[0]
    committed = vocabulary(DOMAIN_DICT.read_text(encoding="utf-8"))
    rebuilt = vocabulary(built["pmprep.dict"].decode("utf-8"))
    assert len(committed & rebuilt) >= 0.95 * len(committed | rebuilt), (
        "run python scripts/build_speech_model.py --write"
    )


def test_the_model_is_small_and_knows_the_domain_and_everyday_words():
    assert DOMAIN_LM.stat().st_size + DOMAIN_DICT.stat().st_size < 4_000_000
    words = vocabulary(DOMAIN_DICT.read_text(encoding="utf-8"))
    assert {"netflix", "churn", "retention", "guardrail", "um", "weather", "birthday"} <= words


def test_a_sentence_is_cut_at_a_word_the_dictionary_cannot_say(builder):
    known = {"the": [], "bitrate": [], "drops": [], "personalized": []}
    runs = list(builder.pronounceable_runs([["the", "xyzzy", "drops"], ["personalised", "the"]], known))
    assert runs == [["the"], ["drops"], ["personalized", "the"]]
    assert builder.spelled_acronyms("CTR and API", {"api": []}) == "C T R and API"


def test_the_decoder_loads_the_model():
    assert Recognizer().settings.lm == DOMAIN_LM
