from django.urls import path

from udbhabon.initiatives import team_views, views

app_name = "initiatives"
urlpatterns = [
    path("", views.initiative_list, name="list"),
    path("new/", views.new, name="new"),
    path("recommended/", views.recommended, name="recommended"),
    path("services/", views.catalogue, name="services"),
    path("services/charter.<str:fmt>", views.charter, name="charter"),
    path("priorities/", views.priorities, name="priorities"),
    path("priorities/<int:pk>/step/", views.priority_step, name="priority_step"),
    path("from-idea/<int:pk>/", views.from_idea, name="from_idea"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/lineage/", views.lineage, name="lineage"),
    path("<int:pk>/adopt/", views.adopt, name="adopt"),
    path("<int:pk>/move/", views.move, name="move"),
    path("<int:pk>/tcv/", views.tcv, name="tcv"),
    path("<int:pk>/visit/", views.visit, name="visit"),
    path("<int:pk>/grant/", views.grant, name="grant"),
    path("<int:pk>/team/", team_views.add, name="member_add"),
    path("<int:pk>/team/public/", team_views.public, name="team_public"),
    path("<int:pk>/team/<int:member>/remove/", team_views.remove, name="member_remove"),
    path("<int:pk>/team/<int:member>/photo/", team_views.photo, name="member_photo"),
    path("grants/<int:pk>/step/", views.grant_step, name="grant_step"),
]
