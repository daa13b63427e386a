"""Any text is handled: no exception, deterministic output, evidence spans that point into the answer."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pmprep.analysis import MAX_ANSWER_CHARS, AnswerTooLong, analyze, classify

QUESTION = "How would you reduce buffering during peak hours?"
ANSWER = (
    "First, let me make sure I understand the user problem: members on congested evening networks see the "
    "spinner. I'd pick mobile-first members in India because they are 40% of new sign-ups. Success is "
    "rebuffer ratio per session, with start-up time as a guardrail. Options: pre-position titles, lower the "
    "starting bitrate, or download-to-watch. I'd ship the bitrate change in six weeks as an A/B test to 5% of "
    "traffic. The risk is softer pictures, so we'd roll back if completion drops. So my recommendation is the "
    "bitrate change first."
)

texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=2_000)
# Hypothesis draws at most a few KB at once: repeat a drawn chunk up to 100 KB of UTF-8.
big = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=3_000).map(
    lambda t: (t * (100_000 // max(1, len(t.encode())) + 1)).encode()[:100_000].decode("utf-8", "ignore")
)


def check_shape(fb, answer: str) -> None:
    assert 0 <= fb.score <= 100 and fb.level in (1, 2, 3, 4)
    for c in fb.criteria:
        assert 1 <= c.level <= 4
        for e in c.evidence:
            assert answer[e.start : e.end] == e.text
    for f in fb.red_flags:
        for e in f.evidence:
            assert answer[e.start : e.end] == e.text
    json.dumps(fb.to_dict())


@settings(max_examples=150, deadline=dt.timedelta(seconds=3), suppress_health_check=[HealthCheck.too_slow])
@given(question=texts, answer=texts)
def test_any_text_is_analysed_without_error(question, answer):
    check_shape(analyze(question, answer), answer)


@settings(
    max_examples=6,
    deadline=dt.timedelta(seconds=20),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)
@given(answer=big)
# Found by this test: line-start patterns whose leading \s* ran across newlines took minutes here.
@example(answer="\n\x0b" * 50_000)
def test_answers_up_to_100_kb_are_analysed(answer):
    check_shape(analyze(QUESTION, answer), answer)


def test_a_long_real_looking_answer_is_analysed():
    answer = (ANSWER + "\n") * 180  # about 100 KB of text
    assert 90_000 < len(answer.encode()) < MAX_ANSWER_CHARS
    fb = analyze(QUESTION, answer)
    assert fb.level == 1 and any("repeats itself" in n for n in fb.notes)


def test_over_the_limit_is_a_clear_error():
    with pytest.raises(AnswerTooLong) as info:
        analyze(QUESTION, "a" * (MAX_ANSWER_CHARS + 1))
    assert str(info.value) == (
        f"The answer is {MAX_ANSWER_CHARS + 1:,} characters; the limit is {MAX_ANSWER_CHARS:,}. "
        "Paste one answer at a time."
    )


def test_same_input_same_output():
    first = analyze(QUESTION, ANSWER, seconds=120).to_dict()
    assert all(analyze(QUESTION, ANSWER, seconds=120).to_dict() == first for _ in range(3))


@pytest.mark.parametrize(
    "bad, message",
    [
        ({"question_type": "riddle"}, "question_type 'riddle' is not one of: behavioral, product_design"),
        ({"seconds": -5}, "seconds must be a positive number of seconds"),
        ({"seconds": float("nan")}, "seconds must be a positive number of seconds"),
    ],
)
def test_bad_arguments_are_refused_clearly(bad, message):
    with pytest.raises(ValueError) as info:
        analyze(QUESTION, ANSWER, **bad)
    assert str(info.value).startswith(message)


def test_non_text_is_refused():
    with pytest.raises(TypeError):
        analyze(QUESTION, None)  # type: ignore[arg-type]


@settings(max_examples=100, deadline=dt.timedelta(seconds=2))
@given(question=texts)
def test_any_question_is_classified(question):
    c = classify(question)
    assert c.question_type in {
        "behavioral",
        "product_design",
        "strategy",
        "metrics",
        "technical",
        "estimation",
        "culture",
    }
    assert 0 <= c.confidence <= 1
