"""The FastAPI application: REST API under ``/api``, the dashboard at ``/``, API docs at ``/docs``.

Every answer carries a strict Content-Security-Policy (scripts, styles, images and requests
only from this server; no inline script), so text from reports can never run as code even if a
rendering bug slipped through. The dashboard itself renders untrusted text with ``textContent``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import FastAPI, Response
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sigact.store import Store, open_store
from sigact.web.boundaries import admin1_geojson
from sigact.web.cache import ResponseCache, TTLCache, data_version
from sigact.web.deps import Reader, Settings
from sigact.web.routers import events, review, stats

STATIC = Path(__file__).parent / "static"


def content_security_policy(settings: Settings) -> str:
    img = "'self' data:"
    if settings.tile_url:
        parts = urlsplit(settings.tile_url.replace("{s}", "a"))
        origin = f"{parts.scheme}://{parts.netloc}".replace("://a.", "://*.")
        img += f" {origin}"
    return "; ".join([
        "default-src 'none'", "script-src 'self'", "style-src 'self'", f"img-src {img}",
        "connect-src 'self'", "font-src 'self'", "base-uri 'none'", "form-action 'self'",
        "frame-ancestors 'none'", "object-src 'none'",
    ])


class SecurityHeaders:
    """Pure ASGI middleware adding the security headers to every HTTP answer."""

    def __init__(self, app: ASGIApp, csp: str) -> None:
        self.app = app
        self.headers = [
            (b"content-security-policy", csp.encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"no-referrer"),
            (b"x-frame-options", b"DENY"),
        ]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        api = scope["path"].startswith("/api/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += self.headers
                if api and not any(k.lower() == b"cache-control" for k, _ in headers):
                    headers.append((b"cache-control", b"no-store"))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(db: str | Store | None = None, settings: Settings | None = None) -> FastAPI:
    """The app serving the store at ``db`` (URL, file, an open Store, or the default database)."""
    settings = settings or Settings()
    app = FastAPI(
        title="sigact API",
        description="Conflict events coded in ACLED's schema, with the sentences and documents behind "
                    "each, and the review operations. Reads are open on localhost; writes need "
                    "`Authorization: Bearer <token>` from `sigact token create --role analyst`.",
        version="1",
        docs_url=None, redoc_url=None,  # FastAPI's pages load from a CDN; /docs below is local.
    )
    app.state.store = db if isinstance(db, Store) else open_store(db)
    app.state.settings = settings
    store = app.state.store
    app.state.cache = TTLCache(settings.cache_ttl, version=lambda: data_version(store))
    app.add_middleware(ResponseCache, cache=app.state.cache, enabled=settings.open_reads)
    app.add_middleware(SecurityHeaders, csp=content_security_policy(settings))  # outermost
    app.include_router(events.router)
    app.include_router(stats.router)
    app.include_router(review.router)

    @app.get("/api/config", tags=["meta"], summary="Dashboard settings (optional tile layer)")
    async def config(_: Reader) -> dict[str, Any]:
        return {"tile_url": settings.tile_url, "tile_attribution": settings.tile_attribution,
                "open_reads": settings.open_reads}

    @app.get("/api/status", tags=["meta"], summary="Server state: is the in-memory column copy ready?")
    async def status(_: Reader) -> dict[str, Any]:
        from sigact.web.columns import column_copy

        return {"column_copy": column_copy(app.state.store).state, "warm": settings.warm}

    @app.get("/api/boundaries/admin1.geojson", tags=["meta"], summary="Admin-1 outlines (map base layer)")
    def boundaries() -> Response:
        return Response(admin1_geojson(), media_type="application/geo+json",
                        headers={"Cache-Control": "public, max-age=86400"})

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(STATIC / "docs.html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    if settings.warm and settings.cache_ttl > 0:
        from sigact.web.warm import warm_in_background

        warm_in_background(app)
    return app
