"""The review actions. Each runs in one transaction and leaves an audit entry."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Connection

from sigact import taxonomy
from sigact.dedup.merging import fold
from sigact.dedup.refresh import load_event, refresh_event, report_from_row
from sigact.model import Event, stable_id
from sigact.store import Store
from sigact.store.provenance import event_mentions, move_mentions
from sigact.store.repository import event_json

# Fields an analyst may not set through ``edit`` (identity and bookkeeping; merge/split set them).
PROTECTED_FIELDS = frozenset({"id", "manual_fields", "merged_into", "origin"})


def _update(store: Store, conn: Connection, event_id: str, changes: Mapping[str, Any], *, who: str,
            action: str, comment: str | None) -> Event:
    try:
        return store.update_event(conn, event_id, changes, who=who, action=action, manual=True,
                                  comment=comment)
    except ValidationError as exc:
        raise ValueError(f"invalid change to {event_id}: {exc}") from None


def _set_status(store: Store, event_id: str, status: str, who: str, comment: str | None, action: str) -> Event:
    with store.transaction() as conn:
        load_event(conn, event_id)
        return _update(store, conn, event_id, {"status": status}, who=who, action=action, comment=comment)


def accept(store: Store, event_id: str, who: str, comment: str | None = None) -> Event:
    """Mark the event reviewed (an analyst vouches for it)."""
    return _set_status(store, event_id, "reviewed", who, comment, "accept")


def reject(store: Store, event_id: str, who: str, comment: str | None = None) -> Event:
    """Mark the event rejected (not an event, or not one sigact should count)."""
    return _set_status(store, event_id, "rejected", who, comment, "reject")


def validate_changes(event: Event, changes: Mapping[str, Any]) -> dict[str, Any]:
    """Check field names and ACLED coding consistency; returns the changes as a dict."""
    if not changes:
        raise ValueError("no changes given")
    unknown = sorted(set(changes) - set(Event.model_fields))
    if unknown:
        raise ValueError(f"unknown field(s): {', '.join(unknown)}")
    protected = sorted(set(changes) & PROTECTED_FIELDS)
    if protected:
        raise ValueError(f"field(s) not editable: {', '.join(protected)}")
    out = dict(changes)
    event_type = out.get("event_type", event.event_type)
    sub = out.get("sub_event_type", event.sub_event_type)
    if "event_type" in out and out["event_type"] not in taxonomy.EVENT_TYPES \
            and out["event_type"] not in taxonomy.LEGACY_EVENT_TYPES:
        raise ValueError(f"unknown event type {out['event_type']!r}")
    if ("event_type" in out or "sub_event_type" in out) and sub is not None \
            and event_type in taxonomy.EVENT_TYPES and taxonomy.SUB_EVENT_TO_TYPE.get(sub) != event_type:
        raise ValueError(f"sub-event type {sub!r} does not belong to event type {event_type!r}")
    if "event_type" in out and out["event_type"] in taxonomy.EVENT_TYPES and "disorder_type" not in out:
        out["disorder_type"] = taxonomy.disorder_type_for(out["event_type"])
    if "event_date" in out and "year" not in out:
        try:
            out["year"] = Event.model_validate({**event.model_dump(), "event_date": out["event_date"]}).event_date.year
        except ValidationError as exc:
            raise ValueError(f"invalid event_date: {exc}") from None
    if ("inter1" in out or "inter2" in out) and "interaction" not in out:
        out["interaction"] = taxonomy.interaction_code(out.get("inter1", event.inter1), out.get("inter2", event.inter2))
    return out


def edit(store: Store, event_id: str, changes: dict[str, Any], who: str, comment: str | None = None) -> Event:
    """Set fields by hand. They join ``manual_fields``: later automatic updates leave them alone."""
    with store.transaction() as conn:
        event = load_event(conn, event_id)
        return _update(store, conn, event_id, validate_changes(event, changes), who=who, action="edit",
                       comment=comment)


def merge(store: Store, keep_id: str, other_ids: list[str], who: str, comment: str | None = None) -> Event:
    """Merge ``other_ids`` into ``keep_id``: their reports move to the kept event, whose automatic fields
    are re-merged; the others are marked ``merged_into=keep_id`` and ``status="rejected"``."""
    others = list(dict.fromkeys(other_ids))
    if not others:
        raise ValueError("nothing to merge")
    if keep_id in others:
        raise ValueError("an event cannot be merged into itself")
    with store.transaction() as conn:
        keep = load_event(conn, keep_id)
        if keep.merged_into:
            raise ValueError(f"{keep_id} was itself merged into {keep.merged_into}")
        loaded = [load_event(conn, oid) for oid in others]
        for other in loaded:
            if other.merged_into:
                raise ValueError(f"{other.id} is already merged into {other.merged_into}")
        for other in loaded:
            ids = [int(m["id"]) for m in event_mentions(conn, other.id)]
            move_mentions(conn, ids, keep_id, f"merged by {who} (from {other.id})")
            _update(store, conn, other.id, {"merged_into": keep_id, "status": "rejected"}, who=who,
                    action="merge", comment=comment)
        before = event_json(keep)
        merged_from = list(dict.fromkeys([*keep.source_fields.get("merged_from", []), *others]))
        store.update_event(conn, keep_id, {"source_fields": {**keep.source_fields, "merged_from": merged_from}},
                           who=who, action="merge", manual=False, comment=comment)
        after = refresh_event(store, conn, keep_id, who=who, action="merge")
        store.audit(conn, who=who, action="merge", event_id=keep_id, before={"id": before["id"]},
                    after={"merged": others}, comment=comment)
        return after


def split(store: Store, event_id: str, mention_ids: list[int], who: str, comment: str | None = None) -> Event:
    """Move the given mentions of an event to a new event (they told a different event); returns it."""
    wanted = list(dict.fromkeys(int(m) for m in mention_ids))
    if not wanted:
        raise ValueError("no mentions given")
    with store.transaction() as conn:
        event = load_event(conn, event_id)
        rows = event_mentions(conn, event_id)
        by_id = {int(r["id"]): r for r in rows}
        missing = [m for m in wanted if m not in by_id]
        if missing:
            raise ValueError(f"mention(s) {missing} are not mentions of {event_id}")
        if len(wanted) == len(rows) and event.origin == "extracted":
            raise ValueError("splitting every mention off would leave the event without reports")
        reports = [r for r in (report_from_row(by_id[m]) for m in wanted) if r is not None]
        if not reports:
            raise ValueError("the selected mentions carry no extracted event to split off")
        first = reports[0].event
        values = first.model_dump()
        values.update(fold(reports))
        values.update(
            id=stable_id("SPL", event_id, *sorted(wanted)),
            origin="extracted",
            status="automatic",
            manual_fields=[],
            merged_into=None,
            event_id_cnty=None,
        )
        new = Event.model_validate(values)
        store.add_event(new, conn, who=who, action="split")
        move_mentions(conn, wanted, new.id, f"split by {who} from {event_id}")
        refresh_event(store, conn, event_id, who=who, action="split")
        store.audit(conn, who=who, action="split", event_id=event_id, before={"mentions": wanted},
                    after={"split_into": new.id}, comment=comment)
        return new
