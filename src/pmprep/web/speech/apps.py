from django.apps import AppConfig


class SpeechConfig(AppConfig):
    """Recorded answers: the audio, what pmprep heard in it, and the attempt its corrected transcript became."""

    name = "pmprep.web.speech"
    label = "speech"
    verbose_name = "Spoken practice"
