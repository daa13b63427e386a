"""What fits in a box on a slide (pmprep.cases.slide_text): wrapping that loses nothing, and flow over boxes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pmprep.cases.slide_text import Paragraph, Style, flow, height, text_width, wrap

BODY = Style(size=20, space_after=10, indent=20)


def test_a_wider_text_measures_wider_and_a_missing_glyph_counts_as_more_than_an_em():
    assert text_width("iii", 20) < text_width("WWW", 20) < text_width("WWW", 20, bold=True)
    assert text_width("中", 20) == pytest.approx(20 * 1.2 * 1.1)


def test_wrap_breaks_at_spaces_and_keeps_every_line_inside_the_width():
    lines = wrap("one two three four five six seven eight nine ten", 120, 20)
    assert len(lines) > 1 and all(line.endswith(" ") for line in lines[:-1])
    assert all(text_width(line.rstrip(), 20) <= 120 for line in lines)


def test_a_word_longer_than_a_line_is_broken_inside_it():
    text = "a " + "x" * 200 + " b"
    lines = wrap(text, 100, 20)
    assert lines[0] == "a " and lines[1].startswith("xx") and "".join(lines) == text
    assert all(text_width(line.strip(), 20) <= 100 for line in lines)


@settings(max_examples=100, deadline=None, derandomize=True)
@given(st.text(alphabet=st.sampled_from("ab cdéШ中🎉-"), max_size=300))
def test_wrapping_loses_nothing(text):
    text = " ".join(text.split())  # as every paragraph is given: words one space apart
    assert "".join(wrap(text, 90, 16)) == text


def test_a_paragraph_that_fits_the_next_box_whole_is_moved_there_not_split():
    first = Paragraph("word " * 40, True, 0, 10)
    second = Paragraph("word " * 20, True, 10, 20)
    one_box = height([first], 400, BODY)
    pages = flow([first, second], 400, (one_box + 5, 1000), BODY)
    assert [[p.start for p in page] for page in pages] == [[0], [10]]
    assert all(p.bullet for page in pages for p in page)


def test_a_paragraph_longer_than_a_box_fills_it_and_goes_on_without_a_bullet():
    long = Paragraph(" ".join(f"w{i}" for i in range(400)), True, 0, 99)
    pages = flow([long], 300, (150, 150), BODY)
    assert len(pages) > 2
    assert [p.bullet for page in pages for p in page] == [True] + [False] * (len(pages) - 1)
    assert " ".join(p.text for page in pages for p in page) == long.text
    assert all(height(page, 300, BODY) <= 150 for page in pages)
