from django.urls import path

from udbhabon.directory import views

app_name = "directory"

urlpatterns = [
    path("<slug:code>/", views.page, name="page"),
    path("<slug:code>/nominations/", views.nominations, name="nominations"),
    path("nominations/<int:pk>/withdraw/", views.withdraw, name="withdraw"),
]
