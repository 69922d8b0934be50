"""Today's ideas at piloting or later become initiatives, with their time (days as
hours), cost and visits, so the idea funnel can end at "approved"."""

from django.db import migrations

STAGES = {"piloting": "pilot", "implemented": "implemented", "scaled_up": "scaled_up"}


def move(apps, schema_editor):
    Idea = apps.get_model("ideas", "Idea")
    Initiative = apps.get_model("initiatives", "Initiative")
    taken = set(Initiative.objects.filter(idea__isnull=False).values_list("idea_id", flat=True))
    made = []
    for idea in Idea.objects.filter(stage__in=list(STAGES)).iterator(chunk_size=2000):
        if idea.pk in taken:
            continue
        stage = STAGES[idea.stage]
        since = idea.stage_since.date()
        made.append(
            Initiative(
                office_id=idea.office_id,
                title=idea.title[:200],
                summary=idea.solution,
                origin="idea",
                idea_id=idea.pk,
                stage=stage,
                pilot_started_on=min(since, idea.received_on) if stage != "pilot" else since,
                implemented_on=since if stage != "pilot" else None,
                hours_before=None if idea.days_before is None else idea.days_before * 24,
                hours_after=None if idea.days_after is None else idea.days_after * 24,
                taka_before=idea.cost_before,
                taka_after=idea.cost_after,
                visits_before=idea.visits_before,
                visits_after=idea.visits_after,
                created_at=idea.stage_since,
            )
        )
        if len(made) >= 2000:
            Initiative.objects.bulk_create(made)
            made = []
    Initiative.objects.bulk_create(made)


class Migration(migrations.Migration):
    dependencies = [("initiatives", "0002_common_services"), ("ideas", "0007_funnel_deadline")]
    operations = [migrations.RunPython(move, migrations.RunPython.noop)]
