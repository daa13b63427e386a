from __future__ import annotations

from pmprep.speech.recognizer import Word
from pmprep.speech.transcript import punctuated


def test_pauses_become_commas_and_full_stops_and_sentences_start_with_capitals():
    words = [
        Word("i", 0.0, 0.2),
        Word("would", 0.2, 0.5),
        Word("start", 0.5, 0.9),
        Word("here", 1.2, 1.5),  # 0.3 s pause before: a comma
        Word("then", 2.3, 2.6),  # 0.8 s pause before: a full stop
        Word("measure", 2.6, 3.0),
    ]
    t = punctuated(words)
    assert t.text == "I would start, here. Then measure."
    assert [t.text[a:b] for a, b in t.spans] == ["I", "would", "start", "here", "Then", "measure"]
    assert t.word_at(t.text.index("here")) == 3 and t.word_at(len(t.text)) is None


def test_an_ordinal_after_a_pause_opens_a_list():
    words = [Word("three", 0.0, 0.3), Word("parts", 0.3, 0.7), Word("first", 1.0, 1.3), Word("the", 1.3, 1.4)]
    assert punctuated(words).text == "Three parts, first, the."
    assert (
        punctuated([Word("the", 0.0, 0.2), Word("first", 0.2, 0.5), Word("time", 0.5, 0.8)]).text == "The first time."
    )
