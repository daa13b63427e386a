from __future__ import annotations

import pytest

from pmprep.speech.language_model import END, START, build, count

SENTENCES = [
    "i would start with the goal".split(),
    "i would start with the users".split(),
    "i would measure the goal".split(),
    "the goal is retention".split(),
    "we would start with the metric".split(),
]


def probability(model, history: tuple[str, ...], word: str) -> float:
    """p(word | history) from the written-out model, backing off as ARPA readers do (log10)."""
    if len(history) == 2 and (*history, word) in model.trigrams:
        return model.trigrams[(*history, word)]
    if len(history) == 2:
        bow = model.bigrams.get(history, (0.0, 0.0))[1]
        return bow + probability(model, history[1:], word)
    if len(history) == 1 and (history[0], word) in model.bigrams:
        return model.bigrams[(history[0], word)][0]
    bow = model.unigrams[history[0]][1] if history else 0.0
    return bow + model.unigrams[word][0]


@pytest.mark.parametrize("history", [("i", "would"), ("would", "start"), ("the",), ("retention",), (START,)])
def test_each_history_spreads_exactly_one_unit_of_probability(history):
    model = build(count(SENTENCES), min_trigram_count=2)
    words = [w for w in model.unigrams if w != START]
    assert sum(10 ** probability(model, history, w) for w in words) == pytest.approx(1.0, abs=0.002)


def test_a_background_gives_unseen_words_a_chance_and_still_sums_to_one():
    model = build(count(SENTENCES), background={"hello": 3.0, "the": 1.0}, background_weight=0.2)
    assert "hello" in model.unigrams and model.unigrams["hello"][0] > -99
    words = [w for w in model.unigrams if w != START]
    assert sum(10 ** probability(model, ("would",), w) for w in words) == pytest.approx(1.0, abs=0.002)


def test_trigrams_under_the_cut_off_are_left_out():
    model = build(count(SENTENCES), min_trigram_count=2)
    assert ("i", "would", "start") in model.trigrams  # seen twice
    assert ("i", "would", "measure") not in model.trigrams  # seen once


def test_the_same_sentences_give_the_same_bytes():
    first = build(count(SENTENCES)).arpa()
    again = build(count(list(SENTENCES))).arpa()
    assert first == again
    assert "\\data\\\nngram 1=" in first and first.endswith("\\end\\\n")
    assert f"-99.0000 {START} " in first and f" {END} " in first


def test_no_sentences_is_an_error():
    with pytest.raises(ValueError, match="no sentences"):
        build(count([]))
