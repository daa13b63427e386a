"""The story bank through the test client: writing a story with its feedback, the coverage matrix,
suggestions in a drill, and recalling a story from the review queue."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from pmprep.web import portability
from pmprep.web.accounts.models import User
from pmprep.web.practice.models import Draft, ReviewCard
from pmprep.web.stories.models import Story

pytestmark = pytest.mark.django_db
T0 = dt.datetime(2026, 11, 2, 10, 0, tzinfo=dt.UTC)
REFERRAL = {
    "title": "The referral programme that flopped",
    "situation": "In my internship at a food-delivery app, growth wanted a referral programme before the holidays.",
    "task": "My job was the rollout plan and the success measure.",
    "action": (
        "I opened it to everyone at once without a holdout. I skipped the fraud review because we were late, "
        "and I did not watch the guardrails. I failed to plan for abuse."
    ),
    "result": "Fraud reached 40% of referrals, so I switched it off after two weeks.",
    "reflection": "I learned to launch behind a holdout and a fraud check; I now do both on every launch.",
    "tags": "internship, growth, internship",
}


def text_of(page: str) -> str:
    """What a reader sees: tags dropped, entities decoded, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


@pytest.fixture
def logged_in(client, alice):
    client.force_login(alice)
    return client


def test_writing_a_story_shows_its_feedback_field_by_field_and_queues_it(logged_in, alice):
    with time_machine.travel(T0, tick=False):
        response = logged_in.post(reverse("stories:new"), REFERRAL)
    story = Story.objects.get(user=alice)
    assert response.status_code == 302 and response["Location"] == reverse("stories:story", args=[story.uid])
    assert story.tags == ["internship", "growth"]  # repeats dropped
    page = logged_in.get(response["Location"]).content.decode()
    assert "Feedback: level" in page
    assert '<mark class="ev' in page  # evidence highlighted inside the fields
    assert "40%" in page and "Result (with numbers)" in page
    card = ReviewCard.objects.get(user=alice)
    assert (card.kind, card.key, card.due) == ("story", str(story.uid), T0)
    with time_machine.travel(T0, tick=False):
        today = logged_in.get(reverse("review:today")).content.decode()
    assert "Recall your story “The referral programme that flopped”" in today


def test_a_story_with_bad_fields_is_refused_and_nothing_saved(logged_in):
    response = logged_in.post(
        reverse("stories:new"),
        {**REFERRAL, "title": "", "result": "x" * 5001, "tags": ",".join(f"t{i}" for i in range(21))},
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "This field is required." in body
    assert "Ensure this value has at most 5000 characters (it has 5001)." in body
    assert "21 tags; the limit is 20." in body
    assert not Story.objects.exists() and not ReviewCard.objects.exists()


def test_the_matrix_names_gaps_and_fills_as_stories_are_written(logged_in):
    before = logged_in.get(reverse("stories:index")).content.decode()
    assert "No story shows a failure" in before and "You have no stories yet; the sources suggest 6–8." in before
    logged_in.post(reverse("stories:new"), REFERRAL)
    after = logged_in.get(reverse("stories:index")).content.decode()
    assert "No story shows a failure" not in after
    assert "You have 1 story; the sources suggest 6–8." in after
    assert "The referral programme that flopped</a>" in after and '<td class="covered">' in after


def test_editing_a_story_updates_it(logged_in, alice):
    logged_in.post(reverse("stories:new"), REFERRAL)
    story = Story.objects.get()
    logged_in.post(reverse("stories:story", args=[story.uid]), {**REFERRAL, "title": "Referral fraud"})
    story.refresh_from_db()
    assert story.title == "Referral fraud"


def test_a_drill_suggests_fitting_stories_and_starts_from_an_outline(logged_in, alice):
    logged_in.post(reverse("stories:new"), REFERRAL)
    story = Story.objects.get()
    page = logged_in.get(reverse("practice:answer") + "?question=beh-failure-product-you-owned").content.decode()
    assert "Stories from your bank that fit" in page
    assert "Shows a failure and what you learned; the question asks about a failure." in page
    started = logged_in.post(
        reverse("stories:practise", args=[story.uid]), {"question": "beh-failure-product-you-owned"}, follow=True
    )
    assert started.redirect_chain == [(reverse("practice:answer") + "?question=beh-failure-product-you-owned", 302)]
    assert "Situation: In my internship at a food-delivery app" in started.content.decode()
    # The outline is the drill's draft, so it survives a reload; a draft the user typed is never replaced.
    draft = Draft.objects.get(user=alice, question_id="beh-failure-product-you-owned")
    draft.answer = "My own words"
    draft.save()
    again = logged_in.post(
        reverse("stories:practise", args=[story.uid]), {"question": "beh-failure-product-you-owned"}, follow=True
    )
    assert "My own words" in again.content.decode()
    assert "You already have a draft for this question, so it is kept as you left it." in again.content.decode()
    # Not a bank question: back to the story with a message, and nothing saved.
    refused = logged_in.post(reverse("stories:practise", args=[story.uid]), {"question": "junk"}, follow=True)
    assert "Choose a question from the bank to practise this story on." in refused.content.decode()
    assert Draft.objects.filter(user=alice).count() == 1


def test_only_the_owner_can_practise_from_a_story_and_only_by_post(logged_in, alice, bob):
    logged_in.post(reverse("stories:new"), REFERRAL)
    story = Story.objects.get()
    url = reverse("stories:practise", args=[story.uid])
    assert logged_in.get(url + "?question=beh-failure-product-you-owned").status_code == 405
    other = Client()
    other.force_login(bob)
    assert other.post(url, {"question": "beh-failure-product-you-owned"}).status_code == 404
    assert not Draft.objects.exists()


def test_recalling_a_story_schedules_its_next_review(logged_in, alice):
    with time_machine.travel(T0, tick=False):
        logged_in.post(reverse("stories:new"), REFERRAL)
    story = Story.objects.get()
    page = logged_in.get(reverse("stories:recall", args=[story.uid])).content.decode()
    assert "What were the key numbers and the lesson" in page and "40%" in page
    bad = logged_in.post(reverse("stories:recall", args=[story.uid]), {"rating": "9"})
    assert bad.status_code == 400
    with time_machine.travel(T0 + dt.timedelta(minutes=5), tick=False):
        logged_in.post(reverse("stories:recall", args=[story.uid]), {"rating": "3"})
    card = ReviewCard.objects.get()
    assert card.reviews == 1 and card.due > T0 + dt.timedelta(minutes=5)


def test_deleting_a_story_takes_its_review_card(logged_in):
    logged_in.post(reverse("stories:new"), REFERRAL)
    story = Story.objects.get()
    logged_in.post(reverse("stories:delete", args=[story.uid]))
    assert not Story.objects.exists() and not ReviewCard.objects.exists()


def test_stories_round_trip_through_export_and_bad_ones_are_refused(logged_in, alice):
    logged_in.post(reverse("stories:new"), REFERRAL)
    before = portability.export_user(alice, now=T0)
    assert before["data"]["stories"][0]["tags"] == ["internship", "growth"]
    broken = {**before, "data": {**before["data"], "stories": [{**before["data"]["stories"][0], "tags": "one"}]}}
    User.objects.all().delete()
    with pytest.raises(portability.ImportProblem) as problem:
        portability.import_document(broken, "broken.json")
    assert "data.stories[0].tags: Expected a list of text (found 'one')" in str(problem.value)
    owner, _ = portability.import_document(before, "alice.json")
    assert portability.export_user(owner, now=T0) == before


LONG_TAG = "t" * 41
PAGES_THAT_READ_STORIES = ["home", "stories:index", "progress:index", "plans:readiness", "review:today"]


def test_a_tag_over_the_cores_limit_is_refused_on_the_tags_field(logged_in):
    response = logged_in.post(reverse("stories:new"), {**REFERRAL, "tags": f"growth, {LONG_TAG}"})
    assert response.status_code == 400
    field = re.search(
        r'<div class="field has-error">\s*<label for="id_tags">Tags</label>(.*?)</div>', response.content.decode(), re.S
    )
    assert field, "the tags field carries the error"
    assert f"Tag 2 (“{LONG_TAG}”): 41 characters; the limit is 40." in html.unescape(field.group(1))
    assert not Story.objects.exists()


def test_a_story_at_the_tag_limits_is_saved(logged_in, alice):
    tags = [f"{i:02d}" + "é" * 38 for i in range(20)]
    response = logged_in.post(reverse("stories:new"), {**REFERRAL, "tags": ", ".join(tags)})
    assert response.status_code == 302
    assert Story.objects.get(user=alice).tags == tags


def test_a_story_stored_with_a_bad_tag_can_be_fixed_by_editing_it(logged_in, alice):
    story = Story.objects.create(user=alice, title="Stored before the fix", tags=[LONG_TAG])
    page = logged_in.get(reverse("stories:story", args=[story.uid]))
    assert page.status_code == 200
    assert f"Tag 1 (“{LONG_TAG}”): 41 characters; the limit is 40." in html.unescape(page.content.decode())
    response = logged_in.post(reverse("stories:story", args=[story.uid]), {**REFERRAL, "tags": "fixed"})
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.tags == ["fixed"]


def test_a_bad_stored_story_is_skipped_with_a_note_and_no_page_fails(logged_in, alice, catalog):
    logged_in.post(reverse("stories:new"), REFERRAL)
    bad = Story.objects.create(user=alice, title="Stored before the fix", tags=[LONG_TAG])
    behavioural = next(q.id for q in catalog.questions.values() if q.type == "behavioral")
    urls = [reverse(name) for name in PAGES_THAT_READ_STORIES]
    urls += [
        reverse("bank:question", args=[behavioural]),
        reverse("practice:answer") + f"?question={behavioural}",
    ]
    with time_machine.travel(T0, tick=False):
        statuses = {url: logged_in.get(url).status_code for url in urls}
        generated = logged_in.post(reverse("plans:generate"), {"track": "early_in", "hours_per_week": 8})
    assert statuses == {url: 200 for url in urls}
    assert generated.status_code == 302
    index = text_of(logged_in.get(reverse("stories:index")).content.decode())
    assert (
        "“Stored before the fix” is left out of the matrix until it is fixed: "
        f"Tag 1 (“{LONG_TAG}”): 41 characters; the limit is 40."
    ) in index
    assert "You have 1 story; the sources suggest 6–8." in index
    recall = logged_in.get(reverse("stories:recall", args=[bad.uid]))
    assert recall.status_code == 302 and recall["Location"] == reverse("stories:story", args=[bad.uid])


def test_the_story_page_shows_one_score(logged_in):
    # This story scores exactly 40.5: the heading once said 41 and the summary under it 40.
    half = {
        "title": "Half a point",
        "situation": REFERRAL["situation"],
        "task": "My job was the rollout plan.",
        "action": "We talked to users and we shipped a fix.",
        "result": "Completion rose from 52% to 61% in six weeks; I learned to test first.",
    }
    response = logged_in.post(reverse("stories:new"), half)
    page = text_of(logged_in.get(response["Location"]).content.decode())
    assert "Feedback: level 2 (Borderline), 41/100 Borderline (41/100). " in page
    assert "40/100" not in page


def test_a_field_at_its_limit_with_browser_line_endings_is_saved(logged_in, alice):
    # A browser counts a line break as one character against maxlength and sends it as two (\r\n).
    result = "\r\n".join(["Rose 4%." + "x" * 91] * 50)  # 50 lines of 99 characters and 49 breaks: 4,999
    response = logged_in.post(reverse("stories:new"), {**REFERRAL, "result": result + "!"})
    assert response.status_code == 302
    assert Story.objects.get(user=alice).result == result.replace("\r\n", "\n") + "!"
