from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0004_merge_claims_differing_in_accents_case_emoji"),
    ]

    operations = [
        migrations.AddField(
            model_name="claimmatch",
            name="findings",
            field=models.JSONField(blank=True, default=list, verbose_name="findings"),
        ),
    ]
