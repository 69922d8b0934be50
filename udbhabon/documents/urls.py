from django.urls import path

from udbhabon.documents import views

app_name = "documents"
urlpatterns = [
    path("letters/<int:pk>/", views.letter_detail, name="letter_detail"),
]
