"""Compute, in the background, the answers a dashboard asks for first (no filter), so the first
visitor after a start (or after a review write cleared the cache) does not wait for full scans."""

from __future__ import annotations

import asyncio
import logging
import threading

from fastapi import FastAPI

from sigact.web.actor_index import actor_index
from sigact.web.columns import column_copy
from sigact.web.deps import web_filter
from sigact.web.routers import events, stats

log = logging.getLogger(__name__)


def warm(app: FastAPI) -> None:
    """Fill the answer cache for the unfiltered dashboard (runs the route functions directly)."""
    asyncio.run(_warm(app))


async def _warm(app: FastAPI) -> None:
    store, cache = app.state.store, app.state.cache
    flt = await web_filter()
    try:
        from sigact.store.filters import actor_names

        actor_names("JNIM")  # loads the actor registry the actor filter expands names through
        column_copy(store).wait()
        actor_index(store).matches(["JNIM"], "any", False)  # distinct actor strings, built once
        await events.facets(store, cache, None)
        await stats.summary(store, cache, flt, None)
        await events.list_events(store, cache, flt, None, limit=50, offset=0, order="event_date", desc=True,
                           total=True, format="json")
        for interval in ("month", "week"):
            await stats.timeline(store, cache, flt, None, interval=interval)
        await events.geojson(store, cache, flt, None, limit=5000)
        await stats.shares(store, cache, flt, None, by="event_type", limit=20)
    except Exception:  # noqa: BLE001 - warming is an optimisation; a failure shows up in requests
        log.exception("warming the answer cache failed")


def warm_in_background(app: FastAPI) -> threading.Thread:
    thread = threading.Thread(target=warm, args=(app,), name="sigact-web-warm", daemon=True)
    thread.start()
    return thread
