from django.apps import AppConfig


class LoopsConfig(AppConfig):
    """Whole mock loops: rounds at their real length, scorecards, peer interviewers and the committee."""

    name = "pmprep.web.loops"
    label = "loops"
    verbose_name = "Mock loops"
