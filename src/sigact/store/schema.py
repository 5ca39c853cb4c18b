"""The database schema. The ``events`` table is generated from :class:`sigact.model.Event`.

Tables:

- ``documents``: each ingested report, identified by the SHA-256 of its text.
- ``events``: one row per event (ACLED's columns + provenance/review fields).
- ``mentions``: which document and sentence said what about which event.
- ``actors``: the actor registry (canonical name, type, parent, aliases).
- ``audit_log``: every change made to an event: who, when, before, after.
- ``imports``: each imported file (its hash and counts), so a re-import is recognised.
- ``api_tokens``: hashed tokens for the REST API's write operations.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.types import TypeEngine

from sigact.model import event_fields

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_name)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

_TEXT_FIELDS = {"notes", "evidence", "source"}


def _sql_type(name: str, annotation: Any) -> TypeEngine[Any]:
    """Map a pydantic annotation (``int | None``, ``dict[str, Any]``...) to a column type."""
    args = typing.get_args(annotation)
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        annotation = next(a for a in args if a is not type(None))
    origin = typing.get_origin(annotation) or annotation
    if origin in (dict, list):
        return JSON()
    if annotation is dt.date:
        return Date()
    if annotation is int:
        return Integer()
    if annotation is float:
        return Float()
    if name in _TEXT_FIELDS:
        return Text()
    return String()


def _event_columns() -> list[Column[Any]]:
    cols: list[Column[Any]] = []
    for name, info in event_fields().items():
        nullable = not info.is_required() and info.default is None
        cols.append(
            Column(name, _sql_type(name, info.annotation), primary_key=(name == "id"), nullable=nullable)
        )
    cols.append(Column("created_at", DateTime(timezone=True), nullable=False))
    cols.append(Column("updated_at", DateTime(timezone=True), nullable=False))
    return cols


# Columns after the leading (place, date) pair of the two covering indexes analytics relies on
# (migration 0002): "events in <country or admin1> between two dates, grouped by ..." is answered
# from the index alone, without reading the wide rows.
_COVERED = (
    "admin2", "event_type", "sub_event_type", "inter1", "inter2", "fatalities", "status", "merged_into",
    "actor1", "actor2", "assoc_actor_1", "assoc_actor_2", "civilian_targeting", "disorder_type",
)  # fmt: skip

events = Table(
    "events",
    metadata,
    *_event_columns(),
    Index("ix_events_event_date", "event_date"),
    Index("ix_events_cover_country_date", "country", "event_date", "admin1", *_COVERED),
    Index("ix_events_cover_admin1_date", "admin1", "event_date", "country", *_COVERED),
    Index("ix_events_event_type", "event_type"),
    Index("ix_events_actor1", "actor1"),
    Index("ix_events_actor2", "actor2"),
    Index("ix_events_status", "status"),
)

documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("doc_key", String, nullable=True, doc="Record id or file name the user gave."),
    Column("url", String, nullable=True),
    Column("title", String, nullable=True),
    Column("published", Date, nullable=True),
    Column("language", String(8), nullable=True),
    Column("path", String, nullable=True),
    Column("text", Text, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("extractor_version", String, nullable=True),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String, ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=True),
    Column("mention_index", Integer, nullable=False, default=0),
    Column("sentence", Text, nullable=True),
    Column("char_start", Integer, nullable=True),
    Column("char_end", Integer, nullable=True),
    Column("extracted", JSON, nullable=True, doc="The event as this mention told it."),
    Column("match_score", Float, nullable=True),
    Column("match_reason", Text, nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("document_id", "mention_index", name="uq_mentions_document_index"),
    Index("ix_mentions_event_id", "event_id"),
)

actors = Table(
    "actors",
    metadata,
    Column("name", String, primary_key=True),
    Column("inter", Integer, nullable=True),
    Column("country", String, nullable=True),
    Column("parent", String, nullable=True),
    Column("aliases", JSON, nullable=False, default=list),
    Column("origin", String, nullable=False, default="registry"),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("who", String, nullable=False),
    Column("action", String, nullable=False),
    Column("event_id", String, nullable=True),
    Column("before", JSON, nullable=True),
    Column("after", JSON, nullable=True),
    Column("comment", Text, nullable=True),
    Index("ix_audit_log_event_id", "event_id"),
)

imports = Table(
    "imports",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String, nullable=False),
    Column("path", String, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("rows", Integer, nullable=False),
    Column("inserted", Integer, nullable=False),
    Column("updated", Integer, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)

api_tokens = Table(
    "api_tokens",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String, nullable=False),
    Column("role", String, nullable=False),
    Column("token_hash", String(128), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True), nullable=True),
    Column("last_used_at", DateTime(timezone=True), nullable=True),
)

EVENT_COLUMNS: tuple[str, ...] = tuple(c.name for c in events.columns)
