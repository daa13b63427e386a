"""The drill as a conversation: follow-up probes answered on the feedback page, and self-ratings."""

from __future__ import annotations

import pytest
from django.urls import reverse

from pmprep.web.practice.models import Attempt
from tests.core.analysis.test_follow_up import FIRST, METRIC_REPLY, QUESTION
from tests.web.conftest import practised

pytestmark = pytest.mark.django_db
METRICS_PROBE = "How would you know this worked? What is the one metric, and what must not get worse?"


@pytest.fixture
def first(alice):
    return practised(alice, FIRST, question=QUESTION)


def test_the_feedback_page_offers_two_follow_ups_to_answer(client, alice, first):
    client.force_login(alice)
    html = client.get(reverse("practice:attempt", args=[first.pk])).content.decode()
    assert html.count(f'action="/practice/attempts/{first.pk}/follow-up"') == 2
    assert '<label for="reply-1"><strong>Follow-up 1:</strong> How would you know this worked?' in html


def test_answering_a_follow_up_judges_the_exchange_and_says_if_the_gap_closed(client, alice, first):
    client.force_login(alice)
    response = client.post(
        reverse("practice:follow_up", args=[first.pk]), {"probe": METRICS_PROBE, "reply": METRIC_REPLY}
    )
    child = Attempt.objects.get(parent=first)
    assert response.status_code == 302 and response["Location"] == reverse("practice:attempt", args=[child.pk])
    assert (child.probe, child.probe_criterion, child.answer, child.question_type) == (
        METRICS_PROBE,
        "metrics_first",
        METRIC_REPLY,
        "product_design",
    )
    assert (
        child.feedback["follow_up"]["outcome"]
        == "Your reply closed the gap: success metrics first went from level 1 to 3."
    )
    html = client.get(response["Location"] + "?show=metrics_first").content.decode()
    assert "Feedback on your follow-up reply" in html and "The conversation so far" in html
    assert "Your reply closed the gap" in html
    assert '<mark class="ev' in html  # the reply's own evidence is highlighted
    # The asked probe is not offered again; the conversation can go on with the next gap.
    assert f'name="probe" value="{METRICS_PROBE}"' not in html
    parent_html = client.get(reverse("practice:attempt", args=[first.pk])).content.decode()
    assert "Follow-ups you answered" in parent_html and f'name="probe" value="{METRICS_PROBE}"' not in parent_html


def test_an_empty_or_unknown_follow_up_is_refused_and_nothing_is_stored(client, alice, first):
    client.force_login(alice)
    empty = client.post(reverse("practice:follow_up", args=[first.pk]), {"probe": METRICS_PROBE, "reply": "  "})
    assert empty.status_code == 400 and "Write a reply to the follow-up question." in empty.content.decode()
    unknown = client.post(
        reverse("practice:follow_up", args=[first.pk]), {"probe": "Made-up probe?", "reply": "An answer"}
    )
    assert unknown.status_code == 400
    assert "That follow-up is not open for this answer any more" in unknown.content.decode()
    assert Attempt.objects.count() == 1


def test_self_ratings_are_saved_beside_the_automatic_levels(client, alice, first):
    client.force_login(alice)
    ids = [c["id"] for c in first.feedback["criteria"]]
    data = {cid: "3" for cid in ids}
    response = client.post(reverse("practice:self_rating", args=[first.pk]), data)
    assert response.status_code == 302 and response["Location"].endswith("#self-rating")
    first.refresh_from_db()
    assert first.self_ratings == {cid: 3 for cid in ids}
    html = client.get(reverse("practice:attempt", args=[first.pk])).content.decode()
    assert "Your ratings beside pmprep&#x27;s" in html or "Your ratings beside pmprep's" in html
    assert "▲ you rated higher" in html


def test_self_ratings_must_cover_every_criterion_with_1_to_4(client, alice, first):
    client.force_login(alice)
    ids = [c["id"] for c in first.feedback["criteria"]]
    data = {cid: "3" for cid in ids[1:]}
    data[ids[1]] = "9"
    response = client.post(reverse("practice:self_rating", args=[first.pk]), data)
    html = response.content.decode()
    assert response.status_code == 400
    name = first.feedback["criteria"][0]["name"]
    assert (
        f"Rate “{name}” from 1 to 4." in html
        and "Select a valid choice. 9 is not one of the available choices." in html
    )
    first.refresh_from_db()
    assert first.self_ratings == {}


def test_follow_ups_and_self_ratings_survive_export_and_import(client, alice, first):
    from pmprep.web import portability

    client.force_login(alice)
    client.post(reverse("practice:follow_up", args=[first.pk]), {"probe": METRICS_PROBE, "reply": METRIC_REPLY})
    document = portability.export_user(alice)
    child = next(a for a in document["data"]["attempts"] if a["parent"])
    assert child["parent"] == str(first.uid)
    Attempt.objects.filter(user=alice, parent__isnull=False).delete()
    Attempt.objects.filter(user=alice).delete()
    alice.delete()
    owner, _ = portability.import_document(document, "x.json")
    assert portability.export_user(owner)["data"] == document["data"]
    assert Attempt.objects.get(parent__isnull=False).parent.answer == FIRST
