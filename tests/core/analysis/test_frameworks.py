"""One framework per question type, defined in the company folder's frameworks.yaml: the bank page shows
it, the feedback page names it, and the analyzer's outline follows its steps."""

import pytest
import yaml

from pmprep.analysis import analyze
from pmprep.analysis.outline import type_frameworks
from pmprep.bank import ContentError, Problem, load_catalog, shipped_catalog

ANSWER = (
    "First the situation: I ran onboarding for a budgeting app with 40,000 monthly users. I decided to "
    "cut bank linking from the first session, and completion rose from 52% to 61% in three weeks."
)


@pytest.mark.parametrize("qtype", sorted(shipped_catalog().question_types))
def test_the_feedback_names_the_framework_the_bank_page_shows(qtype):
    catalog = shipped_catalog()
    shown = catalog.frameworks[catalog.question_types[qtype].framework]  # what the bank page renders
    fb = analyze("Tell me what you would do.", ANSWER, question_type=qtype)
    assert fb.framework == shown.name
    assert {o.step_name for o in fb.outline if o.step} <= {s.name for s in shown.steps}


def test_the_culture_framework_is_its_own_and_not_star():
    catalog = shipped_catalog()
    steps = [s.id for s in catalog.frameworks[catalog.question_types["culture"].framework].steps]
    assert steps == ["why", "situation", "task", "action", "result", "contribution"]


def test_a_framework_step_naming_an_unknown_signal_is_refused_with_file_entry_and_field(company_folder):
    path = company_folder / "frameworks.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    star = next(f for f in raw["frameworks"] if f["id"] == "star")
    star["steps"][0]["signals"] = ["when", "no_such_family"]
    del star["steps"][1]["signals"]
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ContentError) as error:
        type_frameworks(load_catalog(company_folder))
    assert set(error.value.problems) == {
        Problem("netflix/frameworks.yaml", "star", "steps[0].signals", "unknown signal families: no_such_family"),
        Problem(
            "netflix/frameworks.yaml",
            "star",
            "steps[1].signals",
            "each step of a question type's framework (behavioral) lists the signals that show it",
        ),
    }
