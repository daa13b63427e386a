"""Reading recordings: WAV at any usable rate and width, mixed down and resampled; a clear message for
anything else, naming the file and what was expected."""

from __future__ import annotations

import wave

import numpy as np
import pytest

from pmprep.speech import AudioError, NoSpeech, hear, read_audio
from pmprep.speech import audio as audio_module


def write_wav(path, samples: np.ndarray, rate: int, width: int = 2) -> None:
    """``samples`` (floats in [-1, 1), one column per channel) as integer PCM of ``width`` bytes."""
    frames = samples if samples.ndim == 2 else samples[:, None]
    with wave.open(str(path), "wb") as w:
        w.setnchannels(frames.shape[1])
        w.setsampwidth(width)
        w.setframerate(rate)
        if width == 1:
            w.writeframes(np.round(frames * 127 + 128).astype(np.uint8).tobytes())
        elif width == 3:
            ints = np.round(frames * (2**23 - 1)).astype("<i4").reshape(-1)
            w.writeframes(b"".join(int(v).to_bytes(3, "little", signed=True) for v in ints))
        else:
            w.writeframes(np.round(frames * (2 ** (8 * width - 1) - 1)).astype(f"<i{width}").tobytes())


def tone(seconds: float, rate: int, hz: float = 440.0, level: float = 0.5) -> np.ndarray:
    t = np.arange(int(seconds * rate)) / rate
    return level * np.sin(2 * np.pi * hz * t)


def samples_of(audio) -> np.ndarray:
    return np.frombuffer(audio.samples, dtype="<i2").astype(np.float64) / 32768


def test_a_16_khz_mono_wav_is_read_as_it_is(tmp_path):
    path = tmp_path / "a.wav"
    write_wav(path, tone(1.0, 16000), 16000)
    audio = read_audio(path)
    assert audio.rate == 16000 and audio.duration_s == 1.0 and audio.source == str(path)


def test_a_44_1_khz_stereo_wav_is_mixed_down_and_resampled_keeping_its_length_and_pitch(tmp_path):
    path = tmp_path / "a.wav"
    left, right = tone(2.0, 44100, 440), tone(2.0, 44100, 440, level=0.3)
    write_wav(path, np.stack([left, right], axis=1), 44100)
    audio = read_audio(path)
    assert audio.rate == 16000 and audio.duration_s == pytest.approx(2.0, abs=0.001)
    x = samples_of(audio)
    spectrum = np.abs(np.fft.rfft(x))
    assert np.argmax(spectrum) * 16000 / len(x) == pytest.approx(440, abs=2)
    assert np.max(np.abs(x[1000:-1000])) == pytest.approx(0.4, abs=0.02)  # the mean of the two channels


def test_resampling_down_removes_what_the_new_rate_cannot_hold(tmp_path):
    path = tmp_path / "a.wav"
    write_wav(path, tone(1.0, 48000, hz=12000), 48000)  # above 8 kHz: would fold back to 4 kHz
    assert np.max(np.abs(samples_of(read_audio(path))[500:-500])) < 0.02


@pytest.mark.parametrize("width", [3, 4])
def test_24_and_32_bit_wavs_are_read(tmp_path, width):
    path = tmp_path / "a.wav"
    write_wav(path, tone(0.5, 16000), 16000, width=width)
    assert np.max(np.abs(samples_of(read_audio(path)))) == pytest.approx(0.5, abs=0.01)


def test_an_empty_file_is_refused_by_name(tmp_path):
    path = tmp_path / "empty.wav"
    path.write_bytes(b"")
    with pytest.raises(AudioError, match=r"empty\.wav is empty \(0 bytes\): expected a recording"):
        read_audio(path)


def test_a_text_file_is_not_a_wav(tmp_path):
    path = tmp_path / "answer.txt"
    path.write_text("I would start with the goal.", encoding="utf-8")
    with pytest.raises(AudioError, match=r"answer\.txt is not a WAV file .*expected a WAV recording, 16 kHz mono"):
        read_audio(path)


def test_an_8_bit_wav_is_refused_with_what_to_do(tmp_path):
    path = tmp_path / "old.wav"
    write_wav(path, tone(0.5, 16000), 16000, width=1)
    with pytest.raises(AudioError, match=r"old\.wav has 8-bit samples.*expected 16-bit PCM"):
        read_audio(path)


def test_a_wav_below_8_khz_is_refused(tmp_path):
    path = tmp_path / "low.wav"
    write_wav(path, tone(0.5, 4000, hz=300), 4000)
    with pytest.raises(AudioError, match=r"sampled at 4000 Hz: expected 16 kHz or more"):
        read_audio(path)


def test_a_wav_with_no_samples_is_refused(tmp_path):
    path = tmp_path / "none.wav"
    write_wav(path, np.zeros(0), 16000)
    with pytest.raises(AudioError, match=r"none\.wav holds no audio"):
        read_audio(path)


def test_a_cut_off_wav_is_refused(tmp_path):
    path = tmp_path / "cut.wav"
    write_wav(path, tone(1.0, 16000), 16000)
    path.write_bytes(path.read_bytes()[:30])
    with pytest.raises(AudioError, match=r"cut\.wav"):
        read_audio(path)


def test_a_missing_file_and_a_folder_are_refused_by_name(tmp_path):
    with pytest.raises(AudioError, match=r"nothere\.wav does not exist"):
        read_audio(tmp_path / "nothere.wav")
    with pytest.raises(AudioError, match=r"is a folder"):
        read_audio(tmp_path)


def test_a_recording_longer_than_the_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(audio_module, "MAX_SECONDS", 1)
    path = tmp_path / "long.wav"
    write_wav(path, tone(2.0, 16000), 16000)
    with pytest.raises(AudioError, match=r"long\.wav is 0 minutes long: pmprep takes recordings of up to"):
        read_audio(path)


def test_a_browser_recording_without_ffmpeg_names_what_is_needed(tmp_path, monkeypatch):
    monkeypatch.setattr(audio_module.shutil, "which", lambda name: None)
    path = tmp_path / "answer.webm"
    path.write_bytes(b"\x1a\x45\xdf\xa3" + b"\x00" * 60)  # a WebM file's first bytes
    with pytest.raises(AudioError, match=r"answer\.webm is WebM/Matroska audio .*needs ffmpeg, which is not installed"):
        read_audio(path)


def test_a_browser_recording_is_converted_by_ffmpeg_to_16_khz_mono(tmp_path, monkeypatch):
    # A stand-in for ffmpeg that records its arguments and writes one second of 16-bit silence.
    fake = tmp_path / "ffmpeg"
    fake.write_text('#!/bin/sh\necho "$@" > "$(dirname "$0")/args"\nhead -c 32000 /dev/zero\n', encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setattr(audio_module.shutil, "which", lambda name: str(fake) if name == "ffmpeg" else None)
    path = tmp_path / "answer.ogg"
    path.write_bytes(b"OggS" + b"\x00" * 60)
    audio = read_audio(path)
    assert audio.duration_s == 1.0 and audio.source == str(path)
    args = (tmp_path / "args").read_text(encoding="utf-8").split()
    assert args[args.index("-i") + 1] == str(path)
    assert args[args.index("-ar") + 1] == "16000" and args[args.index("-ac") + 1] == "1" and "s16le" in args


def test_a_file_ffmpeg_cannot_convert_gives_its_reason(tmp_path, monkeypatch):
    fake = tmp_path / "ffmpeg"
    fake.write_text("#!/bin/sh\necho 'Invalid data found when processing input' >&2\nexit 1\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setattr(audio_module.shutil, "which", lambda name: str(fake))
    path = tmp_path / "broken.webm"
    path.write_bytes(b"\x1a\x45\xdf\xa3" + b"\x00" * 60)
    with pytest.raises(AudioError, match=r"broken\.webm is WebM/Matroska audio .*ffmpeg cannot convert: Invalid data"):
        read_audio(path)


def test_silence_only_is_no_speech(tmp_path):
    path = tmp_path / "quiet.wav"
    rng = np.random.default_rng(0)
    write_wav(path, rng.normal(0, 0.002, 16000 * 3), 16000)  # a quiet room: faint hiss, nobody speaking
    with pytest.raises(NoSpeech, match=r"quiet\.wav has no speech in it .*3\.0 s of silence or noise"):
        hear(read_audio(path))
