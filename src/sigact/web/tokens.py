"""API tokens: created once (shown to the user a single time), stored only as a SHA-256 hash.

Roles: ``analyst`` may read and write (review operations); ``viewer`` may only read.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import insert, select, update

from sigact.store import Store
from sigact.store.schema import api_tokens

ROLES = ("analyst", "viewer")
PREFIX = "sgt_"


@dataclass(frozen=True)
class TokenInfo:
    """A stored token (never the token itself)."""

    id: int
    name: str
    role: str
    created_at: dt.datetime
    revoked_at: dt.datetime | None
    last_used_at: dt.datetime | None

    @property
    def active(self) -> bool:
        return self.revoked_at is None


def hash_token(token: str) -> str:
    """The hex SHA-256 of a token: what the database keeps."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def create_token(store: Store, role: str, name: str | None = None) -> tuple[str, TokenInfo]:
    """Make a new token with ``role``; returns the token (to show once) and its stored record."""
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    token = PREFIX + secrets.token_urlsafe(32)
    stamp = _now()
    with store.transaction() as conn:
        result = conn.execute(
            insert(api_tokens).values(
                name=name or f"{role}-{stamp:%Y%m%d%H%M%S}", role=role, token_hash=hash_token(token),
                created_at=stamp,
            )
        )
        token_id = int(result.inserted_primary_key[0])  # type: ignore[index]
    info = next(t for t in list_tokens(store) if t.id == token_id)
    return token, info


def list_tokens(store: Store) -> list[TokenInfo]:
    with store.engine.connect() as conn:
        rows = conn.execute(select(api_tokens).order_by(api_tokens.c.id)).mappings().all()
    return [
        TokenInfo(r["id"], r["name"], r["role"], r["created_at"], r["revoked_at"], r["last_used_at"])
        for r in rows
    ]


def revoke_token(store: Store, ident: str) -> int:
    """Revoke the token(s) with id or name ``ident``; returns how many were revoked."""
    cond = api_tokens.c.name == ident
    if ident.isdigit():
        cond = cond | (api_tokens.c.id == int(ident))
    with store.transaction() as conn:
        result = conn.execute(
            update(api_tokens).where(cond, api_tokens.c.revoked_at.is_(None)).values(revoked_at=_now())
        )
    return max(result.rowcount or 0, 0)


def check_token(store: Store, token: str) -> TokenInfo | None:
    """The active token matching ``token`` (and note its use), or None."""
    digest = hash_token(token)
    with store.transaction() as conn:
        row = conn.execute(
            select(api_tokens).where(api_tokens.c.token_hash == digest, api_tokens.c.revoked_at.is_(None))
        ).mappings().first()
        if row is None:
            return None
        stamp = _now()
        conn.execute(update(api_tokens).where(api_tokens.c.id == row["id"]).values(last_used_at=stamp))
    return TokenInfo(row["id"], row["name"], row["role"], row["created_at"], None, stamp)
