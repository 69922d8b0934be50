from django.urls import path

from udbhabon.ideas import views

app_name = "ideas"
urlpatterns = [
    path("", views.bank, name="bank"),
    path("new/", views.new, name="new"),
    path("similar/", views.similar, name="similar"),
    path("vetting/", views.vetting, name="vetting"),
    path("stages/", views.stages, name="stages"),
    path("deadlines/", views.funnel_deadlines, name="funnel_deadlines"),
    path("innovators/", views.innovators, name="innovators"),
    path("innovators/<int:pk>/", views.innovator, name="innovator"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/history/<int:entry>/", views.version, name="version"),
    path("<int:pk>/move/", views.move, name="move"),
    path("<int:pk>/propose-to-head/", views.propose_to_head, name="propose_to_head"),
    path("<int:pk>/reviewers/", views.assign_reviewer, name="assign_reviewer"),
    path("<int:pk>/review/", views.review, name="review"),
    path("<int:pk>/attachments/", views.attach, name="attach"),
    path("<int:pk>/attachments/<int:att>/", views.attachment, name="attachment"),
]
