"""``sigact serve``: the dashboard and REST API (FastAPI on uvicorn)."""

from __future__ import annotations

import ipaddress
from typing import Annotated

import typer

from sigact.cli._common import DbOption, err_console


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def register(app: typer.Typer) -> None:
    @app.command()
    def serve(
        db: DbOption = None,
        host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
        port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
        open_reads: Annotated[bool | None, typer.Option(
            "--open-reads/--private",
            help="Reads without a token (default: open on a loopback address, private otherwise).")] = None,
        tile_url: Annotated[str | None, typer.Option(
            envvar="SIGACT_TILE_URL", help="Optional map tile URL template ({z}/{x}/{y}); none by default.")] = None,
        tile_attribution: Annotated[str | None, typer.Option(help="Attribution shown for the tiles.")] = None,
        workers: Annotated[int, typer.Option(help="uvicorn worker processes.")] = 1,
        cache_ttl: Annotated[float, typer.Option(
            help="Longest time (s) a read answer is reused; data changes clear it sooner (0: off).")] = 600.0,
    ) -> None:
        """Serve the dashboard at http://HOST:PORT/ and the API under /api (docs at /docs)."""
        import os

        import uvicorn

        from sigact.store.database import normalise_url

        reads = _is_loopback(host) if open_reads is None else open_reads
        # The app factory reads its settings from the environment so several workers agree.
        os.environ["SIGACT_WEB_DB"] = normalise_url(db)
        os.environ["SIGACT_WEB_OPEN_READS"] = "1" if reads else "0"
        os.environ["SIGACT_WEB_CACHE_TTL"] = str(cache_ttl)
        if tile_url:
            os.environ["SIGACT_WEB_TILE_URL"] = tile_url
        if tile_attribution:
            os.environ["SIGACT_WEB_TILE_ATTRIBUTION"] = tile_attribution
        err_console.print(f"sigact dashboard on http://{host}:{port}/  (API docs: /docs; reads "
                          f"{'open' if reads else 'need a token'}; writes need an analyst token)",
                          highlight=False, markup=False)
        uvicorn.run("sigact.web.server:app_from_env", factory=True, host=host, port=port,
                    workers=workers, log_level="warning")
