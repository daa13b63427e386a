"""Claims: the sentences of an answer that say something, as against those that only name topics.

Credit needs substance. A sentence earns the analyzer's credit only when it is a *claim*: it carries a
quantity (a number that is not a bare year), or enough words of its own, words that are not the
question's, not the generic, buzzword and framework lists of ``substance.yaml`` and not the words that
name the rubric's criteria. "I defined a north star metric with drivers and guardrails" names
three topics and says nothing about them; "Missed bills were the top reason people wrote to support,
usually after a late fee" says who, what and why. A heading, a bare term or a list of terms is never a
claim. Abstract nouns ("alignment", "prioritisation") and the words the signal patterns look for count a
quarter: they are how recital sounds.

The analyzer blanks the content signals of sentences that are not claims (pmprep.analysis.signals), so
every type criterion and specificity is earned only by claims, and reports the share of claims.
"""

from __future__ import annotations

from collections.abc import Iterable

from pmprep.analysis.text import FUNCTION_WORDS, Doc, stem
from pmprep.bounded_regex import bounded

# A sentence with this many words of its own is a claim; an abstract noun or a word the signal patterns look
# for counts SHAPE_WEIGHT of a word (both tuned on the labelled set's dev split).
OWN_WORDS = 3.0
SHAPE_WEIGHT = 0.25
_ABSTRACT = bounded(r"[a-z]{3,40}(?:tion|sion|ment|ness|ity|ance|ence|ship|ism)s?")
_YEAR = bounded(r"(?:19|20)\d\d")
# A list of terms: the sentence split at commas, semicolons, colons and dashes, and at "and"/"or".
_ITEM_BREAK = bounded(r"[,;:]|\s[-–—]\s|\s(?:and|or)\s")
# Words that tie a list into a clause: a reason, a purpose, a condition, a consequence.
_TIES = bounded(r"\b(?:because|so|since|which|that|when|if|unless|means|by|to|until|while|whereas|than)\b")
_INSTANCE = frozenset(
    {"a", "an", "the", "one", "two", "three", "our", "their", "its", "his", "her", "my", "this", "that"}
)
LIST_ITEMS = 3  # short items (up to LIST_ITEM_WORDS words) that make a sentence a list of terms
LIST_ITEM_WORDS = 3
LIST_SHARE = 0.6  # of the sentence's words in short items


def own_weight(word: str, known: frozenset[str], shape: frozenset[str] = frozenset()) -> float:
    """What one word adds to a sentence's own words: 0 for known or function words, SHAPE_WEIGHT for abstract
    nouns and for words the signal patterns look for (``shape``), 1 for any other word."""
    if len(word) <= 2 or word in FUNCTION_WORDS:
        return 0.0
    root = stem(word)
    if root in known:
        return 0.0
    return SHAPE_WEIGHT if root in shape or _ABSTRACT.fullmatch(word) else 1.0


def is_term_list(text: str) -> bool:
    """Whether a sentence is a list of terms ("Low latency, high availability, durability and global
    scale."): mostly short bare noun phrases, with nothing that ties them into a clause. A list of instances
    ("a public holiday, a heatwave, a Bundesliga restart") names things and is not one."""
    items = [item.split() for item in _ITEM_BREAK.split(text)]
    # A term is a bare noun phrase; "a heatwave" or "the start of school holidays" is an instance.
    short = [item for item in items if 0 < len(item) <= LIST_ITEM_WORDS and item[0].lower() not in _INSTANCE]
    words = sum(len(item) for item in items)
    if len(short) < LIST_ITEMS or not words or sum(len(item) for item in short) < LIST_SHARE * words:
        return False
    return _TIES.search(text.lower()) is None


def hollow_sentences(
    doc: Doc, numbered: Iterable[int], known: frozenset[str], shape: frozenset[str] = frozenset()
) -> frozenset[int]:
    """Indexes of the sentences that are not claims.

    ``numbered``: the sentences holding a quantity; ``known``: stems that are not the answer's own
    (the question's words, generic words, buzzwords and the rubric's vocabulary).
    """
    numbered = set(numbered)
    own: dict[int, dict[str, float]] = {}
    for word, index in zip(doc.words, doc.word_sentences, strict=True):
        if index < 0 or index in numbered or not word.lower[0].isalpha():
            continue
        weight = own_weight(word.lower, known, shape)
        if weight:
            own.setdefault(index, {})[stem(word.lower)] = weight
    return frozenset(
        s.index
        for s in doc.sentences
        if s.index not in numbered and (sum(own.get(s.index, {}).values()) < OWN_WORDS or is_term_list(s.text))
    )


def is_quantity(text: str) -> bool:
    """Whether a "number" hit quantifies something: a bare year ("in 2019") does not."""
    return not _YEAR.fullmatch(text.strip())
