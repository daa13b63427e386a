"""Stored feedback reads back typed: ``Feedback.from_dict`` is the inverse of ``to_dict`` for every answer, an
older schema is upgraded, and what is not feedback is refused with the fields that are wrong."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from pmprep.analysis import Feedback, analyze
from pmprep.analysis.feedback import SCHEMA_VERSION, upgrade

LABELLED = Path(__file__).resolve().parents[2] / "data" / "labelled"


def _answers(limit: int = 60):
    for path in sorted(LABELLED.glob("*.yaml")):
        for q in yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]:
            for a in q["answers"]:
                yield q, a
                limit -= 1
                if limit == 0:
                    return


def _schema_one(data: dict) -> dict:
    """What pmprep stored before schema 2: no version, no follow_up field, no flag on probes."""
    old = {k: v for k, v in data.items() if k not in ("schema_version", "follow_up")}
    old["probes"] = [{k: v for k, v in p.items() if k != "flag"} for p in data["probes"]]
    return old


def test_from_dict_reads_back_exactly_what_to_dict_wrote():
    for q, a in _answers():
        fb = analyze(q["question"], a["text"], question_type=q["type"], shape=q.get("shape"))
        stored = json.loads(json.dumps(fb.to_dict()))  # through JSON, as the database keeps it
        assert stored["schema_version"] == SCHEMA_VERSION == 2
        assert Feedback.from_dict(stored) == fb, a["id"]


def test_a_schema_one_red_flag_probe_is_told_by_its_reason_and_gets_its_flag():
    fb = analyze(
        "How would you improve Netflix's kids profile?",
        (
            "I would add a rewards screen with badges, because badges are fun and the business wants more hours. "
            "Revenue would go up and the board would be pleased with the growth in hours watched every month."
        ),
    )
    assert fb.probes[0].flag == "no_user" and fb.probes[0].reason == "red flag: No user in a product answer"
    old = _schema_one(fb.to_dict())
    assert "schema_version" not in old and "flag" not in old["probes"][0]
    again = Feedback.from_dict(old)
    assert again == fb
    assert [p.targeted for p in again.probes] == [p.targeted for p in fb.probes]


def test_upgrading_is_idempotent_and_leaves_the_stored_dict_alone():
    fb = analyze("Why Netflix?", "Because I like films and I want to work somewhere I can learn a lot from others.")
    old = _schema_one(fb.to_dict())
    before = json.dumps(old, sort_keys=True)
    once = upgrade(old)
    assert upgrade(once) == once and once["schema_version"] == 2
    assert Feedback.from_dict(once) == fb
    assert json.dumps(old, sort_keys=True) == before


def test_a_newer_schema_or_a_broken_dict_is_refused_with_what_is_wrong():
    data = analyze("Why Netflix?", "Because I like films.").to_dict()
    with pytest.raises(ValueError, match=r"written by a newer pmprep \(schema 3; this one reads up to 2\)"):
        Feedback.from_dict({**data, "schema_version": 3})
    with pytest.raises(ValueError, match=r"schema_version 'two' is not a feedback schema version"):
        Feedback.from_dict({**data, "schema_version": "two"})
    with pytest.raises(ValueError, match=r"not pmprep's feedback \(score: Input should be a valid number"):
        Feedback.from_dict({**data, "score": "high"})
    with pytest.raises(ValueError, match=r"not pmprep's feedback \(criteria: Field required"):
        Feedback.from_dict({k: v for k, v in data.items() if k != "criteria"})
    with pytest.raises(ValueError, match=r"not pmprep's feedback"):
        Feedback.from_dict(["not", "a", "dict"])
