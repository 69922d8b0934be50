"""Public pages: no sign-in anywhere but the office's moderation of comments
(every pattern is in cases_portal.py)."""

from django.urls import path

from udbhabon.portal import ledger_views, moderation_views, views

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
    # The impact ledger is the one public showcase; the old showcase URLs answer 301.
    path("ledger/", ledger_views.ledger_national, name="ledger"),
    path("ledger/<slug:code>/", ledger_views.ledger_office, name="ledger_office"),
    path(
        "ledger/<slug:code>/ledger.<str:fmt>",
        ledger_views.ledger_download,
        name="ledger_download",
    ),
    path("initiatives/<int:pk>/", ledger_views.initiative, name="initiative"),
    path(
        "initiatives/<int:pk>/team/<int:member>/photo/",
        ledger_views.member_photo,
        name="member_photo",
    ),
    path("initiatives/<int:pk>/feedback/", ledger_views.feedback, name="feedback"),
    path("showcase/", ledger_views.showcase, name="showcase"),
    path("showcase/<int:pk>/", ledger_views.showcase_detail, name="showcase_detail"),
    path("moderation/", moderation_views.moderation, name="moderation"),
    path("moderation/<int:pk>/", moderation_views.moderation_item, name="moderation_item"),
]
