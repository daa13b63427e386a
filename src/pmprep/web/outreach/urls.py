from django.urls import path

from pmprep.web.outreach import views

app_name = "outreach"
urlpatterns = [
    path("", views.index, name="index"),
]
