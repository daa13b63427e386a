"""Django settings for pmprep. Everything configurable comes from the environment via pmprep.config."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

from pmprep import config

BASE_DIR = Path(__file__).resolve().parent
PMPREP_HOME = config.home()

SECRET_KEY = config.secret_key()
DEBUG = config.env_bool("PMPREP_DEBUG", False)
ALLOWED_HOSTS = config.env_list("PMPREP_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
# The address others reach pmprep at: peer links and the calendar feed are built on it (pmprep.web.links), and
# pmprep answers to its host, since that is where those links send people.
PMPREP_PUBLIC_URL = config.public_url()
if (public_host := config.public_host(PMPREP_PUBLIC_URL)) and public_host not in ALLOWED_HOSTS:
    ALLOWED_HOSTS.append(public_host)

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "django_ratelimit",
    "pmprep.web.accounts",
    "pmprep.web.bank",
    "pmprep.web.practice",
    "pmprep.web.loops",
    "pmprep.web.stories",
    "pmprep.web.cases",
    "pmprep.web.outreach",
    "pmprep.web.progress",
    "pmprep.web.plans",
    "pmprep.web.speech",
    "pmprep.web.debrief",
    "pmprep.web.interview_week",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "pmprep.web.companies.CompanyMiddleware",
    "pmprep.web.privacy.PrivatePagesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its lockout response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "pmprep.web.urls"
WSGI_APPLICATION = "pmprep.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "pmprep.web.bank.context.catalog_nav",
                "pmprep.web.navigation.navigation",
                "pmprep.web.data_version.data_key",
            ],
        },
    },
]

DATABASES = {"default": dj_database_url.parse(config.database_url(), conn_max_age=60, conn_health_checks=True)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    if DATABASES["default"]["NAME"] not in ("", ":memory:"):
        # The database (and the -wal/-shm files SQLite makes with its mode) is its owner's alone.
        for suffix in ("", "-wal", "-shm"):
            name = Path(DATABASES["default"]["NAME"] + suffix)
            if suffix == "" or name.exists():
                config.private_file(name)
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers and one writer work at once; the timeout waits out short write locks.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    # django-axes counts failed logins and refuses more after AXES_FAILURE_LIMIT (HTTP 429).
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = config.env_int("PMPREP_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=15)
# Lock a username only from the address that failed, so nobody can lock a study-group member out.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False
# django-axes and the rate limits below read the client's address from REMOTE_ADDR (axes falls back to
# it without django-ipware; django-ratelimit's "ip" key is REMOTE_ADDR). `pmprep serve` has waitress
# rewrite REMOTE_ADDR from the forwarded headers of PMPREP_TRUSTED_PROXY, and of nobody else.
TRUSTED_PROXY = config.trusted_proxy()

# Per-address limits on what needs no account (pmprep.web.throttling); None when set to "off".
PMPREP_API_RATE = config.env_rate("PMPREP_API_RATE", "30/m")
PMPREP_SIGNUP_RATE = config.env_rate("PMPREP_SIGNUP_RATE", "10/h")
# The JSON APIs' analyses run in worker processes (see pmprep.web.text_workers); 0 runs them inline.
PMPREP_TEXT_WORKERS = config.env_int("PMPREP_TEXT_WORKERS", 1, minimum=0)
PMPREP_TEXT_TIMEOUT = config.env_int("PMPREP_TEXT_TIMEOUT", 10)
# Spoken practice (pmprep.web.speech): each user's recordings may take this much space in the database,
# and hearing one recording may take this many seconds (in a worker of its own) before it is stopped.
PMPREP_RECORDING_LIMIT_MB = config.env_int("PMPREP_RECORDING_LIMIT_MB", 200)
PMPREP_SPEECH_TIMEOUT = config.env_int("PMPREP_SPEECH_TIMEOUT", 300)
# Pages keep what they work out from a user's data here (pmprep.web.data_version): about thirty entries a
# user; past the limit a third of them are dropped and worked out again when next asked for.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pmprep",
        "OPTIONS": {"MAX_ENTRIES": 1000},
    }
}
# django-ratelimit wants memcached or Redis so that several processes share one count. `pmprep serve`
# is one process with threads, which all share this in-memory cache, and its increments hold a lock.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]

SESSION_COOKIE_AGE = 14 * 24 * 3600
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Every asset is served by pmprep itself, so the policy allows nothing from anywhere else
# and no inline script or style at all.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "connect-src": [SELF],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    },
}

# Behind an HTTPS proxy (a shared server): secure cookies, HSTS and redirects to https.
# `manage.py check --deploy` is clean with PMPREP_HTTPS=1 (a test holds it).
HTTPS = config.env_bool("PMPREP_HTTPS", False)
if HTTPS:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = 31_536_000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    # No SECURE_PROXY_SSL_HEADER: waitress sets wsgi.url_scheme from PMPREP_TRUSTED_PROXY's
    # X-Forwarded-Proto and drops the header from anyone else, so Django believes no client's header.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = config.time_zone()
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = None  # nothing is collected: assets are served from the package (below)
STATICFILES_DIRS = [BASE_DIR / "static"]
# Assets ship inside the package and are served straight from it: no collectstatic step to run.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
