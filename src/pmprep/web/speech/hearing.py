"""A spoken answer uploaded and heard: its size, length and the owner's storage checked, the speech core run on
it in a worker process with a time limit (never inside a transaction), and the recording kept.

Every refusal is a :class:`RecordingRefused` with a message for the user, raised before anything is written.
"""

from __future__ import annotations

import atexit
import threading
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from pmprep.speech import AudioError, hear_upload
from pmprep.web.speech.models import MB, Recording
from pmprep.web.text_workers import TextWorkError, TextWorkers

MAX_UPLOAD_BYTES = 40 * MB  # 20 minutes of 16 kHz mono WAV (what the page records), 4 of CD-quality stereo
MAX_SECONDS = 20 * 60  # one answer or one case presentation
KEPT_BYTES_PER_SECOND = 32_000  # a recording is kept as 16 kHz mono 16-bit WAV
SOURCE = "The recording"


class RecordingRefused(Exception):
    """The recording cannot be kept; the message says why and what to do."""


@dataclass(frozen=True)
class Where:
    """The answer a recording is for: the question asked and where the answer belongs."""

    question_id: str
    question_text: str
    budget: int | None
    loop_round: Any = None
    reply_to: Any = None
    probe: str = ""


def limit_bytes() -> int:
    return settings.PMPREP_RECORDING_LIMIT_MB * MB


def space_message(used: int, needed: int) -> str:
    return (
        f"Your recordings already use {used / MB:.1f} MB of your {settings.PMPREP_RECORDING_LIMIT_MB} MB, and this "
        f"one needs {needed / MB:.1f} MB: nothing was saved. Free space by deleting recordings you no longer need "
        "on the Recordings page (the attempts made from them stay), or ask whoever runs this pmprep to raise "
        "PMPREP_RECORDING_LIMIT_MB."
    )


_workers: TextWorkers | None = None
_workers_lock = threading.Lock()


def speech_workers() -> TextWorkers:
    """Hearing a recording takes seconds: its own pool (so typed answers' analyses never wait behind it),
    as many workers as PMPREP_TEXT_WORKERS (0 hears on the request thread), PMPREP_SPEECH_TIMEOUT each."""
    global _workers
    with _workers_lock:
        if _workers is None:
            _workers = TextWorkers(settings.PMPREP_TEXT_WORKERS, settings.PMPREP_SPEECH_TIMEOUT)
            atexit.register(_workers.close)  # before the interpreter tears down what the pool needs
        return _workers


def _check_space(user, needed: int) -> None:
    used = Recording.objects.used_bytes(user)
    if used + needed > limit_bytes():
        raise RecordingRefused(space_message(used, needed))


def keep(user, upload: bytes, where: Where) -> Recording:
    """Hear ``upload`` (the bytes of a WAV file) and keep it as ``user``'s recording for ``where``."""
    if not upload:
        raise RecordingRefused(f"{SOURCE} is empty (0 bytes): record again, or choose a WAV file.")
    if len(upload) > MAX_UPLOAD_BYTES:
        raise RecordingRefused(
            f"{SOURCE} is {len(upload) / MB:.1f} MB; an upload can be at most {MAX_UPLOAD_BYTES // MB} MB "
            f"(about {MAX_SECONDS // 60} minutes of 16 kHz mono WAV)."
        )
    # Checked before the work (a full account should not wait to be told) and again as the row is written.
    _check_space(user, min(len(upload), MAX_SECONDS * KEPT_BYTES_PER_SECOND))
    try:
        wav, duration, figures = speech_workers().run_when_free(
            hear_upload, upload, source=SOURCE, max_s=MAX_SECONDS, budget_s=where.budget
        )
    except AudioError as exc:
        raise RecordingRefused(f"{exc}. Nothing was saved.") from None
    except TextWorkError as exc:
        raise RecordingRefused(str(exc).replace("send a shorter text", "record a shorter answer")) from None
    with transaction.atomic():
        _check_space(user, len(wav))
        return Recording.objects.create(
            user=user,
            question_id=where.question_id,
            question_text=where.question_text,
            seconds_budget=where.budget,
            loop_round=where.loop_round,
            reply_to=where.reply_to,
            probe=where.probe,
            wav=wav,
            size_bytes=len(wav),
            duration_s=round(duration, 2),
            heard=figures,
            created=timezone.now(),
        )
