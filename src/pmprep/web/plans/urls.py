from django.urls import path

from pmprep.web.plans import views

app_name = "plans"
urlpatterns = [
    path("", views.index, name="index"),
]
