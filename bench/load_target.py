"""Print the load test's target: URL path, a session key, a label.

The plan page of Jashore's plan when the plans app has landed, else the
district supervision page (and the label says so).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
import django

django.setup()

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.urls import reverse  # noqa: E402

from udbhabon.offices.models import User  # noqa: E402
from udbhabon.plans.models import ActionPlan  # noqa: E402

user = User.objects.get(username="jashore.io")
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.create()
plan = (
    ActionPlan.objects.filter(office__code="dc-jashore").order_by("-year").first()
    or ActionPlan.objects.order_by("pk").first()
)
if plan is not None:
    print(reverse("plans:detail", kwargs={"pk": plan.pk}), session.session_key, "plan_page")
else:
    url = reverse("monitoring:office", kwargs={"code": "dc-jashore"})
    print(url, session.session_key, "supervision_district(plans_not_landed)")
