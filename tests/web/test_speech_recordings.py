"""Spoken practice in the web: upload a recording, correct its transcript, submit it, replay it, delete it,
and the storage limit. The recordings are synthetic speech (espeak-ng and sox, as the core's speech tests)."""

from __future__ import annotations

import base64
import datetime as dt
import io
import json
import re
import wave
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from typer.testing import CliRunner

from pmprep.cli.main import app
from pmprep.web import portability
from pmprep.web.portability.export_format import AUDIO_CHUNK
from pmprep.web.practice.models import Attempt
from pmprep.web.speech.models import Recording
from tests.core.speech.conftest import VOICE, need_tools
from tests.core.speech.synthetic import answer
from tests.web.conftest import practised

pytestmark = pytest.mark.speech

QUESTION = "beh-owned-end-to-end-what-to-build"
SAID = (
    "First, the goal was to help new members find something to watch. I owned the design of the home page row, "
    "and we measured the share of members who started a title in their first week."
)
SAID_AFTER = "In the end we shipped it, and the first week starts went up by four percent."


@pytest.fixture(scope="session")
def spoken_wav(tmp_path_factory) -> bytes:
    """About 15 s of synthetic speech with a 3 s silence in the middle, as 16 kHz mono 16-bit WAV."""
    need_tools()
    path: Path = tmp_path_factory.mktemp("web-speech") / "answer.wav"
    answer([(SAID, 150), 3.0, (SAID_AFTER, 150)], path, voice=VOICE)
    return path.read_bytes()


def silence_wav(seconds: float = 3.0) -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(16_000)
        w.writeframes(b"\x00\x00" * int(16_000 * seconds))
    return out.getvalue()


def upload(client, data: bytes, query: str = f"?question={QUESTION}", name: str = "answer.wav", json: bool = False):
    headers = {"HTTP_ACCEPT": "application/json"} if json else {}
    return client.post(
        reverse("speech:record") + query, {"audio": SimpleUploadedFile(name, data, "audio/wav")}, **headers
    )


@pytest.fixture
def recorded(client, alice, spoken_wav) -> Recording:
    client.force_login(alice)
    response = upload(client, spoken_wav)
    assert response.status_code == 302
    return Recording.objects.get(user=alice)


def test_the_drill_page_offers_answering_out_loud(client, alice):
    client.force_login(alice)
    page = client.get(reverse("practice:answer") + f"?question={QUESTION}").content.decode()
    assert f'href="/speech/record?question={QUESTION}">Answer out loud</a>' in page


def test_the_record_page_works_without_javascript_through_a_file_form(client, alice):
    client.force_login(alice)
    page = client.get(reverse("speech:record") + f"?question={QUESTION}").content.decode()
    assert "Recording on this page needs JavaScript" in page
    assert 'enctype="multipart/form-data"' in page and 'type="file" name="audio"' in page
    assert '<meter id="mic-level"' in page and 'data-budget="300"' in page


def test_an_uploaded_recording_is_heard_and_kept_with_its_question(recorded, client, spoken_wav):
    assert recorded.question_id == QUESTION
    assert recorded.seconds_budget == 300
    assert recorded.attempt is None
    data = bytes(recorded.wav)
    assert data[:4] == b"RIFF" and recorded.size_bytes == len(data)
    with wave.open(io.BytesIO(data)) as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, 16_000)
    with wave.open(io.BytesIO(spoken_wav)) as w:
        assert recorded.duration_s == round(w.getnframes() / w.getframerate(), 2)
    assert len(recorded.words) > 30
    assert len(recorded.heard["pauses"]) == 1
    assert 2.7 <= recorded.heard["pauses"][0]["end"] - recorded.heard["pauses"][0]["start"] <= 3.3
    assert recorded.heard["delivery"]["budget_s"] == 300
    page = client.get(reverse("speech:correct", args=[recorded.pk])).content.decode()
    assert "Delivery, from the audio" in page and "pmprep never judges accent or fluency" in page
    assert recorded.transcript[:20] in page


def test_the_page_recorder_gets_json_with_the_next_address(client, alice, spoken_wav):
    client.force_login(alice)
    response = upload(client, spoken_wav, json=True)
    made = Recording.objects.get(user=alice)
    assert response.status_code == 200
    assert response.json() == {"url": f"/speech/{made.pk}/"}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "The recording is empty (0 bytes): record again, or choose a WAV file."),
        (
            b"OggS\x00\x02" + b"\x00" * 200,
            "The recording is not a WAV file (it does not start with RIFF…WAVE): expected a WAV recording, 16 kHz "
            "mono or better. Nothing was saved.",
        ),
        (
            silence_wav(),
            "The recording has no speech in it that pmprep could hear (3.0 s of silence or noise): check that the "
            "microphone was on and close enough. Nothing was saved.",
        ),
    ],
    ids=["empty", "not-a-wav", "silence"],
)
def test_a_bad_recording_is_refused_with_a_clear_message_and_nothing_is_kept(client, alice, data, message):
    client.force_login(alice)
    response = upload(client, data)
    assert response.status_code == 400
    assert message in response.content.decode().replace("&#x27;", "'")
    response = upload(client, data, json=True)
    assert response.status_code == 400 and response.json() == {"error": message}
    assert not Recording.objects.exists()


def test_a_recording_over_the_upload_size_is_refused(client, alice):
    client.force_login(alice)
    response = upload(client, b"RIFF" + b"\x00" * (40 * 1024 * 1024 - 3), json=True)
    assert response.status_code == 400
    assert response.json() == {
        "error": "The recording is 40.0 MB; an upload can be at most 40 MB (about 20 minutes of 16 kHz mono WAV)."
    }
    assert not Recording.objects.exists()


def test_the_storage_limit_refuses_a_recording_and_says_how_to_free_space(client, alice, spoken_wav, settings):
    settings.PMPREP_RECORDING_LIMIT_MB = 1
    Recording.objects.create(
        user=alice, question_text="Earlier", wav=b"\x00" * 900_000, size_bytes=900_000, duration_s=28.1, heard={}
    )
    client.force_login(alice)
    response = upload(client, spoken_wav, json=True)
    assert response.status_code == 400
    needed = len(spoken_wav) / 1024 / 1024
    assert response.json() == {
        "error": f"Your recordings already use 0.9 MB of your 1 MB, and this one needs {needed:.1f} MB: nothing was "
        "saved. Free space by deleting recordings you no longer need on the Recordings page (the attempts made "
        "from them stay), or ask whoever runs this pmprep to raise PMPREP_RECORDING_LIMIT_MB."
    }
    assert Recording.objects.count() == 1


def test_the_corrected_transcript_becomes_an_attempt_linked_to_the_recording(recorded, client, alice):
    corrected = f"{SAID} {SAID_AFTER}"
    response = client.post(reverse("speech:correct", args=[recorded.pk]), {"answer": corrected})
    attempt = Attempt.objects.get(user=alice)
    assert response.status_code == 302 and response["Location"] == f"/practice/attempts/{attempt.pk}/"
    recorded.refresh_from_db()
    assert recorded.attempt == attempt
    assert attempt.answer == corrected and attempt.question_id == QUESTION and attempt.seconds_budget == 300
    assert attempt.seconds_taken == round(recorded.duration_s)
    page = client.get(response["Location"]).content.decode()
    assert "Delivery, from the audio" in page
    assert "pmprep never judges accent or fluency" in page
    assert f'href="/speech/{recorded.pk}/replay"' in page
    # A second submit makes no second attempt.
    again = client.post(reverse("speech:correct", args=[recorded.pk]), {"answer": "Something else entirely."})
    assert again["Location"] == f"/practice/attempts/{attempt.pk}/" and Attempt.objects.count() == 1


def test_an_empty_transcript_is_refused(recorded, client):
    response = client.post(reverse("speech:correct", args=[recorded.pk]), {"answer": "   "})
    assert response.status_code == 400
    assert "The transcript is empty: write what you said before asking for feedback." in response.content.decode()
    assert not Attempt.objects.exists()


def test_a_spoken_follow_up_reply_is_judged_with_the_conversation(client, alice, spoken_wav):
    first = practised(alice, "I launched a row on the home page. It did well.", question_id=QUESTION)
    _, _, probes = first.conversation()
    client.force_login(alice)
    page = client.get(reverse("practice:attempt", args=[first.pk])).content.decode()
    assert f"/speech/record?reply_to={first.pk}&amp;probe=" in page
    from urllib.parse import quote

    response = upload(client, spoken_wav, query=f"?reply_to={first.pk}&probe={quote(probes[0].text)}")
    assert response.status_code == 302
    made = Recording.objects.get(user=alice)
    assert made.reply_to == first and made.probe == probes[0].text
    response = client.post(reverse("speech:correct", args=[made.pk]), {"answer": SAID})
    reply = Attempt.objects.get(parent=first)
    assert response["Location"] == f"/practice/attempts/{reply.pk}/"
    assert reply.probe == probes[0].text and reply.answer == SAID


def test_the_replay_page_marks_pauses_and_evidence_and_serves_the_audio(recorded, client):
    client.post(reverse("speech:correct", args=[recorded.pk]), {"answer": recorded.transcript})
    page = client.get(reverse("speech:replay", args=[recorded.pk])).content.decode()
    assert page.count('class="word') == len(recorded.words)
    assert (
        len(re.findall(r"\[pause (?:2\.[7-9]|3\.[0-3]) s\]", page)) == 1
    )  # the 3 s silence, as the detector measured it
    assert f'<audio controls preload="auto" src="/speech/{recorded.pk}/audio.wav"' in page
    recorded.refresh_from_db()
    criterion = next(c for c in recorded.attempt.analysed.criteria if c.evidence and c.id != "coverage")
    shown = client.get(reverse("speech:replay", args=[recorded.pk]) + f"?show={criterion.id}").content.decode()
    assert '<span class="visually-hidden">evidence: </span>' in shown
    audio = client.get(reverse("speech:audio", args=[recorded.pk]))
    assert audio.status_code == 200 and audio["Content-Type"] == "audio/wav" and audio["Accept-Ranges"] == "bytes"
    assert audio.content == bytes(recorded.wav)
    part = client.get(reverse("speech:audio", args=[recorded.pk]), HTTP_RANGE="bytes=0-43")
    assert part.status_code == 206 and part.content == bytes(recorded.wav)[:44]
    assert part["Content-Range"] == f"bytes 0-43/{recorded.size_bytes}"


def test_another_user_gets_404_for_every_page_and_the_audio(recorded, client, bob):
    client.force_login(bob)
    for name in ("speech:correct", "speech:replay", "speech:audio", "speech:delete"):
        assert client.get(reverse(name, args=[recorded.pk])).status_code == 404, name
    assert client.post(reverse("speech:delete", args=[recorded.pk])).status_code == 404
    assert client.post(reverse("speech:correct", args=[recorded.pk]), {"answer": "Mine now."}).status_code == 404
    assert Recording.objects.filter(pk=recorded.pk).exists() and not Attempt.objects.exists()


def test_the_recordings_page_lists_sizes_and_a_recording_is_deleted_after_confirming(recorded, client, alice):
    page = client.get(reverse("speech:index")).content.decode()
    assert f"{recorded.size_bytes / 1024 / 1024:.1f} MB of 200 MB" in page
    assert f'href="/speech/{recorded.pk}/delete"' in page
    assert 'href="/speech/"' in client.get(reverse("portability:data")).content.decode()
    confirm = client.get(reverse("speech:delete", args=[recorded.pk]))
    assert confirm.status_code == 200 and Recording.objects.exists()
    response = client.post(reverse("speech:delete", args=[recorded.pk]))
    assert response["Location"] == "/speech/"
    assert not Recording.objects.exists()


def submitted(client, recorded: Recording) -> Recording:
    client.post(reverse("speech:correct", args=[recorded.pk]), {"answer": f"{SAID} {SAID_AFTER}"})
    recorded.refresh_from_db()
    return recorded


def test_the_export_holds_the_audio_in_base64_pieces_unless_left_out(recorded, client, alice):
    recorded = submitted(client, recorded)
    document = client.get(reverse("portability:export")).json()
    [row] = document["data"]["recordings"]
    assert b"".join(base64.b64decode(part) for part in row["wav"]) == bytes(recorded.wav)
    assert all(len(base64.b64decode(part)) <= AUDIO_CHUNK for part in row["wav"])
    assert row["attempt"] == str(recorded.attempt.uid) and row["heard"] == recorded.heard
    without = client.get(reverse("portability:export") + "?without_recordings=1").json()
    assert without["data"]["recordings"] == [] and len(without["data"]["attempts"]) == 1
    page = client.get(reverse("portability:data")).content.decode()
    assert 'name="without_recordings" value="1"' in page


def test_cli_export_without_recordings(recorded, client, tmp_path):
    submitted(client, recorded)
    target = tmp_path / "alice.json"
    result = CliRunner().invoke(app, ["export", "alice", "--output", str(target), "--without-recordings"])
    assert result.exit_code == 0, result.output
    assert json.loads(target.read_text())["data"]["recordings"] == []
    result = CliRunner().invoke(app, ["export", "alice", "--output", str(target)])
    assert len(json.loads(target.read_text())["data"]["recordings"]) == 1


def test_an_import_restores_the_recording_and_its_link_to_the_attempt(recorded, client, alice):
    recorded = submitted(client, recorded)
    before = portability.export_user(alice)
    text = portability.dumps(before).encode()
    Recording.objects.all().delete()
    Attempt.objects.all().delete()
    alice.delete()
    owner, summary = portability.import_bytes(text, "alice.json")
    assert summary.created["recordings"] == 1 and summary.created["attempts"] == 1
    restored = Recording.objects.get(user=owner)
    assert bytes(restored.wav) == bytes(recorded.wav) and restored.attempt.answer == f"{SAID} {SAID_AFTER}"
    assert portability.export_user(owner, now=dt.datetime.fromisoformat(before["exported_at"])) == before


def test_an_import_with_damaged_audio_is_refused_and_changes_nothing(recorded, client, alice, bob):
    document = portability.export_user(alice)
    document["data"]["recordings"][0]["wav"][0] = "not base64!"
    document["data"]["recordings"][0]["size_bytes"] = 12
    with pytest.raises(portability.ImportProblem) as refused:
        portability.import_document(document, "alice.json", user=bob)
    assert refused.value.problems == [
        f"data.recordings[0].wav: expected the audio as a list of base64 strings of at most {AUDIO_CHUNK:,} bytes "
        "each; piece 0 is not base64"
    ]
    assert not Recording.objects.filter(user=bob).exists()
