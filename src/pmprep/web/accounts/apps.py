from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "pmprep.web.accounts"
    label = "accounts"
    verbose_name = "Accounts"
