"""Creating, finding and revoking API tokens. A token is shown once; its hash is kept."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from kiemchung.api.models import ApiToken, Scope

TOKEN_PREFIX = "kc_"  # noqa: S105  (a marker, not a secret)
SHOWN_CHARS = 10


class UnknownScope(ValueError):
    """A scope name that is not one of ``Scope``."""


@dataclass(frozen=True)
class NewToken:
    token: ApiToken
    secret: str  # the only time the plain token exists


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def parse_scopes(names: Iterable[str]) -> list[str]:
    """Known scope names, in the canonical order; UnknownScope for any other."""
    wanted = {name.strip().lower() for name in names if name.strip()}
    unknown = wanted - set(Scope.values)
    if unknown:
        raise UnknownScope(", ".join(sorted(unknown)))
    return [scope for scope in Scope.values if scope in wanted]


def create_token(user: Any, name: str, scopes: Iterable[str]) -> NewToken:
    chosen = parse_scopes(scopes)
    if not chosen:
        raise UnknownScope("no scope given")
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        name=name.strip()[:100] or "API",
        prefix=secret[:SHOWN_CHARS],
        digest=digest(secret),
        scopes=chosen,
    )
    return NewToken(token, secret)


def find_token(secret: str) -> ApiToken | None:
    """The active token of an active user for this secret, or None."""
    if not secret.startswith(TOKEN_PREFIX):
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(digest=digest(secret), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is not None:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token


def tokens_of(user: Any) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user)


def revoke(token: ApiToken) -> None:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
