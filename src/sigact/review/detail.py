"""Everything an analyst needs to judge one event: the event, every report of it, its audit trail."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from sigact.dedup.refresh import load_event
from sigact.model import Event
from sigact.store import Store
from sigact.store.provenance import event_mentions_detail
from sigact.store.schema import events

# What each report said, shown next to the merged value.
TOLD_FIELDS = ("event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
               "location", "geo_precision", "fatalities")


@dataclass
class EventDetail:
    event: Event
    mentions: list[dict[str, Any]] = field(default_factory=list)
    audit: list[dict[str, Any]] = field(default_factory=list)
    merged_from: list[str] = field(default_factory=list)


def event_detail(store: Store, event_id: str) -> EventDetail:
    """The event, its mentions (document title/url/published/doc_key, sentence, match score and reason,
    and what that report told) and its audit entries (newest first). ``KeyError`` if unknown."""
    with store.engine.connect() as conn:
        event = load_event(conn, event_id)
        rows = event_mentions_detail(conn, event_id)
        merged_from = [str(r[0]) for r in conn.execute(select(events.c.id).where(events.c.merged_into == event_id))]
    out: list[dict[str, Any]] = []
    for row in rows:
        told = ((row.get("extracted") or {}).get("event")) or {}
        out.append({
            "id": row["id"],
            "document_id": row["document_id"],
            "doc_key": row["doc_key"],
            "title": row["title"],
            "url": row["url"],
            "published": row["published"],
            "document_sha256": row["sha256"],
            "mention_index": row["mention_index"],
            "sentence": row["sentence"],
            "char_start": row["char_start"],
            "char_end": row["char_end"],
            "match_score": row["match_score"],
            "match_reason": row["match_reason"],
            "told": {k: told.get(k) for k in TOLD_FIELDS},
        })
    return EventDetail(event=event, mentions=out, audit=store.audit_entries(event_id, limit=500),
                       merged_from=merged_from)
