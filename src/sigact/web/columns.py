"""An in-memory column copy of the events the dashboard filters on, for fast answers at scale.

SQLite answers a filtered count or GROUP BY over a million events in 0.5-10 s; the dashboard asks
several per click. This module keeps the few columns the dashboard filters and groups on as numpy
arrays (categorical codes, day numbers), sorted newest first, and answers counts, timelines,
summaries, shares and "which ids are on page N" with vectorised masks in milliseconds. The rows
themselves are still read from the database (by primary key).

It answers only filters it can answer exactly like :func:`sigact.store.filters.where` (dates,
places, event and sub-event types, status, origin, actors through :mod:`sigact.web.actor_index`,
merged / rejected); anything else (tags, region groupings, nested excludes...) goes to SQL, as
does everything while the copy is (re)loading after the data changed. ``tests/web`` checks that
both paths give the same answers.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field, fields
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import select

from sigact import taxonomy
from sigact.store import Store
from sigact.store.filters import EventFilter, event_type_values
from sigact.store.schema import audit_log, events
from sigact.web.actor_index import COLUMNS as ACTOR_COLUMNS
from sigact.web.actor_index import actor_index
from sigact.web.cache import data_version
from sigact.web.per_store import per_store

log = logging.getLogger(__name__)

CATEGORICAL = ("country", "admin1", "admin2", "event_type", "sub_event_type", "status", "origin", *ACTOR_COLUMNS)
# Filter fields this module answers; any other non-default field sends the query to SQL.
SUPPORTED = {"date_from", "date_to", "country", "admin1", "admin2", "actor", "actor_role", "include_uncertain",
             "event_type", "exclude_event_type", "sub_event_type", "status", "origin", "include_merged",
             "include_rejected"}
SHARE_COLUMNS = {"event_type", "sub_event_type", "country", "admin1", "admin2", "actor1", "actor2", "status",
                 "origin"}
MIN_ROWS = 50_000  # smaller stores are fast enough in SQL
CHECK_EVERY = 1.0
MASKS_KEPT = 64  # recent filter masks (1 byte per event) and selected positions (4 bytes per selected event)
EPOCH = dt.date(1970, 1, 1)


def supports(flt: EventFilter) -> bool:
    defaults = EventFilter()
    return all(f.name in SUPPORTED or getattr(flt, f.name) == getattr(defaults, f.name) for f in fields(flt))


@dataclass
class Snapshot:
    """The columns, newest event first."""

    version: Any
    ids: np.ndarray
    days: np.ndarray  # days since 1970-01-01
    fatalities: np.ndarray  # float, NaN when unknown
    merged: np.ndarray  # bool
    has_point: np.ndarray  # bool
    codes: dict[str, np.ndarray]  # 0: NULL; i + 1: labels[i]
    categories: dict[str, dict[Any, int]]  # value -> index in labels
    labels: dict[str, np.ndarray]  # code -> value
    _masks: OrderedDict[str, np.ndarray] = field(default_factory=OrderedDict, repr=False)
    _mask_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    fat0: np.ndarray = field(init=False, repr=False)  # fatalities with unknown as 0 (for sums)
    months: np.ndarray = field(init=False, repr=False)  # months since 1970-01

    neg_days: np.ndarray = field(init=False, repr=False)  # -days: ascending, for date ranges by bisection
    not_merged: np.ndarray = field(init=False, repr=False)
    not_rejected: np.ndarray = field(init=False, repr=False)
    visible: np.ndarray = field(init=False, repr=False)  # neither merged nor rejected (the web's default)

    def __post_init__(self) -> None:
        self.fat0 = np.nan_to_num(self.fatalities)
        self.months = self.days.astype("datetime64[D]").astype("datetime64[M]").astype(np.int32)
        self.neg_days = -self.days
        self.not_merged = ~self.merged
        self.not_rejected = ~self.isin("status", ["rejected"])
        self.visible = self.not_merged & self.not_rejected

    def __len__(self) -> int:
        return len(self.ids)

    def isin(self, column: str, values: Any, lo: int = 0, hi: int | None = None) -> np.ndarray:
        """Whether ``column`` is one of ``values``, for rows ``lo:hi``."""
        lookup = self.categories[column]
        table = np.zeros(len(self.labels[column]) + 1, dtype=bool)
        for v in values:
            if v in lookup:
                table[lookup[v] + 1] = True
        return table[self.codes[column][lo:hi]]  # one gather: faster than np.isin

    def mask(self, store: Store, flt: EventFilter) -> np.ndarray:
        """The events ``flt`` selects (read-only; the last few masks are kept for reuse)."""
        key = json.dumps(flt.to_dict(), sort_keys=True, default=str)
        with self._mask_lock:
            hit = self._masks.get(key)
            if hit is not None:
                self._masks.move_to_end(key)
                return hit
        m = self._compute_mask(store, flt)
        m.setflags(write=False)
        with self._mask_lock:
            self._masks[key] = m
            while len(self._masks) > MASKS_KEPT:
                self._masks.popitem(last=False)
        return m

    def indices(self, store: Store, flt: EventFilter) -> np.ndarray:
        """Positions of the events ``flt`` selects, ascending (newest first; read-only, kept like masks)."""
        key = "idx:" + json.dumps(flt.to_dict(), sort_keys=True, default=str)
        with self._mask_lock:
            hit = self._masks.get(key)
            if hit is not None:
                self._masks.move_to_end(key)
                return hit
        idx = np.flatnonzero(self._compute_mask(store, flt)).astype(np.int32)
        idx.setflags(write=False)
        with self._mask_lock:
            self._masks[key] = idx
            while len(self._masks) > MASKS_KEPT:
                self._masks.popitem(last=False)
        return idx

    def _compute_mask(self, store: Store, flt: EventFilter) -> np.ndarray:
        # Rows are sorted newest first: a date range is one slice, found by bisection; the other
        # conditions are evaluated on that slice only.
        lo, hi = 0, len(self)
        if flt.date_to:
            lo = int(np.searchsorted(self.neg_days, -(flt.date_to - EPOCH).days, side="left"))
        if flt.date_from:
            hi = int(np.searchsorted(self.neg_days, -(flt.date_from - EPOCH).days, side="right"))
        hi = max(lo, hi)
        hide_merged = flt.include_merged is False
        hide_rejected = flt.include_rejected is False and not flt.status
        if hide_merged and hide_rejected:
            sub = self.visible[lo:hi].copy()
        elif hide_merged:
            sub = self.not_merged[lo:hi].copy()
        elif hide_rejected:
            sub = self.not_rejected[lo:hi].copy()
        else:
            sub = np.ones(hi - lo, dtype=bool)
        for name in ("country", "admin1", "admin2", "sub_event_type", "status", "origin"):
            values = getattr(flt, name)
            if values:
                sub &= self.isin(name, values, lo, hi)
        if flt.event_type:
            sub &= self.isin("event_type", event_type_values(flt.event_type), lo, hi)
        if flt.exclude_event_type:
            sub &= ~self.isin("event_type", event_type_values(flt.exclude_event_type), lo, hi)
        if flt.actor:
            matched = actor_index(store).matches(list(flt.actor), flt.actor_role, flt.include_uncertain)
            any_actor = np.zeros(hi - lo, dtype=bool)
            for col, vals in matched.items():
                if vals:
                    any_actor |= self.isin(col, vals, lo, hi)
            sub &= any_actor
        if lo == 0 and hi == len(self):
            return sub
        m = np.zeros(len(self), dtype=bool)
        m[lo:hi] = sub
        return m


def load_snapshot(store: Store, chunk: int = 100_000) -> Snapshot:
    """Read the columns in chunks (categorical codes per chunk, merged at the end: low memory)."""
    from pandas.api.types import union_categoricals

    version = data_version(store)
    c = events.c
    cols = [c.id, c.event_date, c.fatalities, c.merged_into.is_not(None).label("merged"),
            (c.latitude.is_not(None) & c.longitude.is_not(None)).label("has_point"),
            *[c[name] for name in CATEGORICAL]]
    names = ["id", "event_date", "fatalities", "merged", "has_point", *CATEGORICAL]
    stmt = select(*cols).order_by(c.event_date.desc(), c.id.desc())
    ids, days, fatalities, merged, has_point = [], [], [], [], []
    cats: dict[str, list[pd.Categorical]] = {name: [] for name in CATEGORICAL}
    with store.engine.connect() as conn:
        result = conn.execution_options(stream_results=True, yield_per=chunk).execute(stmt)
        for part in result.partitions(chunk):
            frame = pd.DataFrame(part, columns=names)
            ids.append(frame["id"].to_numpy(dtype=object))
            dates = pd.to_datetime(frame["event_date"])
            days.append(((dates - pd.Timestamp(EPOCH)).dt.days).to_numpy(dtype=np.int32))
            fatalities.append(pd.to_numeric(frame["fatalities"], errors="coerce").to_numpy(dtype=float))
            merged.append(frame["merged"].astype(bool).to_numpy())
            has_point.append(frame["has_point"].astype(bool).to_numpy())
            for name in CATEGORICAL:
                cats[name].append(pd.Categorical(frame[name]))
            del frame, part
    codes: dict[str, np.ndarray] = {}
    categories: dict[str, dict[Any, int]] = {}
    labels: dict[str, np.ndarray] = {}
    for name in CATEGORICAL:
        cat = union_categoricals(cats[name]) if cats[name] else pd.Categorical([])
        codes[name] = np.asarray(cat.codes, dtype=np.int32) + 1  # 0 for NULL
        labels[name] = np.asarray(cat.categories, dtype=object)
        categories[name] = {v: i for i, v in enumerate(cat.categories)}

    def cat_or_empty(parts: list[np.ndarray], dtype: Any) -> np.ndarray:
        return np.concatenate(parts) if parts else np.zeros(0, dtype=dtype)

    return Snapshot(
        version=version, ids=cat_or_empty(ids, object), days=cat_or_empty(days, np.int32),
        fatalities=cat_or_empty(fatalities, float), merged=cat_or_empty(merged, bool),
        has_point=cat_or_empty(has_point, bool), codes=codes, categories=categories, labels=labels,
    )


def patch_snapshot(store: Store, snap: Snapshot, version: Any, most: int = 200) -> Snapshot | None:
    """The snapshot with the events audited since it was taken updated in place (reviews, edits,
    merges), or None when a full reload is needed (an import, a new event, a changed date)."""
    old_audit, old_import = snap.version
    new_audit, new_import = version
    if new_import != old_import or old_audit is None or new_audit is None:
        return None
    c = events.c
    with store.engine.connect() as conn:
        changed = [r[0] for r in conn.execute(
            select(audit_log.c.event_id).where(audit_log.c.id > old_audit, audit_log.c.event_id.is_not(None))
            .distinct().limit(most + 1))]
        if len(changed) > most:
            return None
        rows = {r["id"]: r for r in conn.execute(
            select(c.id, c.event_date, c.fatalities, c.merged_into, c.latitude, c.longitude,
                   *[c[name] for name in CATEGORICAL]).where(c.id.in_(changed))).mappings()}
    codes = dict(snap.codes)
    labels = dict(snap.labels)
    categories = dict(snap.categories)
    fatalities, merged, has_point = snap.fatalities.copy(), snap.merged.copy(), snap.has_point.copy()
    copied: set[str] = set()
    for event_id in changed:
        row = rows.get(event_id)
        pos = np.flatnonzero(snap.ids == event_id)
        if row is None or len(pos) != 1:
            return None  # new or deleted event: the order changes
        i = int(pos[0])
        day = row["event_date"]
        day = dt.date.fromisoformat(day) if isinstance(day, str) else day
        if (day - EPOCH).days != int(snap.days[i]):
            return None
        fatalities[i] = np.nan if row["fatalities"] is None else float(row["fatalities"])
        merged[i] = row["merged_into"] is not None
        has_point[i] = row["latitude"] is not None and row["longitude"] is not None
        for name in CATEGORICAL:
            value = row[name]
            if name not in copied:
                codes[name] = codes[name].copy()
                copied.add(name)
            if value is None:
                codes[name][i] = 0
                continue
            if value not in categories[name]:
                categories[name] = {**categories[name], value: len(labels[name])}
                labels[name] = np.append(labels[name], np.asarray([value], dtype=object))
            codes[name][i] = categories[name][value] + 1
    return Snapshot(version=version, ids=snap.ids, days=snap.days, fatalities=fatalities, merged=merged,
                    has_point=has_point, codes=codes, categories=categories, labels=labels)


class ColumnCopy:
    """The snapshot of one store, reloaded in the background when the data changes."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._snap: Snapshot | None = None
        self._lock = threading.Lock()
        self._loading = False
        self._checked = 0.0
        self._small: bool | None = None

    def get(self) -> Snapshot | None:
        """The current snapshot, or None (answer in SQL) when absent, stale or still loading."""
        if self._small is None:
            from sqlalchemy import func

            with self.store.engine.connect() as conn:
                n = int(conn.execute(select(func.count()).select_from(events)).scalar_one())
            self._small = n < MIN_ROWS
        if self._small:
            return None
        now = time.monotonic()
        with self._lock:
            snap = self._snap
            recheck = now - self._checked >= CHECK_EVERY
            if recheck:
                self._checked = now
        if recheck or snap is None:
            version = data_version(self.store)
            if snap is None or snap.version != version:
                patched = patch_snapshot(self.store, snap, version) if snap is not None else None
                if patched is None:
                    self._start_loading()
                    return None
                with self._lock:
                    self._snap = patched
                return patched
        return snap

    def _start_loading(self) -> None:
        with self._lock:
            if self._loading:
                return
            self._loading = True
            self._snap = None
        threading.Thread(target=self._load, name="sigact-web-columns", daemon=True).start()

    def _load(self) -> None:
        try:
            t0 = time.perf_counter()
            snap = load_snapshot(self.store)
            with self._lock:
                self._snap = snap
            log.info("column copy of %d events loaded in %.1f s", len(snap), time.perf_counter() - t0)
        except Exception:  # noqa: BLE001 - the SQL path keeps answering
            log.exception("loading the column copy failed")
        finally:
            with self._lock:
                self._loading = False

    @property
    def state(self) -> str:
        """"ready", "loading", "off" (small store: SQL only) or "not loaded"."""
        if self._small:
            return "off"
        if self._snap is not None:
            return "ready"
        return "loading" if self._loading else "not loaded"

    def wait(self, timeout: float = 120.0) -> Snapshot | None:
        """Load now if needed and wait for it (for warm-up and tests)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self._checked = 0.0
            snap = self.get()
            if snap is not None or self._small:
                return snap
            time.sleep(0.05)
        return None


column_copy = per_store(ColumnCopy)
"""The shared ColumnCopy of a store."""


def snapshot_for(store: Store, flt: EventFilter) -> Snapshot | None:
    """The snapshot to answer ``flt`` from, or None to answer in SQL."""
    if not supports(flt):
        return None
    return column_copy(store).get()


# -- answers ------------------------------------------------------------------------------------
def _date(day: int) -> dt.date:
    return EPOCH + dt.timedelta(days=int(day))


def count(snap: Snapshot, store: Store, flt: EventFilter) -> int:
    return len(snap.indices(store, flt))


def page_ids(snap: Snapshot, store: Store, flt: EventFilter, limit: int, offset: int) -> list[str]:
    """Ids of one page, newest first (event_date desc, id desc)."""
    idx = snap.indices(store, flt)[offset:offset + limit]
    return [str(i) for i in snap.ids[idx]]


def geo_ids(snap: Snapshot, store: Store, flt: EventFilter, limit: int) -> list[str]:
    idx = np.flatnonzero(snap.mask(store, flt) & snap.has_point)[:limit]
    return [str(i) for i in snap.ids[idx]]


def summary(snap: Snapshot, store: Store, flt: EventFilter) -> dict[str, Any]:
    idx = snap.indices(store, flt)
    n = len(idx)
    if not n:
        return {"events": 0, "fatalities": 0, "date_min": None, "date_max": None}
    # rows are newest first: the first selected is the latest date, the last the earliest
    return {"events": n, "fatalities": int(snap.fat0[idx].sum()),
            "date_min": _date(int(snap.days[idx[-1]])).isoformat(),
            "date_max": _date(int(snap.days[idx[0]])).isoformat()}


def _month_start(month: int) -> dt.date:
    return dt.date(1970 + month // 12, month % 12 + 1, 1)


def timeline(snap: Snapshot, store: Store, flt: EventFilter, interval: str) -> list[dict[str, Any]]:
    """Events and fatalities per day / ACLED week (Saturday-Friday) / month / year, every period
    from the first to the last present (as :func:`sigact.web.query.timeline`), grouped with numpy."""
    idx = snap.indices(store, flt)
    if not len(idx):
        return []
    if interval in ("month", "year"):
        keys = snap.months[idx]
        if interval == "year":
            keys = keys // 12
    else:
        keys = snap.days[idx]
        if interval == "week":  # 1970-01-01 was a Thursday: (day + 5) % 7 days since Saturday
            keys = keys - (keys + 5) % 7
    lo = int(keys.min())
    n = np.bincount(keys - lo)
    fat = np.rint(np.bincount(keys - lo, weights=snap.fat0[idx])).astype(np.int64).tolist()
    counts = n.tolist()
    if interval == "week":
        slots = range(0, len(counts), 7)
        labels = [_date(lo + i).isoformat() for i in slots]
    elif interval == "day":
        slots = range(len(counts))
        labels = [_date(lo + i).isoformat() for i in slots]
    elif interval == "month":
        slots = range(len(counts))
        labels = [_month_start(lo + i).isoformat() for i in slots]
    else:
        slots = range(len(counts))
        labels = [f"{1970 + lo + i:04d}-01-01" for i in slots]
    return [{"period": label, "events": counts[i], "fatalities": fat[i]}
            for label, i in zip(labels, slots, strict=True)]


def shares(snap: Snapshot, store: Store, flt: EventFilter, by: str, limit: int) -> dict[str, Any]:
    idx = snap.indices(store, flt)
    total = len(idx)
    codes = snap.codes[by][idx]
    size = len(snap.labels[by]) + 1
    n = np.bincount(codes, minlength=size)  # slot 0: NULL
    fat = np.bincount(codes, weights=snap.fat0[idx], minlength=size)
    totals: dict[Any, list[int]] = {}
    for slot in np.flatnonzero(n):
        value = None if slot == 0 else snap.labels[by][slot - 1]
        if by == "event_type" and value is not None:
            value = taxonomy.current_event_type(str(value))
        t = totals.setdefault(value, [0, 0])
        t[0] += int(n[slot])
        t[1] += int(round(fat[slot]))
    ordered = sorted(totals.items(), key=lambda kv: (-kv[1][0], "" if kv[0] is None else str(kv[0])))
    items = [{"key": k, "events": v[0], "fatalities": v[1], "share": round(v[0] / total, 4) if total else 0.0}
             for k, v in ordered[:limit]]
    return {"by": by, "total": total, "items": items}
