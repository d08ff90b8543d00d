"""API keys: configured hashed (sha256), two roles (``screen`` and ``admin``), checked per route.

Keys come from ``CLEARANCE_API_KEYS`` (``name:role:sha256hex`` entries, comma-separated) and/or
the YAML/JSON file named by ``CLEARANCE_API_KEYS_FILE``::

    keys:
      - {name: shop-frontend, role: screen, sha256: 9f86d081884c7d65...}
      - {name: ops, role: admin, sha256: 60303ae22b998861...}

Only hashes are stored; a presented key is hashed and compared with every configured hash using
:func:`hmac.compare_digest`. The ``admin`` role may do everything ``screen`` may. A request shows
its key as ``Authorization: Bearer <key>`` or ``X-API-Key: <key>``.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import yaml
from fastapi import Request, Security
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer

from clearance.api.problems import Problem
from clearance.engine.errors import ConfigError

ROLES = ("screen", "admin")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_NAME = re.compile(r"^[A-Za-z0-9_.@-]{1,100}$")


class KeyConfigError(ConfigError):
    """The key configuration cannot be used; the message says where and why."""


@dataclass(frozen=True)
class Caller:
    """Who is calling: the configured key's name and role."""

    name: str
    role: str

    def can(self, role: str) -> bool:
        """True when this caller holds ``role`` (admin holds every role)."""
        return self.role == "admin" or self.role == role


@dataclass(frozen=True)
class ApiKey:
    """One configured key: its name, role and sha256 digest."""

    name: str
    role: str
    digest: bytes


def hash_key(key: str) -> str:
    """The sha256 hex digest under which ``key`` is configured."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def new_key() -> str:
    """A fresh random API key (256 bits of randomness)."""
    return "clr_" + secrets.token_urlsafe(32)


def _entry(name: object, role: object, sha: object, where: str) -> ApiKey:
    if not isinstance(name, str) or not _NAME.match(name):
        raise KeyConfigError(f"{where}: key name {name!r} must be 1-100 letters, digits or _.@-")
    if role not in ROLES:
        raise KeyConfigError(f"{where}: role {role!r} of key {name!r} must be screen or admin")
    if not isinstance(sha, str) or not _HEX64.match(sha.lower()):
        raise KeyConfigError(
            f"{where}: key {name!r} needs 'sha256' as 64 hex digits "
            "(the sha256 of the key, never the key itself)"
        )
    return ApiKey(name=name, role=str(role), digest=bytes.fromhex(sha.lower()))


def parse_inline(text: str) -> list[ApiKey]:
    """Parse ``name:role:sha256hex`` entries separated by commas (CLEARANCE_API_KEYS)."""
    keys = []
    for i, raw in enumerate(p.strip() for p in text.split(",")):
        if not raw:
            continue
        parts = raw.split(":")
        if len(parts) != 3:
            raise KeyConfigError(f"CLEARANCE_API_KEYS entry {i + 1}: expected name:role:sha256hex")
        keys.append(_entry(parts[0], parts[1], parts[2], f"CLEARANCE_API_KEYS entry {i + 1}"))
    return keys


def load_key_file(path: Path) -> list[ApiKey]:
    """Read a YAML or JSON key file: ``{"keys": [{"name", "role", "sha256"}, ...]}``."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise KeyConfigError(f"{path}: cannot read key file: {exc}") from None
    entries = data.get("keys") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise KeyConfigError(f"{path}: expected a 'keys' list")
    keys = []
    for i, item in enumerate(entries):
        if not isinstance(item, dict):
            raise KeyConfigError(f"{path}: keys[{i}] must be a mapping with name, role, sha256")
        keys.append(
            _entry(item.get("name"), item.get("role"), item.get("sha256"), f"{path}: keys[{i}]")
        )
    return keys


class KeyRing:
    """The configured keys; identifies callers by their presented key."""

    def __init__(self, keys: list[ApiKey]) -> None:
        names = [k.name for k in keys]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise KeyConfigError(f"key name(s) configured twice: {', '.join(dupes)}")
        self._keys = tuple(keys)

    @classmethod
    def from_config(cls, inline: str | None, file: Path | None) -> KeyRing:
        """Keys from the inline variable and the key file together.

        A source that is configured must hold at least one key: an empty keys file (or
        ``keys: []``), or an inline value with no entry, is a KeyConfigError, never a reason
        to serve without keys. An empty ring comes back only when neither source is given.
        """
        keys: list[ApiKey] = []
        if inline is not None and inline.strip():
            keys = parse_inline(inline)
            if not keys:
                raise KeyConfigError(
                    "CLEARANCE_API_KEYS is set but holds no key; give name:role:sha256hex "
                    "entries, or unset it"
                )
        if file is not None:
            from_file = load_key_file(file)
            if not from_file:
                raise KeyConfigError(
                    f"{file}: the keys file holds no key; add at least one "
                    "{name, role, sha256} entry under 'keys' (`clearance serve --new-key "
                    "screen` makes one). A development key is only made when no key "
                    "configuration is given at all"
                )
            keys.extend(from_file)
        return cls(keys)

    def __len__(self) -> int:
        return len(self._keys)

    def identify(self, presented: str) -> Caller | None:
        """The caller whose key hashes to the presented key's hash, or None."""
        digest = hashlib.sha256(presented.encode("utf-8", "surrogatepass")).digest()
        found: ApiKey | None = None
        for key in self._keys:  # compare with every key: the time does not depend on which
            if hmac.compare_digest(digest, key.digest):
                found = key
        return Caller(found.name, found.role) if found else None


_api_key_header = APIKeyHeader(
    name="X-API-Key",
    auto_error=False,
    scheme_name="ApiKeyHeader",
    description="An API key (role screen or admin).",
)
_bearer = HTTPBearer(
    auto_error=False, scheme_name="BearerKey", description="The same API key as a bearer token."
)


def require(role: str) -> Callable[..., Awaitable[Caller]]:
    """A FastAPI dependency that admits callers holding ``role`` (401 / 403 otherwise)."""

    async def dependency(
        request: Request,
        header_key: Annotated[str | None, Security(_api_key_header)],
        bearer: Annotated[HTTPAuthorizationCredentials | None, Security(_bearer)],
    ) -> Caller:
        presented = header_key or (bearer.credentials if bearer else None)
        challenge = {"WWW-Authenticate": 'Bearer realm="clearance"'}
        if not presented:
            raise Problem(
                401,
                "unauthorized",
                "Send an API key as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'.",
                headers=challenge,
            )
        keyring: KeyRing = request.app.state.keyring
        caller = keyring.identify(presented)
        if caller is None:
            raise Problem(401, "unauthorized", "The API key is not valid.", headers=challenge)
        if not caller.can(role):
            raise Problem(
                403,
                "forbidden",
                f"The key {caller.name!r} has role {caller.role!r}; this needs {role!r}.",
            )
        return caller

    return dependency


require_screen = require("screen")
require_admin = require("admin")
