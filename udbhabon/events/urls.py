from django.urls import path

from udbhabon.events import views, views_files, views_trained

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
    path("<int:pk>/invite-trained/", views.invite_trained, name="invite_trained"),
    path("<int:pk>/attendance/", views.attendance, name="attendance"),
    path("<int:pk>/attendance.pdf", views.attendance_sheet, name="attendance_sheet"),
    path("<int:pk>/participants.xlsx", views.participants_xlsx, name="participants_xlsx"),
    path("<int:pk>/participants/upload/", views.participants_upload, name="participants_upload"),
    path("<int:pk>/certificate/<int:participant>.pdf", views.certificate, name="certificate"),
    path("<int:pk>/files/", views_files.add, name="file_add"),
    path("<int:pk>/files/<int:item>/", views_files.download, name="file"),
    path("<int:pk>/files/<int:item>/remove/", views_files.remove, name="file_remove"),
    path("office/<slug:code>/trained/", views_trained.office_lists, name="trained_lists"),
    path("trained/<int:pk>/", views_trained.detail, name="trained_list"),
    path("trained/<int:pk>.pdf", views_trained.pdf, name="trained_list_pdf"),
    path("certificates/", views.verify, name="verify_form"),
    path("certificates/<str:serial>/", views.verify, name="verify"),
]
