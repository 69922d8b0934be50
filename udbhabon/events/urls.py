from django.urls import path

from udbhabon.events import views

app_name = "events"
urlpatterns = [
    path("office/<slug:code>/", views.office_events, name="office"),
    path("office/<slug:code>/new/", views.event_new, name="new"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/held/", views.held, name="held"),
    path("<int:pk>/report/", views.report, name="report"),
    path("<int:pk>/cancel/", views.cancel, name="cancel"),
    path("<int:pk>/guest/", views.guest, name="guest"),
    path("<int:pk>/invite/", views.invite, name="invite"),
    path("<int:pk>/attendance/", views.attendance, name="attendance"),
    path("<int:pk>/attendance.pdf", views.attendance_sheet, name="attendance_sheet"),
    path("<int:pk>/participants.xlsx", views.participants_xlsx, name="participants_xlsx"),
    path("<int:pk>/participants/upload/", views.participants_upload, name="participants_upload"),
    path("<int:pk>/certificate/<int:participant>.pdf", views.certificate, name="certificate"),
    path("certificates/", views.verify, name="verify_form"),
    path("certificates/<str:serial>/", views.verify, name="verify"),
]
