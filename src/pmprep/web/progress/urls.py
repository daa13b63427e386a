from django.urls import path

from pmprep.web.progress import views

app_name = "progress"
urlpatterns = [
    path("", views.index, name="index"),
]
