import uuid

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def give_each_attempt_a_uid(apps, schema_editor):
    Attempt = apps.get_model("practice", "Attempt")
    for attempt in Attempt.objects.filter(uid__isnull=True).only("pk"):
        attempt.uid = uuid.uuid4()
        attempt.save(update_fields=["uid"])


class Migration(migrations.Migration):

    dependencies = [
        ("practice", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # Existing rows get their own uid before the column becomes unique.
        migrations.AddField(model_name="attempt", name="uid", field=models.UUIDField(null=True, editable=False)),
        migrations.RunPython(give_each_attempt_a_uid, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="attempt", name="uid",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
        ),
        migrations.AlterField(
            model_name="attempt", name="created",
            field=models.DateTimeField(default=django.utils.timezone.now),
        ),
        migrations.CreateModel(
            name="Draft",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("uid", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ("question_id", models.CharField(blank=True, default="", max_length=80)),
                ("question_text", models.TextField(blank=True, default="")),
                ("answer", models.TextField(blank=True, default="")),
                ("seconds_taken", models.PositiveIntegerField(blank=True, null=True)),
                ("revision", models.PositiveIntegerField(default=0)),
                ("updated", models.DateTimeField(default=django.utils.timezone.now)),
                ("user", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="drafts",
                                           to=settings.AUTH_USER_MODEL)),
            ],
            options={"ordering": ["-updated", "-id"]},
        ),
        migrations.AddConstraint(
            model_name="draft",
            constraint=models.UniqueConstraint(fields=("user", "question_id"), name="one_draft_per_question"),
        ),
    ]
