from django.urls import path

from udbhabon.offices import views

app_name = "offices"
urlpatterns = [
    path("search/", views.search, name="search"),
    path("switch-post/", views.switch_post, name="switch_post"),
    path("posts/<int:pk>/", views.post_detail, name="post_detail"),
    path("posts/<int:pk>/hand-over/", views.hand_over, name="hand_over"),
    path("<slug:code>/", views.detail, name="detail"),
    path("<slug:code>/form/", views.form_settings, name="form_settings"),
    path("<slug:code>/add-office/", views.add_office, name="add_office"),
    path("<slug:code>/add-post/", views.add_post, name="add_post"),
]
