from django.urls import path

from udbhabon.core import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("i18n/setlang/", views.set_language, name="set_language"),
    path("notifications/", views.notifications, name="notifications"),
]
