from django.apps import AppConfig


class ProgressConfig(AppConfig):
    """The progress dashboard: levels over time, volume, backlog, coverage and loop outcomes as charts."""

    name = "pmprep.web.progress"
    label = "progress"
    verbose_name = "Progress"
