"""The shipped bank is big and broad enough to practise every round and theme."""

from __future__ import annotations

from collections import Counter

from pmprep.bank.search import terms_of


def test_at_least_300_questions(catalog):
    assert len(catalog.questions) >= 300


def test_every_type_is_well_represented(catalog):
    counts = catalog.counts_by_type()
    assert set(counts) == {"behavioral", "product_design", "strategy", "metrics", "technical", "estimation", "culture"}
    assert min(counts.values()) >= 25, counts


def test_every_theme_has_questions(catalog):
    covered = Counter(t for q in catalog.questions.values() for t in q.themes)
    assert [t for t in catalog.themes if covered[t] == 0] == []


def test_every_round_has_questions(catalog):
    covered = Counter(r for q in catalog.questions.values() for r in q.rounds)
    assert {r: covered[r] for r in catalog.rounds if covered[r] < 10} == {}


def test_every_difficulty_is_used_for_every_type(catalog):
    pairs = {(q.type, q.difficulty.value) for q in catalog.questions.values()}
    assert len(pairs) == 7 * 3


def test_every_primer_is_cited_by_a_question(catalog):
    cited = {p for q in catalog.questions.values() for p in q.primers}
    assert set(catalog.primers) <= cited


def test_no_two_questions_have_the_same_text(catalog):
    texts = Counter(" ".join(terms_of(q.text)) for q in catalog.questions.values())
    assert [t for t, n in texts.items() if n > 1] == []


def test_primers_cover_the_required_topics(catalog):
    assert set(catalog.primers) >= {
        "cdn-video",
        "caching-freshness",
        "ab-test-isolation",
        "state-across-devices",
        "api-gateway",
        "resilience-chaos",
        "experimentation-pipeline",
        "metrics-glossary",
        "culture-memo",
        "streaming-landscape",
    }
    assert catalog.primers["streaming-landscape"].as_of is not None
