from django.urls import path

from pmprep.web.speech import views

app_name = "speech"
urlpatterns = [
    path("", views.index, name="index"),
    path("record", views.record, name="record"),
    path("pressure", views.pressure, name="pressure"),
    path("pressure/break-in", views.break_in, name="break_in"),
    path("<int:pk>/", views.correct, name="correct"),
    path("<int:pk>/replay", views.replay, name="replay"),
    path("<int:pk>/audio.wav", views.audio, name="audio"),
    path("<int:pk>/delete", views.delete, name="delete"),
]
