"""Every user-owned record saved at exactly its validation limits, through the real forms, and then
every page of the app that the user can reach answers 200 (or its documented redirect).

The limits are read from the core and the models, so a changed limit is still tested at its edge;
the URLs come from the URLconf, so a new page is covered the day it is added. A parameter is
filled from the saved records (the pattern's name says which record a uid belongs to).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import tempfile
from pathlib import Path

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pmprep.analysis.analyzer import MAX_QUESTION_CHARS
from pmprep.cases import MAX_PROMPT_CHARS, MAX_SECTION_CHARS, MAX_TITLE_CHARS, SECTIONS
from pmprep.config import active_catalog
from pmprep.interview_week import MAX_QUESTION_CHARS as MAX_ASKED_CHARS
from pmprep.stories import story_kinds
from pmprep.stories.story import MAX_FIELD_CHARS, MAX_TAG_CHARS, MAX_TAGS
from pmprep.stories.story import MAX_TITLE_CHARS as MAX_STORY_TITLE_CHARS
from pmprep.web.cases.models import CaseDeck
from pmprep.web.debrief.models import RealRound
from pmprep.web.interview_week.forms import MAX_OWN_QUESTIONS
from pmprep.web.interview_week.models import MAX_NAME_CHARS
from pmprep.web.loops.forms import EVIDENCE_CHARS
from pmprep.web.loops.models import InformalNote, LoopRound, MockLoop, PeerLink
from pmprep.web.outreach.models import Contact
from pmprep.web.plans.models import SelfCheckAnswers, StudyPlan
from pmprep.web.practice.models import Attempt
from pmprep.web.progress.views import CHARTS
from pmprep.web.speech.models import Recording
from pmprep.web.stories.models import Story
from tests.core.speech.conftest import VOICE, need_tools
from tests.core.speech.synthetic import answer
from tests.web.test_ownership import _patterns

pytestmark = [pytest.mark.django_db]
NOW = dt.datetime(2026, 12, 2, 9, 0, tzinfo=dt.UTC)
ANSWER_CHARS = 20_000  # a long answer; the analyzer's 200,000 limit is timed by the hostile-input tests

# Pages that answer something other than 200 to a GET, and why.
NOT_200 = {
    "accounts:logout": 405,  # logging out is a POST
    "practice:draft": 405,
    "bank:bookmark": 405,
    "practice:follow_up": 405,
    "practice:self_rating": 405,
    "loops:start": 405,
    "week:swap": 405,
    "week:clear_swaps": 405,
    "week:names": 405,
    "loops:delete": 405,
    "loops:informal": 405,
    "loops:referral": 405,
    "loops:clock": 405,
    "loops:answer": 405,
    "loops:qa": 405,
    "loops:finish": 405,
    "loops:scorecard": 405,
    "loops:create_link": 405,
    "loops:revoke_link": 405,
    "stories:delete": 405,
    "stories:practise": 405,
    "cases:create": 405,
    "cases:check": 405,
    "cases:delete": 405,
    "outreach:delete": 405,
    "plans:generate": 405,
    "plans:tick": 405,
    "plans:move": 405,
    "plans:feed_switch": 405,
    "api-analyze": 405,
    "debrief:confirm": 405,
    "debrief:outcome": 405,
    "debrief:delete": 405,
    "speech:record": 404,  # answering out loud needs a question (?question=… or a loop's round)
    "speech:pressure": 404,
    "speech:break_in": 405,
    "api-classify": 405,
    "api-outreach": 405,  # the JSON APIs take a POST
    "accounts:signup": 302,
    "accounts:login": 302,  # a signed-in user is sent on
    "review:start": 302,  # "Start practising" picks a question and sends you to it
    "bank:loop_index": 302,  # "The loop" opens your own track's loop
    "practice:focus_start": 405,  # interview mode starts, takes answers and ends a set by POST
    "practice:focus_answer": 405,
    "practice:focus_end": 405,
    "practice:focus_question": 302,  # with no set going, both lead to choosing one
    "practice:focus_summary": 302,
}


def text(n: int, word: str = "déjà vu 👍 ") -> str:
    """``n`` characters of text with accents, emoji and spaces, ending in a letter."""
    return (word * (n // len(word) + 1))[: n - 1] + "x"


def assert_saved(response, what: str) -> None:
    assert response.status_code == 302, f"{what} was refused: {_errors(response)}"


def _errors(response) -> str:
    body = response.content.decode(errors="replace")
    return " | ".join(re.findall(r'class="field-error"[^>]*>(.*?)</p>', body, re.S)) or body[:500]


def save_everything(client, user) -> dict[str, list[str]]:
    catalog = active_catalog()
    behavioural = next(q for q in catalog.questions.values() if q.type == "behavioral")

    # Stories: one at every limit, one with only its title.
    competencies = [*catalog.dimensions, *catalog.components]
    full = {
        "title": text(MAX_STORY_TITLE_CHARS),
        **{f: text(MAX_FIELD_CHARS) for f in ("situation", "task", "action", "result", "reflection", "notes")},
        "tags": ", ".join(f"{i:02d}" + "é" * (MAX_TAG_CHARS - 2) for i in range(MAX_TAGS)),
        "kinds": list(story_kinds().kinds),
        "competencies": competencies,
    }
    assert_saved(client.post(reverse("stories:new"), full), "the full story")
    assert_saved(client.post(reverse("stories:new"), {"title": "é"}), "the story with only a title")

    # Case decks: one of the user's own at every limit, one from the bank left empty.
    own = {"source": "own", "own-title": text(MAX_TITLE_CHARS), "own-prompt": text(MAX_PROMPT_CHARS)}
    assert_saved(client.post(reverse("cases:create"), own), "the own-prompt deck")
    deck = CaseDeck.objects.get(user=user)
    filled = {
        "title": text(MAX_TITLE_CHARS),
        "prompt": text(MAX_PROMPT_CHARS),
        **{s.value: text(MAX_SECTION_CHARS, f"{s.label} 12% → 40 ✓. ") for s in SECTIONS},
    }
    assert_saved(client.post(reverse("cases:deck", args=[deck.uid]), filled), "the full deck")
    case = next(q for q in catalog.questions.values() if any(r.endswith("case_presentation") for r in q.rounds))
    assert_saved(client.post(reverse("cases:create"), {"source": "bank", "bank-question": case.id}), "the bank deck")

    # Contacts: one at every limit, one with only what is required.
    field = Contact._meta.get_field
    contact = {
        "name": text(field("name").max_length),
        "role": text(field("role").max_length),
        "channel": "chat",
        "met_on": "2026-11-30",
        "question": text(field("question").max_length),
        "learned": text(field("learned").max_length),
        "round_id": "ei_case_presentation",
    }
    assert_saved(client.post(reverse("outreach:contacts"), contact), "the full contact")
    assert_saved(
        client.post(reverse("outreach:contacts"), {"name": "é", "channel": "chat", "learned": "é"}), "the short contact"
    )

    # Practice: a long answer to a bank question, one to the user's own question at its limit, a draft.
    assert_saved(
        client.post(
            reverse("practice:answer"),
            {
                "question_id": behavioural.id,
                "question_text": behavioural.text,
                "answer": text(ANSWER_CHARS),
                "seconds_taken": 86400,
            },
        ),
        "the bank answer",
    )
    assert_saved(
        client.post(reverse("practice:answer"), {"question_text": text(MAX_QUESTION_CHARS), "answer": "é"}),
        "the own-question answer",
    )
    assert (
        client.post(
            reverse("practice:draft"),
            {"question_id": behavioural.id, "answer": text(ANSWER_CHARS), "seconds_taken": 86400},
        ).status_code
        == 200
    )

    # A mock loop: every round answered and finished, the first with the user's own scorecard at its limits.
    assert_saved(client.post(reverse("loops:start"), {"track": "early_in", "include_optional": "on"}), "the loop")
    loop = MockLoop.objects.get(user=user)
    for r in loop.rounds.order_by("order"):
        at = reverse("loops:answer", args=[loop.uid, r.order])
        if not r.is_case:
            assert_saved(
                client.post(at, {"question_id": r.question_ids[0], "answer": text(ANSWER_CHARS)}),
                f"round {r.order}'s answer",
            )
        assert_saved(client.post(reverse("loops:finish", args=[loop.uid, r.order])), f"finishing round {r.order}")
    first = loop.rounds.get(order=1)
    card = {"recommendation": 4, "summary": text(EVIDENCE_CHARS)}
    for cid in catalog.rounds[first.round_id].competencies:
        card |= {f"rating_{cid}": 4, f"evidence_{cid}": text(EVIDENCE_CHARS)}
    assert_saved(client.post(reverse("loops:scorecard", args=[loop.uid, 1]), card), "the self scorecard")
    assert_saved(client.post(reverse("loops:create_link", args=[loop.uid, 1]), {"hours": 168}), "the peer link")
    note = InformalNote._meta.get_field
    assert_saved(
        client.post(
            reverse("loops:informal", args=[loop.uid]),
            {"kind": "chat", "who": text(note("who").max_length), "note": text(note("note").max_length)},
        ),
        "the informal note",
    )
    assert_saved(
        client.post(
            reverse("loops:referral", args=[loop.uid]),
            {"who": text(80), "recommendation": 4, "summary": text(EVIDENCE_CHARS)},
        ),
        "the referral",
    )

    # Interview week: a swap, every interviewer's name and a round's questions at their limits.
    story = Story.objects.filter(user=user).order_by("pk").first()
    seat = "ei_case_presentation|ei_case_presentation/design"
    assert_saved(
        client.post(reverse("week:swap", args=[loop.uid]), {"seat": seat, "story": str(story.uid), "replaces": ""}),
        "the swap",
    )
    assert_saved(
        client.post(
            reverse("week:questions", args=[loop.uid, first.round_id]),
            {"own": "\n".join(text(MAX_ASKED_CHARS - n) for n in range(MAX_OWN_QUESTIONS))},
        ),
        "the questions to ask",
    )
    names = {f"name__{r.round_id}__interviewer": text(MAX_NAME_CHARS) for r in loop.rounds.all() if not r.is_case}
    assert_saved(client.post(reverse("week:names", args=["real"]), names), "the interviewer names")

    # A real round's debrief: its notes at their limits and one remembered exchange.
    assert_saved(
        client.post(
            reverse("debrief:confirm"),
            {
                "round_id": "ei_hiring_manager",
                "round_name": "",
                "held_on": "2026-11-19",
                "interviewer_role": text(120),
                "went_well": text(5000),
                "surprised": text(5000),
                "x-TOTAL_FORMS": "1",
                "x-INITIAL_FORMS": "1",
                "x-0-question": "Tell me about a time you failed?",
                "x-0-answer": "In 2021 I cut retention by 2% and rolled it back in a week. " + text(4000),
            },
        ),
        "the debrief",
    )

    # A recording of a spoken answer (synthetic speech), heard and kept.
    need_tools()
    spoken = Path(tempfile.mkdtemp()) / "answer.wav"
    answer(
        [("First, the goal was to help new members find something to watch, and I owned the row.", 150)],
        spoken,
        voice=VOICE,
    )
    upload = SimpleUploadedFile("answer.wav", spoken.read_bytes(), "audio/wav")
    assert_saved(
        client.post(reverse("speech:record") + f"?question={behavioural.id}", {"audio": upload}), "the recording"
    )

    # The plan, its calendar feed, and the self-check at its limits.
    assert_saved(client.post(reverse("plans:generate"), {"track": "early_in", "hours_per_week": 60}), "the plan")
    assert_saved(client.post(reverse("plans:feed_switch"), {"on": "1"}), "the calendar feed")
    check = SelfCheckAnswers._meta.get_field
    assert_saved(
        client.post(
            reverse("plans:readiness"),
            {"goal": text(check("goal").max_length), "industry": text(check("industry").max_length), "has_plan": "on"},
        ),
        "the self-check",
    )

    return {
        "attempts": [str(pk) for pk in Attempt.objects.filter(user=user).values_list("pk", flat=True)],
        "loops": [str(loop.uid)],
        "orders": [str(o) for o in LoopRound.objects.filter(loop=loop).values_list("order", flat=True)],
        "stories": [str(u) for u in Story.objects.filter(user=user).values_list("uid", flat=True)],
        "cases": [str(u) for u in CaseDeck.objects.filter(user=user).values_list("uid", flat=True)],
        "outreach": [str(u) for u in Contact.objects.filter(user=user).values_list("uid", flat=True)],
        "peer_links": [str(u) for u in PeerLink.objects.filter(user=user).values_list("uid", flat=True)],
        "tokens": list(PeerLink.objects.filter(user=user).values_list("token", flat=True)),
        "feed": [StudyPlan.objects.get(user=user).feed_token],
        "charts": list(CHARTS),
        "questions": [behavioural.id, case.id],
        "tracks": list(catalog.tracks),
        "primers": list(catalog.primers),
        "week": ["real", str(loop.uid)],
        "debrief": [str(u) for u in RealRound.objects.filter(user=user).values_list("uid", flat=True)],
        "speech": [str(pk) for pk in Recording.objects.filter(user=user).values_list("pk", flat=True)],
        "rounds": [r.round_id for r in loop.rounds.order_by("order")],
    }


def _values(name: str, parameter: str, saved: dict[str, list[str]]) -> list[str]:
    namespace = name.partition(":")[0] if ":" in name else ""
    by_parameter = {
        "pk": "attempts",
        "order": "orders",
        "name": "charts",
        "question_id": "questions",
        "track_id": "tracks",
        "primer_id": "primers",
        "round_id": "rounds",
    }
    if namespace == "speech" and parameter == "pk":
        return saved["speech"]
    if parameter in by_parameter:
        return saved[by_parameter[parameter]]
    if parameter == "token":
        return saved["feed"] if namespace == "plans" else saved["tokens"]
    if name == "loops:revoke_link":
        return saved["peer_links"]
    return saved[namespace]


def urls(saved: dict[str, list[str]]) -> list[tuple[str, str]]:
    found = []
    for name, route in _patterns():
        parameters = re.findall(r"<(?:\w+:)?(\w+)>", route)
        for combo in itertools.product(*(_values(name, p, saved) for p in parameters)):
            url = route
            for value in combo:
                url = re.sub(r"<(?:\w+:)?\w+>", value, url, count=1)
            found.append((name, "/" + url))
    return found


@pytest.fixture
def saved(client, alice):
    client.force_login(alice)
    with time_machine.travel(NOW, tick=False):
        return save_everything(client, alice)


def test_every_record_saves_at_its_limits_through_the_forms(saved, alice):
    story = Story.objects.get(user=alice, notes__gt="")
    assert (len(story.title), len(story.tags), {len(t) for t in story.tags}) == (200, 20, {40})
    deck = CaseDeck.objects.get(user=alice, question_id="")
    assert {len(t) for t in deck.sections.values()} == {MAX_SECTION_CHARS}
    assert len(saved["attempts"]) >= 3 and len(saved["outreach"]) == 2


def test_every_page_answers_after_records_at_their_limits(client, saved):
    answers = {}
    with time_machine.travel(NOW, tick=False):
        for name, url in urls(saved):
            response = client.get(url)
            answers[url] = (name, response.status_code)
    wrong = {url: (name, status) for url, (name, status) in answers.items() if status != NOT_200.get(name, 200)}
    assert wrong == {}
    reached = {name for name, _ in answers.values()}
    assert reached == {name for name, _ in _patterns()}, "every pattern was tried"


def test_a_linkedin_note_typed_in_a_browser_is_counted_as_the_browser_counts_it(client, alice):
    # 299 characters with two line breaks, which a browser sends as \r\n: once counted as 301, "too long".
    body = (
        "I am preparing for a PM interview and loved your talk on downloads, and the way you measured the offline win. "
    ) * 3
    note = "Hi Sam,\r\n" + body[:280] + "\r\nThanks, Al"
    client.force_login(alice)
    page = client.post(reverse("outreach:index"), {"message": note, "channel": "linkedin"}).content.decode()
    # Counted right, it is not cut; it asks nothing, so it is to be revised, not sent.
    assert "Revise: no question to answer." in page
    assert "too long" not in page
