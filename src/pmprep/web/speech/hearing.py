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

from pmprep.analysis import AnswerTooLong
from pmprep.analysis.feedback import Probe
from pmprep.pressure import probe_from_clip, shipped_rules
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
    probe_criterion: str = ""


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


def _heard(user, upload: bytes, budget: int | None, source: str = SOURCE) -> tuple[bytes, float, dict[str, Any]]:
    """``upload`` checked and heard: the WAV kept, its length and the figures; RecordingRefused if it cannot be."""
    if not upload:
        raise RecordingRefused(f"{source} is empty (0 bytes): record again, or choose a WAV file.")
    if len(upload) > MAX_UPLOAD_BYTES:
        raise RecordingRefused(
            f"{source} is {len(upload) / MB:.1f} MB; an upload can be at most {MAX_UPLOAD_BYTES // MB} MB "
            f"(about {MAX_SECONDS // 60} minutes of 16 kHz mono WAV)."
        )
    # Checked before the work (a full account should not wait to be told) and again as the row is written.
    _check_space(user, min(len(upload), MAX_SECONDS * KEPT_BYTES_PER_SECOND))
    try:
        return speech_workers().run_when_free(hear_upload, upload, source=source, max_s=MAX_SECONDS, budget_s=budget)
    except AudioError as exc:
        raise RecordingRefused(f"{exc}. Nothing was saved.") from None
    except TextWorkError as exc:
        raise RecordingRefused(str(exc).replace("send a shorter text", "record a shorter answer")) from None


def _create(user, where: Where, heard: tuple[bytes, float, dict[str, Any]], follows: Recording | None = None):
    wav, duration, figures = heard
    return Recording.objects.create(
        user=user,
        question_id=where.question_id,
        question_text=where.question_text,
        seconds_budget=where.budget,
        loop_round=where.loop_round,
        reply_to=where.reply_to,
        probe=where.probe,
        probe_criterion=where.probe_criterion,
        follows=follows,
        wav=wav,
        size_bytes=len(wav),
        duration_s=round(duration, 2),
        heard=figures,
        created=timezone.now(),
    )


def keep(user, upload: bytes, where: Where) -> Recording:
    """Hear ``upload`` (the bytes of a WAV file) and keep it as ``user``'s recording for ``where``."""
    heard = _heard(user, upload, where.budget)
    with transaction.atomic():
        _check_space(user, len(heard[0]))
        return _create(user, where, heard)


REPLY_SOURCE = "Your reply after the interviewer broke in"


def keep_exchange(user, first: bytes, reply: bytes, where: Where, probe: Probe) -> tuple[Recording, str]:
    """The pressure drill's two parts kept: the answer up to the break-in (for ``where``) and the reply to
    ``probe`` after it, as a reply part that ``follows`` the first. When the reply holds nothing pmprep can
    hear, the first part is kept alone; the message returned says so ("" when both were kept)."""
    heard = _heard(user, first, where.budget)
    try:
        replied: tuple[bytes, float, dict[str, Any]] | None = _heard(user, reply, None, REPLY_SOURCE)
        note = ""
    except RecordingRefused as exc:
        replied, note = None, f"{exc} Only your answer before the interviewer broke in was kept."
    with transaction.atomic():
        _check_space(user, len(heard[0]) + (len(replied[0]) if replied else 0))
        made = _create(user, where, heard)
        if replied is not None:
            asked = Where("", probe.text, None, probe=probe.text, probe_criterion=probe.criterion or "")
            _create(user, asked, replied, follows=made)
    return made, note


def break_in(upload: bytes, where: Where) -> tuple[Probe, bool]:
    """The probe to break in with on the answer so far (``upload``, the page's clip), and whether it was chosen
    from what was heard: the generic probe, never an error, when the clip is empty, too big or unheard."""
    rules = shipped_rules()
    if not upload or len(upload) > MAX_UPLOAD_BYTES:
        return rules.generic, False
    try:
        return speech_workers().run_when_free(
            probe_from_clip, upload, where.question_id or where.question_text, rules, max_s=MAX_SECONDS
        )
    except (TextWorkError, AnswerTooLong, ValueError):
        return rules.generic, False
