"""One automatic and one self scorecard per round, enforced by the database, so that two racing
saves cannot store two."""
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('loops', '0002_drop_duplicate_scorecards'),
    ]

    operations = [
        migrations.AddConstraint(
            model_name='roundscorecard',
            constraint=models.UniqueConstraint(condition=models.Q(('source__in', ('automatic', 'self'))), fields=('loop_round', 'source'), name='one_automatic_and_one_self_scorecard_per_round'),
        ),
    ]
