from django.urls import path

from pmprep.web.plans import views

app_name = "plans"
urlpatterns = [
    path("", views.index, name="index"),
    path("generate", views.generate, name="generate"),
    path("tick", views.tick, name="tick"),
    path("move", views.move, name="move"),
    path("calendar.ics", views.calendar, name="calendar"),
    path("feed", views.feed_switch, name="feed_switch"),
    path("feed/<str:token>.ics", views.feed, name="feed"),
    path("readiness/", views.readiness_page, name="readiness"),
]
