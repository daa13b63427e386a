from django.apps import AppConfig


class PlansConfig(AppConfig):
    """The dated prep plan, its calendar feed, the readiness check and the personal report."""

    name = "pmprep.web.plans"
    label = "plans"
    verbose_name = "Plan and readiness"
