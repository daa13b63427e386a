from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AccountsConfig(AppConfig):
    name = "pmprep.web.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from pmprep.web.data_version import ensure_triggers

        # Once per migrate (this app's signal), after every app's tables exist.
        post_migrate.connect(ensure_triggers, sender=self, dispatch_uid="pmprep.data_version.triggers")
