"""A synthetic answer heard end to end: timings, pauses, rate, accuracy, and the figures' JSON."""

from __future__ import annotations

import json

import pytest

from pmprep.speech.word_errors import word_error_rate
from tests.core.speech.synthetic import words_of

pytestmark = pytest.mark.speech

# Measured on this recording when the tests were written: 0.18 (the model was tuned on other answers; the
# issue's goal is 0.35).
WER_BOUND = 0.30


def test_word_timings_run_forward_and_stay_inside_the_recording(main_answer):
    words = main_answer.heard.words
    assert len(words) > 100
    assert all(0 <= w.start < w.end <= main_answer.spoken.duration_s for w in words)
    assert all(a.end <= b.start for a, b in zip(words, words[1:], strict=False))


def test_no_word_is_heard_in_the_inserted_silences(main_answer):
    for start, end in main_answer.spoken.pauses:
        assert not [w for w in main_answer.heard.words if w.start > start + 0.3 and w.end < end - 0.3]


def test_long_pauses_are_the_inserted_silences_within_a_third_of_a_second(main_answer):
    true = main_answer.spoken.pauses
    found = main_answer.heard.delivery.long_pauses
    assert len(found) == len(true) == 2
    for pause, (start, end) in zip(found, true, strict=True):
        assert abs(pause.start - start) <= 0.3 and abs(pause.end - end) <= 0.3


def test_the_silence_before_the_first_word_and_after_the_last_is_not_a_pause(main_answer):
    first, last = main_answer.spoken.speech[0][0], main_answer.spoken.speech[-1][1]
    assert all(first < p.start and p.end < last for p in main_answer.heard.delivery.long_pauses)


def test_speaking_time_and_rate_are_within_ten_percent_of_the_truth(main_answer):
    spoken, delivery = main_answer.spoken, main_answer.heard.delivery
    assert delivery.speech_s == pytest.approx(spoken.speech_s, rel=0.05)
    assert delivery.wpm == pytest.approx(spoken.wpm, rel=0.10)
    assert delivery.duration_s == pytest.approx(spoken.duration_s, abs=0.05)


def test_the_rate_rises_as_the_answer_speeds_up(main_answer):
    spoken, words = main_answer.spoken, main_answer.heard.words
    true_rates, heard_rates = [], []
    for (start, end), n in zip(spoken.speech, spoken.part_words, strict=True):
        true_rates.append(n / (end - start) * 60)
        heard = sum(1 for w in words if start <= (w.start + w.end) / 2 < end)
        heard_rates.append(heard / (end - start) * 60)
    assert true_rates == sorted(true_rates) and heard_rates == sorted(heard_rates)
    for heard, true in zip(heard_rates, true_rates, strict=True):
        assert heard == pytest.approx(true, rel=0.10)
    windows = [w.wpm for w in main_answer.heard.delivery.rate_windows]
    assert len(windows) == 3 and windows[0] is not None and windows[1] is not None and windows[0] < windows[1]


def test_held_out_answers_are_recognised_under_the_measured_bound(main_answer):
    said = [w for text in main_answer.said for w in words_of(text)]
    assert word_error_rate(said, [w.word for w in main_answer.heard.words]) <= WER_BOUND


def test_the_signpost_and_the_conclusion_are_found_at_their_times(main_answer):
    delivery = main_answer.heard.delivery
    assert delivery.first_signpost is not None and delivery.first_signpost.text.lower() == "let me structure"
    assert delivery.before_signpost_share is not None and delivery.before_signpost_share <= 0.02
    # "In summary, we ship only if …" opens the last answer's last sentence.
    assert delivery.conclusion is not None and delivery.conclusion.text.lower() == "in summary"
    assert delivery.conclusion.start >= main_answer.spoken.speech[-1][1] - 15


def test_the_figures_serialise_with_the_issue_keys(main_answer):
    data = json.loads(json.dumps(main_answer.heard.to_dict()))
    for key in ("transcript", "words", "pauses", "wpm", "fillers", "duration_s", "speech_s"):
        assert key in data
    assert set(data["words"][0]) == {"word", "start", "end"}
    assert [set(p) for p in data["pauses"]] == [{"start", "end"}] * 2
    assert data["transcript"].startswith("Let me structure this")
    assert "never judge accent or fluency" in " ".join(data["delivery"]["notes"])
