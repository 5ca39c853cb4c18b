"""The filter vocabulary for selecting events, shared by the CLI, the Python API and the web API.

An :class:`EventFilter` is plain data; :func:`where_clauses` turns it into SQLAlchemy conditions on
the ``events`` table (bound parameters only, never formatted SQL).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from typing import Any

from sqlalchemy import ColumnElement, and_, false, or_, true

from sigact.store.schema import events


@dataclass
class EventFilter:
    """Which events to select. Empty fields select everything; list fields match any of their values."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    country: Sequence[str] = field(default_factory=list)
    admin1: Sequence[str] = field(default_factory=list)
    admin2: Sequence[str] = field(default_factory=list)
    actor: Sequence[str] = field(default_factory=list)
    actor_role: str = "any"  # "actor1", "actor2" or "any" (involving)
    event_type: Sequence[str] = field(default_factory=list)
    exclude_event_type: Sequence[str] = field(default_factory=list)
    sub_event_type: Sequence[str] = field(default_factory=list)
    exclude_sub_event_type: Sequence[str] = field(default_factory=list)
    status: Sequence[str] = field(default_factory=list)
    origin: Sequence[str] = field(default_factory=list)
    civilian_targeting: bool | None = None
    ids: Sequence[str] = field(default_factory=list)

    def is_empty(self) -> bool:
        return all(not getattr(self, f.name) for f in fields(self) if f.name != "actor_role")

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value in (None, [], ()) or (f.name == "actor_role" and value == "any"):
                continue
            out[f.name] = value.isoformat() if isinstance(value, dt.date) else value
        return out


def _actor_clause(names: Sequence[str], role: str) -> ColumnElement[bool]:
    cols = {
        "actor1": [events.c.actor1, events.c.assoc_actor_1],
        "actor2": [events.c.actor2, events.c.assoc_actor_2],
    }.get(role, [events.c.actor1, events.c.assoc_actor_1, events.c.actor2, events.c.assoc_actor_2])
    clauses: list[ColumnElement[bool]] = []
    for name in names:
        for col in cols:
            if col.name.startswith("assoc"):
                # associated actors are "A; B" lists
                clauses.append(or_(col == name, col.like(f"{name}; %"), col.like(f"%; {name}"),
                                   col.like(f"%; {name}; %")))
            else:
                clauses.append(col == name)
    return or_(*clauses) if clauses else false()


def where_clauses(flt: EventFilter) -> list[ColumnElement[bool]]:
    """SQLAlchemy conditions selecting the events ``flt`` describes."""
    c = events.c
    out: list[ColumnElement[bool]] = []
    if flt.date_from:
        out.append(c.event_date >= flt.date_from)
    if flt.date_to:
        out.append(c.event_date <= flt.date_to)
    for name in ("country", "admin1", "admin2", "event_type", "sub_event_type", "status", "origin", "id"):
        values = getattr(flt, "ids" if name == "id" else name)
        if values:
            out.append(c[name].in_(list(values)))
    if flt.exclude_event_type:
        out.append(c.event_type.not_in(list(flt.exclude_event_type)))
    if flt.exclude_sub_event_type:
        out.append(or_(c.sub_event_type.is_(None), c.sub_event_type.not_in(list(flt.exclude_sub_event_type))))
    if flt.actor:
        out.append(_actor_clause(flt.actor, flt.actor_role))
    if flt.civilian_targeting is True:
        out.append(c.civilian_targeting == "Civilian targeting")
    elif flt.civilian_targeting is False:
        out.append(or_(c.civilian_targeting.is_(None), c.civilian_targeting != "Civilian targeting"))
    return out


def where(flt: EventFilter | None) -> ColumnElement[bool]:
    """One condition for ``flt`` (true when it selects everything)."""
    clauses = where_clauses(flt) if flt else []
    return and_(true(), *clauses)
