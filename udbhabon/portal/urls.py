"""Public pages: no sign-in anywhere (every pattern is in cases_portal.py)."""

from django.urls import path

from udbhabon.portal import views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("submit/", views.submit, name="submit"),
    path("submit/done/", views.done, name="done"),
    path("similar/", views.similar, name="similar"),
    path("offices/", views.offices, name="offices"),
    path("track/", views.track, name="track"),
    path("track/<str:code>/", views.status, name="status"),
    path("track/<str:code>/answer/", views.answer, name="answer"),
    path("showcase/", views.showcase, name="showcase"),
    path("showcase/<int:pk>/", views.showcase_detail, name="showcase_detail"),
]
