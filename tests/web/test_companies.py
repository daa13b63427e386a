"""A user picks the company they prepare for in their profile; the bank, a drill and the loop are then that
company's, and data exported from one company's preparation is not imported into another's."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from pmprep.analysis import analyze
from pmprep.web import portability
from pmprep.web.portability.import_problems import ImportProblem
from pmprep.web.practice.models import Attempt
from tests.core.test_companies import acme  # noqa: F401  (the fixture: a second company folder)

pytestmark = pytest.mark.django_db
ANSWER = (
    "First-time buyers drop out at the address step: 30% of them leave there, most on phones. For a first "
    "version I would prefill the address from the postcode and measure checkout completion in 14 days."
)


def test_the_profile_offers_every_company_and_choosing_one_serves_its_bank(client, alice, acme):  # noqa: F811
    client.force_login(alice)
    page = client.get(reverse("accounts:profile")).content.decode()
    assert "Acme Groceries" in page and "Netflix" in page
    response = client.post(reverse("accounts:profile"), {"company": "netflix"})
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.company == "netflix"
    assert client.get(reverse("bank:question", args=["acme-only-checkout"])).status_code == 404
    client.post(reverse("accounts:profile"), {"company": "acme"})
    page = client.get(reverse("bank:question", args=["acme-only-checkout"]))
    assert page.status_code == 200 and "a first-time buyer to check out" in page.content.decode()


def test_a_track_the_new_company_also_has_is_kept(client, alice, acme):  # noqa: F811
    alice.company, alice.track = "netflix", "experienced"
    alice.save()
    client.force_login(alice)
    response = client.post(reverse("accounts:profile"), {"company": "acme"}, follow=True)
    alice.refresh_from_db()
    assert (alice.company, alice.track) == ("acme", "experienced")
    assert "You are preparing for Acme Groceries." in response.content.decode()


def test_an_unknown_company_is_refused_with_a_message_and_nothing_changes(client, alice, acme):  # noqa: F811
    client.force_login(alice)
    response = client.post(reverse("accounts:profile"), {"company": "initech"})
    assert response.status_code == 400 and "Select a valid choice" in response.content.decode()
    alice.refresh_from_db()
    assert alice.company == ""


def test_a_drill_on_the_chosen_companys_question_is_judged_against_it(client, alice, acme):  # noqa: F811
    alice.company = "acme"
    alice.save()
    client.force_login(alice)
    response = client.post(
        reverse("practice:answer"),
        {
            "question_id": "acme-only-checkout",
            "question_text": "Checkout",
            "answer": ANSWER,
            "seconds_budget": "",
            "seconds_taken": "",
        },
    )
    assert response.status_code == 302
    attempt = Attempt.objects.get(user=alice)
    assert attempt.question_id == "acme-only-checkout" and attempt.question_text.startswith("How would you cut")
    assert attempt.analysed.question_type == "product_design"


def test_an_export_from_another_companys_preparation_is_refused_with_what_to_do(alice, acme):  # noqa: F811
    fb = analyze("Why Netflix?", "Because I like films and I want to learn from the best people there.")
    Attempt.objects.create(
        user=alice,
        question_text="Why Netflix?",
        question_type=fb.question_type,
        answer="Because I like films.",
        score=fb.score,
        level=fb.level,
        feedback=fb.to_dict(),
    )
    alice.company = "netflix"
    alice.save()
    document = json.loads(json.dumps(portability.export_user(alice), default=str))
    assert document["account"]["company"] == "netflix"
    Attempt.objects.filter(user=alice).delete()
    with pytest.raises(ImportProblem) as problem:  # served as acme, the default here
        portability.import_document(document, "netflix.json", user=alice)
    assert "this file is 'netflix''s preparation and this pmprep serves 'acme'" in str(problem.value)
    assert not Attempt.objects.exists()
