"""Stored feedback brought to the current schema (pmprep.analysis.feedback.upgrade): a ``schema_version``,
and each red flag's probe naming its flag (schema 1 told it by the wording of its reason).

Upgrading is idempotent, so this reads any stored version and leaves the current one as it is. Going back
writes schema 1 again: no version, and no ``flag`` on the probes."""
from django.db import migrations

BATCH = 500


def _each(apps, change):
    Attempt = apps.get_model("practice", "Attempt")
    batch = []
    for attempt in Attempt.objects.only("id", "feedback").iterator(chunk_size=BATCH):
        changed = change(attempt.feedback)
        if changed != attempt.feedback:
            attempt.feedback = changed
            batch.append(attempt)
        if len(batch) == BATCH:
            Attempt.objects.bulk_update(batch, ["feedback"])
            batch = []
    if batch:
        Attempt.objects.bulk_update(batch, ["feedback"])


def forwards(apps, schema_editor):
    from pmprep.analysis.feedback import upgrade

    _each(apps, upgrade)


def _schema_one(feedback):
    if not isinstance(feedback, dict) or "schema_version" not in feedback:
        return feedback
    old = {k: v for k, v in feedback.items() if k != "schema_version"}
    if isinstance(old.get("probes"), list):
        old["probes"] = [{k: v for k, v in p.items() if k != "flag"} if isinstance(p, dict) else p
                         for p in old["probes"]]
    if old.get("follow_up", 0) is None:
        del old["follow_up"]  # schema 1 had the key only on a reply's feedback
    return old


def backwards(apps, schema_editor):
    _each(apps, _schema_one)


class Migration(migrations.Migration):
    dependencies = [("practice", "0005_attempt_loop_round")]
    operations = [migrations.RunPython(forwards, backwards)]
