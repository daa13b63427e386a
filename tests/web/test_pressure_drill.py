"""The pressure drill in the web: the interviewer's break-in on the answer so far (a probe chosen from the
partial transcript, the generic one when nothing can be heard), and the exchange kept as two recordings and
judged as an answer and its follow-up. Synthetic speech (espeak-ng and sox), as the other speech tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pmprep.pressure import shipped_rules
from pmprep.web.practice.models import Attempt
from pmprep.web.speech.models import Recording
from tests.core.speech.conftest import VOICE, need_tools
from tests.core.speech.synthetic import answer
from tests.web.conftest import looped
from tests.web.test_speech_recordings import QUESTION, SAID, SAID_AFTER, silence_wav

pytestmark = pytest.mark.speech

NO_NUMBER = "Let me stop you there. Can you put a number on that: how much, how many, or how often?"
GENERIC = "Let me stop you there. What is the one point you want me to take away so far, and why does it matter?"
DRILL = f"?question={QUESTION}"


@pytest.fixture(scope="module")
def so_far_wav(tmp_path_factory) -> bytes:
    """The answer up to the break-in: it says what was done and measured, and no number."""
    need_tools()
    path: Path = tmp_path_factory.mktemp("pressure") / "so-far.wav"
    answer([(SAID, 150)], path, voice=VOICE)
    return path.read_bytes()


@pytest.fixture(scope="module")
def reply_wav(tmp_path_factory) -> bytes:
    need_tools()
    path: Path = tmp_path_factory.mktemp("pressure") / "reply.wav"
    answer([(SAID_AFTER, 150)], path, voice=VOICE)
    return path.read_bytes()


def wav(data: bytes, name: str = "clip.wav") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, "audio/wav")


def break_in(client, data: bytes | None, query: str = DRILL):
    return client.post(reverse("speech:break_in") + query, {"audio": wav(data)} if data is not None else {})


def test_the_drill_page_offers_the_pressure_drill_and_its_page_says_it_needs_javascript(client, alice):
    client.force_login(alice)
    drill = client.get(reverse("practice:answer") + DRILL).content.decode()
    assert f'href="/speech/pressure?question={QUESTION}">Pressure drill</a>' in drill
    page = client.get(reverse("speech:pressure") + DRILL).content.decode()
    assert "The pressure drill needs JavaScript" in page
    assert f'data-break-in="/speech/pressure/break-in?question={QUESTION}"' in page
    assert f'data-generic-probe="{GENERIC}"' in page and 'data-budget="300"' in page
    assert 'data-share="0.45" data-ramble="40.0" data-pause="1.5"' in page
    assert 'aria-live="assertive"' in page
    short = client.get(reverse("speech:pressure") + DRILL + "&seconds=12").content.decode()
    assert 'data-budget="12"' in short


def test_the_break_in_asks_for_a_number_when_none_was_said(client, alice, so_far_wav):
    client.force_login(alice)
    response = break_in(client, so_far_wav)
    assert response.status_code == 200
    body = response.json()
    assert body["probe"] == NO_NUMBER and body["heard"] is True
    assert signing.loads(body["token"], salt="pmprep.speech.pressure-probe") == [
        alice.pk,
        QUESTION,
        NO_NUMBER,
        "specificity",
    ]
    assert not Recording.objects.exists()  # the clip is heard, never kept


@pytest.mark.parametrize(
    "data", [silence_wav(), b"OggS\x00\x02" + b"\x00" * 200, b"", None], ids=["silence", "not-a-wav", "empty", "none"]
)
def test_the_break_in_falls_back_on_the_generic_probe_when_nothing_can_be_heard(client, alice, data):
    client.force_login(alice)
    response = break_in(client, data)
    assert response.status_code == 200
    assert response.json()["probe"] == GENERIC and response.json()["heard"] is False


def test_the_break_in_is_for_the_owner_of_the_round_and_signed_in_users(client, alice, bob):
    loop = looped(alice)
    query = f"?loop={loop.uid}&round=1"
    assert client.post(reverse("speech:break_in") + query)["Location"].startswith("/accounts/login/")
    client.force_login(bob)
    assert break_in(client, silence_wav(), query).status_code == 404
    assert client.get(reverse("speech:pressure") + query).status_code == 404
    client.force_login(alice)
    assert break_in(client, silence_wav(), query).status_code == 200
    assert client.get(reverse("speech:break_in") + DRILL).status_code == 405


def exchange(client, first: bytes, reply: bytes | None, token: str):
    data = {"audio": wav(first, "answer.wav"), "probe": token}
    if reply is not None:
        data["reply"] = wav(reply, "reply.wav")
    return client.post(reverse("speech:pressure") + DRILL, data)


def test_both_parts_are_judged_as_an_answer_and_its_follow_up(client, alice, so_far_wav, reply_wav):
    client.force_login(alice)
    token = break_in(client, so_far_wav).json()["token"]
    response = exchange(client, so_far_wav, reply_wav, token)
    first_part = Recording.objects.get(user=alice, follows=None)
    reply_part = Recording.objects.get(user=alice, follows=first_part)
    assert response.status_code == 200 and response.json() == {"url": f"/speech/{first_part.pk}/"}
    assert (first_part.question_id, first_part.probe, first_part.seconds_budget) == (QUESTION, "", 300)
    assert (reply_part.question_text, reply_part.probe, reply_part.probe_criterion) == (
        NO_NUMBER,
        NO_NUMBER,
        "specificity",
    )
    assert reply_part.reply_to is None and reply_part.seconds_budget is None
    # The reply part's own page leads to the exchange's.
    assert client.get(reverse("speech:correct", args=[reply_part.pk]))["Location"] == f"/speech/{first_part.pk}/"
    page = client.get(reverse("speech:correct", args=[first_part.pk])).content.decode()
    assert f'<span class="badge">Interviewer:</span> {NO_NUMBER.replace(":", ":")}' in page
    assert f'href="/speech/{first_part.pk}/replay"' in page and f'href="/speech/{reply_part.pk}/replay"' in page

    response = client.post(reverse("speech:correct", args=[first_part.pk]), {"answer": SAID, "reply": SAID_AFTER})
    first = Attempt.objects.get(user=alice, parent=None)
    reply = Attempt.objects.get(user=alice, parent=first)
    assert response.status_code == 302 and response["Location"] == f"/practice/attempts/{reply.pk}/"
    assert (first.answer, first.question_id, first.seconds_budget) == (SAID, QUESTION, 300)
    assert (reply.answer, reply.probe, reply.question_text) == (SAID_AFTER, NO_NUMBER, NO_NUMBER)
    first_part.refresh_from_db()
    reply_part.refresh_from_db()
    assert first_part.attempt == first and reply_part.attempt == reply and reply_part.reply_to == first
    feedback = client.get(response["Location"]).content.decode()
    assert NO_NUMBER.replace("'", "&#x27;") in feedback
    assert f'href="/speech/{reply_part.pk}/replay"' in feedback
    for part in (first_part, reply_part):
        assert client.get(reverse("speech:replay", args=[part.pk])).status_code == 200
    # Sent again: nothing more is made.
    again = client.post(reverse("speech:correct", args=[first_part.pk]), {"answer": SAID, "reply": SAID_AFTER})
    assert again["Location"] == f"/practice/attempts/{first.pk}/" and Attempt.objects.count() == 2


def test_an_empty_reply_transcript_is_refused_and_nothing_is_judged(client, alice, so_far_wav, reply_wav):
    client.force_login(alice)
    exchange(client, so_far_wav, reply_wav, break_in(client, so_far_wav).json()["token"])
    first_part = Recording.objects.get(user=alice, follows=None)
    response = client.post(reverse("speech:correct", args=[first_part.pk]), {"answer": SAID, "reply": " "})
    assert response.status_code == 400
    assert "The transcript of your reply is empty" in response.content.decode()
    assert not Attempt.objects.exists()


def test_a_probe_the_server_did_not_sign_is_refused_and_nothing_is_kept(client, alice, bob, so_far_wav, reply_wav):
    client.force_login(bob)
    bobs = break_in(client, so_far_wav).json()["token"]
    client.force_login(alice)
    for token in ("made up", bobs):
        response = exchange(client, so_far_wav, reply_wav, token)
        assert response.status_code == 400
        assert response.json() == {
            "error": "The interviewer's question could not be checked (the page is too old or was changed): reload "
            "the page and answer again. Nothing was saved."
        }
    assert not Recording.objects.exists()


def test_a_silent_reply_keeps_the_answer_alone_and_says_so(client, alice, so_far_wav):
    client.force_login(alice)
    token = client.get(reverse("speech:pressure") + DRILL).context["generic_token"]
    response = exchange(client, so_far_wav, silence_wav(), token)
    made = Recording.objects.get(user=alice)
    assert response.json() == {"url": f"/speech/{made.pk}/"}
    page = client.get(response.json()["url"]).content.decode().replace("&#x27;", "'")
    assert (
        "Your reply after the interviewer broke in has no speech in it that pmprep could hear (3.0 s of silence or "
        "noise): check that the microphone was on and close enough. Nothing was saved. Only your answer before the "
        "interviewer broke in was kept." in page
    )
    assert shipped_rules().generic.text == GENERIC


def test_stopped_before_the_break_in_is_an_answer_like_any_other(client, alice, so_far_wav):
    client.force_login(alice)
    response = exchange(client, so_far_wav, None, "")
    made = Recording.objects.get(user=alice)
    assert response.json() == {"url": f"/speech/{made.pk}/"} and made.follows is None
    assert "What you said (correct the words pmprep misheard)" in client.get(response.json()["url"]).content.decode()


def test_an_export_and_import_keep_the_exchange_together(client, alice, so_far_wav, reply_wav):
    from pmprep.web import portability

    client.force_login(alice)
    exchange(client, so_far_wav, reply_wav, break_in(client, so_far_wav).json()["token"])
    text = portability.dumps(portability.export_user(alice)).encode()
    Recording.objects.all().delete()
    alice.delete()
    owner, summary = portability.import_bytes(text, "alice.json")
    assert summary.created["recordings"] == 2
    first_part = Recording.objects.get(user=owner, follows=None)
    reply_part = Recording.objects.get(user=owner, follows=first_part)
    assert (reply_part.probe, reply_part.probe_criterion) == (NO_NUMBER, "specificity")
