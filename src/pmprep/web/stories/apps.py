from django.apps import AppConfig


class StoriesConfig(AppConfig):
    """The STAR story bank: stories analysed as they are written, the coverage matrix, suggestions."""

    name = "pmprep.web.stories"
    label = "stories"
    verbose_name = "Story bank"
