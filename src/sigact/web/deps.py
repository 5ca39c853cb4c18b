"""Shared FastAPI dependencies: the store, the settings, filters from query parameters, auth."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, HTTPException, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool

from sigact.store import Store
from sigact.store.filters import EventFilter, where
from sigact.web.cache import TTLCache
from sigact.web.tokens import TokenInfo, check_token


@dataclass
class Settings:
    """How the server behaves. ``open_reads``: read endpoints need no token (default on localhost)."""

    open_reads: bool = True
    tile_url: str | None = None
    tile_attribution: str | None = None
    cache_ttl: float = 30.0
    warm: bool = False  # compute the unfiltered dashboard's answers in the background at start
    extra: dict[str, str] = field(default_factory=dict)


async def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


async def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_cache(request: Request) -> TTLCache:
    cache: TTLCache = request.app.state.cache
    return cache


StoreDep = Annotated[Store, Depends(get_store)]
CacheDep = Annotated[TTLCache, Depends(get_cache)]

_bearer = HTTPBearer(auto_error=False, description="A token from `sigact token create`.")


async def _token(request: Request, creds: HTTPAuthorizationCredentials | None) -> TokenInfo | None:
    if creds is None or creds.scheme.lower() != "bearer" or not creds.credentials:
        return None
    store: Store = request.app.state.store
    return await run_in_threadpool(check_token, store, creds.credentials)


async def reader(request: Request,
           creds: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)] = None) -> TokenInfo | None:
    """Allow a read: open by default, else any valid token."""
    if request.app.state.settings.open_reads:
        return None
    info = await _token(request, creds)
    if info is None:
        raise HTTPException(401, "a token is needed (sigact token create --role viewer)",
                            headers={"WWW-Authenticate": "Bearer"})
    return info


async def any_token(request: Request,
              creds: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)] = None) -> TokenInfo:
    """A valid token of any role."""
    info = await _token(request, creds)
    if info is None:
        raise HTTPException(401, "no valid token sent", headers={"WWW-Authenticate": "Bearer"})
    return info


async def analyst(request: Request,
            creds: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)] = None) -> TokenInfo:
    """Allow a write: an analyst token is required."""
    info = await _token(request, creds)
    if info is None:
        raise HTTPException(401, "a valid analyst token is needed (Authorization: Bearer <token>)",
                            headers={"WWW-Authenticate": "Bearer"})
    if info.role != "analyst":
        raise HTTPException(403, f"token '{info.name}' has role {info.role}; writing needs role analyst")
    return info


Reader = Annotated[TokenInfo | None, Depends(reader)]
Analyst = Annotated[TokenInfo, Depends(analyst)]
AnyToken = Annotated[TokenInfo, Depends(any_token)]


async def web_filter(
    date_from: Annotated[dt.date | None, Query(description="First day (YYYY-MM-DD).")] = None,
    date_to: Annotated[dt.date | None, Query(description="Last day (YYYY-MM-DD).")] = None,
    country: Annotated[list[str], Query(description="Country (repeat for several).")] = [],  # noqa: B006
    admin1: Annotated[list[str], Query()] = [],  # noqa: B006
    admin2: Annotated[list[str], Query()] = [],  # noqa: B006
    region_group: Annotated[list[str], Query(description="Named region grouping (analyze config).")] = [],  # noqa: B006
    actor: Annotated[list[str], Query(description="Actor involved (expanded through the registry).")] = [],  # noqa: B006
    actor_role: Annotated[str, Query(pattern="^(any|actor1|actor2)$")] = "any",
    include_uncertain: Annotated[bool, Query(description="Also 'A and/or B' attributions.")] = False,
    initiator_type: Annotated[list[str], Query(description="inter1 code or name (state, rebel...).")] = [],  # noqa: B006
    target_type: Annotated[list[str], Query(description="inter2 code or name.")] = [],  # noqa: B006
    event_type: Annotated[list[str], Query()] = [],  # noqa: B006
    exclude_event_type: Annotated[list[str], Query()] = [],  # noqa: B006
    sub_event_type: Annotated[list[str], Query()] = [],  # noqa: B006
    exclude_sub_event_type: Annotated[list[str], Query()] = [],  # noqa: B006
    disorder_type: Annotated[list[str], Query()] = [],  # noqa: B006
    tag: Annotated[list[str], Query(description="Tag (ACLED tags or extracted tags).")] = [],  # noqa: B006
    exclude_tag: Annotated[list[str], Query()] = [],  # noqa: B006
    status: Annotated[list[str], Query(description="automatic | reviewed | rejected")] = [],  # noqa: B006
    origin: Annotated[list[str], Query(description="acled | ucdp | extracted | manual")] = [],  # noqa: B006
    civilian_targeting: Annotated[bool | None, Query()] = None,
    include_merged: Annotated[bool, Query(description="Also events merged into another.")] = False,
    include_rejected: Annotated[bool, Query(description="Also rejected events (when no status is given).")] = True,
) -> EventFilter:
    """The filter the query parameters describe (empty values are ignored); 422 when invalid."""

    def clean(values: list[str]) -> list[str]:
        return [v for v in (s.strip() for s in values) if v]

    data = dict(
        date_from=date_from, date_to=date_to, country=clean(country), admin1=clean(admin1),
        admin2=clean(admin2), region_group=clean(region_group), actor=clean(actor), actor_role=actor_role,
        include_uncertain=include_uncertain, initiator_type=clean(initiator_type),
        target_type=clean(target_type), event_type=clean(event_type),
        exclude_event_type=clean(exclude_event_type), sub_event_type=clean(sub_event_type),
        exclude_sub_event_type=clean(exclude_sub_event_type), disorder_type=clean(disorder_type),
        tags=clean(tag), exclude_tags=clean(exclude_tag), status=clean(status), origin=clean(origin),
        civilian_targeting=civilian_targeting, include_merged=include_merged,
        include_rejected=include_rejected,
    )
    try:
        flt = EventFilter.from_dict(data)
        if flt.region_group:
            where(flt)  # an unknown region grouping fails here
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from exc
    return flt


FilterDep = Annotated[EventFilter, Depends(web_filter)]
