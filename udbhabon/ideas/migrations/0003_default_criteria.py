"""The review rubric to start with; the system administrator changes it in the admin."""

from django.db import migrations

from udbhabon.ideas.rubric import DEFAULT_CRITERIA


def create(apps, schema_editor):  # noqa: ANN001, ANN201
    Criterion = apps.get_model("ideas", "Criterion")
    for order, (code, name_bn, name_en, help_bn, help_en, weight) in enumerate(DEFAULT_CRITERIA):
        Criterion.objects.update_or_create(
            code=code,
            defaults={
                "name_bn": name_bn,
                "name_en": name_en,
                "help_bn": help_bn,
                "help_en": help_en,
                "weight": weight,
                "max_score": 5,
                "order": order,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("ideas", "0002_postgres_search")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
