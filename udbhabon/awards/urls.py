from django.urls import path

from udbhabon.awards import views

app_name = "awards"
urlpatterns = [
    path("office/<slug:code>/", views.office_schemes, name="office"),
    path("office/<slug:code>/new/", views.scheme_new, name="new"),
    path("<int:pk>/", views.scheme, name="scheme"),
    path("<int:pk>/nominate/", views.nominate, name="nominate"),
    path("<int:pk>/close/", views.close, name="close"),
    path("<int:pk>/scores/", views.scores, name="scores"),
    path("<int:pk>/decide/", views.decide, name="decide"),
    path("<int:pk>/publish/", views.publish, name="publish"),
    path("<int:pk>/list/<str:fmt>/", views.award_list, name="list"),
    path("innovators/<int:pk>/give/", views.give, name="give"),
]
