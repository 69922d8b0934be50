# The Notification model moved to the notifications app (docs/ARCHITECTURE.md,
# "Layers": core sits below offices, notifications above it). Its table stays
# as it is; only Django's idea of which app owns it changes.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveIndex(model_name="notification", name="notification_unread"),
                migrations.DeleteModel(name="Notification"),
            ],
            database_operations=[],
        ),
    ]
