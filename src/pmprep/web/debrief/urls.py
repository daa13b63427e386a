from django.urls import path

from pmprep.web.debrief import views

app_name = "debrief"
urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.new, name="new"),
    path("confirm/", views.confirm, name="confirm"),
    path("<uuid:uid>/", views.detail, name="round"),
    path("<uuid:uid>/outcome", views.outcome, name="outcome"),
    path("<uuid:uid>/delete", views.delete, name="delete"),
]
