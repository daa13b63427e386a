"""Interview-week pages through the test client: the portfolio with reasons, swaps re-checked, names, a
round's sheet on screen, in Markdown and PDF, questions to ask with the checker's flags, and ownership."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from django.utils.html import escape
from pypdf import PdfReader

from pmprep.config import active_catalog, using_company
from pmprep.web.cases.models import CaseDeck
from pmprep.web.interview_week.models import AskedQuestion, InterviewerName, PortfolioSwap
from pmprep.web.stories.models import Story
from tests.web.conftest import looped

pytestmark = pytest.mark.django_db


@pytest.fixture
def logged_in(client, alice):
    client.force_login(alice)
    return client


def make_story(user, title: str, kinds: list[str], reflection: str = "", result: str = "") -> Story:
    return Story.objects.create(user=user, title=title, kinds=kinds, reflection=reflection, result=result)


def text(response) -> str:
    return " ".join(response.content.decode().split())


def test_the_real_loop_portfolio_shows_each_assignment_with_its_reason(logged_in, alice):
    story = make_story(alice, "Story A", ["launch", "failure"])
    response = logged_in.get(reverse("week:index"))
    assert response.status_code == 200
    page = text(response)
    assert "<h1>Interview week: " in page
    assert (
        "A university recruiter: &#x27;Story A&#x27; — covers a launch, a failure and &#x27;Cultural fit and "
        "leadership&#x27;; also told in Hiring-manager behavioural interview and Case-study presentation, to other "
        "interviewers."
    ) in page
    assert (
        "<li>Recruiter screen: no story shows leading without authority; none covers &#x27;Customer obsession&#x27;, "
        "&#x27;Job awareness&#x27; and &#x27;Company awareness&#x27;.</li>"
    ) in page
    assert reverse("week:sheet", args=["real", "ei_case_presentation"]) in page
    assert str(story.uid) in page  # in the swap form


def test_no_track_and_no_stories_say_what_to_do(client, db):
    from pmprep.web.accounts.models import User

    user = User.objects.create_user("nobody", password="correct horse battery")
    client.force_login(user)
    assert "Choose your track" in text(client.get(reverse("week:index")))
    user.track = "early_in"
    user.save()
    assert "You have no stories yet" in text(client.get(reverse("week:index")))


def test_a_swap_is_stored_and_a_broken_rule_is_named(logged_in, alice):
    a = make_story(alice, "Story A", ["launch", "failure"])
    loop = looped(alice)
    seat = "ei_case_presentation|ei_case_presentation/engineering"
    response = logged_in.post(
        reverse("week:swap", args=[loop.uid]), {"seat": seat, "story": str(a.uid), "replaces": ""}, follow=True
    )
    page = text(response)
    assert (
        "Swap saved, and it breaks a rule: No panel hears one story twice: &#x27;Story A&#x27; is told 2 times" in page
    )
    swap = PortfolioSwap.objects.get(user=alice)
    assert (swap.loop, swap.round_id, swap.interviewer_key, swap.story, swap.replaces) == (
        loop,
        "ei_case_presentation",
        "ei_case_presentation/engineering",
        a,
        None,
    )
    assert "your swap" in page
    logged_in.post(reverse("week:clear_swaps", args=[loop.uid]))
    assert not PortfolioSwap.objects.exists()


def test_a_bad_swap_is_refused_with_a_message_and_nothing_stored(logged_in, alice):
    make_story(alice, "Story A", ["launch"])
    response = logged_in.post(reverse("week:swap", args=["real"]), {"seat": "nope|x", "story": "", "replaces": ""})
    assert response.status_code == 400
    page = text(response)
    assert "Select a valid choice" in page
    response = logged_in.post(
        reverse("week:swap", args=["real"]),
        {"seat": "ei_hiring_manager|ei_hiring_manager/interviewer", "story": "", "replaces": ""},
    )
    assert response.status_code == 400
    assert "Choose a story to put on the round, or one to take off it." in text(response)
    assert not PortfolioSwap.objects.exists()


def test_names_make_one_person_of_two_rounds_and_the_sheet_can_leave_them_out(logged_in, alice):
    make_story(alice, "Cut churn with Dana", ["launch", "failure"], reflection="Dana taught me to test first.")
    data = {"name__ei_recruiter_screen__interviewer": "Dana  Lee", "name__ei_hiring_manager__interviewer": "dana lee"}
    logged_in.post(reverse("week:names", args=["real"]), data)
    assert sorted(InterviewerName.objects.values_list("slot", "name")) == [
        ("ei_hiring_manager/interviewer", "dana lee"),
        ("ei_recruiter_screen/interviewer", "Dana Lee"),
    ]
    sheet = text(logged_in.get(reverse("week:sheet", args=["real", "ei_hiring_manager"])))
    assert "No story is on this round yet" in sheet  # Dana heard it in the screen
    shown = text(logged_in.get(reverse("week:sheet", args=["real", "ei_recruiter_screen"])))
    assert "Dana Lee (A university recruiter)" in shown
    hidden = text(logged_in.get(reverse("week:sheet", args=["real", "ei_recruiter_screen"]) + "?names=hide"))
    assert "Dana" not in hidden
    assert "Cut churn with [name]" in hidden and "[name] taught me to test first." in hidden


def test_a_long_name_is_refused(logged_in, alice):
    response = logged_in.post(
        reverse("week:names", args=["real"]), {"name__ei_recruiter_screen__interviewer": "x" * 81}
    )
    assert response.status_code == 400
    assert "Ensure this value has at most 80 characters (it has 81)." in text(response)
    assert not InterviewerName.objects.exists()


def test_the_sheet_downloads_as_markdown_and_pdf_with_the_case_headline(logged_in, alice):
    make_story(alice, "Story A", ["launch"], result="Signups rose from 10% to 14% in 3 weeks.")
    CaseDeck.objects.create(
        user=alice,
        title="Buffering",
        prompt="Reduce buffering at peak.",
        sections={
            "recommendation": "Prefetch for 10% of members in 6 weeks. More later.",
            "success_metrics": "Rebuffers down 15%.",
        },
    )
    md = logged_in.get(reverse("week:sheet_md", args=["real", "ei_case_presentation"]))
    assert md.status_code == 200 and md["Content-Type"] == "text/markdown; charset=utf-8"
    assert md["Content-Disposition"].startswith('attachment; filename="sheet-case-study-presentation-')
    body = md.content.decode()
    assert "Headline: Prefetch for 10% of members in 6 weeks.\n\nNumbers to remember: 10% · 6 weeks · 15%" in body
    pdf = logged_in.get(reverse("week:sheet_pdf", args=["real", "ei_case_presentation"]))
    assert pdf["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(pdf.content))
    page = " ".join(reader.pages[0].extract_text().split())
    assert "Case-study presentation" in page and "Numbers to remember: 10% · 6 weeks · 15%" in page


def test_questions_are_picked_written_checked_and_shown_with_their_flags(logged_in, alice):
    url = reverse("week:questions", args=["real", "ei_hiring_manager"])
    page = text(logged_in.get(url))
    shipped = "Which metric does your team look at first on a Monday morning?"
    assert shipped in page
    response = logged_in.post(
        url, {"picked": [shipped], "own": "What's the culture like?\n\nWhat is the salary range?"}, follow=True
    )
    page = text(response)
    assert list(AskedQuestion.objects.values_list("text", "shipped", "position")) == [
        (shipped, True, 0),
        ("What's the culture like?", False, 1),
        ("What is the salary range?", False, 2),
    ]
    assert "<strong>Generic</strong>: “What&#x27;s the culture like”." in page
    assert "<strong>Pay, too early</strong>: “salary”." in page
    sheet = text(logged_in.get(reverse("week:sheet", args=["real", "ei_hiring_manager"])))
    assert "What is the salary range?" in sheet and "Suggested; pick your own" not in sheet


def test_a_question_over_the_limit_is_refused_and_nothing_changes(logged_in, alice):
    url = reverse("week:questions", args=["real", "ei_hiring_manager"])
    response = logged_in.post(url, {"own": "Why " + "x" * 1000 + "?"})
    assert response.status_code == 400
    assert "Line 1: the question is 1,005 characters; the limit is 1,000" in text(response)
    response = logged_in.post(url, {"own": "\n".join(f"Question {n}?" for n in range(9))})
    assert "9 questions; keep at most 8." in text(response)
    assert not AskedQuestion.objects.exists()


def test_another_users_loop_and_a_round_not_in_the_loop_are_not_found(client, alice, bob):
    loop = looped(alice)
    client.force_login(bob)
    for name, args in (
        ("week:portfolio", [loop.uid]),
        ("week:sheet", [loop.uid, "ei_hiring_manager"]),
        ("week:sheet_pdf", [loop.uid, "ei_hiring_manager"]),
        ("week:questions", [loop.uid, "ei_hiring_manager"]),
        ("week:portfolio", ["not-a-uid"]),
        ("week:sheet", ["real", "ei_hiring_manager"]),  # bob's track is experienced
    ):
        assert client.get(reverse(name, args=args)).status_code == 404, name
    assert client.post(reverse("week:swap", args=[loop.uid]), {}).status_code == 404
    client.logout()
    assert client.get(reverse("week:index")).status_code == 302


def test_the_loop_page_links_to_its_interview_week(logged_in, alice):
    loop = looped(alice)
    assert reverse("week:portfolio", args=[loop.uid]) in text(logged_in.get(reverse("loops:loop", args=[loop.uid])))


def test_a_company_without_questions_to_ask_gets_its_own_rounds_and_writes_its_own(client, alice):
    alice.company, alice.track = "bigtech", "senior"
    alice.save()
    client.force_login(alice)
    make_story(alice, "Story A", ["launch", "failure"])
    page = text(client.get(reverse("week:index")))
    with using_company("bigtech"):
        names = [escape(r.name) for r in active_catalog().rounds_for("senior")]
    assert all(f"{n}. {name}</th>" in page for n, name in enumerate(names, 1)), names
    questions = client.get(reverse("week:questions", args=["real", "sr_hiring_manager"]))
    assert questions.status_code == 200
    response = client.post(
        reverse("week:questions", args=["real", "sr_hiring_manager"]), {"own": "What does Bigtech do?"}, follow=True
    )
    assert "<strong>On the careers page</strong>: “What does Bigtech do”." in text(response)
    sheet = client.get(reverse("week:sheet_pdf", args=["real", "sr_case_presentation"]))
    assert sheet.status_code == 200
