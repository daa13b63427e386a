"""Where pmprep keeps its data and content, read from the environment.

Shared by the Django settings and the command line. Every helper rejects a bad value with a
message naming the variable and what was expected, so a misconfiguration stops the start instead
of surfacing later as a confusing failure.
"""
from __future__ import annotations

import os
import secrets
from functools import lru_cache
from pathlib import Path

import platformdirs

from pmprep.catalog import SHIPPED, Catalog, ContentError, load_catalog


class ConfigError(Exception):
    """A setting in the environment has a value pmprep cannot use."""


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ConfigError(f"{name}={raw!r} is not a yes/no value; use 1/0, true/false, yes/no or on/off")


def env_int(name: str, default: int, minimum: int = 1) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        raise ConfigError(f"{name}={raw!r} is not a whole number") from None
    if value < minimum:
        raise ConfigError(f"{name}={raw!r} must be at least {minimum}")
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return list(default)
    return [part.strip() for part in raw.split(",") if part.strip()]


def home() -> Path:
    """The per-user data folder (``PMPREP_HOME`` overrides it); created when missing."""
    raw = os.environ.get("PMPREP_HOME", "").strip()
    path = Path(raw).expanduser() if raw else Path(platformdirs.user_data_dir("pmprep", appauthor=False))
    if path.exists() and not path.is_dir():
        raise ConfigError(f"PMPREP_HOME={str(path)!r} exists but is not a folder")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"PMPREP_HOME={str(path)!r} cannot be created ({exc.strerror})") from exc
    return path


def database_url() -> str:
    """``DATABASE_URL`` if set (sqlite:// or postgres://), else a SQLite file in the data folder."""
    raw = os.environ.get("DATABASE_URL", "").strip()
    if not raw:
        return f"sqlite:///{home() / 'pmprep.sqlite3'}"
    scheme = raw.split(":", 1)[0].lower()
    if scheme not in {"sqlite", "postgres", "postgresql", "pgsql"}:
        raise ConfigError(
            f"DATABASE_URL uses the scheme {scheme!r}; pmprep supports sqlite:///PATH and "
            "postgres://USER@HOST:PORT/NAME"
        )
    return raw


def secret_key() -> str:
    """``PMPREP_SECRET_KEY``, or a random key kept in the data folder so sessions survive restarts."""
    raw = os.environ.get("PMPREP_SECRET_KEY", "").strip()
    if raw:
        if len(raw) < 50:
            raise ConfigError("PMPREP_SECRET_KEY must be at least 50 random characters long")
        return raw
    path = home() / "secret_key"
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    key = secrets.token_urlsafe(50)
    path.write_text(key, encoding="utf-8")
    path.chmod(0o600)
    return key


def content_folder() -> Path:
    """The company folder in use: ``PMPREP_CONTENT`` or the shipped Netflix content."""
    raw = os.environ.get("PMPREP_CONTENT", "").strip()
    if not raw:
        return SHIPPED
    path = Path(raw).expanduser()
    if not path.is_dir():
        raise ConfigError(f"PMPREP_CONTENT={raw!r} is not a folder")
    return path


def overlay_folders() -> list[Path]:
    """Extra question/primer folders a coach dropped into ``$PMPREP_HOME/content/``."""
    root = home() / "content"
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))


def load_active_catalog() -> Catalog:
    """The company folder plus every overlay, validated; raises ContentError on any problem."""
    catalog = load_catalog(content_folder())
    for folder in overlay_folders():
        catalog = load_catalog(folder, base=catalog)
    return catalog


@lru_cache(maxsize=1)
def active_catalog() -> Catalog:
    """The catalog this process serves (loaded once)."""
    return load_active_catalog()


__all__ = ["ConfigError", "ContentError", "active_catalog", "content_folder", "database_url", "env_bool",
           "env_list", "home", "load_active_catalog", "overlay_folders", "secret_key", "time_zone"]


def time_zone() -> str:
    """``PMPREP_TIME_ZONE`` (an IANA name such as Europe/London); UTC by default."""
    import zoneinfo

    raw = os.environ.get("PMPREP_TIME_ZONE", "").strip() or "UTC"
    try:
        zoneinfo.ZoneInfo(raw)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigError(f"PMPREP_TIME_ZONE={raw!r} is not a known time zone (e.g. Europe/London)") from exc
    return raw
