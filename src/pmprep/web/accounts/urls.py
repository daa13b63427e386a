from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.urls import path

from pmprep.web.accounts import views


class LogoutView(auth_views.LogoutView):
    """Logging out also empties this browser's storage for the site, where copies of unsent drafts
    live: the next person on the browser must not see them, and only a response header can reach
    localStorage when the page's script does not run. Cookies go with the session anyway."""

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = super().post(request, *args, **kwargs)
        response["Clear-Site-Data"] = '"storage"'
        return response


app_name = "accounts"
urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logout/", LogoutView.as_view(), name="logout"),
    path("profile/", views.profile, name="profile"),
    path("password/", views.PasswordChangeView.as_view(), name="password_change"),
    path("delete/", views.delete, name="delete"),
]
