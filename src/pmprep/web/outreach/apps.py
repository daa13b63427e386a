from django.apps import AppConfig


class OutreachConfig(AppConfig):
    """The outreach checker and the contact log (research notes, never a referral tracker)."""

    name = "pmprep.web.outreach"
    label = "outreach"
    verbose_name = "Outreach and research notes"
