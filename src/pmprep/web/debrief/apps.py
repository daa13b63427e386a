from django.apps import AppConfig


class DebriefConfig(AppConfig):
    """Real interview rounds: the debrief (notes or a transcript, each answer judged) and the outcome."""

    name = "pmprep.web.debrief"
    label = "debrief"
    verbose_name = "Real interview debriefs"
