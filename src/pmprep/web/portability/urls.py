from django.urls import path

from pmprep.web.portability import views

app_name = "portability"
urlpatterns = [
    path("data/", views.data, name="data"),
    path("data/export.json", views.export, name="export"),
]
