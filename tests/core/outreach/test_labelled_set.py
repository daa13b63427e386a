"""The labelled outreach set: its shape, the checker's sanity floor on it, and the loader's errors.

The floor is a sanity check, not the benchmark (``benchmarks/outreach.py`` prints the figures): on
the held-out test split the checker must order the better note of a pair above the worse one far
more often than "longer wins" does.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pmprep.outreach import check
from tests.core.outreach.labelled_set import LabelledSetError, load, longer_wins, ordered_right, pairs

FLOOR = 0.85  # the share of test-split pairs the checker must order right
MARGIN = 0.30  # and by how much it must beat "longer wins" there


@pytest.fixture(scope="module")
def recipients():
    return load()


def test_the_set_has_enough_notes_in_groups_to_one_recipient(recipients):
    notes = [n for r in recipients for n in r.notes]
    assert len(notes) >= 120
    assert all(2 <= len(r.notes) <= 3 for r in recipients)
    assert len({n.id for n in notes}) == len(notes)


def test_length_cannot_win_the_set(recipients):
    for split in ("dev", "test", None):
        found = pairs(recipients, split)
        as_long = sum(len(worse.text) >= len(better.text) for better, worse in found)
        assert as_long * 2 >= len(found), split


def test_recipients_are_split_not_notes(recipients):
    splits = {r.split for r in recipients}
    assert splits == {"dev", "test"}
    assert len(pairs(recipients, "test")) >= 60 and len(pairs(recipients, "dev")) >= 60


def test_on_the_test_split_the_checker_orders_pairs_far_better_than_longer_wins(recipients):
    test_pairs = pairs(recipients, "test")
    scores: dict[str, int] = {}

    def score(text: str) -> int:
        if text not in scores:
            scores[text] = check(text).score
        return scores[text]

    right, total = ordered_right(test_pairs, score)
    longer, _ = longer_wins(test_pairs)
    assert right / total >= FLOOR, (right, total)
    assert right / total - longer / total >= MARGIN, (right, longer, total)


# ---- the loader


def write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "set.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def error(tmp_path: Path, text: str) -> str:
    with pytest.raises(LabelledSetError) as caught:
        load(write(tmp_path, text))
    return str(caught.value)


GOOD_GROUP = """
  - id: r1
    split: dev
    recipient: Sam
    notes:
      - {id: r1-a, rank: 1, why: specific, text: "Hi Sam, how did you pick the metric?"}
      - {id: r1-b, rank: 2, why: vague, text: "Hi Sam, any advice?"}
"""


def test_a_well_formed_file_loads_with_its_pairs(tmp_path):
    [recipient] = load(write(tmp_path, "recipients:" + GOOD_GROUP))
    assert [(b.id, w.id) for b, w in recipient.pairs()] == [("r1-a", "r1-b")]


def test_every_problem_is_named_with_file_entry_and_field(tmp_path):
    message = error(
        tmp_path,
        "recipients:"
        + GOOD_GROUP
        + """
  - id: r2
    split: later
    recipient: ""
    notes:
      - {id: r1-a, rank: zero, why: "", text: "Hi"}
      - {id: r2-b, rank: 1, why: x}
""",
    )
    assert message.splitlines() == [
        "6 problems in the labelled outreach set:",
        "  - set.yaml › entry 'r2' › field 'split': expected one of dev, test",
        "  - set.yaml › entry 'r2' › field 'recipient': expected who the notes are to",
        "  - set.yaml › entry 'r1-a' › field 'id': is used by an earlier note",
        "  - set.yaml › entry 'r1-a' › field 'rank': expected a whole number from 1 (the best note)",
        "  - set.yaml › entry 'r1-a' › field 'why': expected a few words on what makes it better or worse",
        "  - set.yaml › entry 'r2-b' › field 'text': expected the note's text",
    ]


def test_a_group_needs_two_notes_of_different_ranks(tmp_path):
    message = error(
        tmp_path,
        """recipients:
  - id: r1
    split: test
    recipient: Sam
    notes:
      - {id: r1-a, rank: 1, why: one, text: "Hi Sam"}
  - id: r2
    split: test
    recipient: Kim
    notes:
      - {id: r2-a, rank: 1, why: one, text: "Hi Kim"}
      - {id: r2-b, rank: 1, why: two, text: "Hello Kim"}
""",
    )
    assert "set.yaml › entry 'r1' › field 'notes': expected at least two notes to the same recipient" in message
    assert "set.yaml › entry 'r2' › field 'notes': all notes have the same rank, so there is no pair" in message


def test_a_file_that_is_not_yaml_or_has_no_recipients(tmp_path):
    assert "set.yaml: cannot be read:" in error(tmp_path, "recipients: [unclosed")
    assert "set.yaml › field 'recipients': expected a non-empty list of recipients" in error(tmp_path, "notes: []")


def test_an_empty_folder_is_a_problem_not_an_empty_set(tmp_path):
    with pytest.raises(LabelledSetError, match="has no \\*.yaml files"):
        load(tmp_path)
