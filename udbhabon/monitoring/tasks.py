"""Background work of supervision (Django's tasks framework).

`manage.py send_reminders` enqueues `daily` (a timer or cron runs the command
once a day); a deadline change enqueues `refresh_stats` for the setter's subtree.
"""

from __future__ import annotations

import datetime as dt

from django.tasks import task

# Defined beside the refresh it runs (stats.py), which the services enqueue; named
# here too, so a worker finds a task queued under this module's name.
from udbhabon.monitoring.stats import refresh_stats

__all__ = ["daily", "refresh_stats"]


@task()
def daily(as_of: str | None = None) -> dict[str, int]:
    from udbhabon.documents.services import import_cleanup
    from udbhabon.evaluation.totals import totals_refresh_all
    from udbhabon.monitoring.funnel_reminders import idea_reminders_run
    from udbhabon.monitoring.services import daily_run

    day = dt.date.fromisoformat(as_of) if as_of else None
    done = daily_run(as_of=day)
    # Ideas past (or near) their next step's deadline after vetting.
    done["idea_reminders"] = idea_reminders_run(as_of=day)
    done["uploads_removed"] = import_cleanup()  # failed uploads' files, past their time
    done["score_totals"] = totals_refresh_all(as_of=day)  # the leagues' stored totals
    return done
