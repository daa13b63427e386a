from django.urls import path

from pmprep.web.progress import views

app_name = "progress"
urlpatterns = [
    path("", views.index, name="index"),
    path("charts/<slug:name>.svg", views.chart, name="chart"),
]
