from __future__ import annotations

import json
import re

import pytest
from django.urls import reverse

from pmprep.analysis import MAX_ANSWER_CHARS
from pmprep.analysis.feedback import score_points
from pmprep.web.accounts.models import User
from pmprep.web.practice.models import Attempt

pytestmark = pytest.mark.django_db
ANSWER = (
    "Last spring I led onboarding for a budgeting app with 40,000 monthly users. Interviews showed people quit "
    "at bank linking, so I cut two steps and tested it against the old flow for three weeks. Completion rose "
    "from 52% to 61%. I learned to test the riskiest step first."
)


@pytest.fixture
def bank_q(catalog):
    return next(q for q in catalog.questions.values() if q.id in catalog.strong_answers and q.type == "behavioral")


def test_practice_requires_login(client):
    response = client.get(reverse("practice:answer"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))


def test_bank_question_prefills_with_its_rounds_budget(client, alice, bank_q, catalog):
    client.force_login(alice)
    html = client.get(reverse("practice:answer") + f"?question={bank_q.id}").content.decode()
    rounds = [catalog.rounds[r] for r in bank_q.rounds]
    mine = [r for r in rounds if r.track == "early_in"] or rounds
    assert bank_q.text.replace("'", "&#x27;")[:40] in html or bank_q.text[:40] in html
    assert f'data-budget="{mine[0].answer_minutes * 60}"' in html


def test_question_page_links_to_practise_this(client, bank_q):
    html = client.get(reverse("bank:question", args=[bank_q.id])).content.decode()
    assert f"{reverse('practice:answer')}?question={bank_q.id}" in html


def test_submitting_saves_an_attempt_and_shows_feedback(client, alice, bank_q):
    client.force_login(alice)
    response = client.post(
        reverse("practice:answer"),
        {"question_id": bank_q.id, "question_text": bank_q.text, "answer": ANSWER, "seconds_taken": "95"},
    )
    attempt = Attempt.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("practice:attempt", args=[attempt.pk])
    assert (attempt.user, attempt.question_id, attempt.question_type, attempt.seconds_taken) == (
        alice,
        bank_q.id,
        "behavioral",
        95,
    )
    html = client.get(response["Location"]).content.decode()
    assert f"{score_points(attempt.score)}/100" in html
    assert '<mark class="ev' not in html  # the answer reads as plain text until a criterion is picked
    shown = next(c for c in attempt.feedback["criteria"] if c["evidence"] and c["id"] != "coverage")
    assert f'href="?show={shown["id"]}#answer-heading"' in html
    picked = client.get(response["Location"] + f"?show={shown['id']}").content.decode()
    titles = set(re.findall(r'<mark class="ev" title="([^:"]+):', picked))
    assert titles == {shown["name"]}  # only that criterion's evidence, named in the legend as well
    assert f"the evidence for <strong>{shown['name']}</strong>" in picked and 'aria-current="true"' in picked
    assert "What an interviewer would ask next" in html
    assert "Compare with a strong answer" in html


def test_a_second_attempt_shows_the_change(client, alice):
    client.force_login(alice)
    question = "Tell me about a time you changed a plan because of user research."
    client.post(
        reverse("practice:answer"), {"question_text": question, "answer": "I talked to users and changed the plan."}
    )
    client.post(reverse("practice:answer"), {"question_text": question, "answer": ANSWER})
    first, second = Attempt.objects.order_by("created", "id")
    assert second.previous() == first
    html = client.get(reverse("practice:attempt", args=[second.pk])).content.decode()
    assert f"▲ up {round(second.score - first.score, 1)} points" in html


def test_own_question_is_classified(client, alice):
    client.force_login(alice)
    client.post(reverse("practice:answer"), {"question_text": "How many golf balls fit in a bus?", "answer": ANSWER})
    assert Attempt.objects.get().question_type == "estimation"


@pytest.mark.parametrize(
    "data, message",
    [
        ({"question_text": "Why Netflix?", "answer": "   "}, "Write an answer before asking for feedback."),
        ({"question_text": "", "answer": ANSWER}, "This field is required."),
        (
            {"question_text": "Why Netflix?", "answer": "x" * (MAX_ANSWER_CHARS + 1)},
            "Ensure this value has at most 200000 characters",
        ),
        ({"question_text": "Why Netflix?", "answer": "a\x00b"}, "Null characters are not allowed."),
    ],
)
def test_bad_input_is_refused_and_nothing_is_stored(client, alice, data, message):
    client.force_login(alice)
    response = client.post(reverse("practice:answer"), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Attempt.objects.exists()


def test_someone_elses_attempt_is_not_found(client, alice):
    client.force_login(alice)
    client.post(reverse("practice:answer"), {"question_text": "Why Netflix?", "answer": ANSWER})
    mine = Attempt.objects.get()
    bob = User.objects.create_user("bob", password="y" * 12)
    client.force_login(bob)
    assert client.get(reverse("practice:attempt", args=[mine.pk])).status_code == 404
    assert "No attempts yet." in client.get(reverse("practice:attempts")).content.decode()


def test_unknown_bank_question_is_a_404(client, alice):
    client.force_login(alice)
    assert client.get(reverse("practice:answer") + "?question=nope").status_code == 404


# ---- JSON API


def post_json(client, name, body, content_type="application/json"):
    data = body if isinstance(body, (bytes, str)) else json.dumps(body)
    return client.post(reverse(name), data=data, content_type=content_type)


def test_api_analyze(client):
    response = post_json(client, "api-analyze", {"question": "Why Netflix?", "answer": ANSWER, "seconds": 90})
    data = response.json()
    assert response.status_code == 200 and data["question_type"] == "culture"
    assert {"score", "level", "criteria", "red_flags", "probes", "outline", "delivery"} <= set(data)


def test_api_analyze_judges_against_a_chosen_shape(client):
    data = post_json(
        client,
        "api-analyze",
        {"question": "met-churn-voluntary-involuntary", "answer": METRICS_ANSWER, "shape": "design_experiment"},
    ).json()
    assert (data["shape"], data["shape_name"]) == ("design_experiment", "Design an experiment")
    assert "coverage" in {c["id"] for c in data["criteria"]}


def test_api_classify(client):
    data = post_json(client, "api-classify", {"question": "How many golf balls fit in a bus?"}).json()
    assert data["question_type"] == "estimation" and data["source"] == "rules"


@pytest.mark.parametrize(
    "body, content_type, status, error",
    [
        ({"question": "Why Netflix?"}, "application/json", 400, {"answer": "is required"}),
        ({"question": 5, "answer": ANSWER}, "application/json", 400, {"question": "must be a string"}),
        (
            {"question": "Q", "answer": ANSWER, "question_type": "riddle"},
            "application/json",
            400,
            {
                "question_type": "must be one of behavioral, product_design, strategy, metrics, technical, estimation, culture"
            },
        ),
        (
            {"question": "Q", "answer": ANSWER, "seconds": -1},
            "application/json",
            400,
            {"seconds": "must be a number of seconds between 0 and 86400"},
        ),
        ({"question": "Q", "answer": ANSWER, "extra": 1}, "application/json", 400, {"extra": "is not a known field"}),
        (
            {"question": "Q", "answer": ANSWER, "question_type": "metrics", "shape": "debug_incident"},
            "application/json",
            400,
            {
                "shape": "'debug_incident' is a shape of technical questions; metrics's are diagnose_change, "
                "design_experiment, define_metric"
            },
        ),
        (
            {"question": "Q", "answer": ANSWER, "shape": "haiku"},
            "application/json",
            400,
            {
                "shape": "must be one of diagnose_change, design_experiment, define_metric, debug_incident, explain_how, "
                "design_system, improve_existing, new_product, story, fit, strategy, estimation"
            },
        ),
        (b"\xff\xfe", "application/json", 400, "The request body is not UTF-8."),
        ("[1, 2", "application/json", 400, "The request body is not valid JSON."),
        ("[" * 100_000 + "]" * 100_000, "application/json", 400, "The request body is not valid JSON."),
        ("[1]", "application/json", 400, "The JSON body must be an object."),
        (
            "question=x",
            "application/x-www-form-urlencoded",
            415,
            "Send a JSON body with Content-Type: application/json.",
        ),
    ],
)
def test_api_errors_are_clear_json(client, body, content_type, status, error):
    response = post_json(client, "api-analyze", body, content_type)
    assert response.status_code == status
    data = response.json()
    if isinstance(error, dict):
        assert data["fields"] == error and data["error"] == "The request has invalid fields."
    else:
        assert data["error"] == error


def test_api_refuses_get(client):
    assert client.get(reverse("api-analyze")).status_code == 405


METRICS_ANSWER = (
    "First the goal: members who are glad they stayed. I'd define monthly churn as paying members whose "
    "access ended in the month over paying members at its start, split voluntary vs involuntary, and "
    "read it by tenure cohort and country. Involuntary churn is a payments problem, so retries and card "
    "updaters come first; voluntary churn needs a product answer such as a pause option."
)


def test_the_page_says_how_a_bank_question_is_judged_and_offers_to_change_it(client, alice):
    client.force_login(alice)
    html = client.get(reverse("practice:answer") + "?question=met-churn-voluntary-involuntary").content.decode()
    assert "Judged as: Metrics · Define or choose a metric (change)" in html
    assert '<label for="id_question_type">Question type</label>' in html
    assert '<option value="diagnose_change">Metrics: Diagnose a change</option>' in html


def test_a_chosen_shape_is_what_the_answer_is_judged_against(client, alice):
    client.force_login(alice)
    response = client.post(
        reverse("practice:answer"),
        {
            "question_id": "met-churn-voluntary-involuntary",
            "question_text": "(filled in from the bank)",
            "answer": METRICS_ANSWER,
            "shape": "design_experiment",
        },
    )
    assert response.status_code == 302
    feedback = Attempt.objects.get().feedback
    assert (feedback["question_type"], feedback["shape"], feedback["shape_name"]) == (
        "metrics",
        "design_experiment",
        "Design an experiment",
    )
    html = client.get(response["Location"]).content.decode()
    assert "Type: Metrics · Answer shape: Design an experiment" in html


def test_a_typed_question_can_be_judged_as_another_type(client, alice):
    client.force_login(alice)
    client.post(
        reverse("practice:answer"),
        {
            "question_text": "How should a meal-kit company think about churn?",
            "answer": METRICS_ANSWER,
            "question_type": "metrics",
        },
    )
    assert Attempt.objects.get().question_type == "metrics"


def test_a_shape_of_another_type_is_refused_on_its_field_and_nothing_is_saved(client, alice):
    client.force_login(alice)
    response = client.post(
        reverse("practice:answer"),
        {
            "question_text": "How should a meal-kit company think about churn?",
            "answer": METRICS_ANSWER,
            "question_type": "behavioral",
            "shape": "debug_incident",
        },
    )
    assert response.status_code == 400
    assert (
        "That is a shape of technical questions, not of behavioral ones: choose one of the type you picked."
        in response.content.decode()
    )
    assert not Attempt.objects.exists()


def test_coverage_is_quoted_in_the_criteria_but_does_not_cover_the_other_highlights(client, alice):
    client.force_login(alice)
    response = client.post(
        reverse("practice:answer"),
        {
            "question_id": "met-churn-voluntary-involuntary",
            "question_text": "(from the bank)",
            "answer": METRICS_ANSWER,
        },
    )
    html = client.get(response["Location"]).content.decode()
    feedback = Attempt.objects.get().feedback
    coverage = next(c for c in feedback["criteria"] if c["id"] == "coverage")
    assert coverage["evidence"]  # the passages are quoted…
    assert "?show=coverage" not in html  # …but not offered as highlights in the answer
    assert '<mark class="ev' not in client.get(response["Location"] + "?show=coverage").content.decode()
    specific = client.get(response["Location"] + "?show=specificity").content.decode()
    assert specific.count('<mark class="ev') >= 3


def test_the_feedback_opens_with_strengths_and_gaps(client, alice):
    client.force_login(alice)
    response = client.post(
        reverse("practice:answer"),
        {
            "question_id": "met-churn-voluntary-involuntary",
            "question_text": "(from the bank)",
            "answer": METRICS_ANSWER,
        },
    )
    html = client.get(response["Location"]).content.decode()
    assert "<h3>Strengths</h3>" in html and "<h3>Biggest gaps</h3>" in html
    assert html.index("<h3>Strengths</h3>") < html.index("Your answer, with the evidence found")


def test_an_unknown_criterion_to_show_is_plain_text_not_an_error(client, alice):
    client.force_login(alice)
    response = client.post(
        reverse("practice:answer"), {"question_text": "Tell me about a time you failed.", "answer": ANSWER}
    )
    page = client.get(response["Location"] + "?show=%3Cscript%3E")
    assert page.status_code == 200 and '<mark class="ev' not in page.content.decode()


def test_the_strong_answer_reads_as_paragraphs_and_keeps_its_evidence_offsets():
    from pmprep.web.practice.highlight import unwrapped

    text = "First line of a paragraph\nwraps here.\n\nA new paragraph:\n- a bullet\n- another\n2. a numbered item"
    out = unwrapped(text)
    assert out == "First line of a paragraph wraps here.\n\nA new paragraph:\n- a bullet\n- another\n2. a numbered item"
    assert len(out) == len(text)
