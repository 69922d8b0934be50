"""Root URLs. Each app has its own namespace (offices:detail, plans:detail ...).

Every pattern here must have an entry in tests/test_permission_matrix.py.
"""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from udbhabon.core.forms import LoginForm

urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(
            template_name="core/login.html", authentication_form=LoginForm
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", include("udbhabon.shell.urls")),
    path("offices/", include("udbhabon.offices.urls")),
    path("documents/", include("udbhabon.documents.urls")),
    path("plans/", include("udbhabon.plans.urls")),
    path("ideas/", include("udbhabon.ideas.urls")),
    path("portal/", include("udbhabon.portal.urls")),
    path("supervision/", include("udbhabon.monitoring.urls")),
    path("meetings/", include("udbhabon.meetings.urls")),
    path("admin/", admin.site.urls),
]
