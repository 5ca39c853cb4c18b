"""A thin adapter between the web API and ``sigact.review`` (owned by the DEDUP engineer).

When ``sigact.review`` is installed its functions are used as they are. Until then a minimal
fallback built on ``Store.update_event`` (validated and audited) keeps accept/reject/edit/merge
working; split needs mentions re-linking and answers 501 without ``sigact.review``.

Every function returns plain JSON-safe data for the API.
"""

from __future__ import annotations

import importlib
from dataclasses import fields, is_dataclass
from types import ModuleType
from typing import Any

from sqlalchemy import select

from sigact.model import Event
from sigact.store import Store
from sigact.store.repository import event_json
from sigact.store.schema import documents, events, mentions


class NotAvailable(RuntimeError):
    """The operation needs ``sigact.review``, which is not installed yet."""


def _review() -> ModuleType | None:
    try:
        module = importlib.import_module("sigact.review")
    except ImportError:
        return None
    return module if hasattr(module, "accept") else None


def _jsonable(value: Any) -> Any:
    if isinstance(value, Event):
        return event_json(value)
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _jsonable(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


# -- writes ------------------------------------------------------------------------------------
def _set(store: Store, event_id: str, changes: dict[str, Any], who: str, action: str,
         comment: str | None, manual: bool = True) -> Event:
    with store.transaction() as conn:
        return store.update_event(conn, event_id, changes, who=who, action=action, manual=manual,
                                  comment=comment)


def accept(store: Store, event_id: str, who: str, comment: str | None = None) -> dict[str, Any]:
    mod = _review()
    if mod is not None:
        return event_json(mod.accept(store, event_id, who, comment=comment))
    return event_json(_set(store, event_id, {"status": "reviewed"}, who, "accept", comment))


def reject(store: Store, event_id: str, who: str, comment: str | None = None) -> dict[str, Any]:
    mod = _review()
    if mod is not None:
        return event_json(mod.reject(store, event_id, who, comment=comment))
    return event_json(_set(store, event_id, {"status": "rejected"}, who, "reject", comment))


PROTECTED = {"id", "origin", "merged_into", "manual_fields", "source_fields"}


def edit(store: Store, event_id: str, changes: dict[str, Any], who: str,
         comment: str | None = None) -> dict[str, Any]:
    bad = set(changes) & PROTECTED
    if bad:
        raise ValueError(f"these fields cannot be edited: {', '.join(sorted(bad))}")
    mod = _review()
    if mod is not None:
        return event_json(mod.edit(store, event_id, changes, who, comment=comment))
    return event_json(_set(store, event_id, changes, who, "edit", comment))


def merge(store: Store, keep_id: str, other_ids: list[str], who: str,
          comment: str | None = None) -> dict[str, Any]:
    if not other_ids or keep_id in other_ids:
        raise ValueError("merge needs other event ids, different from the one kept")
    mod = _review()
    if mod is not None:
        return event_json(mod.merge(store, keep_id, other_ids, who, comment=comment))
    with store.transaction() as conn:
        if conn.execute(select(events.c.id).where(events.c.id == keep_id)).first() is None:
            raise KeyError(f"no event with id {keep_id!r}")
        for other in other_ids:
            store.update_event(conn, other, {"merged_into": keep_id, "status": "rejected"}, who=who,
                               action="merge", manual=False, comment=comment)
            conn.execute(mentions.update().where(mentions.c.event_id == other).values(event_id=keep_id))
        kept = store.update_event(conn, keep_id, {"status": "reviewed"}, who=who, action="merge",
                                  comment=comment)
    return event_json(kept)


def split(store: Store, event_id: str, mention_ids: list[int], who: str,
          comment: str | None = None) -> dict[str, Any]:
    if not mention_ids:
        raise ValueError("split needs the ids of the mentions that form the new event")
    mod = _review()
    if mod is None:
        raise NotAvailable("split needs sigact.review (not installed yet)")
    return event_json(mod.split(store, event_id, mention_ids, who, comment=comment))


# -- reads -------------------------------------------------------------------------------------
def queue(store: Store, limit: int = 100) -> list[dict[str, Any]]:
    """Events waiting for review, with the reasons they are in the queue."""
    mod = _review()
    if mod is not None and hasattr(mod, "queue"):
        return [{"event": event_json(item.event), "reasons": list(item.reasons)}
                for item in mod.queue(store, limit=limit)]
    stmt = (
        select(events)
        .where(events.c.status == "automatic", events.c.origin == "extracted", events.c.merged_into.is_(None))
        .order_by(events.c.confidence.is_(None), events.c.confidence, events.c.event_date.desc())
        .limit(limit)
    )
    from sigact.store.repository import row_to_event

    with store.engine.connect() as conn:
        rows = conn.execute(stmt).mappings().all()
    out = []
    for row in rows:
        ev = row_to_event(dict(row))
        reasons = ["automatic extraction, not reviewed"]
        if ev.confidence is not None and ev.confidence < 0.5:
            reasons.append(f"low confidence ({ev.confidence:.2f})")
        out.append({"event": event_json(ev), "reasons": reasons})
    return out


def _mentions(store: Store, event_id: str) -> list[dict[str, Any]]:
    stmt = (
        select(mentions.c.id, mentions.c.sentence, mentions.c.match_score, mentions.c.match_reason,
               mentions.c.mention_index, documents.c.title, documents.c.url, documents.c.published,
               documents.c.doc_key, documents.c.sha256)
        .select_from(mentions.outerjoin(documents, documents.c.id == mentions.c.document_id))
        .where(mentions.c.event_id == event_id)
        .order_by(mentions.c.id)
    )
    with store.engine.connect() as conn:
        return [_jsonable(dict(r)) for r in conn.execute(stmt).mappings()]


def event_detail(store: Store, event_id: str) -> dict[str, Any]:
    """The event, the mentions (sentences and documents) behind it, and its audit history."""
    mod = _review()
    if mod is not None and hasattr(mod, "event_detail"):
        detail = mod.event_detail(store, event_id)
        return {"event": event_json(detail.event), "mentions": _jsonable(list(detail.mentions)),
                "audit": _jsonable(list(detail.audit)),
                "merged_from": list(getattr(detail, "merged_from", []))}
    event = store.get_event(event_id)
    if event is None:
        raise KeyError(f"no event with id {event_id!r}")
    return {"event": event_json(event), "mentions": _mentions(store, event_id),
            "audit": _jsonable(store.audit_entries(event_id)), "merged_from": []}
