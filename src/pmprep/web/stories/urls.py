from django.urls import path

from pmprep.web.stories import views

app_name = "stories"
urlpatterns = [
    path("", views.index, name="index"),
    path("new", views.new, name="new"),
    path("<uuid:uid>/", views.story, name="story"),
    path("<uuid:uid>/delete", views.delete, name="delete"),
    path("<uuid:uid>/recall", views.recall, name="recall"),
    path("<uuid:uid>/practise", views.practise, name="practise"),
]
