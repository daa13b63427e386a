"""Build the speech recogniser's domain language model and dictionary from pmprep's own content.

    python scripts/build_speech_model.py [--write] [--check]

Reads the shipped Netflix content through pmprep's loaders (questions with their talking points and
probes, strong answers, primers, rubrics, frameworks, rounds, competencies, the classifier's question
phrasings and the case panel's questions), turns it into spoken sentences (pmprep.speech.spoken_text),
and keeps only words PocketSphinx's own English dictionary can pronounce (a sentence is cut at any other
word; the package has no tool to make new pronunciations). From those sentences it counts an interpolated
Kneser-Ney trigram model (pmprep.speech.language_model), mixed at the unigram level with the commonest
words of PocketSphinx's stock English model, so that everyday words outside the content stay possible.

Writes, into src/pmprep/speech/model/ (with --write; otherwise prints what it would write):
  pmprep.lm    the model, in ARPA text
  pmprep.dict  the pronunciations of its words, copied from the package's cmudict-en-us.dict

Same content, same pocketsphinx package, same settings: same bytes. --check exits 1 when the committed
files differ from what the content makes now. tests/data/speech (the test and benchmark answers) is never
read, so the model has not seen the texts it is measured on.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from pmprep.analysis.rubric import load_rubrics  # noqa: E402
from pmprep.bank import SHIPPED, load_catalog  # noqa: E402
from pmprep.bank.errors import read_content_yaml  # noqa: E402
from pmprep.speech import language_model  # noqa: E402
from pmprep.speech.fillers import filler_words  # noqa: E402
from pmprep.speech.recognizer import MODEL_DIR, stock_model_path  # noqa: E402
from pmprep.speech.spoken_text import spoken_sentences, uncontracted  # noqa: E402

# Settings (chosen on the tuning answers of tests/data/speech/answers.yaml; see model/README.md).
BACKGROUND_WORDS = 10_000  # the commonest words of the stock model kept beside the content's own
BACKGROUND_WEIGHT = 0.2  # their share of the unigram mass
MIN_TRIGRAM_COUNT = 2  # trigrams seen once are left out (most are one sentence's accidents)
_ACRONYM = re.compile(r"\b[A-Z]{2,5}\b")
_BRITISH = [
    (re.compile(pattern), us)
    for pattern, us in (
        (r"is(e|es|ed|ing|ation|ations|er|ers)$", r"iz\1"),
        (r"our(s|ed|ing|ite|ites)?$", r"or\1"),
        (r"yse(s|d)?$", r"yze\1"),
        (r"tre(s)?$", r"ter\1"),
        (r"ogue(s)?$", r"og\1"),
    )
]


def content_texts() -> Iterator[str]:
    """Every piece of prose in the shipped content that an answer might echo, in a fixed order."""
    catalog = load_catalog(SHIPPED)
    for q in sorted(catalog.questions.values(), key=lambda q: q.id):
        yield q.text
        yield from q.talking_points
        yield from q.probes
    for qid in sorted(catalog.strong_answers):
        yield catalog.strong_answers[qid].answer
    for pid in sorted(catalog.primers):
        p = catalog.primers[pid]
        yield from (p.title, p.summary, p.body)
    for f in catalog.frameworks.values():
        yield from (f.name, f.use)
        for step in f.steps:
            yield from (step.name, step.prompt)
    for r in catalog.rounds.values():
        yield from (r.name, r.format, *r.assesses, *r.strong_signals, *r.weak_signals)
    for d in catalog.dimensions.values():
        yield from (d.name, d.question, d.looks_like)
    for c in catalog.components.values():
        yield from (c.name, c.description)
    for t in catalog.themes.values():
        yield t.name
    for s in (*catalog.signals.strong, *catalog.signals.weak, *catalog.signals.committee):
        yield s.text
    rubrics = load_rubrics(SHIPPED / "rubrics.yaml", tuple(catalog.question_types), catalog.company.name)
    for criterion in [*rubrics.common, *(c for cs in rubrics.by_type.values() for c in cs)]:
        yield from (criterion.name, criterion.what, criterion.probe)
    for flag in rubrics.red_flags.values():
        yield from (flag.name, flag.what, flag.probe, flag.advice)
    for missing, advice in rubrics.parts.values():
        yield from (missing, advice)
    yield from rubrics.advice.values()
    _, examples = read_content_yaml(SHIPPED / "classifier_questions.yaml")
    for example in examples["questions"]:
        yield example["text"]
    _, panel = read_content_yaml(SHIPPED / "panel.yaml")
    for role in panel["roles"]:
        yield from role.get("general", [])
        for asked in role.get("sections", {}).values():
            yield from asked


def read_dictionary(path: Path) -> dict[str, list[str]]:
    """The pronunciation dictionary's lines by word ("word(2)" variants under "word"), in file order."""
    entries: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            head = line.split(maxsplit=1)[0]
            entries.setdefault(head.split("(", 1)[0], []).append(line)
    return entries


def spelled_acronyms(text: str, known: dict[str, list[str]]) -> str:
    """Capitals the dictionary does not know as a word are said letter by letter: "CTR" is "c t r"."""
    return _ACRONYM.sub(lambda m: m.group(0) if m.group(0).lower() in known else " ".join(m.group(0)), text)


def american(word: str, known: dict[str, list[str]]) -> str:
    """A British spelling the dictionary lacks as its American one when it has that ("personalised" is
    "personalized", "candour" is "candor"); else the word as it is. Both are said the same."""
    if word in known:
        return word
    for british, us in _BRITISH:
        spelled = british.sub(us, word)
        if spelled != word and spelled in known:
            return spelled
    return word


def pronounceable_runs(sentences: list[list[str]], known: dict[str, list[str]]) -> Iterator[list[str]]:
    """Each sentence cut at the words the dictionary cannot pronounce."""
    for words in sentences:
        run: list[str] = []
        for word in words:
            word = american(word, known)
            if word in known:
                run.append(word)
            elif run:
                yield run
                run = []
        if run:
            yield run


def background_words(known: dict[str, list[str]], size: int) -> dict[str, float]:
    """The ``size`` commonest words of the stock English model (those the dictionary has), with their
    unigram probabilities; ties broken alphabetically."""
    import pocketsphinx

    logmath = pocketsphinx.LogMath()
    stock = pocketsphinx.NGramModel(pocketsphinx.Config(), logmath, stock_model_path())
    scored = sorted((-stock.prob([word]), word) for word in known if word.isalpha() or "'" in word)
    # A word the stock model does not have scores its floor (a very large negative number): never kept.
    floor = -stock.prob(["qqqqzzzz"])
    return {word: logmath.exp(-score) for score, word in scored[:size] if score < floor}


def build() -> dict[str, bytes]:
    import pocketsphinx

    known = read_dictionary(Path(pocketsphinx.get_model_path("en-us/cmudict-en-us.dict")))
    sentences: list[list[str]] = []
    for text in content_texts():
        for words in spoken_sentences(spelled_acronyms(text, known)):
            full = uncontracted(words)
            sentences.extend(pronounceable_runs([words] if full is None else [words, full], known))
    counts = language_model.count(sentences)
    background = background_words(known, BACKGROUND_WORDS)
    for filler in filler_words():  # hesitations are said in any answer; the content never writes them
        if filler in known:
            background.setdefault(filler, max(background.values()) / 100)
    model = language_model.build(
        counts, min_trigram_count=MIN_TRIGRAM_COUNT, background=background, background_weight=BACKGROUND_WEIGHT
    )
    arpa = model.arpa()
    dictionary = "".join(line + "\n" for word in model.vocabulary for line in known[word])
    return {"pmprep.lm": arpa.encode("utf-8"), "pmprep.dict": dictionary.encode("utf-8")}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help=f"write the files into {MODEL_DIR}")
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed files differ")
    args = parser.parse_args()
    files = build()
    stale = []
    for name, data in files.items():
        path = MODEL_DIR / name
        digest = hashlib.sha256(data).hexdigest()[:16]
        same = path.exists() and path.read_bytes() == data
        print(f"{name}: {len(data):,} bytes, sha256 {digest}…{'' if same else ' (differs from the committed file)'}")
        if not same:
            stale.append(name)
        if args.write:
            path.write_bytes(data)
    if args.check and stale:
        print(f"out of date: {', '.join(stale)}; run python scripts/build_speech_model.py --write", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
