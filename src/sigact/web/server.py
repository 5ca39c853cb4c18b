"""Build the app from ``SIGACT_WEB_*`` environment variables (used by ``sigact serve`` workers)."""

from __future__ import annotations

import os

from fastapi import FastAPI

from sigact.web.app import create_app
from sigact.web.deps import Settings


def app_from_env() -> FastAPI:
    settings = Settings(
        open_reads=os.environ.get("SIGACT_WEB_OPEN_READS", "1") == "1",
        tile_url=os.environ.get("SIGACT_WEB_TILE_URL") or None,
        tile_attribution=os.environ.get("SIGACT_WEB_TILE_ATTRIBUTION") or None,
        cache_ttl=float(os.environ.get("SIGACT_WEB_CACHE_TTL", "600")),
        warm=True,
    )
    return create_app(os.environ.get("SIGACT_WEB_DB"), settings)
