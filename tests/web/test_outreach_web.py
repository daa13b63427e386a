"""The outreach checker page, POST /api/outreach and the contact log, through the test client."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.apps import apps
from django.contrib.sessions.models import Session
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pmprep.outreach import MAX_MESSAGE_CHARS, check
from pmprep.web import portability
from pmprep.web.outreach.models import Contact
from pmprep.web.practice.api import MAX_BODY

pytestmark = pytest.mark.django_db
REFERRAL = "Hi Sam, I am applying to Netflix. Could you refer me for the PM role? I attached my resume."
GOOD = (
    "Hi Sam, I read your post on the download limits for the mobile app. How did you pick the success metric "
    "for it? I am preparing for a case interview and would value a two-line answer. Thanks, Ana"
)
NOTE = {
    "name": "Sam Lee",
    "role": "PM, downloads",
    "channel": "call",
    "met_on": "2026-10-12",
    "question": "How did you pick the success metric for download limits?",
    "learned": "Completion of the downloaded title, not downloads started; a 2% guardrail on churn.",
    "round_id": "ei_case_presentation",
}
REPORT_KEYS = {
    "score",
    "verdict",
    "channel",
    "channel_inferred",
    "flags",
    "suggestion",
    "summary",
    "notes",
    "characters",
    "words",
    "signals",
}
SIGNAL_KEYS = {"id", "name", "grade", "label", "points", "reason", "evidence"}
BAD_CHANNEL = "must be one of linkedin, email, or null to infer it from the message"
FLAG_KEYS = {"start", "end", "text", "kind", "label", "reason", "good", "points"}
FAST = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


@pytest.fixture
def logged_in(client, alice):
    client.force_login(alice)
    return client


def _rows() -> dict[str, int]:
    return {m._meta.label: m.objects.count() for m in apps.get_models() if m._meta.label != "sessions.Session"}


def _api(client, body: bytes | str, content_type: str = "application/json"):
    return client.generic("POST", reverse("api-outreach"), body, content_type=content_type)


# The checker page


def test_a_referral_ask_is_do_not_send_with_the_span_highlighted(logged_in):
    response = logged_in.post(reverse("outreach:index"), {"message": REFERRAL, "channel": ""})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Verdict: <strong>Do not send</strong>. Score 0 out of 100." in page
    assert (
        '<mark class="flag flag-problem">refer me<sup><a class="marker problem" href="#flag-2">'
        '<span class="visually-hidden">problem </span>✗2</a></sup></mark>'
    ) in page
    assert (
        '<li id="flag-2"><span class="marker problem">✗2</span> <strong>A referral ask</strong> (−40 points): '
        "“refer me”."
    ) in page
    assert "Do not send: it contains a referral ask, a résumé." in page
    assert '<textarea id="suggestion" rows="6" readonly' in page
    assert '<label for="suggestion">Suggested rewrite</label>' in page


def test_a_good_message_is_send_with_its_strengths_marked(logged_in):
    response = logged_in.post(reverse("outreach:index"), {"message": GOOD, "channel": "linkedin"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Verdict: <strong>Send</strong>. Score 95 out of 100." in page
    assert (
        '<mark class="flag flag-strength">How did you pick the success metric for it?<sup>'
        '<a class="marker strength" href="#flag-2"><span class="visually-hidden">strength </span>✓2</a>'
        "</sup></mark>"
    ) in page
    assert "<strong>One precise question</strong> (+20 points)" in page
    # A flag that only marks where a graded strength is shows no points of its own.
    assert "<strong>Names their work</strong>: “your post on the download limits for the mobile app”." in page
    assert "<h3>How it reads</h3>" in page
    assert (
        '<li class="signal signal-their_work"><strong>Their own work</strong>: names their work (+5 points). '
        "Names their work but no detail from it."
    ) in page
    assert (
        '<li class="signal signal-ask"><strong>The ask</strong>: a small ask (+5 points). One concrete question '
        'they can answer in a reply, and nothing else asked of them. <span class="quotes">“How did you pick the '
        "success metric for it”, “a two-line answer”</span></li>"
    ) in page
    assert (
        '<li class="signal signal-focus"><strong>About them or about you</strong>: about them. All about them '
        "and their work: 100% of its words."
    ) in page
    assert "Checked as a LinkedIn connection note: 194 characters, 38 words." in page
    assert "What works against it" not in page


def test_overlapping_flags_each_keep_their_marker(logged_in):
    message = "Hi Sam, " + "I read your post on the download limits. " * 10 + "How did you pick the success metric?"
    report = check(message, channel="linkedin")
    assert any(f.kind.value == "too_long" for f in report.flags)
    page = logged_in.post(reverse("outreach:index"), {"message": message, "channel": "linkedin"}).content.decode()
    for n, flag in enumerate(report.flags, start=1):
        assert f">{'✓' if flag.good else '✗'}{n}</a></sup>" in page
        assert f'<li id="flag-{n}">' in page


def test_the_message_is_not_stored_anywhere(logged_in, alice):
    before, rows = portability.export_user(alice), _rows()
    secret = "Hi Sam, could you refer me? QUOKKA-4471"
    assert logged_in.post(reverse("outreach:index"), {"message": secret}).status_code == 200
    assert portability.export_user(alice)["data"] == before["data"]
    assert _rows() == rows
    assert not any("QUOKKA" in str(s.get_decoded()) for s in Session.objects.all())
    assert "QUOKKA" not in logged_in.get(reverse("outreach:index")).content.decode()


def test_the_intro_says_a_chat_referral_is_ignored_not_that_nobody_can_refer(logged_in):
    page = logged_in.get(reverse("outreach:index")).content.decode()
    assert "nobody there can refer you" not in page
    assert (
        "A chat is not a way in: a referral someone gives you after a chat is ignored, because a formal "
        "referral needs documented feedback from a person who has worked with you"
    ) in page
    assert "So ask one precise question about their work, not for a referral" in page


def test_the_page_says_the_message_is_not_stored(logged_in):
    page = logged_in.get(reverse("outreach:index")).content.decode()
    assert "<strong>Your message is not stored.</strong>" in page
    assert '<label for="id_message">Your message</label>' in page
    assert "<legend>How you will send it</legend>" in page


def test_an_empty_message_gets_the_checkers_verdict(logged_in):
    response = logged_in.post(reverse("outreach:index"), {"message": "   "})
    assert response.status_code == 200
    assert "Do not send: the message is empty." in response.content.decode()


@pytest.mark.parametrize(
    "data, error",
    [
        (
            {"message": "x" * (MAX_MESSAGE_CHARS + 1)},
            "The message is 20,001 characters; the limit is 20,000 (an outreach note should be a few hundred).",
        ),
        (
            {"message": "Hi Sam", "channel": "fax"},
            "Choose how you will send it: infer it, a LinkedIn note or an email (got “fax”).",
        ),
        ({"message": "Hi\x00 Sam"}, "Null characters are not allowed."),
    ],
)
def test_bad_input_is_a_400_with_a_clear_message(logged_in, data, error):
    response = logged_in.post(reverse("outreach:index"), data)
    page = response.content.decode()
    assert response.status_code == 400
    assert error in page
    assert "There is a problem" in page and "Verdict:" not in page


def test_the_page_needs_a_login(client):
    response = client.get(reverse("outreach:index"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))


# POST /api/outreach


def test_the_api_answers_with_the_report(client):
    response = _api(client, json.dumps({"message": REFERRAL, "channel": None}))
    data = response.json()
    assert response.status_code == 200
    assert set(data) == REPORT_KEYS and all(set(f) == FLAG_KEYS for f in data["flags"])
    assert all(set(s) == SIGNAL_KEYS for s in data["signals"])
    assert all(REFERRAL[e["start"] : e["end"]] == e["text"] for s in data["signals"] for e in s["evidence"])
    assert data == check(REFERRAL).to_dict()
    assert (data["score"], data["verdict"]) == (0, "do not send")
    assert [(f["text"], f["kind"]) for f in data["flags"]] == [
        ("I am applying", "job_seeking"),
        ("refer me", "referral_ask"),
        ("I attached my resume", "resume"),
    ]
    assert all(REFERRAL[f["start"] : f["end"]] == f["text"] for f in data["flags"])


def test_the_api_takes_a_channel(client):
    data = _api(client, json.dumps({"message": GOOD, "channel": "Email"})).json()
    assert (data["verdict"], data["channel"], data["channel_inferred"]) == ("send", "email", False)


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", ""])
def test_the_api_refuses_other_content_types(client, content_type):
    response = _api(client, json.dumps({"message": GOOD}), content_type)
    assert response.status_code == 415
    assert response.json() == {"error": "Send a JSON body with Content-Type: application/json.", "fields": {}}


@pytest.mark.parametrize(
    "body, error",
    [
        ('{"message": "Hi", ', "The request body is not valid JSON."),
        ('["Hi"]', "The JSON body must be an object."),
        (b"\xff\xfe{}", "The request body is not UTF-8."),
    ],
)
def test_the_api_refuses_bad_json(client, body, error):
    response = _api(client, body)
    assert (response.status_code, response.json()["error"]) == (400, error)


@pytest.mark.parametrize(
    "body, fields",
    [
        ({}, {"message": "is required"}),
        ({"message": "   "}, {"message": "is required"}),
        (
            {"message": 42, "channel": "fax", "to": "sam"},
            {"message": "must be a string", "channel": BAD_CHANNEL, "to": "is not a known field"},
        ),
        ({"message": "Hi", "channel": 1}, {"channel": BAD_CHANNEL}),
        ({"message": "Hi\x00"}, {"message": "contains a null character; send plain text"}),
        ({"message": "x" * (MAX_MESSAGE_CHARS + 1)}, {"message": "must be at most 20,000 characters (got 20,001)"}),
    ],
)
def test_the_api_names_every_bad_field(client, body, fields):
    response = _api(client, json.dumps(body))
    assert response.status_code == 400
    assert response.json() == {"error": "The request has invalid fields.", "fields": fields}


def test_the_api_refuses_an_oversized_body_unread(client):
    response = _api(client, b"x" * (MAX_BODY + 1))
    assert response.status_code == 413
    assert response.json()["error"] == f"The request body is over {MAX_BODY:,} bytes."


def test_the_api_answers_only_post(client):
    assert client.get(reverse("api-outreach")).status_code == 405


def test_the_api_stores_nothing(client, alice):
    rows = _rows()
    assert _api(client, json.dumps({"message": GOOD})).status_code == 200
    assert _rows() == rows


# Any text, never a 500


@FAST
@given(message=st.text(max_size=600), channel=st.sampled_from(["", "linkedin", "email", "fax", "EMAIL"]))
def test_the_page_takes_any_text(logged_in, message, channel):
    response = logged_in.post(reverse("outreach:index"), {"message": message, "channel": channel})
    assert response.status_code in (200, 400)
    assert (response.status_code == 400) == ("\x00" in message or channel in ("fax", "EMAIL"))


@FAST
@given(
    message=st.text(max_size=600) | st.none() | st.integers() | st.lists(st.text(max_size=5), max_size=3),
    channel=st.none() | st.text(max_size=12) | st.booleans(),
)
def test_the_api_takes_any_text(client, message, channel):
    response = _api(client, json.dumps({"message": message, "channel": channel}))
    assert response.status_code in (200, 400)
    data = response.json()
    if response.status_code == 200:
        assert data == check(message, channel=channel).to_dict()
    else:
        assert data["error"] and data["fields"]


# The contact log


def test_adding_a_note_stores_exactly_what_was_typed(logged_in, alice):
    response = logged_in.post(reverse("outreach:contacts"), NOTE)
    assert response.status_code == 302 and response["Location"] == reverse("outreach:contacts")
    note = Contact.objects.get(user=alice)
    assert (note.name, note.role, note.channel, note.met_on, note.question, note.learned, note.round_id) == (
        "Sam Lee",
        "PM, downloads",
        "call",
        dt.date(2026, 10, 12),
        "How did you pick the success metric for download limits?",
        "Completion of the downloaded title, not downloads started; a 2% guardrail on churn.",
        "ei_case_presentation",
    )
    page = logged_in.get(reverse("outreach:contacts")).content.decode()
    assert "Your note on the conversation with Sam Lee is saved." in page
    assert (
        '<a href="/loop/early_in/#round-ei_case_presentation">Case-study presentation</a>, '
        "a round of the Early-in (new grad) loop"
    ) in page
    assert '<time datetime="2026-10-12">12 Oct 2026</time>' in page


def test_the_log_is_framed_as_research_not_referrals(logged_in):
    page = logged_in.get(reverse("outreach:contacts")).content.decode()
    assert "<strong>This is not a referral tracker.</strong>" in page
    assert "feeds your case and technical preparation" in page
    assert '<optgroup label="Early-in (new grad)">' in page and '<optgroup label="Experienced">' in page
    assert '<option value="ex_technical_deep_dive">Onsite — technical deep dive (45 min, optional)</option>' in page


def test_notes_are_listed_newest_first_undated_last(logged_in, alice):
    t0 = dt.datetime(2026, 10, 1, tzinfo=dt.UTC)
    for name, met_on, created in [
        ("Undated", None, t0 + dt.timedelta(days=9)),
        ("Old", dt.date(2026, 9, 1), t0),
        ("New", dt.date(2026, 10, 5), t0),
        ("Undated earlier", None, t0),
    ]:
        Contact.objects.create(user=alice, name=name, met_on=met_on, learned="x", created=created)
    page = logged_in.get(reverse("outreach:contacts")).content.decode()
    order = [page.index(f">{name}</h3>") for name in ("New", "Old", "Undated", "Undated earlier")]
    assert order == sorted(order)


def test_editing_a_note_stores_exactly_what_was_typed(logged_in, alice):
    note = Contact.objects.create(user=alice, **{**NOTE, "met_on": dt.date(2026, 10, 12)})
    edit = reverse("outreach:contact", args=[note.uid])
    page = logged_in.get(edit).content.decode()
    assert 'value="2026-10-12"' in page and '<option value="ei_case_presentation" selected>' in page
    response = logged_in.post(
        edit,
        {**NOTE, "role": "", "met_on": "", "round_id": "ex_product_team", "learned": "  They measure completion.  "},
    )
    assert response.status_code == 302
    note.refresh_from_db()
    assert (note.role, note.met_on, note.round_id, note.learned) == (
        "",
        None,
        "ex_product_team",
        "They measure completion.",
    )


def test_deleting_a_note(logged_in, alice):
    note = Contact.objects.create(user=alice, name="Sam", learned="x")
    response = logged_in.post(reverse("outreach:delete", args=[note.uid]))
    assert response.status_code == 302 and not Contact.objects.exists()
    assert logged_in.get(reverse("outreach:delete", args=[note.uid])).status_code == 405


@pytest.mark.parametrize(
    "changes, errors",
    [
        ({"met_on": "2026-13-40"}, ["Date you talked (optional): Enter a real date as YYYY-MM-DD."]),
        (
            {"name": "", "learned": " "},
            [
                "Their name: Give their name, or a short label you will recognise.",
                "What you learned: Write what you learned: it is what the note is for.",
            ],
        ),
        ({"round_id": "no_such_round"}, ["The round it prepares (optional): Select a valid choice."]),
        ({"channel": "referral"}, ["Where you talked: Select a valid choice."]),
        ({"learned": "x\x00"}, ["What you learned: Null characters are not allowed."]),
        ({"name": "n" * 81}, ["Their name: Ensure this value has at most 80 characters (it has 81)."]),
    ],
)
def test_a_bad_note_is_refused_and_nothing_saved(logged_in, changes, errors):
    response = logged_in.post(reverse("outreach:contacts"), {**NOTE, **changes})
    page = response.content.decode()
    assert response.status_code == 400
    for error in errors:
        assert error in page
    assert not Contact.objects.exists()


def test_a_bad_edit_changes_nothing(logged_in, alice):
    note = Contact.objects.create(user=alice, name="Sam", learned="x")
    response = logged_in.post(reverse("outreach:contact", args=[note.uid]), {**NOTE, "met_on": "yesterday"})
    assert response.status_code == 400
    assert "Date you talked (optional): Enter a real date as YYYY-MM-DD." in response.content.decode()
    note.refresh_from_db()
    assert (note.name, note.met_on, note.learned) == ("Sam", None, "x")


def test_a_round_no_longer_in_the_catalog_is_kept_and_said(logged_in, alice):
    note = Contact.objects.create(user=alice, name="Sam", learned="x", round_id="retired_round")
    assert "retired_round (no longer in the catalog)" in logged_in.get(reverse("outreach:contacts")).content.decode()
    response = logged_in.post(reverse("outreach:contact", args=[note.uid]), {**NOTE, "round_id": "retired_round"})
    assert response.status_code == 302
    note.refresh_from_db()
    assert note.round_id == "retired_round"


def test_another_users_note_is_a_404(client, alice, bob):
    note = Contact.objects.create(user=alice, name="Sam", learned="secret")
    client.force_login(bob)
    assert client.get(reverse("outreach:contact", args=[note.uid])).status_code == 404
    assert client.post(reverse("outreach:contact", args=[note.uid]), NOTE).status_code == 404
    assert client.post(reverse("outreach:delete", args=[note.uid])).status_code == 404
    assert "Sam" not in client.get(reverse("outreach:contacts")).content.decode().split('id="list-heading"')[1]
    note.refresh_from_db()
    assert (note.name, note.learned) == ("Sam", "secret")
