"""Persistence of provenance: ingested documents and the mentions that link them to events.

Every function takes an open :class:`sqlalchemy.Connection` so the caller decides the transaction
(the ingest pipeline writes one document, its mentions and their events in one transaction).
Statements use bound parameters only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol

from sqlalchemy import Connection, delete, insert, select, update

from sigact.store.schema import documents, mentions


class DocumentLike(Protocol):
    """What the store needs of a document (``sigact.ingest.Document`` satisfies it)."""

    doc_key: str
    text: str
    title: str | None
    url: str | None
    published: dt.date | None
    language: str
    path: str | None

    @property
    def sha256(self) -> str: ...


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def find_document(conn: Connection, sha256: str) -> dict[str, Any] | None:
    """The stored document with this content hash (without its text), or ``None``."""
    cols = [c for c in documents.c if c.name != "text"]
    row = conn.execute(select(*cols).where(documents.c.sha256 == sha256)).mappings().first()
    return dict(row) if row else None


def insert_document(conn: Connection, doc: DocumentLike, extractor_version: str | None) -> int:
    """Store a document (identified by the SHA-256 of its text); returns its row id."""
    result = conn.execute(
        insert(documents).values(
            sha256=doc.sha256,
            doc_key=doc.doc_key,
            url=doc.url,
            title=doc.title,
            published=doc.published,
            language=doc.language,
            path=doc.path,
            text=doc.text,
            ingested_at=_now(),
            extractor_version=extractor_version,
        )
    )
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def set_extractor_version(conn: Connection, document_id: int, version: str | None) -> None:
    conn.execute(update(documents).where(documents.c.id == document_id).values(extractor_version=version))


def document_mentions(conn: Connection, document_id: int) -> dict[int, dict[str, Any]]:
    """The mentions of one document, keyed by ``mention_index``."""
    rows = conn.execute(select(mentions).where(mentions.c.document_id == document_id)).mappings()
    return {int(r["mention_index"]): dict(r) for r in rows}


def insert_mention(
    conn: Connection,
    *,
    event_id: str,
    document_id: int | None,
    mention_index: int,
    sentence: str | None,
    char_start: int | None,
    char_end: int | None,
    extracted: Mapping[str, Any] | None,
    match_score: float | None,
    match_reason: str | None,
) -> int:
    result = conn.execute(
        insert(mentions).values(
            event_id=event_id,
            document_id=document_id,
            mention_index=mention_index,
            sentence=sentence,
            char_start=char_start,
            char_end=char_end,
            extracted=dict(extracted) if extracted is not None else None,
            match_score=match_score,
            match_reason=match_reason,
            created_at=_now(),
        )
    )
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def update_mention(conn: Connection, mention_id: int, **values: Any) -> None:
    conn.execute(update(mentions).where(mentions.c.id == mention_id).values(**values))


def delete_mentions(conn: Connection, mention_ids: Iterable[int]) -> None:
    ids = list(mention_ids)
    if ids:
        conn.execute(delete(mentions).where(mentions.c.id.in_(ids)))


def event_mentions(conn: Connection, event_id: str) -> list[dict[str, Any]]:
    """Mentions of an event in the order they were linked (oldest first)."""
    stmt = select(mentions).where(mentions.c.event_id == event_id).order_by(mentions.c.id)
    return [dict(r) for r in conn.execute(stmt).mappings()]


def mentions_by_ids(conn: Connection, mention_ids: Sequence[int]) -> list[dict[str, Any]]:
    stmt = select(mentions).where(mentions.c.id.in_(list(mention_ids))).order_by(mentions.c.id)
    return [dict(r) for r in conn.execute(stmt).mappings()]


def move_mentions(conn: Connection, mention_ids: Sequence[int], event_id: str, reason: str | None) -> None:
    """Re-link mentions to another event (analyst merge/split), recording why."""
    if mention_ids:
        conn.execute(
            update(mentions)
            .where(mentions.c.id.in_(list(mention_ids)))
            .values(event_id=event_id, match_reason=reason)
        )


def event_mentions_detail(conn: Connection, event_id: str) -> list[dict[str, Any]]:
    """Mentions of an event joined with their documents (title, url, published, doc_key, sha256)."""
    stmt = (
        select(
            mentions.c.id,
            mentions.c.event_id,
            mentions.c.document_id,
            mentions.c.mention_index,
            mentions.c.sentence,
            mentions.c.char_start,
            mentions.c.char_end,
            mentions.c.match_score,
            mentions.c.match_reason,
            mentions.c.extracted,
            mentions.c.created_at,
            documents.c.doc_key,
            documents.c.title,
            documents.c.url,
            documents.c.published,
            documents.c.sha256,
            documents.c.path,
        )
        .select_from(mentions.outerjoin(documents, mentions.c.document_id == documents.c.id))
        .where(mentions.c.event_id == event_id)
        .order_by(mentions.c.id)
    )
    return [dict(r) for r in conn.execute(stmt).mappings()]
