from django.urls import path

from pmprep.web.stories import views

app_name = "stories"
urlpatterns = [
    path("", views.index, name="index"),
]
