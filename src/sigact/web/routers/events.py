"""GET /api/events (JSON or GeoJSON), /api/events.geojson, /api/events/{id}, /api/facets."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Response

from sigact.web import query
from sigact.web import review_adapter as review
from sigact.web.cache import cached_json
from sigact.web.deps import CacheDep, FilterDep, Reader, StoreDep

router = APIRouter(prefix="/api", tags=["events"])

MAX_PAGE = 1000
MAX_GEO = 20000


@router.get("/events", summary="Events matching the filters, one page at a time (JSON or GeoJSON)")
async def list_events(
    store: StoreDep, cache: CacheDep, flt: FilterDep, _: Reader,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
    order: Annotated[str, Query(description="Sort column: " + ", ".join(sorted(query.ORDERS)))] = "event_date",
    desc: bool = True,
    total: Annotated[bool, Query(description="Also count all matching events.")] = True,
    format: Annotated[str, Query(pattern="^(json|geojson)$")] = "json",
) -> Response:
    """``{"limit", "offset", "items": [event...], "total"}`` (``total`` unless ``total=false``)."""
    if order not in query.ORDERS:
        raise HTTPException(422, f"order must be one of {', '.join(sorted(query.ORDERS))}")
    if format == "geojson":
        return await geojson(store, cache, flt, _, min(limit, MAX_GEO))
    key = query.filter_key(flt)

    def answer() -> dict[str, Any]:
        out: dict[str, Any] = {"limit": limit, "offset": offset, "items": query.page(
            store, flt, limit=limit, offset=offset, order=order, descending=desc)}
        if total:
            out["total"] = cache.get_or_compute(("count", key), lambda: query.count(store, flt))
        return out

    return await cached_json(cache, ("events", key, limit, offset, order, desc, total), answer)


@router.get("/events.geojson", summary="Located events matching the filters as GeoJSON (most recent first)")
async def geojson(
    store: StoreDep, cache: CacheDep, flt: FilterDep, _: Reader,
    limit: Annotated[int, Query(ge=1, le=MAX_GEO)] = 5000,
) -> Response:
    """A GeoJSON FeatureCollection of Point features (properties: id, date, type, actors, place...)."""
    return await cached_json(cache, ("geo", query.filter_key(flt), limit),
                       lambda: query.geojson(store, flt, limit=limit), "application/geo+json")


@router.get("/events/{event_id}", summary="One event with its mentions (sentences, documents) and audit history")
def get_event(event_id: str, store: StoreDep, _: Reader) -> dict[str, Any]:
    try:
        return review.event_detail(store, event_id)
    except KeyError as exc:
        raise HTTPException(404, f"no event with id {event_id!r}") from exc


@router.get("/facets", summary="Values for filter lists: countries, admin1 per country, actors, types, tags")
async def facets(store: StoreDep, cache: CacheDep, _: Reader) -> Response:
    """``{"countries", "admin1": {country: [...]}, "event_types", "statuses", "actors", "tags"}``."""
    return await cached_json(cache, ("facets",), lambda: query.facets(store))
