"""What the question bank's pages show that depends only on the content: worked out once per catalog.

A catalog never changes once loaded (pmprep.config keeps one per company folder), so the filter
choices, each question's row (its type, difficulty and round names) and the related questions are
kept for as long as the catalog is, keyed by the catalog itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.safestring import SafeString, mark_safe

from pmprep.bank.model import Catalog
from pmprep.bank.query import Found, QuestionFilter, find, related_questions
from pmprep.bank.schema import Question
from pmprep.web.bank.marks import MINE, QuestionMarks

DIFFICULTIES = {"easy": "Easy", "medium": "Medium", "hard": "Hard"}
ALL_TRACKS = "all"
SLOT = "__question__"  # an address is reversed once, then each question's id put in its place  # the track filter's value for every track (no value: the user's own track)


@dataclass(frozen=True)
class Row:
    """One question as the list shows it: its text and its catalog names, never its id."""

    question: Question
    type_name: str
    difficulty: str
    # track id -> the names of the rounds of that track the question is asked in
    rounds_by_track: dict[str, tuple[str, ...]]

    def rounds(self, track: str | None) -> tuple[str, ...]:
        if track:
            return self.rounds_by_track.get(track, ())
        return tuple(dict.fromkeys(name for names in self.rounds_by_track.values() for name in names))


@dataclass(frozen=True)
class BankContent:
    rows: dict[str, Row]
    # filter field -> (value, label) choices, in the order the form shows them
    choices: dict[str, tuple[tuple[str, str], ...]]
    labels: dict[str, str]


@lru_cache(maxsize=8)
def bank_content(catalog: Catalog) -> BankContent:
    rows = {}
    for q in catalog.questions.values():
        by_track: dict[str, list[str]] = {}
        for rid in q.rounds:
            rnd = catalog.rounds.get(rid)
            if rnd is not None:
                by_track.setdefault(rnd.track, []).append(rnd.name)
        rows[q.id] = Row(
            q,
            catalog.question_types[q.type].name if q.type in catalog.question_types else q.type,
            DIFFICULTIES.get(q.difficulty.value, q.difficulty.value),
            {t: tuple(names) for t, names in by_track.items()},
        )
    choices = {
        "track": ((ALL_TRACKS, "All tracks"), *((t.id, t.name) for t in catalog.tracks.values())),
        "round": tuple((r.id, f"{catalog.tracks[r.track].name}: {r.name}") for r in catalog.rounds.values()),
        "type": tuple((t.id, t.name) for t in catalog.question_types.values()),
        "competency": tuple(
            [(d.id, d.name) for d in catalog.dimensions.values()]
            + [(c.id, c.name) for c in catalog.components.values()]
        ),
        "difficulty": tuple(DIFFICULTIES.items()),
        "theme": tuple((t.id, t.name) for t in catalog.themes.values()),
        "mine": tuple(MINE.items()),
    }
    labels = {
        "track": "Track",
        "round": "Round",
        "type": "Type",
        "competency": "Competency",
        "difficulty": "Difficulty",
        "theme": "Theme",
        "mine": "Yours",
    }
    return BankContent(rows, choices, labels)


@lru_cache(maxsize=256)
def found(catalog: Catalog, wanted: QuestionFilter) -> Found:
    """What a filter finds in the catalog (the same every time: the content does not change). Read only."""
    return find(catalog, wanted)


@lru_cache(maxsize=512)  # bounded: the choices are the catalog's, and an unknown value is never selected
def options_html(catalog: Catalog, name: str, selected: str) -> SafeString:
    """The ``<option>`` elements of one filter, ``selected`` chosen; "Any" first except for the track,
    whose "All tracks" is a choice of its own."""
    choices = bank_content(catalog).choices[name]
    options = format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        ((value, " selected" if value == selected else "", label) for value, label in choices),
    )
    if name == "track":
        return options
    return mark_safe('<option value="">Any</option>' + options)  # a constant and escaped options


@lru_cache(maxsize=4096)  # a few variants of each question: the track shown, the user's marks, signed in or not
def row_html(
    catalog: Catalog,
    question_id: str,
    track: str | None,
    marks: QuestionMarks,
    signed_in: bool,
    url: str,
    bookmark_url: str,
) -> SafeString:
    """One question's row of the list (``bank/_question_row.html``), rendered once for each variant: the
    rows of a page differ from request to request only by these arguments."""
    row = bank_content(catalog).rows[question_id]
    return render_to_string(
        "bank/_question_row.html",
        {
            "id": question_id,
            "text": row.question.text,
            "type_name": row.type_name,
            "difficulty": row.difficulty,
            "rounds": "; ".join(row.rounds(track)),
            "url": url,
            "bookmark_url": bookmark_url,
            "answered": marks.answered,
            "bookmarked": marks.bookmarked,
            "due": marks.due,
            "signed_in": signed_in,
        },
    )


@lru_cache(maxsize=256)  # keyed by what the user asked (the query, the search text): bounded by the LRU
def filters_html(
    catalog: Catalog, chosen: tuple[tuple[str, str], ...], text: str, can_clear: bool, signed_in: bool, bank_url: str
) -> SafeString:
    """The filter form (``bank/_filters.html``): the search box holding ``text``, and each filter with its
    ``chosen`` value selected ("Yours" only for a signed-in user)."""
    content = bank_content(catalog)
    values = dict(chosen)
    filters = [
        {"name": name, "label": content.labels[name], "options": options_html(catalog, name, values.get(name, ""))}
        for name in content.choices
        if name != "mine" or signed_in
    ]
    return render_to_string(
        "bank/_filters.html", {"filters": filters, "text": text, "can_clear": can_clear, "bank_url": bank_url}
    )


@lru_cache(maxsize=256)
def pager_html(query: str, number: int, num_pages: int) -> SafeString:
    """Numbered pages (``bank/_pager.html``): first, previous, the pages around ``number`` and at the ends,
    next and last, each link keeping ``query``; nothing for a single page."""
    page = Paginator(range(num_pages), 1).page(number)
    return render_to_string(
        "bank/_pager.html",
        {
            "page": page,
            "page_range": page.paginator.get_elided_page_range(number, on_each_side=2, on_ends=1),
            "query": query,
        },
    )


@lru_cache(maxsize=1024)  # two variants of each question: signed in or not
def question_html(catalog: Catalog, question_id: str, signed_in: bool, bank_url: str) -> tuple[SafeString, SafeString]:
    """What a question's page shows of the content alone: its facts, talking points, probes, structure and
    primers (``bank/_question_body.html``), and its related questions (``bank/_related.html``)."""
    q = catalog.questions[question_id]
    qtype = catalog.question_types[q.type]
    rows = bank_content(catalog).rows
    question_url = reverse("bank:question", args=[SLOT])
    body = render_to_string(
        "bank/_question_body.html",
        {
            "q": q,
            "framework": catalog.frameworks.get(qtype.framework),
            "rounds": [catalog.rounds[r] for r in q.rounds],
            "competencies": [(c, catalog.competency_name(c)) for c in q.competencies],
            "themes": [catalog.themes[t] for t in q.themes],
            "primers": catalog.primers_for(q),
            "case_prompt": catalog.in_case_round(q),
            "signed_in": signed_in,
            "bank_url": bank_url,
        },
    )
    related = [
        {"text": r.text, "url": question_url.replace(SLOT, r.id), "type_name": rows[r.id].type_name}
        for r in related_questions(catalog, q)
    ]
    return body, render_to_string("bank/_related.html", {"related": related})
