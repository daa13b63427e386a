"""Searching the shipped bank: whole terms, typos, symbols, ranking, cost; and related questions."""

from __future__ import annotations

import re

import pytest

from pmprep.bank import shipped_catalog
from pmprep.bank.query import QuestionFilter, find, related_questions
from pmprep.bank.search import MAX_QUERY_CHARS, MAX_SEARCH_TERMS, index_for, search_terms, terms_of


@pytest.fixture(scope="module")
def bank():
    return shipped_catalog()


def searched_texts(catalog, q) -> list[str]:
    """Everything a search looks in, read straight from the content."""
    return [
        q.text,
        *q.talking_points,
        *q.probes,
        catalog.question_types[q.type].name,
        *(catalog.themes[t].name for t in q.themes),
    ]


def holding(catalog, pattern: str) -> set[str]:
    found = re.compile(pattern, re.IGNORECASE)
    return {q.id for q in catalog.questions.values() if any(found.search(t) for t in searched_texts(catalog, q))}


def test_a_joined_term_is_read_whole():
    assert terms_of("An A/B test of the north-star, for e-commerce and Q&A") == [
        "an",
        "a/b",
        "test",
        "of",
        "the",
        "north-star",
        "for",
        "e-commerce",
        "and",
        "q&a",
    ]


def test_a_b_finds_only_questions_that_say_a_b(bank):
    # "A/B" as a term: not inside a longer word or joined term ("A/Bs", "X/A/B").
    expected = holding(bank, r"(?<![a-z0-9/&-])a/b(?![a-z0-9/&-])")
    assert len(expected) == 61  # the shipped bank, worked out from the texts above
    searched = index_for(bank).search("A/B")
    assert set(searched.ranked) == expected
    assert len(searched.ranked) < len(bank.questions) / 5  # not "a" or "b" anywhere


def test_questions_that_say_a_b_in_their_own_text_come_first(bank):
    in_text = [q.id for q in bank.questions.values() if re.search(r"(?<![A-Za-z])A/B(?![A-Za-z])", q.text)]
    assert len(in_text) == 6
    assert set(index_for(bank).search("A/B").ranked[:6]) == set(in_text)


def test_a_b_test_needs_both_terms(bank):
    expected = holding(bank, r"(?<![a-z0-9/&-])a/b(?![a-z0-9/&-])") & holding(bank, r"\btest")
    assert set(index_for(bank).search("A/B test").ranked) == expected


def test_a_hyphenated_term_finds_it_written_alone_or_run_together(bank):
    expected = holding(bank, r"\bnorth-star")
    assert len(expected) == 3
    index = index_for(bank)
    assert set(index.search("north-star").ranked) == expected
    assert set(index.search("northstar").ranked) == expected
    assert expected <= set(index.search("north star").ranked)


def test_a_typo_finds_what_the_word_finds(bank):
    index = index_for(bank)
    typo, word = index.search("bufering"), index.search("buffering")
    assert typo.ranked == word.ranked
    assert set(word.ranked) == holding(bank, r"\bbuffering")
    assert len(word.ranked) == 15
    assert typo.corrections == {"bufering": ("buffering",)} and word.corrections == {}


def test_swapped_letters_are_one_typo(bank):
    index = index_for(bank)
    assert index.search("chrun").ranked == index.search("churn").ranked
    assert index.search("chrun").corrections == {"chrun": ("churn",)}


def test_a_short_unknown_term_is_not_guessed(bank):
    searched = index_for(bank).search("zqx")
    assert searched.ranked == () and searched.corrections == {}


@pytest.mark.parametrize("query", ["🙂", "🔥🔥🔥", "!!! ???", "—", "/-&"])
def test_a_query_of_only_symbols_or_emoji_matches_nothing(bank, query):
    searched = index_for(bank).search(query)
    assert not searched.has_words and searched.ranked == ()
    assert find(bank, QuestionFilter(text=query)).questions == []


def test_common_words_are_left_out_unless_nothing_else_is_left():
    assert search_terms("How would you reduce churn?") == ["reduce", "churn"]
    assert search_terms("how") == ["how"]


def test_a_query_is_cut_to_its_limits():
    words = [f"w{i}" for i in range(MAX_SEARCH_TERMS + 5)]
    assert search_terms(" ".join(words)) == words[:MAX_SEARCH_TERMS]
    # Past MAX_QUERY_CHARS nothing is read, and a run of letters is cut into terms of at most 32.
    terms = search_terms("x" * (MAX_QUERY_CHARS - 3) + " churn")
    assert "churn" not in terms and max(len(t) for t in terms) == 32


def test_relevance_puts_the_word_in_the_question_first(bank):
    ranked = index_for(bank).search("churn").ranked
    first_without = next(i for i, qid in enumerate(ranked) if "churn" not in bank.questions[qid].text.lower())
    assert all("churn" in bank.questions[qid].text.lower() for qid in ranked[:first_without])
    assert first_without >= 1


def test_search_and_filters_combine(bank):
    found = find(bank, QuestionFilter(type="metrics", text="churn")).questions
    assert found and all(q.type == "metrics" for q in found)
    assert [q.id for q in found] == [
        qid for qid in index_for(bank).search("churn").ranked if bank.questions[qid].type == "metrics"
    ]


def test_the_index_is_built_once_per_catalog(bank):
    assert index_for(bank) is index_for(bank)


def test_related_questions_of_a_metrics_question_are_metrics_questions_first(bank):
    for q in (q for q in bank.questions.values() if q.type == "metrics"):
        related = related_questions(bank, q)
        types = [r.type for r in related]
        assert types == sorted(types, key=lambda t: t != "metrics"), q.id  # same type first
        assert "metrics" in types, q.id
        for r in related:
            assert set(r.themes) & set(q.themes) or (r.type == q.type and set(r.competencies) & set(q.competencies))


def test_related_questions_share_the_most_themes_first(bank):
    q = next(q for q in bank.questions.values() if q.type == "metrics" and len(q.themes) >= 2)
    related = related_questions(bank, q)
    same_type = [r for r in related if r.type == q.type]
    shared = [len(set(r.themes) & set(q.themes)) for r in same_type]
    assert shared == sorted(shared, reverse=True)
    assert q not in related and len(related) == 5
