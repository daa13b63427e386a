from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.messages.views import SuccessMessageMixin
from django.db import IntegrityError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.views.decorators.http import require_http_methods

from pmprep.config import companies
from pmprep.web.accounts.forms import (
    USERNAME_TAKEN,
    CompanyForm,
    DeleteAccountForm,
    SignupForm,
    TrackForm,
    company_choices,
)
from pmprep.web.throttling import signup_throttle


@require_http_methods(["GET", "POST"])
@signup_throttle
def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("home")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = form.save()
        except IntegrityError:
            # Someone took the name between the form's check and the insert. In autocommit the failed
            # insert leaves nothing behind; inside a transaction it would have to be a savepoint.
            form.add_error("username", USERNAME_TAKEN)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, "Welcome to pmprep. Pick your track to see your interview loop.")
            return redirect("accounts:profile")
    return render(request, "registration/signup.html", {"form": form}, status=400 if form.errors else 200)


class PasswordChangeView(SuccessMessageMixin, auth_views.PasswordChangeView):
    """Django's password change (same validators; this session stays logged in, every other one of
    the account's sessions ends because the password hash it was opened with no longer matches)."""

    template_name = "registration/password_change.html"
    success_url = reverse_lazy("accounts:profile")
    success_message = "Your password is changed. Other browsers logged in to your account have been logged out."

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    choosing = request.method == "POST" and "company" in request.POST
    company_form = CompanyForm(request.POST if choosing else None, instance=request.user)
    form = TrackForm(request.POST if request.method == "POST" and not choosing else None, instance=request.user)
    if choosing and company_form.is_valid():
        user = company_form.save()
        name = dict(company_choices())[user.company]
        messages.success(
            request,
            f"You are preparing for {name}. Pick its track below."
            if not user.track
            else f"You are preparing for {name}.",
        )
        return redirect("accounts:profile")
    if not choosing and request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Saved. Here is your loop.")
        return redirect("bank:loop", track_id=form.cleaned_data["track"])
    return render(
        request,
        "accounts/profile.html",
        {
            "form": form,
            "company_form": company_form if len(companies()) > 1 else None,
        },
        status=400 if form.errors or company_form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def delete(request: HttpRequest) -> HttpResponse:
    """Delete the account and everything it owns, after the password is given again."""
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        user.delete()
        messages.success(request, "Your account and all its data were deleted from this pmprep.")
        return redirect("home")
    return render(request, "accounts/delete.html", {"form": form}, status=400 if form.errors else 200)
