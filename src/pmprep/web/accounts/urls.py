from django.contrib.auth import views as auth_views
from django.urls import path

from pmprep.web.accounts import views

app_name = "accounts"
urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("profile/", views.profile, name="profile"),
    path("data/", views.data, name="data"),
    path("data/export.json", views.export, name="export"),
    path("delete/", views.delete, name="delete"),
]
