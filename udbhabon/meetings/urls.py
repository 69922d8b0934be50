from django.urls import path

from udbhabon.meetings import views

app_name = "meetings"
urlpatterns = [
    path("my-decisions/", views.my_actions, name="my_actions"),
    path("office/<slug:code>/", views.office_meetings, name="office"),
    path("office/<slug:code>/new/", views.meeting_new, name="new"),
    path("office/<slug:code>/schedule/", views.schedule_new, name="schedule"),
    path("office/<slug:code>/decisions/", views.office_actions, name="actions"),
    path("office/<slug:code>/received/", views.received, name="received"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/held/", views.mark_held, name="held"),
    path("<int:pk>/bangla-date/", views.accept_bangla_date, name="accept_bangla_date"),
    path("<int:pk>/minutes/", views.minutes, name="minutes"),
    path("<int:pk>/agenda/", views.agenda, name="agenda"),
    path("<int:pk>/attendance/", views.attendance, name="attendance"),
    path("<int:pk>/send/", views.send, name="send"),
    path("<int:pk>/correct/", views.correct, name="correct"),
    path("<int:pk>/versions/<int:number>/", views.version, name="version"),
    path(
        "<int:pk>/history/<slug:kind>/<int:entry>/",
        views.history_version,
        name="history_version",
    ),
    path("<int:pk>/minutes.<str:fmt>", views.download, name="download"),
    path("decisions/<int:pk>/", views.action_detail, name="action_detail"),
    path("decisions/<int:pk>/close/", views.action_close, name="action_close"),
    path("decisions/<int:pk>/note/", views.action_note, name="action_note"),
]
