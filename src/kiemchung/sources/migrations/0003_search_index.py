from django.db import migrations


def create_search_index(apps, schema_editor):
    from kiemchung.sources.search import BACKENDS

    BACKENDS[schema_editor.connection.vendor]().create(schema_editor)


def drop_search_index(apps, schema_editor):
    schema_editor.execute("DROP TABLE IF EXISTS sources_document_search")


class Migration(migrations.Migration):
    dependencies = [("sources", "0002_initial")]

    operations = [migrations.RunPython(create_search_index, drop_search_index)]
