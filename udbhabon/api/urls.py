"""The API (/api/v1/, namespace "api") and the token pages (/account/api-tokens/)."""

from django.urls import path

from udbhabon.api import views

app_name = "apitokens"
urlpatterns = [
    path("", views.token_list, name="list"),
    path("<int:pk>/revoke/", views.token_revoke, name="revoke"),
]
