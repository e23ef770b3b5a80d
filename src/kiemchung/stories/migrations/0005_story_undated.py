"""Story.undated: a story none of whose documents has a publication date."""

from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps
from django.db.models import Exists, OuterRef


def mark_undated(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    Story = apps.get_model("stories", "Story")
    Document = apps.get_model("sources", "Document")
    dated = Document.objects.filter(story=OuterRef("pk"), undated=False)
    Story.objects.filter(doc_count__gt=0).filter(~Exists(dated)).update(undated=True)


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0004_story_theme"),
        ("sources", "0005_document_undated"),
    ]

    operations = [
        migrations.AddField(
            model_name="story",
            name="undated",
            field=models.BooleanField(
                db_default=False,
                default=False,
                help_text=(
                    "None of the story's documents has a publication date: first and last "
                    "seen are import times."
                ),
                verbose_name="publication date unknown",
            ),
        ),
        migrations.AddIndex(
            model_name="story",
            index=models.Index(fields=["undated", "-first_seen"], name="story_newest"),
        ),
        migrations.RunPython(mark_undated, migrations.RunPython.noop, elidable=True),
    ]
