"""Recompute an event's automatic fields from the reports linked to it (its mentions).

Used by ingest (a new report joins an event; a new extractor version re-tells a document) and by
review (merge/split move reports between events). Fields in ``manual_fields`` are never changed:
the update goes through :meth:`Store.update_event` with ``manual=False``, which skips them and writes
an audit entry when anything changed.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from sigact.dedup.merging import Report, fold
from sigact.model import Event
from sigact.store import Store
from sigact.store.provenance import event_mentions
from sigact.store.repository import row_to_event
from sigact.store.schema import events


def extracted_payload(report: Report) -> dict[str, Any]:
    """What a mention row stores in ``extracted``: the event as the report told it, and its extras."""
    return {
        "event": report.event.model_dump(mode="json"),
        "extras": report.extras,
        "doc_key": report.doc_key,
        "document": report.document,
    }


def report_from_row(row: dict[str, Any]) -> Report | None:
    """The :class:`Report` a mention row stores (``None`` for rows without an extracted event)."""
    data = row.get("extracted") or {}
    if "event" not in data:
        return None
    return Report(
        event=Event.model_validate(data["event"]),
        sentence=row.get("sentence"),
        doc_key=data.get("doc_key"),
        document=data.get("document"),
        extras=dict(data.get("extras") or {}),
    )


def load_event(conn: Connection, event_id: str) -> Event:
    row = conn.execute(select(events).where(events.c.id == event_id)).mappings().first()
    if row is None:
        raise KeyError(f"no event with id {event_id!r}")
    return row_to_event(dict(row))


def refresh_event(store: Store, conn: Connection, event_id: str, *, who: str = "sigact",
                  action: str = "auto-update") -> Event:
    """Re-merge the event's fields from its mentions (automatic fields only); returns the event."""
    base = load_event(conn, event_id)
    reports = [r for r in (report_from_row(m) for m in event_mentions(conn, event_id)) if r is not None]
    if not reports:
        if "source_count" in base.source_fields:  # its last report moved away (split)
            fields = {k: v for k, v in base.source_fields.items() if k not in ("source_count", "source_documents")}
            return store.update_event(conn, event_id, {"source_fields": fields}, who=who, action=action,
                                      manual=False)
        return base
    changes = fold(reports, base)
    return store.update_event(conn, event_id, changes, who=who, action=action, manual=False)
