from django.urls import path

from udbhabon.plans import views

app_name = "plans"
urlpatterns = [
    path("", views.index, name="index"),
    path("review/", views.queue, name="queue"),
    path("my-items/", views.my_items, name="my_items"),
    path("office/<slug:code>/", views.office_plans, name="office"),
    path("office/<slug:code>/create/", views.create, name="create"),
    path("office/<slug:code>/calendar/", views.calendar_month, name="calendar"),
    path("office/<slug:code>/calendar.ics", views.calendar_ics, name="ics"),
    path("office/<slug:code>/team/<int:year>/", views.team, name="team"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/items/add/", views.item_add, name="item_add"),
    path("<int:pk>/schedule-preview/", views.schedule_preview, name="schedule_preview"),
    path("<int:pk>/submit/", views.submit, name="submit"),
    path("<int:pk>/review/", views.review, name="review"),
    path("<int:pk>/reopen/", views.reopen, name="reopen"),
    path("<int:pk>/compare/", views.compare, name="compare"),
    path("<int:pk>/progress/<int:half>/", views.progress, name="progress"),
    path("<int:pk>/progress/<int:half>/sheet.xlsx", views.progress_sheet, name="progress_sheet"),
    path("<int:pk>/progress/<int:half>/upload/", views.progress_upload, name="progress_upload"),
    path("<int:pk>/report/<int:half>/", views.report_prepare, name="report_prepare"),
    path("items/<int:pk>/", views.item_detail, name="item_detail"),
    path("items/<int:pk>/row/", views.item_row, name="item_row"),
    path("items/<int:pk>/edit/", views.item_edit, name="item_edit"),
    path("items/<int:pk>/remove/", views.item_remove, name="item_remove"),
    path("items/<int:pk>/restore/", views.item_restore, name="item_restore"),
    path("items/<int:pk>/move/", views.item_move, name="item_move"),
    path("items/<int:pk>/acknowledge/", views.item_acknowledge, name="item_acknowledge"),
    path("occurrences/<int:pk>/toggle/", views.occurrence_toggle, name="occurrence_toggle"),
    path("evidence/<int:pk>/", views.evidence_file, name="evidence_file"),
    path("reports/<int:pk>/", views.report_detail, name="report_detail"),
    path("reports/<int:pk>/submit/", views.report_submit, name="report_submit"),
    path("reports/<int:pk>/review/", views.report_review, name="report_review"),
]
