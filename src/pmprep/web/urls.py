from django.urls import include, path

from pmprep.web.bank import views as bank

urlpatterns = [
    path("", bank.home, name="home"),
    path("healthz", bank.health, name="health"),
    path("accounts/", include("pmprep.web.accounts.urls")),
    path("", include("pmprep.web.bank.urls")),
]

handler404 = "pmprep.web.bank.views.not_found"
handler500 = "pmprep.web.bank.views.server_error"
