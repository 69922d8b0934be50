"""Root URLs. Each app has its own namespace (offices:detail, plans:detail ...).

Every pattern here must have an entry in tests/test_permission_matrix.py.
"""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, reverse_lazy
from django.views.generic import RedirectView

from udbhabon.accounts.views import LoginView
from udbhabon.api.api import api
from udbhabon.api.views import docs as api_docs

urlpatterns = [
    # one sign-in for everyone, with the locks and the second step (admin's own too)
    path("login/", LoginView.as_view(), name="login"),
    path("admin/login/", RedirectView.as_view(url=reverse_lazy("login"), query_string=True)),
    path("account/", include("udbhabon.accounts.urls")),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", include("udbhabon.shell.urls")),
    path("offices/", include("udbhabon.offices.urls")),
    path("documents/", include("udbhabon.documents.urls")),
    path("plans/", include("udbhabon.plans.urls")),
    path("ideas/", include("udbhabon.ideas.urls")),
    path("initiatives/", include("udbhabon.initiatives.urls")),
    path("directory/", include("udbhabon.directory.urls")),
    path("portal/", include("udbhabon.portal.urls")),
    path("supervision/", include("udbhabon.monitoring.urls")),
    path("evaluation/", include("udbhabon.evaluation.urls")),
    path("meetings/", include("udbhabon.meetings.urls")),
    path("events/", include("udbhabon.events.urls")),
    path("awards/", include("udbhabon.awards.urls")),
    path("readiness/", include("udbhabon.readiness.urls")),
    path("account/api-tokens/", include("udbhabon.api.urls")),
    path("api/v1/docs/", api_docs, name="api_docs"),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]

handler400 = "udbhabon.shell.views.bad_request"
