from django.apps import AppConfig


class CasesConfig(AppConfig):
    """The case-presentation builder: decks checked as they are written, rehearsal and exports."""

    name = "pmprep.web.cases"
    label = "cases"
    verbose_name = "Case decks"
