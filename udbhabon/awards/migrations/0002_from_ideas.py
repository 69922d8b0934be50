"""ideas.Award folds into awards.Award, keeping its rows (the same ids) and their
history; ideas 0008 then removes the old model. Backwards, the awards without a
scheme that name an innovator go back."""

from django.db import migrations

SHARED = ("id", "office_id", "title", "given_on", "innovator_id", "idea_id")
HISTORY = ("history_id", "history_date", "history_change_reason", "history_type")


def _copy(source, target, history_source, history_target, rows):
    """Copy `rows` of `source` into `target` and their history; twice changes nothing."""
    have = set(target.objects.values_list("id", flat=True))
    target.objects.bulk_create(
        target(**{f: getattr(r, f) for f in SHARED}) for r in rows if r.id not in have
    )
    ids = [r.id for r in rows]
    extra = [
        f.attname
        for f in history_source._meta.concrete_fields
        if f.attname not in SHARED + HISTORY
        and f.attname in {g.attname for g in history_target._meta.concrete_fields}
    ]
    known = set(history_target.objects.filter(id__in=ids).values_list("history_id", flat=True))
    history_target.objects.bulk_create(
        history_target(**{f: getattr(h, f) for f in SHARED + HISTORY[1:] + tuple(extra)})
        for h in history_source.objects.filter(id__in=ids).order_by("history_id")
        if h.history_id not in known
    )


def _reset(schema_editor, *models):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), list(models)):
            cursor.execute(sql)


def no_style():
    from django.core.management.color import no_style as style

    return style()


def move(apps, schema_editor):
    old = apps.get_model("ideas", "Award")
    new = apps.get_model("awards", "Award")
    _copy(
        old,
        new,
        apps.get_model("ideas", "HistoricalAward"),
        apps.get_model("awards", "HistoricalAward"),
        list(old.objects.all()),
    )
    if schema_editor is not None:
        _reset(schema_editor, new, apps.get_model("awards", "HistoricalAward"))


def back(apps, schema_editor):
    old = apps.get_model("ideas", "Award")
    new = apps.get_model("awards", "Award")
    rows = list(new.objects.filter(scheme__isnull=True, innovator__isnull=False))
    _copy(
        new,
        old,
        apps.get_model("awards", "HistoricalAward"),
        apps.get_model("ideas", "HistoricalAward"),
        rows,
    )
    if schema_editor is not None:
        _reset(schema_editor, old, apps.get_model("ideas", "HistoricalAward"))


class Migration(migrations.Migration):
    dependencies = [
        ("awards", "0001_initial"),
        ("ideas", "0007_funnel_deadline"),
    ]

    operations = [migrations.RunPython(move, back)]
