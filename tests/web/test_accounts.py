from __future__ import annotations

import datetime as dt
import threading

import pytest
import time_machine
from django.urls import reverse

from pmprep.web.accounts.models import User

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-practice-passphrase"


@pytest.fixture
def alice() -> User:
    return User.objects.create_user("alice", password=PASSWORD)


def test_signup_creates_a_user_with_an_argon2_hash_and_logs_in(client):
    response = client.post(
        reverse("accounts:signup"), {"username": "bea", "password1": PASSWORD, "password2": PASSWORD}
    )
    assert response.status_code == 302 and response["Location"] == reverse("accounts:profile")
    user = User.objects.get(username="bea")
    assert user.password.startswith("argon2$")
    assert client.get(reverse("home")).context["user"] == user


def test_signup_rejects_mismatched_passwords_and_stores_nothing(client):
    response = client.post(
        reverse("accounts:signup"), {"username": "bea", "password1": PASSWORD, "password2": PASSWORD + "x"}
    )
    assert response.status_code == 400
    assert "The two password fields didn’t match." in response.content.decode()
    assert not User.objects.filter(username="bea").exists()


def test_signup_rejects_a_short_password(client):
    response = client.post(reverse("accounts:signup"), {"username": "bea", "password1": "short", "password2": "short"})
    assert response.status_code == 400
    assert "at least 10 characters" in response.content.decode()


def test_login_and_logout(client, alice):
    response = client.post(reverse("accounts:login"), {"username": "alice", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("home")).context["user"] == alice
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert not client.get(reverse("home")).context["user"].is_authenticated


def test_login_with_a_wrong_password_says_so(client, alice):
    response = client.post(reverse("accounts:login"), {"username": "alice", "password": "wrong-password!"})
    assert response.status_code == 200
    assert "Please enter a correct username and password" in response.content.decode()


def test_logout_by_get_is_refused(client, alice):
    client.force_login(alice)
    assert client.get(reverse("accounts:logout")).status_code == 405


def test_profile_requires_login(client):
    response = client.get(reverse("accounts:profile"))
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:login')}?next={reverse('accounts:profile')}"


def test_picking_a_track_saves_it_and_shows_the_loop(client, alice):
    client.force_login(alice)
    with time_machine.travel(dt.datetime(2026, 12, 2, 9, 0, tzinfo=dt.UTC), tick=False):  # dates are bounded from today
        response = client.post(reverse("accounts:profile"), {"track": "early_in", "interview_date": "2027-01-15"})
    assert response.status_code == 302 and response["Location"] == reverse("bank:loop", args=["early_in"])
    alice.refresh_from_db()
    assert (alice.track, alice.interview_date.isoformat()) == ("early_in", "2027-01-15")


def test_an_unknown_track_is_rejected(client, alice):
    client.force_login(alice)
    response = client.post(reverse("accounts:profile"), {"track": "intern"})
    assert response.status_code == 400
    assert "Select a valid choice. intern is not one of the available choices." in response.content.decode()
    alice.refresh_from_db()
    assert alice.track == ""


def test_home_tells_a_user_without_a_track_to_pick_one(client, alice):
    client.force_login(alice)
    assert "Pick your track" in client.get(reverse("home")).content.decode()


def test_home_shows_the_users_loop(client, alice):
    alice.track = "early_in"
    alice.save()
    client.force_login(alice)
    page = client.get(reverse("home")).content.decode()
    assert "Recruiter screen (30 min) → Hiring-manager behavioural interview (45 min)" in page


def test_deleting_the_account_needs_the_password_and_removes_everything(client, alice):
    from pmprep.web.practice.models import Attempt, Draft
    from tests.web.conftest import drafted, practised

    practised(alice, "I led a launch that raised retention by 4%.")
    drafted(alice, "half")
    client.force_login(alice)
    wrong = client.post(reverse("accounts:delete"), {"password": "not it at all"})
    assert wrong.status_code == 400 and "That is not your password; nothing was deleted." in wrong.content.decode()
    assert User.objects.filter(pk=alice.pk).exists() and Attempt.objects.count() == 1

    response = client.post(reverse("accounts:delete"), {"password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == reverse("home")
    assert not User.objects.filter(username="alice").exists()
    assert not Attempt.objects.exists() and not Draft.objects.exists()
    assert "Your account and all its data were deleted" in client.get(reverse("home")).content.decode()
    assert "_auth_user_id" not in client.session


def test_a_taken_username_is_refused_without_confirming_an_account(client, alice):
    for taken in ("alice", "ALICE"):
        response = client.post(
            reverse("accounts:signup"), {"username": taken, "password1": PASSWORD, "password2": PASSWORD}
        )
        page = response.content.decode()
        assert response.status_code == 400
        assert "That username cannot be used; choose another." in page
        assert "already exists" not in page and "A user with that" not in page
    assert User.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_name_taken_between_the_check_and_the_save_is_a_form_error_not_a_500(client):
    """Another request (its own thread and database connection) signs up "bea" after this form was validated."""
    from django.db import connection
    from django.db.models.signals import pre_save

    def sign_up_elsewhere() -> None:
        try:
            User.objects.create_user("bea", password=PASSWORD)
        finally:
            connection.close()

    raced: list[threading.Thread] = []

    def race(sender, instance, **kwargs):
        if instance.username == "bea" and not raced:
            other = threading.Thread(target=sign_up_elsewhere)
            raced.append(other)
            other.start()
            other.join()

    pre_save.connect(race, sender=User, dispatch_uid="signup-race")
    try:
        response = client.post(
            reverse("accounts:signup"), {"username": "bea", "password1": PASSWORD, "password2": PASSWORD}
        )
    finally:
        pre_save.disconnect(dispatch_uid="signup-race", sender=User)
    assert response.status_code == 400
    assert "That username cannot be used; choose another." in response.content.decode()
    assert User.objects.filter(username="bea").count() == 1
    assert "_auth_user_id" not in client.session


def test_the_profile_page_and_the_account_menu_link_to_the_password_change(client, alice):
    client.force_login(alice)
    page = client.get(reverse("accounts:profile")).content.decode()
    assert page.count(f'href="{reverse("accounts:password_change")}"') == 2


def test_changing_the_password_keeps_this_session_and_ends_the_others(client, alice):
    from django.test import Client

    other = Client()
    other.force_login(alice)
    client.force_login(alice)
    assert client.get(reverse("accounts:password_change")).status_code == 200
    new = "another-long-passphrase-42"
    response = client.post(
        reverse("accounts:password_change"), {"old_password": PASSWORD, "new_password1": new, "new_password2": new}
    )
    assert response.status_code == 302 and response["Location"] == reverse("accounts:profile")
    assert "Your password is changed." in client.get(reverse("accounts:profile")).content.decode()
    assert client.get(reverse("home")).context["user"] == alice
    assert not other.get(reverse("home")).context["user"].is_authenticated
    alice.refresh_from_db()
    assert alice.check_password(new) and alice.password.startswith("argon2$")


@pytest.mark.parametrize(
    "data, field, error",
    [
        (
            {
                "old_password": "not it at all",
                "new_password1": "another-long-passphrase-42",
                "new_password2": "another-long-passphrase-42",
            },
            "old_password",
            "Your old password was entered incorrectly. Please enter it again.",
        ),
        (
            {"old_password": PASSWORD, "new_password1": "short", "new_password2": "short"},
            "new_password2",
            "This password is too short. It must contain at least 10 characters.",
        ),
        (
            {
                "old_password": PASSWORD,
                "new_password1": "another-long-passphrase-42",
                "new_password2": "something else!!",
            },
            "new_password2",
            "The two password fields didn’t match.",
        ),
    ],
)
def test_a_refused_password_change_says_why_and_changes_nothing(client, alice, data, field, error):
    client.force_login(alice)
    response = client.post(reverse("accounts:password_change"), data)
    assert response.status_code == 400
    assert response.context["form"].errors[field] == [error]
    assert error in response.content.decode()
    alice.refresh_from_db()
    assert alice.check_password(PASSWORD)
    assert client.get(reverse("home")).context["user"] == alice


def test_the_password_change_needs_a_login(client):
    response = client.get(reverse("accounts:password_change"))
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:login')}?next={reverse('accounts:password_change')}"


def test_the_export_of_a_non_ascii_username_has_an_rfc_5987_file_name(client):
    zoe = User.objects.create_user("Zoë-李", password=PASSWORD)
    client.force_login(zoe)
    with time_machine.travel("2026-12-02 10:00:00+00:00", tick=False):
        response = client.get(reverse("portability:export"))
    assert response.status_code == 200
    assert response["Content-Disposition"] == ("attachment; filename*=utf-8''pmprep-Zo%C3%AB-%E6%9D%8E-2026-12-02.json")
    assert response["Cache-Control"] == "private, no-store"
