from django.urls import path

from udbhabon.evaluation import framework_views, views

app_name = "evaluation"
urlpatterns = [
    # Before "<code>/<year>/", which "frameworks/<pk>/" would match too.
    path("frameworks/<int:pk>/", framework_views.framework, name="framework"),
    path("frameworks/<int:pk>/apa.xlsx", views.framework_export, name="framework_export"),
    path(
        "frameworks/<int:pk>/apa.<slug:fmt>",
        framework_views.framework_paper,
        name="framework_paper",
    ),
    path("<slug:code>/<int:year>/", views.scorecard, name="scorecard"),
    path(
        "<slug:code>/<int:year>/scorecard.<slug:fmt>",
        framework_views.scorecard_paper,
        name="scorecard_paper",
    ),
    path("<slug:code>/<int:year>/league/", views.league, name="league"),
    path("<slug:code>/<int:year>/league.xlsx", views.league_export, name="league_export"),
    path(
        "<slug:code>/<int:year>/league.<slug:fmt>",
        framework_views.league_paper,
        name="league_paper",
    ),
    path("<slug:code>/<int:year>/links/", framework_views.links, name="links"),
]
urlpatterns += [
    path("frameworks/", views.frameworks, name="frameworks"),
    path("frameworks/new/", framework_views.framework_new, name="framework_new"),
    path("frameworks/import/", framework_views.framework_import, name="framework_import"),
    path("frameworks/<int:pk>/edit/", framework_views.framework_edit, name="framework_edit"),
    path(
        "frameworks/<int:pk>/division/",
        framework_views.division_objective,
        name="division_objective",
    ),
    path("frameworks/<int:pk>/issue/", views.framework_issue, name="framework_issue"),
    path("frameworks/<int:pk>/freeze/", views.framework_freeze, name="framework_freeze"),
    path("<slug:code>/<int:year>/figures/<int:indicator>/", views.figure, name="figure"),
    path("<slug:code>/<int:year>/moderate/<int:indicator>/", views.moderate, name="moderate"),
]
