"""The signal cues are content: signal_cues.yaml in the company folder holds every family's label and
patterns. A broken file is refused with file, entry and field, and nothing half-loaded is used."""

import pytest

from pmprep.analysis.signals import CUES_FILE, FAMILIES, REQUIRED, load_families
from pmprep.bank import ContentError, Problem
from pmprep.bounded_regex import unbounded_repeats


def _folder_with(tmp_path, text: str):
    folder = tmp_path / "acme"
    folder.mkdir()
    (folder / "signal_cues.yaml").write_text(text, encoding="utf-8")
    return folder / "signal_cues.yaml"


def test_the_shipped_cues_hold_every_family_the_analyzer_reads():
    assert set(REQUIRED) <= set(FAMILIES) and len(FAMILIES) == 61
    assert FAMILIES["rf_denial"].label == "denying a failure"
    assert all(not unbounded_repeats(f.pattern) for f in FAMILIES.values())


def test_vocabulary_names_expand_inside_patterns_and_literals_are_lowered(tmp_path):
    shipped = CUES_FILE.read_text(encoding="utf-8")
    extra = shipped + (
        "  - id: sprint_count\n    label: a count of sprints\n    patterns:\n"
        "      - 'Netflix in {{num_words}} sprints'\n"
    )
    families = load_families(_folder_with(tmp_path, extra))
    pattern = families["sprint_count"].pattern
    assert pattern.search("netflix in three sprints").group(0) == "netflix in three sprints"
    assert pattern.search("netflix in seven sprintsx") is None  # a hit ends at a word boundary
    assert families["number"].pattern.pattern == FAMILIES["number"].pattern.pattern


def test_a_broken_cue_file_names_file_entry_and_field(tmp_path):
    text = CUES_FILE.read_text(encoding="utf-8")
    text = text.replace("  - id: rf_dont_know\n", "  - id: rf_dont_know\n    colour: red\n", 1)
    text = text.replace("{{num_words}}\\s+{{unit}}", "{{num_words}}\\s+{{units}}", 1)
    text = text.replace("label: 'a percentage'", "label: ''", 1)
    text = text.replace(
        "      - '(?:the )?(?:hard|tricky|difficult) part'\n", "      - '(?:the )?(?:hard|tricky|difficult part'\n", 1
    )
    start = text.index("  - id: arithmetic\n")
    text = text[:start] + text[text.index("  - id: ", start + 5) :]
    with pytest.raises(ContentError) as error:
        load_families(_folder_with(tmp_path, text))
    problems = set(error.value.problems)
    where = "acme/signal_cues.yaml"
    assert Problem(where, "rf_dont_know", "colour", "is not a field of a family") in problems
    assert Problem(where, "number", "patterns[4]", "names units, not in the vocabulary") in problems
    assert Problem(where, "percent", "label", "expected non-empty text") in problems
    assert Problem(where, "families", "arithmetic", "the analyzer reads this family; it is missing") in problems
    broken = [p for p in problems if p.entry == "obstacle"]
    assert [(p.field, p.message.startswith("is not a valid pattern: missing )")) for p in broken] == [
        ("patterns[19]", True)
    ]
    assert len(problems) == 5


def test_a_file_that_is_not_a_mapping_or_repeats_an_id_is_refused(tmp_path):
    with pytest.raises(ContentError) as error:
        load_families(_folder_with(tmp_path, "- just a list\n"))
    assert error.value.problems == [
        Problem("acme/signal_cues.yaml", None, None, "expected a mapping with vocabulary and families")
    ]
    text = CUES_FILE.read_text(encoding="utf-8") + "  - id: number\n    label: again\n    patterns: ['x']\n"
    (tmp_path / "acme" / "signal_cues.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load_families(tmp_path / "acme" / "signal_cues.yaml")
    assert error.value.problems == [Problem("acme/signal_cues.yaml", "number", "id", "is used by an earlier family")]
