from django.urls import path

from pmprep.web.practice import focus, views

app_name = "practice"
urlpatterns = [
    path("", views.answer, name="answer"),
    path("draft", views.save_draft, name="draft"),
    path("attempts/", views.attempts, name="attempts"),
    path("attempts/<int:pk>/", views.attempt, name="attempt"),
    path("attempts/<int:pk>/follow-up", views.follow_up, name="follow_up"),
    path("attempts/<int:pk>/delete", views.delete_attempt, name="delete_attempt"),
    path("attempts/<int:pk>/self-rating", views.self_rating, name="self_rating"),
    path("attempts/<int:pk>/export.md", views.attempt_markdown, name="attempt_md"),
    path("attempts/<int:pk>/export.pdf", views.attempt_pdf, name="attempt_pdf"),
    # Interview mode (practice.focus): a set of questions with the feedback held back until the end.
    path("interview/", focus.choose, name="focus"),
    path("interview/start", focus.start, name="focus_start"),
    path("interview/question", focus.question, name="focus_question"),
    path("interview/answer", focus.answer, name="focus_answer"),
    path("interview/end", focus.end, name="focus_end"),
    path("interview/summary", focus.summary, name="focus_summary"),
]
