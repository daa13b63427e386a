"""The classifier's own data: questions in other interviewers' phrasings (classifier_questions.yaml)."""

from __future__ import annotations

import importlib

import pytest

from pmprep.analysis.company_files import question_types
from pmprep.bank import ContentError, shipped_catalog

classifier = importlib.import_module("pmprep.analysis.classify")


def test_the_shipped_examples_load_and_cover_every_type_and_shape():
    examples = classifier.shipped_examples()
    assert len(examples) >= 300
    assert {e.type for e in examples} == set(question_types())
    assert {(e.type, e.shape) for e in examples if e.type == "technical"} == {
        ("technical", "explain_how"),
        ("technical", "design_system"),
        ("technical", "debug_incident"),
    }


def test_a_broken_examples_file_is_refused_with_entry_and_field(tmp_path):
    path = tmp_path / "classifier_questions.yaml"
    path.write_text(
        "questions:\n"
        "  - {text: 'Why do you want to join us?', type: culture, shape: fit}\n"
        "  - {text: 'Why do you want to join us?', type: culture, shape: fit}\n"
        "  - {text: 'How many pianos are in Paris?', type: guesswork, shape: estimation}\n"
        "  - {text: 'Design a pager for nurses.', type: product_design, shape: debug_incident}\n"
        "  - {text: 'Short', type: metrics}\n",
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as error:
        classifier.load_examples(path)
    assert {(p.entry, p.field, p.message) for p in error.value.problems} == {
        ("questions[1]", "text", "the same question appears earlier"),
        (
            "questions[2]",
            "type",
            "expected one of behavioral, product_design, strategy, metrics, technical, estimation, culture",
        ),
        ("questions[3]", "shape", "expected one of product_design's shapes: improve_existing, new_product"),
        ("questions[4]", None, "expected the keys text, type and shape"),
    }


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # Worded like examples the bank alone typed wrongly (as behavioural or product questions).
        ("What sort of manager brings out the best in you?", "culture"),
        ("Where do you picture yourself five years from now?", "culture"),
        ("What would your ideal working environment look like?", "culture"),
    ],
)
def test_questions_worded_like_the_examples_take_their_type(question, expected):
    assert classifier.classify(question, shipped_catalog()).question_type == expected
