from __future__ import annotations

import pytest

from pmprep.speech.spoken_text import number_words, spoken_sentences, spoken_words, uncontracted


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "zero"),
        (15, "fifteen"),
        (42, "forty two"),
        (100, "one hundred"),
        (2000, "two thousand"),
        (1_250_000, "one million two hundred fifty thousand"),
    ],
)
def test_number_words(n, words):
    assert number_words(n) == words


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("We grew 6% in Q3.", "we grew six percent in q three"),
        ("2,000 users and 3.5x faster", "two thousand users and three point five x faster"),
        ("$5m budget", "five million dollars budget"),
        ("p95 latency < 200ms", "p ninety five latency less than two hundred ms"),
        ("In 2024 and the 1990s", "in twenty twenty four and the nineteen nineties"),
        ("the 1st and 22nd", "the first and twenty second"),
        ("15-20 minutes", "fifteen to twenty minutes"),
        ("an A/B test's trade-off", "an a b test's trade off"),
        ("e.g. members' churn", "for example members churn"),
    ],
)
def test_written_text_becomes_the_words_a_speaker_says(text, said):
    assert " ".join(spoken_words(text)) == said


def test_markdown_is_read_as_prose_in_sentences():
    text = "## Step 1: the goal\n\n- Ship if [coverage](https://example.org) is **down** less than 2%.\n- Else wait"
    assert spoken_sentences(text) == [
        ["step", "one"],
        ["the", "goal"],
        ["ship", "if", "coverage", "is", "down", "less", "than", "two", "percent"],
        ["else", "wait"],
    ]


def test_contractions_are_also_said_in_full():
    assert uncontracted(["i'd", "ship", "it", "if", "it's", "ready"]) == "i would ship it if it is ready".split()
    assert uncontracted(["ship", "it"]) is None
