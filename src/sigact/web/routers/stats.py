"""GET /api/stats/summary, /timeline, /shares, /counts (same filters as /api/events)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Response

from sigact.web import query
from sigact.web.cache import cached_json
from sigact.web.deps import CacheDep, FilterDep, Reader, StoreDep

router = APIRouter(prefix="/api/stats", tags=["stats"])


@router.get("/summary", summary="Number of events, fatalities, first and last date")
async def summary(store: StoreDep, cache: CacheDep, flt: FilterDep, _: Reader) -> Response:
    """``{"events", "fatalities", "date_min", "date_max"}``."""
    return await cached_json(cache, ("summary", query.filter_key(flt)), lambda: query.summary(store, flt))


@router.get("/timeline", summary="Events and fatalities per day, ACLED week (Saturday-Friday), month or year")
async def timeline(
    store: StoreDep, cache: CacheDep, flt: FilterDep, _: Reader,
    interval: Annotated[str, Query(pattern="^(day|week|month|year)$")] = "month",
) -> Response:
    """``{"interval", "items": [{"period", "events", "fatalities"}]}``, empty periods included."""
    return await cached_json(cache, ("timeline", query.filter_key(flt), interval),
                       lambda: {"interval": interval, "items": query.timeline(store, flt, interval)})


@router.get("/shares", summary="Events and fatalities per value of a column, with each value's share")
async def shares(
    store: StoreDep, cache: CacheDep, flt: FilterDep, _: Reader,
    by: Annotated[str, Query(description="One of: " + ", ".join(sorted(query.SHARE_KEYS)))] = "event_type",
    limit: Annotated[int, Query(ge=1, le=500)] = 20,
) -> Response:
    """``{"by", "total", "items": [{"key", "events", "fatalities", "share"}]}``, largest first."""
    if by not in query.SHARE_KEYS:
        raise HTTPException(422, f"by must be one of {', '.join(sorted(query.SHARE_KEYS))}")
    return await cached_json(cache, ("shares", query.filter_key(flt), by, limit),
                       lambda: query.shares(store, flt, by, limit))


@router.get("/counts", summary="Events, fatalities, unknown-fatality events per period (and dimensions), "
            "via sigact.analyze (weeks: ACLED Saturday-Friday)")
async def counts(
    store: StoreDep, cache: CacheDep, flt: FilterDep, _: Reader,
    per: Annotated[str, Query(pattern="^(day|week|month|year)$")] = "week",
    by: Annotated[list[str], Query(description="Dimensions, e.g. event_type, admin1, actor.")] = [],  # noqa: B006
) -> Response:
    """``{"per", "by", "items": [{"period", <dimensions>, "events", "fatalities", "fatalities_unknown"}]}``."""
    try:
        return await cached_json(cache, ("counts", query.filter_key(flt), per, tuple(by)),
                           lambda: {"per": per, "by": by, "items": query.counts(store, flt, per, list(by))})
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from exc
    except LookupError as exc:
        raise HTTPException(501, str(exc)) from exc
