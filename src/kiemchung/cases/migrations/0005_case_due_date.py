from datetime import timedelta

from django.conf import settings
from django.db import migrations, models
from django.utils import timezone

import kiemchung.cases.models


def due_from_opening(apps, schema_editor):
    """Cases opened before due dates existed are due CASE_DUE_DAYS after they opened."""
    Case = apps.get_model("cases", "Case")
    days = timedelta(days=int(settings.CASE_DUE_DAYS))
    for case in Case.objects.only("pk", "created_at").iterator():
        due = timezone.localdate(case.created_at) + days
        Case.objects.filter(pk=case.pk).update(due_date=due)


class Migration(migrations.Migration):
    dependencies = [("cases", "0004_case_list_order")]

    operations = [
        migrations.AddField(
            model_name="case",
            name="due_date",
            field=models.DateField(db_index=True, null=True, verbose_name="due date"),
        ),
        migrations.RunPython(due_from_opening, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="case",
            name="due_date",
            field=models.DateField(
                db_index=True,
                default=kiemchung.cases.models.default_due_date,
                null=True,
                verbose_name="due date",
            ),
        ),
    ]
