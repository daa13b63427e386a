"""Answer shapes within a type: detected from the question, validated on load, weighing the criteria."""

from __future__ import annotations

import pytest

from pmprep.analysis import analyze
from pmprep.analysis.rubric import rubrics
from pmprep.analysis.shapes import SHAPES_FILE, load_shapes, shape_named, shape_of, shipped_shapes
from pmprep.bank import ContentError, shipped_catalog


@pytest.mark.parametrize(
    ("question", "qtype", "expected"),
    [
        (
            "Weekly watch time in Germany fell 8% while neighbouring countries are flat. How would you diagnose it?",
            "metrics",
            "diagnose_change",
        ),
        (
            "How would you A/B test a new autoplay preview, and how long would you run it?",
            "metrics",
            "design_experiment",
        ),
        ("What would success look like for kids profiles, and how would you measure it?", "metrics", "define_metric"),
        (
            "Home-page p99 latency went from 1.2 s to 2.4 s since Tuesday. How would you work the problem?",
            "technical",
            "debug_incident",
        ),
        ("Explain adaptive bitrate streaming to a new PM on the playback team.", "technical", "explain_how"),
        (
            "How would you make a new season reach 40 million members the moment it launches?",
            "technical",
            "design_system",
        ),
        ("How would you improve the profile picker on a shared living-room TV?", "product_design", "improve_existing"),
        ("Design a product that helps first-time home buyers compare mortgages.", "product_design", "new_product"),
        ("Tell me about a time you disagreed with your manager.", "behavioral", "story"),
        ("Should Netflix bid for the rights to a football league?", "strategy", "strategy"),
    ],
)
def test_the_shape_comes_from_the_questions_wording(question, qtype, expected):
    assert shape_of(question, qtype).id == expected


def test_every_shipped_shape_weighs_only_criteria_of_its_type_and_every_type_has_a_default():
    shapes = shipped_shapes()
    assert set(shapes) == set(rubrics().by_type)
    for qtype, options in shapes.items():
        ids = {c.id for c in rubrics().for_type(qtype)}
        assert options[-1].cues is None
        for shape in options:
            assert set(shape.weights) <= ids


def test_a_broken_shapes_file_is_refused_with_file_entry_and_field(tmp_path):
    path = tmp_path / "shapes.yaml"
    path.write_text(
        "shapes:\n"
        "  metrics:\n"
        "    - {id: diagnose_change, name: Diagnose, what: A change., weights: {north_star: 1.2, bogus: 2}}\n"
        "    - {id: define_metric, name: Define, what: A metric., cues: [measure]}\n"
        "  poetry:\n"
        "    - {id: verse, name: Verse, what: Rhymes.}\n",
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as error:
        load_shapes(path)
    found = {(p.entry, p.field, p.message) for p in error.value.problems}
    assert found == {
        ("metrics › diagnose_change", "cues", "required (only the last shape, the default, has none)"),
        ("metrics › diagnose_change", "weights.bogus", "not a criterion of metrics questions"),
        ("metrics › define_metric", "cues", "the last shape of a type is its default and has no cues"),
        (
            "poetry",
            None,
            "not a question type (expected one of behavioral, product_design, strategy, metrics, "
            "technical, estimation, culture)",
        ),
    }
    assert all(p.file == f"{tmp_path.name}/shapes.yaml" for p in error.value.problems)


def test_the_shipped_file_loads():
    assert load_shapes(SHAPES_FILE)["metrics"][0].id == "diagnose_change"


def test_feedback_names_the_shape_and_a_chosen_shape_reweighs_the_criteria():
    catalog = shipped_catalog()
    qid = "met-churn-voluntary-involuntary"
    answer = catalog.strong_answers[qid].answer
    detected = analyze(qid, answer)
    assert (detected.shape, detected.shape_name) == ("define_metric", "Define or choose a metric")
    assert detected.criterion("north_star").weight == pytest.approx(1.4)
    as_experiment = analyze(qid, answer, shape="design_experiment")
    assert (as_experiment.shape, as_experiment.criterion("experiment").weight) == ("design_experiment", 1.6)
    assert as_experiment.score != detected.score
    assert detected.to_dict()["shape_name"] == "Define or choose a metric"


def test_an_unknown_shape_is_refused_with_the_ones_there_are():
    with pytest.raises(
        ValueError, match="shape 'haiku' is not one of metrics's: diagnose_change, design_experiment, define_metric"
    ):
        shape_named("metrics", "haiku")
