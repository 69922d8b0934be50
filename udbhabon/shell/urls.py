from django.urls import path

from udbhabon.shell import views

# The URL names kept the namespace of when these pages lived in core
# (`core:home` is linked from base.html and many templates).
app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("i18n/setlang/", views.set_language, name="set_language"),
    path("notifications/", views.notifications, name="notifications"),
]
