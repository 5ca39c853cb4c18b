"""Fast actor filters: resolve an actor filter to the stored actor strings it matches, once.

The shared actor filter (:func:`sigact.store.filters.actor_clause`) expands a name through the
actor registry and tests every row against dozens of patterns on four columns: seconds on a
million events. A store holds only a few hundred distinct actor strings, so this module evaluates
that very clause once against the distinct values (in an in-memory SQLite table with the events
schema, one value per row and column) and replaces it with ``IN`` lists of the matching strings.
The result is the same set of events (the clause tests each column on its own), 5-10x faster.

The distinct values are rebuilt when the data changes (see :func:`sigact.web.cache.data_version`).
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Engine, create_engine, false, insert, or_, select
from sqlalchemy.pool import StaticPool

from sigact.store import Store
from sigact.store.filters import actor_clause
from sigact.store.schema import events
from sigact.web.cache import data_version
from sigact.web.per_store import per_store

COLUMNS = ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2")
CHECK_EVERY = 1.0  # seconds between data-version checks


class ActorIndex:
    """The distinct actor strings of one store, and the actor filters resolved against them."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._lock = threading.Lock()
        self._version: Any = object()
        self._checked = 0.0
        self._engine: Engine | None = None
        self._resolved: dict[tuple[Any, ...], dict[str, list[str]]] = {}

    def _refresh(self) -> Engine:
        now = time.monotonic()
        if self._engine is not None and now - self._checked < CHECK_EVERY:
            return self._engine
        self._checked = now
        version = data_version(self.store)
        if self._engine is not None and version == self._version:
            return self._engine
        c = events.c
        values: dict[str, list[str]] = {}
        with self.store.engine.connect() as conn:
            for col in COLUMNS:
                values[col] = [r[0] for r in conn.execute(select(c[col]).where(c[col].is_not(None)).group_by(c[col]))]
        engine = create_engine("sqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False})
        events.create(engine)
        stamp = dt.datetime.now(dt.UTC)
        rows: list[dict[str, Any]] = []
        for col, vals in values.items():
            for v in vals:
                row: dict[str, Any] = {k: None for k in COLUMNS}
                row.update(id=str(len(rows)), event_date=dt.date(2000, 1, 1), event_type="", origin="acled",
                           status="automatic", time_precision=1, source_fields={}, manual_fields=[],
                           tags_list=[], created_at=stamp, updated_at=stamp)
                row[col] = v
                rows.append(row)
        if rows:
            with engine.begin() as conn:
                conn.execute(insert(events), rows)
        self._engine, self._version, self._resolved = engine, version, {}
        return engine

    def matches(self, names: Sequence[str], role: str, uncertain: bool) -> dict[str, list[str]]:
        """For each actor column, the stored strings ``actor_clause(names, role, uncertain)`` matches."""
        key = (tuple(names), role, uncertain)
        with self._lock:
            engine = self._refresh()
            hit = self._resolved.get(key)
            if hit is not None:
                return hit
            with engine.connect() as conn:
                rows = conn.execute(select(*[events.c[k] for k in COLUMNS])
                                    .where(actor_clause(names, role, uncertain))).mappings().all()
            result = {col: sorted({r[col] for r in rows if r[col] is not None}) for col in COLUMNS}
            self._resolved[key] = result
            return result

    def clause(self, names: Sequence[str], role: str, uncertain: bool) -> ColumnElement[bool]:
        """A condition selecting the same events as ``actor_clause(names, role, uncertain)``."""
        parts = [events.c[col].in_(vals) for col, vals in self.matches(names, role, uncertain).items() if vals]
        return or_(*parts) if parts else false()


actor_index = per_store(ActorIndex)
"""The shared ActorIndex of a store."""
