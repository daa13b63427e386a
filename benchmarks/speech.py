"""How well and how fast pmprep hears a spoken answer, on synthetic speech it has never seen.

    python benchmarks/speech.py [--voices en-us+klatt,en-us] [--wpm 160]

Joins the eight held-out answers of tests/data/speech/answers.yaml (never read by the model's build) into one
answer of about two minutes, spoken by espeak-ng with silences of 1 s (not long pauses) and of 2.2, 2.5
and 3 s (long pauses) between them and faint noise under all of it, then prints for each voice:

- word error rate with PocketSphinx's stock English language model and with pmprep's domain model;
- real-time factor (decoding time over audio time; wall clock and CPU, the machine may be shared) of the
  whole pipeline (reading, voice detection, recognition, delivery);
- peak memory of this process (resource.getrusage), after the domain model alone and after the stock one;
- pause boundary error: the largest distance between an inserted long silence's edges and the detected
  long pause's; the 1 s silences must not be reported;
- words per minute measured against the true rate (words said over the parts' spoken length).

Goals (issue 16): real-time factor ≤ 0.5, memory < 500 MB, WER ≤ 0.35, pauses within 0.3 s, rate within
10%. Speed is printed here, never asserted by a test. Needs espeak-ng and sox.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from pmprep.speech import DOMAIN, STOCK, Settings, transcribe  # noqa: E402
from pmprep.speech.recognizer import recognizer  # noqa: E402
from pmprep.speech.word_errors import word_error_rate  # noqa: E402
from tests.core.speech.synthetic import Spoken, answer, tools_missing, words_of  # noqa: E402

ANSWERS = ROOT / "tests" / "data" / "speech" / "answers.yaml"
SILENCES = [1.0, 2.5, 1.0, 3.0, 1.0, 2.2, 1.0]  # between the eight answers
LONG = 2.0


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def measure(spoken: Spoken, said: list[str], settings: Settings) -> dict[str, float]:
    recognizer(settings)  # loaded before the clock starts: a server loads it once
    wall, cpu = time.perf_counter(), time.process_time()
    heard = transcribe(spoken.path, settings=settings)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    reference = [w for text in said for w in words_of(text)]
    true_pauses = [p for p in spoken.pauses if p[1] - p[0] >= LONG]
    found = heard.delivery.long_pauses
    if len(found) == len(true_pauses):
        pause_error = max(max(abs(p.start - a), abs(p.end - b)) for p, (a, b) in zip(found, true_pauses, strict=True))
    else:
        pause_error = float("nan")
    wpm = heard.delivery.wpm or 0.0
    return {
        "wer": word_error_rate(reference, [w.word for w in heard.words]),
        "rtf_wall": wall / spoken.duration_s,
        "rtf_cpu": cpu / spoken.duration_s,
        "pauses_found": len(found),
        "pauses_true": len(true_pauses),
        "pause_error": pause_error,
        "wpm": wpm,
        "wpm_error": abs(wpm - spoken.wpm) / spoken.wpm,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--voices", default="en-us+klatt,en-us+klatt4,en-us", help="espeak-ng voices, comma-separated")
    parser.add_argument("--wpm", type=int, default=160, help="espeak-ng's speaking rate setting")
    args = parser.parse_args()
    missing = tools_missing()
    if missing:
        print(f"needs {', '.join(missing)}: apt-get install espeak-ng sox", file=sys.stderr)
        return 2
    said = [a["text"] for a in yaml.safe_load(ANSWERS.read_text(encoding="utf-8"))["held_out"]]
    parts: list[str | float | tuple[str, int]] = []
    for i, text in enumerate(said):
        parts += [text, *SILENCES[i : i + 1]]
    print(f"Held-out answers: {len(said)}, {sum(len(words_of(t)) for t in said)} words; espeak-ng at -s {args.wpm}")
    print(f"Before loading any model: peak memory {peak_mb():.0f} MB")
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for n, voice in enumerate(args.voices.split(",")):
            spoken = answer(parts, Path(folder) / f"answer-{n}.wav", wpm=args.wpm, voice=voice)
            domain = measure(spoken, said, DOMAIN)
            if n == 0:
                print(f"After the domain model (recording {spoken.duration_s:.0f} s): peak memory {peak_mb():.0f} MB")
            stock = measure(spoken, said, STOCK)
            if n == 0:
                print(f"After the stock model as well: peak memory {peak_mb():.0f} MB")
            rows.append((voice, spoken, domain, stock))
    print()
    print(f"{'voice':<14} {'audio':>6} {'WER stock':>9} {'WER domain':>10} {'RTF domain':>15} {'RTF stock':>15}")
    for voice, spoken, domain, stock in rows:
        print(
            f"{voice:<14} {spoken.duration_s:5.0f}s {stock['wer']:9.3f} {domain['wer']:10.3f} "
            f"{domain['rtf_wall']:6.3f} (cpu {domain['rtf_cpu']:.2f}) {stock['rtf_wall']:6.3f} (cpu {stock['rtf_cpu']:.2f})"
        )
    print()
    print(f"{'voice':<14} {'long pauses':>11} {'pause error':>11} {'true wpm':>8} {'wpm':>6} {'wpm error':>9}")
    for voice, spoken, domain, _stock in rows:
        print(
            f"{voice:<14} {domain['pauses_found']:>5} of {domain['pauses_true']:<3} {domain['pause_error']:10.2f}s "
            f"{spoken.wpm:8.1f} {domain['wpm']:6.1f} {domain['wpm_error']:8.1%}"
        )
    print("\nGoals: RTF ≤ 0.5, memory < 500 MB, WER ≤ 0.35, pauses within 0.3 s, wpm within 10%.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
