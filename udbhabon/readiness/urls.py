from django.urls import path

from udbhabon.readiness import views

app_name = "readiness"
urlpatterns = [
    path("office/<slug:code>/", views.office_page, name="office"),
    path("office/<slug:code>/supervision/", views.supervision, name="supervision"),
    path("office/<slug:code>/checklist/", views.checklist, name="checklist"),
    path("office/<slug:code>/centres/new/", views.centre_new, name="centre_new"),
    path("office/<slug:code>/branches/new/", views.branch_new, name="branch_new"),
    path("office/<slug:code>/shares/new/", views.share_new, name="share_new"),
    path("office/<slug:code>/shares/import/", views.shares_import, name="shares_import"),
    path("office/<slug:code>/channels/new/", views.channel_new, name="channel_new"),
    path("office/<slug:code>/complaints/new/", views.complaint_new, name="complaint_new"),
    path("office/<slug:code>/partners/new/", views.partner_new, name="partner_new"),
    path("office/<slug:code>/publications/new/", views.publication_new, name="publication_new"),
    path("office/<slug:code>/inspections/new/", views.inspection_new, name="inspection_new"),
    path("follow-up/<int:pk>/done/", views.follow_up_done, name="follow_up_done"),
    path("branch/<int:pk>/step/", views.branch_step, name="branch_step"),
    path("share/<int:pk>/", views.share_edit, name="share_edit"),
    path("complaint/<int:pk>/act/", views.complaint_act, name="complaint_act"),
    path("complaint/<int:pk>/close/", views.complaint_close, name="complaint_close"),
    path("partner/<int:pk>/", views.partner, name="partner"),
    path("partner/<int:pk>/edit/", views.partner_edit, name="partner_edit"),
    path("partner/<int:pk>/contact/", views.partner_contact, name="partner_contact"),
    path("partner/<int:pk>/link/", views.partner_link, name="partner_link"),
]
