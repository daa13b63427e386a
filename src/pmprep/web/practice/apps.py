from django.apps import AppConfig


class PracticeConfig(AppConfig):
    """Answering questions and getting the analyzer's feedback; attempts are saved per user."""

    name = "pmprep.web.practice"
    label = "practice"
    verbose_name = "Practice"
