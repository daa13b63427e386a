"""Interview mode: a set of questions answered one after another, the feedback held back until the end."""

from __future__ import annotations

import datetime as dt
import re

import lxml.html
import pytest
import time_machine
from django.urls import reverse

from pmprep.analysis.feedback import score_points
from pmprep.config import active_catalog
from pmprep.web.practice.focus import SESSION_KEY
from pmprep.web.practice.models import Attempt, ReviewCard

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 8, 10, 9, 0, tzinfo=dt.UTC)
ROUND = "ei_hiring_manager"
ANSWERS = [
    "At a grocery app I owned checkout. Card failures were 4% of orders, so I led a fix with two engineers: we "
    "retried soft declines once after 2 seconds. Failures fell to 2.5% in six weeks.",
    "I would segment churned members by tenure and plan, interview ten of them, and test a pause option "
    "against cancellation for four weeks, with retention at 60 days as the metric.",
    "I disagreed with my manager about launching without an experiment; I showed him a two-week test plan "
    "and we shipped to 10% first. Conversion rose 3% and we rolled out to everyone.",
]
FEEDBACK_WORDS = ("Poor", "Borderline", "Solid", "Outstanding", "/100", "Full feedback")


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):  # the whole test, session included
        yield


@pytest.fixture
def logged_in(client, alice):
    client.force_login(alice)
    return client


def _doc(response) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(response.content.decode())


def _start(client, **query) -> list[str]:
    response = client.post(reverse("practice:focus_start"), query)
    assert response.status_code == 302 and response["Location"] == reverse("practice:focus_question")
    return client.session[SESSION_KEY]["questions"]


def _answer(client, text: str, seconds: str = "") -> object:
    page = client.get(reverse("practice:focus_question"))
    form = {i.get("name"): i.get("value") or "" for i in _doc(page).xpath("//form[@data-timer]//input")}
    return client.post(reverse("practice:focus_answer"), {**form, "answer": text, "seconds_taken": seconds})


def test_a_link_describes_the_set_and_a_button_starts_it(logged_in):
    response = logged_in.get(reverse("practice:focus"), {"round": ROUND, "set": "3"})
    doc = _doc(response)
    set_card = doc.xpath("//section[@aria-labelledby='set-heading']")[0]
    assert " ".join(set_card.find("p").text_content().split()).startswith(
        "3 questions, from the Hiring-manager behavioural interview"
    )
    [form] = set_card.iter("form")
    assert (form.get("method"), form.get("action")) == ("post", reverse("practice:focus_start"))


@pytest.mark.parametrize(
    "query, message",
    [
        ({"round": "nope"}, "Select a valid choice. nope is not one of the available choices."),
        ({"question": "nope"}, "There is no question 'nope' in the bank."),
        ({"round": ROUND, "set": "9"}, "Choose a set of 1 to 5 questions."),
        ({"set": "3"}, "Choose the round the set's questions come from."),
    ],
)
def test_a_bad_choice_is_refused_in_words(logged_in, query, message):
    response = logged_in.get(reverse("practice:focus"), query)
    assert response.status_code == 400 and message in _doc(response).text_content()


def test_a_set_runs_to_the_end_with_the_feedback_held_back_and_each_answer_recorded_once(logged_in, alice):
    catalog = active_catalog()
    questions = _start(logged_in, round=ROUND, set="3")
    assert len(questions) == len(set(questions)) == 3
    assert all(ROUND in catalog.questions[q].rounds for q in questions)

    for n, (qid, text) in enumerate(zip(questions, ANSWERS, strict=True), start=1):
        doc = _doc(logged_in.get(reverse("practice:focus_question")))
        assert doc.find_class("question-text")[0].text == catalog.questions[qid].text
        assert f"question {n} of 3" in doc.find_class("focus-bar")[0].text_content()
        [form] = doc.xpath("//form[@data-timer]")
        assert form.get("data-budget") == str(catalog.answer_seconds(qid, "early_in"))
        main = doc.get_element_by_id("main").text_content()
        assert not any(word in main for word in FEEDBACK_WORDS)  # nothing of the last answer's feedback
        response = _answer(logged_in, text, seconds="95")
        assert response["Location"] == reverse("practice:focus_summary" if n == 3 else "practice:focus_question")

    attempts = list(Attempt.objects.filter(user=alice).order_by("id"))
    assert [a.question_id for a in attempts] == questions and [a.seconds_taken for a in attempts] == [95] * 3
    cards = ReviewCard.objects.filter(user=alice)
    assert sorted(c.key for c in cards) == sorted(questions) and {c.reviews for c in cards} == {1}

    summary = _doc(logged_in.get(reverse("practice:focus_summary")))
    rows = summary.xpath("//table//tbody/tr")
    assert len(rows) == 3
    for row, attempt in zip(rows, attempts, strict=True):
        cells = [" ".join(td.text_content().split()) for td in row.iter("td")]
        assert (
            cells[2]
            == f"{attempt.analysed.level_label} (level {attempt.level} of 4, {score_points(attempt.score)}/100)"
        )
        assert row.xpath(".//a/@href") == [reverse("practice:attempt", args=[attempt.pk])]


def test_an_answer_sent_twice_is_recorded_once(logged_in, alice):
    _start(logged_in, round=ROUND, set="2")
    page = logged_in.get(reverse("practice:focus_question"))
    form = {i.get("name"): i.get("value") or "" for i in _doc(page).xpath("//form[@data-timer]//input")}
    first = logged_in.post(reverse("practice:focus_answer"), {**form, "answer": ANSWERS[0]})
    again = logged_in.post(reverse("practice:focus_answer"), {**form, "answer": ANSWERS[0]})
    assert first["Location"] == again["Location"] == reverse("practice:focus_question")
    assert Attempt.objects.filter(user=alice).count() == 1
    assert ReviewCard.objects.get(user=alice).reviews == 1


def test_it_works_without_the_clock_and_an_empty_answer_is_refused(logged_in, alice):
    _start(logged_in, round=ROUND, set="1")
    empty = _answer(logged_in, "   ")
    assert empty.status_code == 400 and "Write an answer before going on" in empty.content.decode()
    assert not Attempt.objects.exists()
    done = _answer(logged_in, ANSWERS[0])  # no seconds_taken: the timer script never ran
    assert done["Location"] == reverse("practice:focus_summary")
    assert Attempt.objects.get(user=alice).seconds_taken is None


def test_a_question_link_starts_with_that_question(logged_in, catalog):
    qid = next(q.id for q in catalog.questions.values() if ROUND in q.rounds)
    assert _start(logged_in, question=qid) == [qid]
    more = _start(logged_in, question=qid, set="3")
    assert more[0] == qid and len(more) == 3
    assert all(ROUND in catalog.questions[q].rounds for q in more)


def test_ending_a_set_early_sums_up_what_was_answered(logged_in, alice):
    _start(logged_in, round=ROUND, set="3")
    _answer(logged_in, ANSWERS[0])
    ended = logged_in.post(reverse("practice:focus_end"))
    assert ended["Location"] == reverse("practice:focus_summary")
    cells = [" ".join(r.text_content().split()) for r in _doc(logged_in.get(ended["Location"])).xpath("//tbody/tr")]
    assert len(cells) == 3 and re.search(r"\(level \d of 4", cells[0])
    assert cells[1].endswith("Not answered: the set ended before it.") and cells[2].endswith("ended before it.")
    # Once over, the question page leads to the summary, and an answer to the old set is not taken.
    assert logged_in.get(reverse("practice:focus_question"))["Location"] == reverse("practice:focus_summary")
    assert Attempt.objects.filter(user=alice).count() == 1


def test_without_a_set_the_pages_lead_to_choosing_one(logged_in):
    for name in ("practice:focus_question", "practice:focus_summary"):
        assert logged_in.get(reverse(name))["Location"] == reverse("practice:focus")
    sent = logged_in.post(reverse("practice:focus_answer"), {"set_id": "x", "position": "0", "answer": "Hi"})
    assert sent["Location"] == reverse("practice:focus")
