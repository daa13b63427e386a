"""A question type is content plus one judging module: an eighth type added through a company folder of its
own (question_types.yaml, its framework, its rubric criteria, a question, classifier cues) and one module
with its judging functions works through the analyzer, the bank, a drill, the command line and the API."""

from __future__ import annotations

import json
import shutil
import textwrap

import pytest
from django.urls import reverse
from typer.testing import CliRunner

from pmprep.analysis import analyze, classify
from pmprep.bank import SHIPPED
from pmprep.cli.main import app
from pmprep.web import text_workers
from pmprep.web.practice.models import Attempt

pytestmark = pytest.mark.django_db

JUDGE = '''
"""Pricing answers: the willingness to pay, and what a price change trades."""
from pmprep.analysis.judging import judge, part, sat


def willingness_to_pay(ctx):
    numbers = ctx.hits("number")
    users = ctx.hits("user", "segment")
    return judge(part(0.6, sat(len(numbers), 3), numbers, "willingness_to_pay.price_points"),
                 part(0.4, sat(len(users), 2), users, "willingness_to_pay.who_pays"))


def price_tradeoff(ctx):
    found = ctx.hits("tradeoff", "metric")
    return judge(part(1.0, sat(len(found), 3), found, "price_tradeoff.what_it_trades"))


CRITERIA = {"willingness_to_pay": willingness_to_pay, "price_tradeoff": price_tradeoff}
'''
QUESTION = """questions:
  - id: pri-family-plan-price
    text: What should a family plan cost, and how would you know the price is right?
    type: pricing
    tracks: [experienced]
    rounds: [ex_product_team]
    competencies: [strategy_execution]
    difficulty: medium
    talking_points:
      - Says who buys a family plan and what they pay today, with numbers.
      - Names the price points tested and the share of members expected to switch.
      - Weighs revenue per member against churn and says which it would give up.
    probes:
      - What would make you lower the price after launch?
      - Which members would you not want to move to the plan?
"""
ANSWER = (
    "Families of four who share one account today pay 15.49 a month; about 30% of our accounts have four "
    "profiles. I would test three price points, 17.99, 19.99 and 22.99, on new sign-ups in three markets for "
    "six weeks. The trade-off is revenue per member against churn: at 22.99 revenue per account rises 12% but "
    "if monthly churn goes above 3% we lose more than we gain, so I would pick 19.99 unless the test says otherwise."
)


@pytest.fixture
def pricing(tmp_path, monkeypatch):
    folder = tmp_path / "acme"
    shutil.copytree(SHIPPED, folder)

    def add(name: str, after: str, text: str) -> None:
        path = folder / name
        body = path.read_text(encoding="utf-8")
        assert after in body, (name, after)
        path.write_text(body.replace(after, after + textwrap.indent(textwrap.dedent(text), "  "), 1), encoding="utf-8")

    add(
        "question_types.yaml",
        "question_types:\n",
        """\
          - id: pricing
            name: Pricing
            description: Set or change a price, and say what it does to who pays and to revenue.
            framework: price_who_test_tradeoff
            competencies: [strategy_execution]
            judge: acme_pricing_judge
            profile: {number: 1, tradeoff: 1, metric: 1}
            siblings: [strategy]
            words: [150, 500]
        """,
    )
    add(
        "frameworks.yaml",
        "frameworks:\n",
        """\
          - id: price_who_test_tradeoff
            name: Who pays → price points → the test → the trade-off
            use: Pricing questions.
            steps:
              - {id: who, name: Who pays, prompt: "Who buys, and what do they pay today?", signals: [user, segment]}
              - {id: points, name: Price points, prompt: "Which prices would you try?", signals: [number]}
              - {id: tradeoff, name: The trade-off, prompt: "What does the price give up?", signals: [tradeoff, metric]}
        """,
    )
    add(
        "rubrics.yaml",
        "types:\n",
        """\
          pricing:
            - {id: willingness_to_pay, name: Willingness to pay, what: "Who pays, what they pay today and the price points to try.", probe: "What does this customer pay today, and what would you try?"}
            - {id: price_tradeoff, name: What the price trades, what: "What a price change gains and gives up, with the metric that decides.", probe: "What do you give up at that price?"}
        """,
    )
    add(
        "rubrics.yaml",
        "\nparts:\n",
        """\
          willingness_to_pay:
            price_points: {missing: 'no price points', advice: 'Name the prices you would try and what customers pay now.'}
            who_pays: {missing: 'no customer named', advice: 'Say who buys this and why they would pay.'}
          price_tradeoff:
            what_it_trades: {missing: 'no trade-off', advice: 'Say what the price gives up (churn, reach) and the metric that decides.'}
        """,
    )
    add(
        "competencies.yaml",
        "\ncriteria:\n",
        """\
          - {id: willingness_to_pay, competencies: [customer_obsession]}
          - {id: price_tradeoff, competencies: [strategy_execution]}
        """,
    )
    add(
        "classifier_cues.yaml",
        "\ncues:\n",
        """\
          pricing:
            - {weight: 8, pattern: '\\b(?:cost|price|pricing|charge)\\b'}
        """,
    )
    (folder / "questions" / "pricing.yaml").write_text(QUESTION, encoding="utf-8")
    (tmp_path / "acme_pricing_judge.py").write_text(JUDGE, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    # The judging module is on this process's path only: analyses run inline (PMPREP_TEXT_WORKERS=0), as the
    # command line runs them. A real install puts a type's module where every worker imports it.
    monkeypatch.setattr(text_workers, "_shared", text_workers.TextWorkers(0, 10))
    monkeypatch.setenv("PMPREP_CONTENT", str(folder))
    monkeypatch.delenv("PMPREP_COMPANY", raising=False)
    return folder


def test_the_analyzer_judges_the_eighth_type_with_its_own_module_and_rubric(pricing):
    fb = analyze("pri-family-plan-price", ANSWER)
    assert (fb.question_type, fb.framework, fb.shape_name) == (
        "pricing",
        "Who pays → price points → the test → the trade-off",
        "Pricing",
    )
    own = {c.id: c for c in fb.criteria}
    assert {"willingness_to_pay", "price_tradeoff", "structure", "specificity", "coverage"} <= set(own)
    assert own["willingness_to_pay"].name == "Willingness to pay" and own["willingness_to_pay"].level >= 3
    assert fb.level >= 2 and not fb.notes
    assert classify("How much should we charge for a family plan?").question_type == "pricing"


def test_the_bank_a_drill_and_its_feedback_page_work_for_the_eighth_type(client, alice, pricing):
    client.force_login(alice)
    page = client.get(reverse("bank:question", args=["pri-family-plan-price"]))
    assert page.status_code == 200 and "Pricing" in page.content.decode()
    # The question is the experienced track's, and alice's is early-in: the bank opens on her own track.
    listed = client.get(reverse("bank:questions") + "?type=pricing&track=all").content.decode()
    assert "What should a family plan cost" in listed
    response = client.post(
        reverse("practice:answer"), {"question_id": "pri-family-plan-price", "question_text": "x", "answer": ANSWER}
    )
    assert response.status_code == 302
    attempt = Attempt.objects.get(user=alice)
    assert attempt.question_type == "pricing"
    feedback = client.get(response["Location"]).content.decode()
    assert "Willingness to pay" in feedback and "What the price trades" in feedback
    typed = client.post(
        reverse("practice:answer"),
        {"question_text": "Price our new storage tier.", "answer": ANSWER, "question_type": "pricing"},
    )
    assert typed.status_code == 302 and Attempt.objects.filter(question_type="pricing").count() == 2


def test_the_api_and_the_command_line_know_the_eighth_type(client, pricing):
    api = client.post(
        "/api/analyze",
        json.dumps({"question": "Price our new storage tier.", "answer": ANSWER, "question_type": "pricing"}),
        content_type="application/json",
    )
    assert api.status_code == 200 and api.json()["question_type"] == "pricing"
    listed = CliRunner().invoke(app, ["questions", "--type", "pricing", "--json"])
    assert listed.exit_code == 0 and [q["id"] for q in json.loads(listed.output)] == ["pri-family-plan-price"]
    judged = CliRunner().invoke(app, ["analyze", "-q", "pri-family-plan-price", "--json"], input=ANSWER)
    assert judged.exit_code == 0 and json.loads(judged.output)["question_type"] == "pricing"


def test_a_type_whose_judging_module_is_missing_is_refused_with_file_entry_and_field(pricing):
    path = pricing / "question_types.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("judge: acme_pricing_judge", "judge: acme_no_such_module"),
        encoding="utf-8",
    )
    from pmprep.bank import ContentError

    with pytest.raises(ContentError) as error:
        analyze("pri-family-plan-price", ANSWER)
    [problem] = error.value.problems
    assert (problem.file, problem.entry, problem.field) == ("acme/question_types.yaml", "pricing", "judge")
    assert "the module 'acme_no_such_module' cannot be imported" in problem.message
