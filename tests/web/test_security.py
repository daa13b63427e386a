"""Security settings as a user meets them: headers, CSRF, login throttling, deploy checks, inert HTML."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from django.test import Client
from django.urls import reverse

from pmprep.web.accounts.models import User
from tests.web.conftest import PASSWORD, drafted, practised

pytestmark = pytest.mark.django_db
SCRIPT = '<script>alert("owned")</script><img src=x onerror=alert(1)>'


def test_pages_carry_a_strict_content_security_policy_and_security_headers(client):
    response = client.get(reverse("bank:questions"))
    policy = dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))
    assert policy == {
        "default-src": "'self'",
        "script-src": "'self'",
        "style-src": "'self'",
        "img-src": "'self' data:",
        "connect-src": "'self'",
        "font-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'none'",
        "frame-ancestors": "'none'",
        "form-action": "'self'",
    }
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_no_page_needs_inline_script_or_style(client, alice, catalog):
    """The policy forbids inline code, so no template may rely on it."""
    client.force_login(alice)
    practised(alice, "I led a launch that raised retention by 4% in one quarter.")
    track = next(iter(catalog.tracks))
    for url in (
        reverse("home"),
        reverse("bank:loop", args=[track]),
        reverse("bank:questions"),
        reverse("practice:answer"),
        reverse("practice:attempts"),
        reverse("portability:data"),
        reverse("accounts:profile"),
    ):
        html = client.get(url).content.decode()
        assert " style=" not in html and "<style" not in html, url
        assert "<script>" not in html and " onclick=" not in html and " onload=" not in html, url


def test_session_cookie_is_http_only_and_same_site(client, alice):
    response = client.post(reverse("accounts:login"), {"username": "alice", "password": PASSWORD})
    cookie = response.cookies["sessionid"]
    assert cookie["httponly"] is True and cookie["samesite"] == "Lax"
    assert User.objects.get(pk=alice.pk).password.startswith("argon2$")


@pytest.mark.parametrize(
    "name, data",
    [
        ("accounts:signup", {"username": "eve", "password1": PASSWORD, "password2": PASSWORD}),
        ("accounts:login", {"username": "alice", "password": PASSWORD}),
        ("accounts:profile", {"track": "early_in"}),
        ("accounts:logout", {}),
        ("practice:answer", {"question_text": "Why Netflix?", "answer": "Because of the culture memo."}),
        ("practice:draft", {"answer": "half a thought"}),
    ],
)
def test_every_form_refuses_a_post_without_its_csrf_token(alice, name, data):
    client = Client(enforce_csrf_checks=True)
    if name not in ("accounts:signup", "accounts:login"):
        client.force_login(alice)
    response = client.post(reverse(name), data)
    assert response.status_code == 403
    assert not User.objects.filter(username="eve").exists()
    assert not alice.attempts.exists() and not alice.drafts.exists()


def test_the_import_form_refuses_a_post_without_its_csrf_token(alice, tmp_path):
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    path = tmp_path / "x.json"
    path.write_text("{}")
    with path.open("rb") as f:
        assert client.post(reverse("portability:data"), {"file": f}).status_code == 403


def test_logins_are_throttled_after_five_failures_even_with_the_right_password(client, alice):
    for _ in range(4):
        response = client.post(reverse("accounts:login"), {"username": "alice", "password": "wrong password!"})
        assert response.status_code == 200 and "enter a correct username and password" in response.content.decode()
    locked = client.post(reverse("accounts:login"), {"username": "alice", "password": "wrong password!"})
    assert locked.status_code == 429
    assert "Too many failed logins" in locked.content.decode()
    again = client.post(reverse("accounts:login"), {"username": "alice", "password": PASSWORD})
    assert again.status_code == 429 and "_auth_user_id" not in client.session
    # Another account from the same address is not locked by alice's failures.
    User.objects.create_user("bea", password=PASSWORD)
    assert client.post(reverse("accounts:login"), {"username": "bea", "password": PASSWORD}).status_code == 302


def test_a_successful_login_resets_the_failure_count(client, alice):
    for _ in range(4):
        client.post(reverse("accounts:login"), {"username": "alice", "password": "wrong password!"})
    assert client.post(reverse("accounts:login"), {"username": "alice", "password": PASSWORD}).status_code == 302
    client.post(reverse("accounts:logout"))
    for _ in range(4):
        client.post(reverse("accounts:login"), {"username": "alice", "password": "wrong password!"})
    assert client.post(reverse("accounts:login"), {"username": "alice", "password": PASSWORD}).status_code == 302


def test_check_deploy_is_clean_under_the_https_settings(tmp_path):
    # The secret key is the one pmprep generates and keeps in the data folder.
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "PMPREP_SECRET_KEY")}
    env.update(PMPREP_HOME=str(tmp_path), PMPREP_HTTPS="1", DJANGO_SETTINGS_MODULE="pmprep.web.settings")
    result = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_the_https_settings_redirect_to_https_and_mark_cookies_secure(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(PMPREP_HOME=str(tmp_path), PMPREP_HTTPS="1", DJANGO_SETTINGS_MODULE="pmprep.web.settings")
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS)"
    )
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert result.stdout.split() == ["True", "True", "True", "31536000"], result.stderr


def test_answers_with_html_are_shown_inert_everywhere(client, alice):
    attempt = practised(alice, f"I led the launch. {SCRIPT} Retention rose 4%.", question=f"Own {SCRIPT} question")
    drafted(alice, f"Draft {SCRIPT}")
    client.force_login(alice)
    pages = [
        client.get(reverse("practice:attempt", args=[attempt.pk])),
        client.get(reverse("practice:attempts")),
        client.get(reverse("practice:answer")),
    ]
    for response in pages:
        html = response.content.decode()
        assert "<script>alert" not in html and "<img src=x" not in html
        assert "&lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt;" in html
    export = client.get(reverse("portability:export"))
    assert export["Content-Type"].startswith("application/json") and export["X-Content-Type-Options"] == "nosniff"
    assert export["Content-Disposition"].startswith("attachment;")
    assert json.loads(export.content)["data"]["attempts"][0]["answer"] == attempt.answer
