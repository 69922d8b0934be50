"""The database cache's table, made by `migrate` (settings.CACHES: shared rate limits)."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    del apps
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("core", "0002_notification_moved")]
    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
