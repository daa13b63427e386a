"""The rubric file holds each criterion's meaning and the follow-up an interviewer asks when it is missing;
a broken one is refused with file, entry and field, and nothing half-loaded is used."""
import pytest

from pmprep.analysis import analyze
from pmprep.analysis.rubric import TYPES, load_rubrics, rubrics
from pmprep.catalog import SHIPPED, ContentError, Problem


def test_every_criterion_and_red_flag_carries_its_follow_up():
    r = rubrics()
    every = [*r.common, *(c for t in TYPES for c in r.by_type[t]), *r.red_flags.values()]
    assert len(every) == 53 and all(c.probe.rstrip(".?").strip() for c in every)
    assert r.red_flags["denies_failure"].probe == "Take the worst moment of that project. What would you do differently?"


def test_the_feedback_asks_the_follow_up_written_beside_the_criterion():
    fb = analyze("Estimate the number of piano tuners in Chicago.", "There are probably a lot of them, I would guess "
                 "quite a few because Chicago is a big city and pianos need tuning now and then by someone.")
    asked = {p.criterion: p.text for p in fb.probes if p.criterion}
    for cid, text in asked.items():
        assert text == next(c.probe for c in rubrics().for_type("estimation") if c.id == cid)


def test_a_broken_rubric_file_names_file_entry_and_field(tmp_path):
    folder = tmp_path / "acme"
    folder.mkdir()
    text = (SHIPPED / "rubrics.yaml").read_text(encoding="utf-8")
    text = text.replace(', probe: "What would you ship in the first six weeks, and what waits?"', "")
    text = text.replace("    - {id: goal_first,", "    - {id: goal_first, colour: red,")
    (folder / "rubrics.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load_rubrics(folder / "rubrics.yaml")
    assert set(error.value.problems) == {
        Problem("acme/rubrics.yaml", "scoped_v1", "probe", "expected non-empty text"),
        Problem("acme/rubrics.yaml", "goal_first", "colour", "is not a field of a criterion")}
