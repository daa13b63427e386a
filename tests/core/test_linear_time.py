"""Every text path runs in time linear in its input, whatever the text.

Two kinds of evidence. The structural one is exact: every regular expression the core compiles
has only bounded repeats (so each start position costs at most a fixed amount), and no core
module compiles a pattern any other way. The behavioural one runs each text path at its size
limit on pathological shapes (tests/hostile_text.py, the ones benchmarks/hostile.py times) and
on shapes Hypothesis makes up, and checks that the result is well formed. A generous deadline
turns a quadratic path (minutes at these sizes) into a failure instead of a hung run; the times
themselves are printed by the benchmark, not asserted here.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import pkgutil
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pmprep
from pmprep.analysis import MAX_ANSWER_CHARS, analyze, classify
from pmprep.analysis.classify import shipped_cues
from pmprep.bank import shipped_catalog
from pmprep.bank.query import QuestionFilter, find_questions
from pmprep.bank.search import MAX_SEARCH_TERMS, search_terms
from pmprep.bounded_regex import bound_repeats, bounded, unbounded_repeats
from pmprep.cases import Deck, check_deck
from pmprep.cases.deck import MAX_SECTION_CHARS, SECTIONS
from pmprep.outreach import MAX_MESSAGE_CHARS, check
from pmprep.outreach.cues import shipped_signal_cues
from pmprep.outreach.rule_content import shipped_phrase_rules
from pmprep.stories import StarStory, analyse_story, story_kinds
from pmprep.stories.story import MAX_FIELD_CHARS, STAR_FIELDS
from tests.hostile_text import SHAPES, UNITS

CORE = [
    m.name
    for m in pkgutil.walk_packages(pmprep.__path__, "pmprep.")
    if not m.name.startswith(("pmprep.web", "pmprep.cli"))
]
QUESTION = "How would you measure churn for Netflix, and why does it matter whether a cancellation was voluntary?"
HANG_GUARD = dt.timedelta(seconds=20)  # the goal is under a second; quadratic paths take minutes here


# ---- the rewrite itself


@pytest.mark.parametrize(
    "pattern, expected",
    [
        (r"a*", "a{0,32}"),
        (r"a+", "a{1,32}"),
        (r"a+?", "a{1,32}?"),
        (r"a*+", "a{0,32}+"),
        (r"\d[\d,]*(?:\.\d+)?", r"\d[\d,]{0,32}(?:\.\d{1,32})?"),
        (r"(?:ab)+x", "(?:ab){1,32}x"),
        (r"a{2,}", "a{2,34}"),
        (r"a{,3}b{3}", "a{,3}b{3}"),
        (r"[*+]+", "[*+]{1,32}"),
        (r"[]a]*", "[]a]{0,32}"),
        (r"[^]a]+", "[^]a]{1,32}"),
        (r"\*+\\+", r"\*{1,32}\\{1,32}"),
        (r"(?<![\w-])(?:x)?", r"(?<![\w-])(?:x)?"),
        (r"(?P<x>\w+)(?P=x)", r"(?P<x>\w{1,32})(?P=x)"),
        (r"a?+b??", "a?+b??"),
        (r"x{}", "x{}"),
    ],
)
def test_bound_repeats_caps_every_unbounded_repeat_and_nothing_else(pattern, expected):
    assert bound_repeats(pattern) == expected
    assert unbounded_repeats(re.compile(expected)) == 0


def test_a_bounded_pattern_matches_ordinary_text_as_before():
    pattern = r"(?<![\w-])\d[\d,]*(?:\.\d+)?\s?%"
    text = "Retention rose from 41.5 % to 44%, and 1,200 members said so."
    assert [m.group(0) for m in bounded(pattern).finditer(text)] == [m.group(0) for m in re.finditer(pattern, text)]


# ---- every pattern in the core is bounded


def _patterns_in(value, seen: set[int], depth: int = 0):
    if id(value) in seen or depth > 4:
        return
    seen.add(id(value))
    if isinstance(value, re.Pattern):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _patterns_in(item, seen, depth + 1)
    elif isinstance(value, (list, tuple, frozenset, set)):
        for item in value:
            yield from _patterns_in(item, seen, depth + 1)
    elif hasattr(value, "__dataclass_fields__") and not isinstance(value, type):
        for name in value.__dataclass_fields__:
            yield from _patterns_in(getattr(value, name, None), seen, depth + 1)


def core_patterns() -> dict[str, re.Pattern]:
    found: dict[str, re.Pattern] = {}
    seen: set[int] = set()
    # bounded_regex's own pattern reads pmprep's pattern sources, never a user's text.
    roots = [(name, vars(importlib.import_module(name))) for name in CORE if name != "pmprep.bounded_regex"]
    roots.append(("story_kinds()", {"kinds": story_kinds()}))  # cue patterns built from content on first use
    roots.append(("shipped_cues()", {"cues": shipped_cues()}))
    graded = shipped_signal_cues()  # the outreach checker's graded signals, compiled from content
    roots.append(
        (
            "shipped_signal_cues()",
            {spec.id: list(spec.cues.values()) for spec in (graded.their_work, graded.ask, graded.focus)},
        )
    )
    phrase_rules = shipped_phrase_rules()  # the outreach checker's phrase rules, compiled from content
    roots.append(
        (
            "shipped_phrase_rules()",
            {**{rule.name: rule.patterns for rule in phrase_rules.rules}, "durations": phrase_rules.durations.pattern},
        )
    )
    for where, namespace in roots:
        for key, value in namespace.items():
            for pattern in _patterns_in(value, seen):
                found.setdefault(f"{where}.{key}: {pattern.pattern[:60]}", pattern)
    return found


def test_the_core_compiles_hundreds_of_patterns_and_none_has_an_unbounded_repeat():
    patterns = core_patterns()
    assert len(patterns) > 300
    assert [name for name, p in patterns.items() if unbounded_repeats(p)] == []


def test_no_core_module_compiles_a_pattern_except_through_bounded():
    direct = re.compile(r"\bre\.(?:compile|search|match|fullmatch|findall|finditer|sub|subn|split)\(")
    root = Path(pmprep.__file__).parent
    offenders = [
        f"{path.relative_to(root)}:{n}"
        for path in sorted(root.rglob("*.py"))
        if path.relative_to(root).parts[0] not in ("web", "cli") and path.name != "bounded_regex.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if direct.search(line)
    ]
    assert offenders == []


# ---- each text path at its limit, on every named shape


def _story(text: str) -> StarStory:
    n = len(text) // len(STAR_FIELDS)
    return StarStory(
        id="s1", title="Hostile", **{f: text[i * n : (i + 1) * n][:MAX_FIELD_CHARS] for i, f in enumerate(STAR_FIELDS)}
    )


def _deck(text: str) -> Deck:
    n = len(text) // len(SECTIONS)
    return Deck(
        title="Hostile",
        prompt="Engagement fell in one market.",
        sections={s.value: text[i * n : (i + 1) * n][:MAX_SECTION_CHARS] for i, s in enumerate(SECTIONS)},
    )


def check_feedback(fb, answer: str) -> None:
    assert 0 <= fb.score <= 100 and fb.level in (1, 2, 3, 4)
    for item in [*fb.criteria, *fb.red_flags]:
        for e in item.evidence:
            assert answer[e.start : e.end] == e.text
    json.dumps(fb.to_dict())


# The analyzer and the classifier run at a quarter of the 200 KB limit to keep the suite quick: a
# quadratic path still takes minutes there (40 KB of "1." took 87 s), and the benchmark times 200 KB.
PATHS = {
    "analyzer": (MAX_ANSWER_CHARS // 4, lambda t: check_feedback(analyze(QUESTION, t), t)),
    "classifier": (MAX_ANSWER_CHARS // 4, lambda t: json.dumps(classify(t).to_dict())),
    "outreach": (MAX_MESSAGE_CHARS, lambda t: json.dumps(check(t).to_dict())),
    "stories": (MAX_FIELD_CHARS * len(STAR_FIELDS), lambda t: analyse_story(_story(t))),
    "case decks": (MAX_SECTION_CHARS * len(SECTIONS), lambda t: check_deck(_deck(t))),
}


@pytest.mark.parametrize("shape", sorted(UNITS))
@pytest.mark.parametrize("path", sorted(PATHS))
def test_every_text_path_handles_every_shape_at_its_limit(path, shape):
    limit, run = PATHS[path]
    started = dt.datetime.now()
    run(SHAPES[shape](limit))
    assert dt.datetime.now() - started < HANG_GUARD


def test_a_pasted_paragraph_searches_the_bank_for_at_most_its_first_distinct_words():
    words = [f"w{i}" for i in range(MAX_SEARCH_TERMS + 5)]
    assert search_terms(" ".join(words + words)) == words[:MAX_SEARCH_TERMS]
    assert find_questions(shipped_catalog(), QuestionFilter(text=SHAPES["pronoun run"](2_000))) is not None


# ---- shapes nobody listed: a made-up unit, repeated to the limit

TRICKY = st.sampled_from(
    list("0123456789.,;:!?-–—/$%x()[]'\"*#•\n\t ")
    + [
        "e.g.",
        "i.e.",
        "vs.",
        "I",
        "so",
        "from",
        "to",
        "between",
        "and",
        "the",
        "\u0301",
        "\U0001f600",
        "\u200d",
        "\u00a0",
        "\ufffe",
        "a",
    ]
)
UNIT = st.lists(TRICKY, min_size=1, max_size=8).map("".join)


@settings(max_examples=12, deadline=HANG_GUARD, suppress_health_check=[HealthCheck.too_slow])
@given(unit=UNIT, path=st.sampled_from(sorted(PATHS)))
def test_any_repeated_unit_is_handled_at_the_limit(unit, path):
    limit, run = PATHS[path]
    run((unit * (limit // len(unit) + 1))[:limit])
