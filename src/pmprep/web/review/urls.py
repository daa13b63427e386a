from django.urls import path

from pmprep.web.review import views

app_name = "review"
urlpatterns = [
    path("today/", views.today, name="today"),
    path("start", views.start, name="start"),
]
