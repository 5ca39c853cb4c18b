"""Tactic-shift detection: the first use of a weapon/tactic by an actor in an area within a look-back.

A *tactic* is a weapons/tactics tag of an event (``tags_list`` from extraction, ACLED's ``tags``) and,
by default, the sub-event type of explosions/remote violence (IED, suicide bomb, shelling/artillery,
air/drone strike, grenade), so that ACLED imports without tags still show shifts.

An event is a shift when its initiator (``actor1``) has no event with the same tactic in the same
area (admin1, admin2 or location) in the ``lookback_days`` before it. ``history_complete`` says
whether the store holds events for the whole look-back (otherwise "first" only means "first we
know of"). ``previous_use`` is the last earlier use there, however long ago (or empty).

Example::

    from sigact.analyze.tactics import tactic_shifts
    tactic_shifts(store, EventFilter(country=["Mali"], date_from=date(2019, 1, 1)), area="admin2",
                  lookback_days=365)
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pandas as pd
from sqlalchemy import func, select

from sigact.analyze.aggregate import event_tactics, live
from sigact.store import Store
from sigact.store.filters import EventFilter, where
from sigact.store.schema import events

AREAS = ("country", "admin1", "admin2", "admin3", "location")


def tactic_shifts(
    store: Store,
    flt: EventFilter | None = None,
    *,
    area: str = "admin1",
    lookback_days: int = 365,
    with_sub_event_types: bool = True,
    tactics: list[str] | None = None,
) -> pd.DataFrame:
    """One row per first use (see the module doc), newest first."""
    if area not in AREAS:
        raise ValueError(f"area must be one of {', '.join(AREAS)}")
    if lookback_days < 1:
        raise ValueError("lookback_days must be >= 1")
    flt = flt or EventFilter()
    history_from = flt.date_from - dt.timedelta(days=lookback_days) if flt.date_from else None
    history = dataclasses.replace(flt, date_from=history_from)
    frame = event_tactics(store, history, with_sub=with_sub_event_types,
                          extra=["actor1", "country", area, "location"] if area != "location"
                          else ["actor1", "country", "location"])
    frame = frame.loc[:, ~frame.columns.duplicated()]
    cols = ["event_date", "actor1", area, "tactic", "id", "location", "previous_use", "days_since_previous",
            "history_complete"]
    if frame.empty:
        return pd.DataFrame(columns=cols)
    if tactics:
        wanted = [t.lower() for t in tactics]
        frame = frame[frame["tactic"].map(lambda t: any(w in t for w in wanted))]
    frame = frame.dropna(subset=["actor1"]).sort_values(["event_date", "id"])
    frame["previous_use"] = frame.groupby(["actor1", area, "tactic"], dropna=False)["event_date"].shift(1)
    # several events the same day: all share the first one's "previous"
    first_day = frame.groupby(["actor1", area, "tactic", "event_date"], dropna=False)["previous_use"].transform("first")
    frame["previous_use"] = first_day
    frame["days_since_previous"] = (frame["event_date"] - frame["previous_use"]).dt.days
    lookback = pd.Timedelta(days=lookback_days)
    shift = frame["previous_use"].isna() | (frame["event_date"] - frame["previous_use"] > lookback)
    out = frame[shift]
    if flt.date_from:
        out = out[out["event_date"] >= pd.Timestamp(flt.date_from)]
    earliest = _earliest_date(store)
    out = out.assign(history_complete=(out["event_date"] - lookback) >= pd.Timestamp(earliest) if earliest else False)
    out = out.drop_duplicates(subset=["actor1", area, "tactic", "event_date"])
    return out[cols].sort_values(["event_date", "actor1"], ascending=[False, True]).reset_index(drop=True)


def _earliest_date(store: Store) -> dt.date | None:
    with store.engine.connect() as conn:
        value = conn.execute(select(func.min(events.c.event_date)).where(where(live(None)))).scalar()
    return pd.Timestamp(value).date() if value is not None else None
