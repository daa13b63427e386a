from django.apps import AppConfig


class BankConfig(AppConfig):
    """The browsable catalog: the loop for each track, the question bank and the primers."""

    name = "pmprep.web.bank"
    label = "bank"
    verbose_name = "Question bank"
