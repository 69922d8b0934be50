from django.urls import path

from udbhabon.monitoring import views

app_name = "monitoring"
urlpatterns = [
    path("", views.home, name="home"),
    path("digest/", views.digest, name="digest"),
    path("<slug:code>/", views.office, name="office"),
    path("<slug:code>/export.<str:fmt>", views.export, name="export"),
    path("<slug:code>/remind/", views.remind, name="remind"),
    path("<slug:code>/deadlines/", views.deadlines, name="deadlines"),
    path("<slug:code>/reminders/", views.reminders, name="reminders"),
    path("<slug:code>/events/", views.events, name="events"),
]
