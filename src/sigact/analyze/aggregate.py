"""Counts, rates, shares, period comparisons, top-N and fatalities, as pandas DataFrames.

Every function takes a :class:`~sigact.store.Store` and an :class:`~sigact.store.filters.EventFilter`
and computes in SQL (one ``GROUP BY`` with bound parameters); pandas only shapes the result.
With ``explain=True`` each row carries ``event_ids``: the ids of the events behind that figure.

Events merged into another and rejected events are left out unless the filter asks for them
(``include_merged`` / ``include_rejected``), so a duplicate is never counted twice.

Example::

    from sigact.store import open_store
    from sigact.store.filters import EventFilter
    from sigact.analyze import aggregate as agg

    store = open_store("sigact.db")
    flt = EventFilter(actor=["JNIM"], admin1=["Mopti"])
    agg.counts(store, flt, per="week")                 # one row per ACLED week (Sat-Fri)
    agg.compare(store, flt, [("2019-01-01", "2019-06-30"), ("2019-07-01", "2019-12-31")], per="week")
    agg.shares(store, EventFilter(country=["Burkina Faso"]), by=["admin1"])
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from collections.abc import Sequence
from typing import Any

import pandas as pd
from scipy import stats as sps
from sqlalchemy import Select, and_, case, func, select, union

from sigact.analyze import dimensions as dims
from sigact.analyze.periods import CONVENTIONS, bucket_start, buckets, check_freq, span
from sigact.store import Store
from sigact.store.filters import EventFilter, where
from sigact.store.schema import events

METRICS = ("events", "fatalities", "fatalities_unknown")
PeriodLike = tuple[dt.date | str, dt.date | str]


def live(flt: EventFilter | None) -> EventFilter:
    """The filter with analytics' defaults: merged and rejected events left out unless asked for."""
    flt = flt or EventFilter()
    return dataclasses.replace(
        flt,
        include_merged=False if flt.include_merged is None else flt.include_merged,
        include_rejected=False if flt.include_rejected is None else flt.include_rejected,
    )


def _as_date(value: dt.date | str) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


_WHERE_CACHE: dict[str, Any] = {}


def _where_cached(flt: EventFilter) -> Any:
    """``where(live(flt))``, built once per distinct filter (and region config) in this process."""
    import json
    import os

    from sigact.analyze import regions

    key = json.dumps([live(flt).to_dict(), os.environ.get(regions.CONFIG_ENV), str(regions._extra_path)],
                     sort_keys=True, default=str)
    if key not in _WHERE_CACHE:
        if len(_WHERE_CACHE) > 256:
            _WHERE_CACHE.clear()
        _WHERE_CACHE[key] = where(live(flt))
    return _WHERE_CACHE[key]


def _base_selects(flt: EventFilter, by: Sequence[str], per: str | None, explain: bool,
                  extra: dict[str, Any] | None = None) -> list[Select[Any]]:
    """One SELECT per combination of dimension variants, each row: [id], fatalities, day, dims.

    Buckets are formed later from the day (GROUP BY the raw ``event_date`` follows the date-ordered
    indexes, with no sort; weeks/months are summed in pandas). The id is selected only when it is
    needed (explain, or several variants to de-duplicate), so covering indexes can answer alone."""
    cond = _where_cached(flt)
    regions = list(flt.region_group) or None
    per_dim = [dims.variants(d, regions) for d in by]
    combos = list(itertools.product(*per_dim)) if per_dim else [()]
    with_id = explain or len(combos) > 1
    out = []
    for combo in combos:
        cols: list[Any] = [events.c.id] if with_id else []
        cols.append(events.c.fatalities)
        if per:
            cols.append(events.c.event_date.label("day"))
        for name, var in zip(by, combo, strict=True):
            cols.append(var.value.label(name))
        for name, expr in (extra or {}).items():
            cols.append(expr.label(name))
        out.append(select(*cols).where(and_(cond, *[v.when for v in combo])))
    return out


def aggregate(
    store: Store,
    flt: EventFilter | None = None,
    *,
    by: Sequence[str] = (),
    per: str | None = None,
    explain: bool = False,
    fill: bool = False,
) -> pd.DataFrame:
    """Events, fatalities (sum) and events with unknown fatalities, grouped by ``per`` bucket and ``by``.

    ``fill`` adds zero rows for buckets with no events (between the filter's dates, else the data's).
    """
    flt = flt or EventFilter()
    by = [dims.check(d) for d in by]
    if per:
        check_freq(per)
    if any(d in dims.PANDAS_ONLY for d in by):
        frame = _aggregate_pandas(store, flt, by, per, explain)
    else:
        frame = _aggregate_sql(store, flt, by, per, explain)
    keys = (["period"] if per else []) + list(by)
    if per and fill:
        frame = _fill(store, flt, frame, per, list(by), explain)
    for name in by:
        frame[name] = dims.label_values(name, frame[name])
    return frame.sort_values(keys).reset_index(drop=True) if keys else frame


def _aggregate_sql(store: Store, flt: EventFilter, by: list[str], per: str | None, explain: bool,
                   extra: dict[str, Any] | None = None) -> pd.DataFrame:
    selects = _base_selects(flt, by, per, explain, extra)
    by = [*by, *(extra or {})]
    if len(selects) == 1:
        sub = selects[0].subquery()
    else:
        # union (not union all): an event counts once per value even when two variants give it
        sub = union(*selects).subquery()
    keys = (["day"] if per else []) + by
    cols: list[Any] = [sub.c[k] for k in keys]
    cols += [
        func.count().label("events"),
        func.coalesce(func.sum(sub.c.fatalities), 0).label("fatalities"),
        func.sum(case((sub.c.fatalities.is_(None), 1), else_=0)).label("fatalities_unknown"),
    ]
    if explain:
        cols.append(func.aggregate_strings(sub.c.id, ",").label("event_ids"))
    stmt = select(*cols).group_by(*[sub.c[k] for k in keys])
    names = [*keys, *METRICS, *(["event_ids"] if explain else [])]
    with store.engine.connect() as conn:
        rows = conn.execute(stmt).all()
    # columns from plain tuples: much faster than handing Row objects to pandas
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(names)
    frame = pd.DataFrame({name: list(col) for name, col in zip(names, columns, strict=True)})
    for m in METRICS:
        frame[m] = frame[m].fillna(0).astype("int64")
    if explain:
        frame["event_ids"] = frame["event_ids"].map(lambda s: s.split(",") if s else [])
    if per:
        frame["period"] = bucket_start(pd.to_datetime(frame.pop("day")), per)
        keys = ["period", *by]
        if len(frame) and not explain:
            frame = frame.groupby(keys, dropna=False, sort=False)[list(METRICS)].sum().reset_index()
        elif len(frame):
            agg: dict[str, Any] = {m: "sum" for m in METRICS}
            agg["event_ids"] = lambda s: list(itertools.chain.from_iterable(s))
            frame = frame.groupby(keys, dropna=False, sort=False).agg(agg).reset_index()
        else:
            frame = frame[[*keys, *METRICS, *(["event_ids"] if explain else [])]]
    if explain:
        frame["event_ids"] = frame["event_ids"].map(sorted)
    return frame


def tactics_of(tags_list: Any, tags: Any, event_type: Any, sub_event_type: Any, *, with_sub: bool) -> list[str]:
    """Tags of one event (lower-case), plus its explosion sub-event type when ``with_sub``."""
    out: list[str] = []
    for tag in tags_list or []:
        out.append(str(tag).strip().lower())
    if isinstance(tags, str) and tags.strip():
        out.extend(t.strip().lower() for t in tags.split(";") if t.strip())
    if with_sub and sub_event_type and event_type in ("Explosions/Remote violence", "Remote violence"):
        out.append(str(sub_event_type).lower())
    return sorted(set(out))


def event_tactics(store: Store, flt: EventFilter | None, *, with_sub: bool = True,
                  extra: Sequence[str] = ()) -> pd.DataFrame:
    """One row per (event, tactic): id, event_date, fatalities, tactic, plus ``extra`` columns."""
    c = events.c
    cols = [c.id, c.event_date, c.fatalities, c.tags_list, c.tags, c.event_type, c.sub_event_type,
            *[c[e] for e in extra if e not in ("id", "event_date", "fatalities")]]
    stmt = select(*cols).where(where(live(flt)))
    with store.engine.connect() as conn:
        rows = conn.execute(stmt).all()
    frame = pd.DataFrame(rows, columns=[col.name for col in cols])
    frame["tactic"] = [
        tactics_of(a, b, e, s, with_sub=with_sub)
        for a, b, e, s in zip(frame["tags_list"], frame["tags"], frame["event_type"], frame["sub_event_type"],
                              strict=True)
    ]
    frame = frame.explode("tactic").dropna(subset=["tactic"])
    frame["event_date"] = pd.to_datetime(frame["event_date"])
    return frame.drop(columns=["tags_list", "tags"])


def _aggregate_pandas(store: Store, flt: EventFilter, by: list[str], per: str | None, explain: bool) -> pd.DataFrame:
    sql_dims = [d for d in by if d not in dims.PANDAS_ONLY]
    if any(d in dims.MULTI for d in sql_dims):
        raise ValueError("tag/tactic cannot be combined with actor/region in one breakdown")
    with_sub = "tactic" in by
    plain = list(sql_dims)
    frame = event_tactics(store, flt, with_sub=with_sub,
                          extra=[d for d in plain if d in dims.PLAIN and d != "region_acled"])
    for d in plain:
        if d not in frame:
            sel = _aggregate_sql(store, flt, [d], None, True)
            mapping = {i: v for v, ids in zip(sel[d], sel["event_ids"], strict=True) for i in ids}
            frame[d] = frame["id"].map(mapping)
    for d in by:
        if d in dims.PANDAS_ONLY:
            frame[d] = frame["tactic"]
    if per:
        frame["period"] = bucket_start(frame["event_date"], per)
    keys = (["period"] if per else []) + by
    grouped = frame.groupby(keys, dropna=False)
    out = grouped.agg(
        events=("id", "nunique"),
        fatalities=("fatalities", lambda s: int(s.fillna(0).sum())),
        fatalities_unknown=("fatalities", lambda s: int(s.isna().sum())),
    ).reset_index()
    if explain:
        ids = grouped["id"].agg(lambda s: sorted(set(s))).reset_index(drop=True)
        out["event_ids"] = ids
    return out


def _date_range(store: Store, flt: EventFilter) -> tuple[dt.date, dt.date] | None:
    """The filter's date range, completed from the selected events' first/last dates."""
    lo, hi = flt.date_from, flt.date_to
    if lo is None or hi is None:
        stmt = select(func.min(events.c.event_date), func.max(events.c.event_date)).where(where(live(flt)))
        with store.engine.connect() as conn:
            first, last = conn.execute(stmt).one()
        if first is None:
            return (lo, hi) if lo and hi else None
        lo = lo or pd.Timestamp(first).date()
        hi = hi or pd.Timestamp(last).date()
    return lo, hi


def _fill(store: Store, flt: EventFilter, frame: pd.DataFrame, per: str, by: list[str], explain: bool) -> pd.DataFrame:
    rng = _date_range(store, flt)
    if rng is None:
        return frame
    index = buckets(rng[0], rng[1], per)
    if not by and not explain:
        series = frame.set_index("period")[list(METRICS)]
        out = series.reindex(index, fill_value=0).rename_axis("period").reset_index()
        return out.astype({m: "int64" for m in METRICS})
    if by:
        combos = frame[by].drop_duplicates()
        full = combos.merge(pd.DataFrame({"period": index}), how="cross")
    else:
        full = pd.DataFrame({"period": index})
    out = full.merge(frame, on=["period", *by], how="left")
    for m in METRICS:
        out[m] = out[m].fillna(0).astype("int64")
    if explain:
        out["event_ids"] = out["event_ids"].map(lambda v: v if isinstance(v, list) else [])
    return out


def counts(store: Store, flt: EventFilter | None = None, *, by: Sequence[str] = (), per: str | None = None,
           explain: bool = False) -> pd.DataFrame:
    """Event counts (and fatalities) per bucket and/or dimension; empty buckets appear with 0."""
    frame = aggregate(store, flt, by=by, per=per, explain=explain, fill=per is not None)
    if per:
        frame.attrs["convention"] = CONVENTIONS[per]
    return frame


def rates(store: Store, flt: EventFilter | None = None, *, per: str = "week", by: Sequence[str] = (),
          explain: bool = False) -> pd.DataFrame:
    """Mean events per ``per`` over the filter's date range (``events / span``; see periods).

    Columns: dims, events, fatalities, fatalities_unknown, date_from, date_to, span (how many
    ``per`` units), rate, and the spread of the per-bucket counts (median, std, max)."""
    flt = flt or EventFilter()
    rng = _date_range(store, flt)
    frame = counts(store, flt, by=by, per=per, explain=explain)
    keys = list(by)
    if rng is None:
        return pd.DataFrame(columns=[*keys, *METRICS, "date_from", "date_to", "span", "rate"])
    n = span(rng[0], rng[1], per)
    agg: dict[str, Any] = {m: (m, "sum") for m in METRICS}
    agg.update(median=("events", "median"), std=("events", "std"), max=("events", "max"))
    if explain:
        agg["event_ids"] = ("event_ids", lambda s: sorted(itertools.chain.from_iterable(s)))
    out = frame.groupby(keys).agg(**agg).reset_index() if keys else frame.agg(**agg).T.reset_index(drop=True)
    if not keys:
        out = pd.DataFrame([{k: frame[v[0]].agg(v[1]) for k, v in agg.items()}])
    out.insert(len(keys), "date_from", rng[0])
    out.insert(len(keys) + 1, "date_to", rng[1])
    out["span"] = round(n, 4)
    out["rate"] = out["events"] / n
    out["per"] = per
    out.attrs["convention"] = f"rate = events / {per}s in the range; buckets: {CONVENTIONS[per]}"
    cols = [*keys, "date_from", "date_to", "per", "span", "events", "rate", "median", "std", "max",
            "fatalities", "fatalities_unknown", *(["event_ids"] if explain else [])]
    return out[cols]


def shares(store: Store, flt: EventFilter | None = None, *, by: Sequence[str], within: Sequence[str] = (),
           explain: bool = False) -> pd.DataFrame:
    """Each value's share of the selected events (``share`` 0-1 and ``percent``).

    ``within`` names dimensions the shares are computed inside (e.g. admin1 shares within each country)."""
    by = list(by)
    within = list(within)
    frame = aggregate(store, flt, by=[*within, *[b for b in by if b not in within]], explain=explain)
    single_valued = all(d not in dims.MULTI and d not in dims.PANDAS_ONLY for d in by)
    if single_valued:
        # each event has exactly one value per dimension: the totals are the sums (no second query)
        total = (frame.groupby(within)["events"].sum().reset_index() if within
                 else pd.DataFrame({"events": [int(frame["events"].sum())]})).rename(columns={"events": "total"})
    else:
        total = _total(store, flt, within)
    if within:
        frame = frame.merge(total, on=within, how="left")
    else:
        frame["total"] = int(total["total"].iloc[0])
    frame["share"] = frame["events"] / frame["total"].where(frame["total"] > 0)
    frame["percent"] = (frame["share"] * 100).round(1)
    return frame.sort_values([*within, "events"], ascending=[True] * len(within) + [False]).reset_index(drop=True)


def _total(store: Store, flt: EventFilter | None, within: list[str]) -> pd.DataFrame:
    """Distinct events per ``within`` group (the denominator of a share)."""
    frame = aggregate(store, flt, by=within)
    return frame[[*within, "events"]].rename(columns={"events": "total"})


def compare(
    store: Store,
    flt: EventFilter | None,
    periods: Sequence[PeriodLike],
    *,
    per: str = "month",
    by: Sequence[str] = (),
    labels: Sequence[str] | None = None,
    explain: bool = False,
) -> pd.DataFrame:
    """Mean ``per`` rates in each period (same filter), side by side, with change and a test.

    For two periods, ``p_value`` is the exact conditional (binomial) test that both periods share
    one Poisson rate (two-sided), ``rate_ratio`` the second rate over the first."""
    flt = flt or EventFilter()
    labels = list(labels or [f"{_as_date(a).isoformat()}..{_as_date(b).isoformat()}" for a, b in periods])
    bounds = [(_as_date(a), _as_date(b)) for a, b in periods]
    keys = list(by)
    spans = [span(a, b, per) for a, b in bounds]
    hull = dataclasses.replace(flt, date_from=min(a for a, _ in bounds), date_to=max(b for _, b in bounds))
    ordered = sorted(bounds)
    overlap = any(ordered[i][1] >= ordered[i + 1][0] for i in range(len(ordered) - 1))
    if overlap or any(d in dims.PANDAS_ONLY for d in keys):
        # one query over the whole span grouped by day; each period sums its days in pandas
        daily = aggregate(store, hull, by=by, per="day", explain=explain)
        parts = [daily[(daily["period"] >= pd.Timestamp(a)) & (daily["period"] <= pd.Timestamp(b))]
                 for a, b in bounds]
    else:
        # one query; the database labels each event with its period (CASE) and groups by it
        d = events.c.event_date
        label = case(*[(and_(d >= a, d <= b), i + 1) for i, (a, b) in enumerate(bounds)], else_=0)
        grouped = _aggregate_sql(store, hull, [dims.check(k) for k in keys], None, explain, {"_period": label})
        for name in keys:
            grouped[name] = dims.label_values(name, grouped[name])
        parts = [grouped[grouped["_period"] == i + 1] for i in range(len(bounds))]
    merged: pd.DataFrame | None = None
    for i, part in enumerate(parts):
        agg: dict[str, Any] = {m: "sum" for m in METRICS}
        if explain:
            agg["event_ids"] = lambda s: sorted(itertools.chain.from_iterable(s))
        if keys:
            frame = part.groupby(keys, dropna=False).agg(agg).reset_index()
        else:
            frame = pd.DataFrame([{m: (part[m].sum() if m in METRICS else agg[m](part[m])) for m in agg}])
        frame = frame.rename(columns={m: f"{m}_{i + 1}" for m in [*METRICS, "event_ids"]})
        if merged is None:
            merged = frame
        elif keys:
            merged = merged.merge(frame, on=keys, how="outer")
        else:
            merged = pd.concat([merged, frame], axis=1)
    assert merged is not None
    if keys:
        merged = merged[merged[[f"events_{i + 1}" for i in range(len(bounds))]].fillna(0).sum(axis=1) > 0]
    for i, n in enumerate(spans):
        for m in METRICS:
            col = f"{m}_{i + 1}"
            merged[col] = merged[col].fillna(0).astype("int64")
        merged[f"rate_{i + 1}"] = merged[f"events_{i + 1}"] / n
        if explain:
            col = f"event_ids_{i + 1}"
            merged[col] = merged[col].map(lambda v: v if isinstance(v, list) else [])
    if len(periods) == 2:
        merged["change"] = merged["rate_2"] - merged["rate_1"]
        merged["percent_change"] = (100 * merged["change"] / merged["rate_1"].where(merged["rate_1"] > 0)).round(1)
        merged["rate_ratio"] = merged["rate_2"] / merged["rate_1"].where(merged["rate_1"] > 0)
        merged["p_value"] = rate_tests(merged["events_1"].tolist(), spans[0], merged["events_2"].tolist(), spans[1])
    n_p = range(1, len(periods) + 1)
    first = [*keys, *[f"rate_{i}" for i in n_p], *[c for c in ("change", "percent_change", "rate_ratio", "p_value")
                                                     if c in merged]]
    merged = merged[first + [c for c in merged.columns if c not in first]]
    merged.attrs["periods"] = dict(zip(labels, [(str(a), str(b)) for a, b in periods], strict=True))
    merged.attrs["convention"] = f"rate_N = events in period N / {per}s in period N; " + CONVENTIONS[per]
    order = [f"rate_{len(periods)}"] if keys else []
    return merged.sort_values(order, ascending=False).reset_index(drop=True) if order else merged


def rate_test(k1: int, t1: float, k2: int, t2: float, alternative: str = "two-sided") -> float:
    """p-value of the exact conditional test of equal Poisson rates (k1 events in t1 vs k2 in t2):
    given ``n = k1 + k2``, ``k2 ~ Binomial(n, t2 / (t1 + t2))``; two-sided by doubling the smaller tail."""
    return float(rate_tests([k1], t1, [k2], t2, alternative)[0])


def rate_tests(k1: Sequence[int], t1: float, k2: Sequence[int], t2: float,
               alternative: str = "two-sided") -> list[float]:
    """:func:`rate_test` for many pairs at once (vectorised scipy)."""
    a = pd.Series(k1, dtype="int64").to_numpy()
    b = pd.Series(k2, dtype="int64").to_numpy()
    n = a + b
    prob = t2 / (t1 + t2)
    upper = sps.binom.sf(b - 1, n, prob)  # P(K2 >= k2)
    lower = sps.binom.cdf(b, n, prob)  # P(K2 <= k2)
    if alternative == "greater":
        p = upper
    elif alternative == "less":
        p = lower
    else:
        p = 2 * pd.Series(upper).combine(pd.Series(lower), min).to_numpy()
    p = p.clip(0, 1)
    p[n == 0] = 1.0
    return [float(v) for v in p]


TOP_WHAT = {
    "actors": "actor",
    "initiators": "actor1",
    "targets": "actor2",
    "places": "location",
    "admin1": "admin1",
    "admin2": "admin2",
    "tactics": "tactic",
    "tags": "tag",
    "sub_event_types": "sub_event_type",
}


def top(store: Store, flt: EventFilter | None = None, what: str = "actors", *, n: int = 10,
        explain: bool = False) -> pd.DataFrame:
    """The ``n`` most frequent actors / initiators / targets / places / admin1 / admin2 / tactics / tags."""
    if what not in TOP_WHAT and what not in dims.ALL:
        raise ValueError(f"unknown kind {what!r} (use one of: {', '.join(TOP_WHAT)})")
    dim = TOP_WHAT.get(what, what)
    by = [dim] if dim != "location" else ["country", "admin1", "location"]
    frame = aggregate(store, flt, by=by, explain=explain)
    frame = frame.sort_values(["events", "fatalities"], ascending=False).head(n).reset_index(drop=True)
    frame.insert(0, "rank", range(1, len(frame) + 1))
    return frame


def fatalities(store: Store, flt: EventFilter | None = None, *, by: Sequence[str] = (), per: str | None = None,
               explain: bool = False) -> pd.DataFrame:
    """Fatalities summed, with the count of events whose fatalities are unknown (not counted as 0)."""
    frame = aggregate(store, flt, by=by, per=per, explain=explain)
    frame["fatalities_known_events"] = frame["events"] - frame["fatalities_unknown"]
    return frame


def total(store: Store, flt: EventFilter | None = None) -> int:
    """Number of events selected (analytics defaults)."""
    return int(aggregate(store, flt)["events"].sum())


__all__ = [
    "aggregate", "compare", "counts", "event_tactics", "fatalities", "live", "rate_test", "rates", "shares",
    "top", "total",
]  # fmt: skip
