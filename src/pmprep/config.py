"""Where pmprep keeps its data and content, read from the environment.

Shared by the Django settings and the command line. Every helper rejects a bad value with a
message naming the variable and what was expected, so a misconfiguration stops the start instead
of surfacing later as a confusing failure.
"""

from __future__ import annotations

import ipaddress
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import platformdirs

from pmprep.bank import SHIPPED, Catalog, ContentError, load_catalog
from pmprep.bounded_regex import bounded


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
        # Only its owner may look inside a folder pmprep makes (an existing one is left as it is).
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"PMPREP_HOME={str(path)!r} cannot be created ({exc.strerror})") from exc
    return path


PRIVATE_FILE = 0o600


def private_file(path: Path) -> Path:
    """Make ``path`` readable and writable by its owner only, creating it empty when missing.

    Used for the SQLite database (SQLite gives its -wal and -shm files the database's own mode),
    backups and exports: a user's answers are nobody else's on a shared machine.
    """
    try:
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, PRIVATE_FILE))
        path.chmod(PRIVATE_FILE)
    except OSError as exc:
        raise ConfigError(f"{path} cannot be made private to you ({exc.strerror})") from exc
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


_HOST_NAME = bounded(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}))*\.?")


def public_url() -> str | None:
    """``PMPREP_PUBLIC_URL``: the address others reach pmprep at (``http://192.168.1.20:8000``), which peer
    links and the calendar feed are built on; None when unset (links then use the host the browser used).

    Returned as ``scheme://host[:port]`` with no trailing slash. Every problem with the value is named at once.
    """
    raw = os.environ.get("PMPREP_PUBLIC_URL", "").strip()
    if not raw:
        return None
    parts = urlsplit(raw)
    host = parts.hostname or ""
    port: int | None = None
    problems = []
    if parts.scheme.lower() not in ("http", "https") or not raw.lower().startswith(f"{parts.scheme.lower()}://"):
        problems.append("it must start with http:// or https://")
    else:
        if not host:
            problems.append("it names no host")
        elif not _valid_host(host):
            problems.append(f"{host!r} is not a host name or IP address")
        try:
            port = parts.port
        except ValueError:
            problems.append("its port is not a number from 1 to 65535")
        if port == 0:
            problems.append("its port is not a number from 1 to 65535")
        if parts.username is not None or parts.password is not None:
            problems.append("it has a user name or password in it")
        if parts.path not in ("", "/"):
            problems.append(f"it has a path ({parts.path}), but pmprep is served at the root of its address")
        if "?" in raw:
            problems.append("it has a query (?…)")
        if "#" in raw:
            problems.append("it has a fragment (#…)")
    if problems:
        raise ConfigError(
            f"PMPREP_PUBLIC_URL={raw!r} cannot be used to build links: {'; '.join(problems)}. "
            "Give the address others open pmprep at, as http(s)://HOST[:PORT] with nothing after it, "
            "e.g. http://192.168.1.20:8000"
        )
    shown = f"[{host}]" if ":" in host else host.lower()
    return f"{parts.scheme.lower()}://{shown}{f':{port}' if port else ''}"


def public_host(url: str | None) -> str | None:
    """The host of a :func:`public_url` as ALLOWED_HOSTS spells it (an IPv6 address in brackets)."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return f"[{host}]" if ":" in host else host


def _valid_host(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        return len(host) <= 253 and _HOST_NAME.fullmatch(host) is not None


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


DEFAULT_COMPANY = SHIPPED.name  # "netflix"
# The company a request or command is served as (the user's choice in their profile); unset: the default.
_COMPANY: ContextVar[str | None] = ContextVar("pmprep_company", default=None)


def _custom_folder() -> Path | None:
    raw = os.environ.get("PMPREP_CONTENT", "").strip()
    if not raw:
        return None
    path = Path(raw).expanduser()
    if not path.is_dir():
        raise ConfigError(f"PMPREP_CONTENT={raw!r} is not a folder")
    return path


def companies() -> dict[str, Path]:
    """The company folders this pmprep serves, by id: every shipped one (``content/<id>/company.yaml``),
    and ``PMPREP_CONTENT``'s folder under its own name (in place of a shipped one of that name)."""
    return dict(_companies(os.environ.get("PMPREP_CONTENT", "").strip()))


@lru_cache(maxsize=4)
def _companies(custom_setting: str) -> tuple[tuple[str, Path], ...]:
    found = {p.name: p for p in sorted(SHIPPED.parent.iterdir()) if (p / "company.yaml").is_file()}
    custom = _custom_folder()
    if custom is not None:
        found[custom.name] = custom
    return tuple(found.items())


def default_company() -> str:
    """``PMPREP_COMPANY``; else ``PMPREP_CONTENT``'s folder; else the shipped Netflix content."""
    raw = os.environ.get("PMPREP_COMPANY", "").strip()
    known = companies()
    if raw:
        if raw not in known:
            raise ConfigError(f"PMPREP_COMPANY={raw!r} is not a company folder; expected one of {', '.join(known)}")
        return raw
    custom = _custom_folder()
    return custom.name if custom is not None else DEFAULT_COMPANY


def company() -> str:
    """The company served now: the one chosen for this request or command, else the default."""
    chosen = _COMPANY.get()
    return chosen if chosen is not None and chosen in companies() else default_company()


@contextmanager
def using_company(company_id: str | None) -> Iterator[None]:
    """Serve ``company_id`` (a key of :func:`companies`; None or "" for the default) inside the block."""
    if company_id and company_id not in companies():
        raise ConfigError(f"{company_id!r} is not a company folder; expected one of {', '.join(companies())}")
    token = _COMPANY.set(company_id or None)
    try:
        yield
    finally:
        _COMPANY.reset(token)


def content_folder() -> Path:
    """The company folder in use: the chosen company's, ``PMPREP_CONTENT``, or the shipped Netflix content."""
    return _folder(_COMPANY.get(), os.environ.get("PMPREP_CONTENT", ""), os.environ.get("PMPREP_COMPANY", ""))


def company_file(name: str) -> Path:
    """The company folder's ``name`` (a file pmprep's rules read: rubrics, cues…), or the shipped one when the
    folder has none."""
    return _company_file(content_folder(), name)


@lru_cache(maxsize=64)
def _company_file(folder: Path, name: str) -> Path:
    own = folder / name
    return own if own.is_file() else SHIPPED / name


@lru_cache(maxsize=32)
def _folder(chosen: str | None, custom_setting: str, company_setting: str) -> Path:
    # Asked for on every analysis: worked out once for each choice and setting.
    return companies()[company()]


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


def active_catalog() -> Catalog:
    """The catalog served now: the current company's folder and every overlay (each loaded once)."""
    return _catalog_of(content_folder())


@lru_cache(maxsize=8)
def _catalog_of(folder: Path) -> Catalog:
    catalog = load_catalog(folder)
    for overlay in overlay_folders():
        catalog = load_catalog(overlay, base=catalog)
    return catalog


__all__ = [
    "DEFAULT_COMPANY",
    "ConfigError",
    "ContentError",
    "TrustedProxy",
    "active_catalog",
    "companies",
    "company",
    "company_file",
    "content_folder",
    "database_url",
    "default_company",
    "env_bool",
    "env_list",
    "env_rate",
    "home",
    "load_active_catalog",
    "overlay_folders",
    "public_url",
    "secret_key",
    "time_zone",
    "trusted_proxy",
    "using_company",
]


def time_zone() -> str:
    """``PMPREP_TIME_ZONE`` (an IANA name such as Europe/London); UTC by default."""
    import zoneinfo

    raw = os.environ.get("PMPREP_TIME_ZONE", "").strip() or "UTC"
    try:
        zoneinfo.ZoneInfo(raw)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigError(f"PMPREP_TIME_ZONE={raw!r} is not a known time zone (e.g. Europe/London)") from exc
    return raw


RATE = bounded(r"(?P<count>\d+)/(?P<multiple>\d*)(?P<unit>[smhd])")


def env_rate(name: str, default: str) -> str | None:
    """A request rate such as ``30/m`` (30 a minute; ``10/5m`` is 10 per 5 minutes), or None for ``off``."""
    raw = os.environ.get(name)
    value = (raw or "").strip().lower() or default
    if value == "off":
        return None
    found = RATE.fullmatch(value)
    if not found or int(found["count"]) < 1 or (found["multiple"] and int(found["multiple"]) < 1):
        raise ConfigError(
            f"{name}={raw!r} is not a rate; use a count per period such as 30/m (s, m, h or d), "
            "10/5m for 10 per 5 minutes, or off"
        )
    return value


PROXY_HEADERS = (
    "forwarded",
    "x-forwarded-by",
    "x-forwarded-for",
    "x-forwarded-host",
    "x-forwarded-port",
    "x-forwarded-proto",
)


@dataclass(frozen=True)
class TrustedProxy:
    """The reverse proxy whose forwarded headers pmprep believes (waitress applies them; nobody else's)."""

    address: str  # one IP address, or "*" for any peer (only when nothing but the proxy can reach pmprep)
    headers: frozenset[str]
    count: int = 1  # proxies in the chain, waitress's trusted_proxy_count

    @property
    def forwards_scheme(self) -> bool:
        return bool({"forwarded", "x-forwarded-proto"} & self.headers)


def trusted_proxy() -> TrustedProxy | None:
    """``PMPREP_TRUSTED_PROXY`` (with ``_HEADERS`` and ``_COUNT``), or None when pmprep is not behind a proxy."""
    raw = os.environ.get("PMPREP_TRUSTED_PROXY", "").strip()
    if not raw:
        for name in ("PMPREP_TRUSTED_PROXY_HEADERS", "PMPREP_TRUSTED_PROXY_COUNT"):
            if os.environ.get(name, "").strip():
                raise ConfigError(f"{name} has no meaning without PMPREP_TRUSTED_PROXY (the proxy's address)")
        return None
    address = raw
    if raw != "*":
        try:
            address = str(ipaddress.ip_address(raw.removeprefix("[").removesuffix("]")))
        except ValueError:
            raise ConfigError(
                f"PMPREP_TRUSTED_PROXY={raw!r} is not an IP address; give the one address the proxy connects "
                "from (such as 127.0.0.1), or * when nothing but the proxy can reach pmprep"
            ) from None
    headers = frozenset(
        h.lower() for h in env_list("PMPREP_TRUSTED_PROXY_HEADERS", ["x-forwarded-for", "x-forwarded-proto"])
    )
    unknown = sorted(headers - set(PROXY_HEADERS))
    if unknown or not headers:
        raise ConfigError(
            f"PMPREP_TRUSTED_PROXY_HEADERS={os.environ.get('PMPREP_TRUSTED_PROXY_HEADERS')!r} "
            f"names {', '.join(unknown) or 'no header'}; use some of {', '.join(PROXY_HEADERS)}"
        )
    if "forwarded" in headers and len(headers) > 1:
        raise ConfigError(
            "PMPREP_TRUSTED_PROXY_HEADERS can trust either forwarded or the x-forwarded-* headers, not both"
        )
    return TrustedProxy(address, headers, env_int("PMPREP_TRUSTED_PROXY_COUNT", 1))
