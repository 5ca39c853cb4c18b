"""GET /api/stats/summary, /api/stats/timeline, /api/stats/shares (same filters as /api/events)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query

from sigact.web import query
from sigact.web.deps import CacheDep, FilterDep, Reader, StoreDep

router = APIRouter(prefix="/api/stats", tags=["stats"])


@router.get("/summary", summary="Number of events, fatalities, first and last date")
def summary(store: StoreDep, cache: CacheDep, flt: FilterDep, _: Reader) -> dict[str, Any]:
    data: dict[str, Any] = cache.get_or_compute(("summary", query.filter_key(flt)), lambda: query.summary(store, flt))
    return data


@router.get("/timeline", summary="Events and fatalities per day, week (from Monday), month or year")
def timeline(
    store: StoreDep, cache: CacheDep, flt: FilterDep, _: Reader,
    interval: Annotated[str, Query(pattern="^(day|week|month|year)$")] = "month",
) -> dict[str, Any]:
    items = cache.get_or_compute(("timeline", query.filter_key(flt), interval),
                                 lambda: query.timeline(store, flt, interval))
    return {"interval": interval, "items": items}


@router.get("/shares", summary="Events and fatalities per value of a column, with each value's share")
def shares(
    store: StoreDep, cache: CacheDep, flt: FilterDep, _: Reader,
    by: Annotated[str, Query(description="One of: " + ", ".join(sorted(query.SHARE_KEYS)))] = "event_type",
    limit: Annotated[int, Query(ge=1, le=500)] = 20,
) -> dict[str, Any]:
    if by not in query.SHARE_KEYS:
        raise HTTPException(422, f"by must be one of {', '.join(sorted(query.SHARE_KEYS))}")
    data: dict[str, Any] = cache.get_or_compute(("shares", query.filter_key(flt), by, limit),
                                                lambda: query.shares(store, flt, by, limit))
    return data


@router.get("/counts", summary="Events, fatalities, unknown-fatality events per period (and dimensions), "
            "via sigact.analyze (weeks: ACLED Saturday-Friday)")
def counts(
    store: StoreDep, cache: CacheDep, flt: FilterDep, _: Reader,
    per: Annotated[str, Query(pattern="^(day|week|month|year)$")] = "week",
    by: Annotated[list[str], Query(description="Dimensions, e.g. event_type, admin1, actor.")] = [],  # noqa: B006
) -> dict[str, Any]:
    try:
        items = cache.get_or_compute(("counts", query.filter_key(flt), per, tuple(by)),
                                     lambda: query.counts(store, flt, per, list(by)))
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from exc
    except LookupError as exc:
        raise HTTPException(501, str(exc)) from exc
    return {"per": per, "by": by, "items": items}
