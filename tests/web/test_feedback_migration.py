"""Stored feedback is upgraded to the current schema: by the data migration for what the database holds,
and on import for an export written before it."""

from __future__ import annotations

import json

import pytest
from django.db import connection

from pmprep.analysis import Feedback, analyze
from pmprep.web import portability
from pmprep.web.portability.import_problems import ImportProblem
from pmprep.web.practice.models import Attempt
from tests.core.analysis.test_feedback_schema import _schema_one

QUESTION = "How would you improve Netflix's kids profile?"
# No user in a product answer: its feedback opens with a red flag's probe.
ANSWER = (
    "I would add a rewards screen with badges, because badges are fun and the business wants more hours. "
    "Revenue would go up and the board would be pleased with the growth in hours watched every month."
)


@pytest.mark.django_db(transaction=True)
def test_the_migration_upgrades_schema_one_feedback_and_going_back_restores_it(alice):
    from django.db.migrations.executor import MigrationExecutor

    fb = analyze(QUESTION, ANSWER)
    old_feedback = _schema_one(json.loads(json.dumps(fb.to_dict())))
    before, after = [("practice", "0005_attempt_loop_round")], [("practice", "0006_feedback_schema_version")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    try:
        old = executor.loader.project_state(before).apps.get_model("practice", "Attempt")
        made = old.objects.create(
            user_id=alice.pk,
            question_text=QUESTION,
            question_type="product_design",
            answer=ANSWER,
            score=fb.score,
            level=fb.level,
            feedback=old_feedback,
        )
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(after)
    stored = Attempt.objects.get(pk=made.pk).feedback
    assert stored["schema_version"] == 2 and stored["probes"][0]["flag"] == "no_user"
    assert Feedback.from_dict(stored) == fb

    executor = MigrationExecutor(connection)
    executor.migrate(before)
    try:
        back = executor.loader.project_state(before).apps.get_model("practice", "Attempt")
        assert back.objects.get(pk=made.pk).feedback == old_feedback
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(after)


@pytest.mark.django_db
def test_an_export_written_with_schema_one_feedback_imports_upgraded(alice, client):
    fb = analyze(QUESTION, ANSWER)
    Attempt.objects.create(
        user=alice,
        question_text=QUESTION,
        question_type=fb.question_type,
        answer=ANSWER,
        score=fb.score,
        level=fb.level,
        feedback=fb.to_dict(),
    )
    document = json.loads(json.dumps(portability.export_user(alice), default=str))
    for record in document["data"]["attempts"]:
        record["feedback"] = _schema_one(record["feedback"])
    Attempt.objects.filter(user=alice).delete()
    _, summary = portability.import_document(document, "old.json", user=alice)
    assert summary.created["attempts"] == 1
    imported = Attempt.objects.get(user=alice)
    assert imported.feedback["schema_version"] == 2 and imported.feedback["probes"][0]["flag"] == "no_user"
    assert imported.analysed == fb


@pytest.mark.django_db
def test_an_export_with_feedback_from_a_newer_pmprep_is_refused_and_nothing_changes(alice):
    fb = analyze(QUESTION, ANSWER)
    Attempt.objects.create(
        user=alice,
        question_text=QUESTION,
        question_type=fb.question_type,
        answer=ANSWER,
        score=fb.score,
        level=fb.level,
        feedback=fb.to_dict(),
    )
    document = json.loads(json.dumps(portability.export_user(alice), default=str))
    document["data"]["attempts"][0]["feedback"]["schema_version"] = 9
    Attempt.objects.filter(user=alice).delete()
    with pytest.raises(ImportProblem) as problem:
        portability.import_document(document, "new.json", user=alice)
    assert "written by a newer pmprep (schema 9; this one reads up to 2)" in str(problem.value)
    assert not Attempt.objects.filter(user=alice).exists()
