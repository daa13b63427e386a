from __future__ import annotations

import pytest

from pmprep.bank import ContentError
from pmprep.speech.fillers import filler_clusters, filler_words, find_fillers, load_fillers
from pmprep.speech.recognizer import Word


def timed(text: str, start: float = 0.0, step: float = 0.4) -> list[Word]:
    return [Word(w, round(start + i * step, 2), round(start + i * step + 0.3, 2)) for i, w in enumerate(text.split())]


def test_fillers_are_found_with_their_times_and_phrases_count_once():
    found = find_fillers(timed("um so you know the goal is basically retention"))
    assert [(f.text, f.start, f.end) for f in found] == [
        ("um", 0.0, 0.3),
        ("you know", 0.8, 1.5),
        ("basically", 2.8, 3.1),
    ]


def test_a_phrase_after_one_of_its_not_after_words_is_not_a_filler():
    assert find_fillers(timed("i would like to know what kind of metric you mean")) == []
    assert [f.text for f in find_fillers(timed("it was like a big launch"))] == []
    assert [f.text for f in find_fillers(timed("and like we shipped it"))] == ["like"]


def test_three_fillers_within_ten_seconds_make_a_cluster():
    words = timed("um the goal uh so like", step=1.0) + timed("retention and later um once", start=30.0)
    clusters = filler_clusters(find_fillers(words))
    assert [(c.start, c.end, c.fillers) for c in clusters] == [(0.0, 5.3, 3)]


def test_hesitations_are_in_the_recognisers_vocabulary_list():
    assert {"um", "uh"} <= set(filler_words()) and "you" not in filler_words()


def test_a_bad_filler_file_names_every_problem(tmp_path):
    path = tmp_path / "fillers.yaml"
    path.write_text(
        "cluster: {min_fillers: 1}\nfillers:\n  - {phrase: Um}\n  - {phrase: like, not_after: no}\n  - {word: x}\n"
    )
    with pytest.raises(ContentError) as caught:
        load_fillers(path)
    text = str(caught.value)
    assert "min_fillers" in text and "expected lower case" in text and "fillers[1]" in text and "fillers[2]" in text
