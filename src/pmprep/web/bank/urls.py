from django.urls import path

from pmprep.web.bank import views

app_name = "bank"
urlpatterns = [
    path("loop/", views.loop_index, name="loop_index"),
    path("loop/<str:track_id>/", views.loop, name="loop"),
    path("questions/", views.questions, name="questions"),
    path("questions/<str:question_id>/", views.question, name="question"),
    path("questions/<str:question_id>/bookmark", views.bookmark, name="bookmark"),
    path("primers/", views.primers, name="primers"),
    path("primers/<str:primer_id>/", views.primer, name="primer"),
]
