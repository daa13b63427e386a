from django.apps import AppConfig


class InterviewWeekConfig(AppConfig):
    """Interview week: the story portfolio of a loop, a sheet for each round and questions to ask."""

    name = "pmprep.web.interview_week"
    label = "interview_week"
    verbose_name = "Interview week"
