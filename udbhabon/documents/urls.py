from django.urls import path

from udbhabon.documents import views

app_name = "documents"
urlpatterns = [
    path("letters/<int:pk>/", views.letter_detail, name="letter_detail"),
    path("letters/<int:pk>/<str:fmt>/", views.letter_download, name="letter_download"),
    path("exports/<int:pk>/", views.export_status, name="export_status"),
    path("exports/<int:pk>/file/", views.export_file, name="export_file"),
    path("import/", views.import_upload, name="import_upload"),
    path("import/<int:pk>/", views.import_detail, name="import_detail"),
    path(
        "import/<int:pk>/cell/<int:section>/<int:item>/<slug:field>/",
        views.import_cell,
        name="import_cell",
    ),
    path(
        "import/<int:pk>/cell/<int:section>/<int:item>/<slug:field>/image/",
        views.import_cell_image,
        name="import_cell_image",
    ),
    path("import/<int:pk>/confirm/", views.import_confirm, name="import_confirm"),
    path("import/<int:pk>/discard/", views.import_discard, name="import_discard"),
    path("import/<int:pk>/source/", views.import_source, name="import_source"),
]
