from django.urls import path

from pmprep.web.cases import views

app_name = "cases"
urlpatterns = [
    path("", views.index, name="index"),
]
