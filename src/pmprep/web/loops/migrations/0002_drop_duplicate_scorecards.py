"""Before one automatic and one self scorecard per round is enforced (0003), drop the duplicates
two racing saves could store. The first one saved is the one the page's "already scored" check would
have kept, so the later ones go. (Its own migration: PostgreSQL cannot build the index in the same
transaction as these deletes.)
"""
from django.db import migrations

ONE_PER_ROUND = ("automatic", "self")


def drop_later_duplicates(apps, schema_editor):
    RoundScorecard = apps.get_model("loops", "RoundScorecard")
    kept: set[tuple[int, str]] = set()
    later: list[int] = []
    cards = (RoundScorecard.objects.filter(source__in=ONE_PER_ROUND, loop_round__isnull=False)
             .order_by("created", "id").values_list("id", "loop_round_id", "source"))
    for pk, round_pk, source in cards.iterator():
        if (round_pk, source) in kept:
            later.append(pk)
        else:
            kept.add((round_pk, source))
    RoundScorecard.objects.filter(id__in=later).delete()


class Migration(migrations.Migration):

    dependencies = [
        ('loops', '0001_initial'),
    ]

    operations = [
        migrations.RunPython(drop_later_duplicates, migrations.RunPython.noop),
    ]
