"""A small cache for read answers (statistics over a million rows take a while).

An entry stays valid until the data changes or ``ttl`` seconds pass, whichever comes first. The
data's version (see :func:`data_version`: the newest audit-log entry and the newest import, two
primary-key lookups) is checked at most once a second; any write through the API also clears the
cache, so a reviewer sees their own change at once. Writes that leave no audit or import record
show within ``ttl``. Concurrent requests for the same missing key wait for one computation
instead of all running it.
"""

from __future__ import annotations

import json
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any
from urllib.parse import parse_qsl

from sqlalchemy import func, select
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sigact.store import Store
from sigact.store.schema import audit_log, imports


def data_version(store: Store) -> tuple[Any, ...]:
    """Changes whenever an event is created, edited, reviewed or imported."""
    with store.engine.connect() as conn:
        return (conn.execute(select(func.max(audit_log.c.id))).scalar(),
                conn.execute(select(func.max(imports.c.id))).scalar())


class TTLCache:
    def __init__(self, ttl: float = 30.0, size: int = 1024,
                 version: Callable[[], Hashable] | None = None, version_every: float = 1.0) -> None:
        self.ttl = ttl
        self.size = size
        self._data: OrderedDict[Hashable, tuple[float, Any]] = OrderedDict()
        self._lock = threading.Lock()
        self._inflight: dict[Hashable, threading.Lock] = {}
        self._version = version
        self._version_every = version_every
        self._seen_version: Hashable = None
        self._checked_at = 0.0

    def _check_version(self) -> None:
        if self._version is None:
            return
        now = time.monotonic()
        with self._lock:
            if now - self._checked_at < self._version_every:
                return
            self._checked_at = now
        current = self._version()
        with self._lock:
            if current != self._seen_version:
                self._data.clear()
                self._seen_version = current

    def get_or_compute(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        if self.ttl <= 0:
            return compute()
        self._check_version()
        found, value = self._lookup(key)
        if found:
            return value
        with self._lock:
            key_lock = self._inflight.setdefault(key, threading.Lock())
        with key_lock:
            found, value = self._lookup(key)
            if found:
                return value
            value = compute()
            with self._lock:
                self._data[key] = (time.monotonic() + self.ttl, value)
                self._data.move_to_end(key)
                while len(self._data) > self.size:
                    self._data.popitem(last=False)
                self._inflight.pop(key, None)
        return value

    def put(self, key: Hashable, value: Any) -> None:
        if self.ttl <= 0:
            return
        with self._lock:
            self._data[key] = (time.monotonic() + self.ttl, value)
            self._data.move_to_end(key)
            while len(self._data) > self.size:
                self._data.popitem(last=False)

    def peek(self, key: Hashable) -> tuple[bool, Any]:
        """(True, value) when ``key`` is cached and current, else (False, None)."""
        if self.ttl <= 0:
            return False, None
        self._check_version()
        return self._lookup(key)

    def _lookup(self, key: Hashable) -> tuple[bool, Any]:
        with self._lock:
            hit = self._data.get(key)
            if hit is not None and hit[0] > time.monotonic():
                self._data.move_to_end(key)
                return True, hit[1]
        return False, None

    def clear(self) -> None:
        with self._lock:
            self._data.clear()


def json_bytes(value: Any) -> bytes:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False, default=str).encode("utf-8")


async def cached_json(cache: TTLCache, key: Hashable, compute: Callable[[], Any],
                      media_type: str = "application/json") -> Response:
    """A JSON response whose serialised body is cached. A hit is answered on the event loop (no
    encoding, no thread); a miss computes in the thread pool."""
    found, body = cache.peek(key)
    if not found:
        body = await run_in_threadpool(cache.get_or_compute, key, lambda: json_bytes(compute()))
    return Response(content=body, media_type=media_type)


CACHED_PATHS = ("/api/events", "/api/events.geojson", "/api/facets")
CACHED_PREFIX = "/api/stats/"


class ResponseCache:
    """ASGI middleware answering repeated read requests (same path and query string) from the
    cache, before FastAPI parses parameters: a hit costs a dictionary lookup. Only used when reads
    need no token; entries share the :class:`TTLCache` and so expire when the data changes."""

    def __init__(self, app: ASGIApp, cache: TTLCache, enabled: bool) -> None:
        self.app = app
        self.cache = cache
        self.enabled = enabled and cache.ttl > 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if (not self.enabled or scope["type"] != "http" or scope["method"] != "GET"
                or not (path in CACHED_PATHS or path.startswith(CACHED_PREFIX))):
            await self.app(scope, receive, send)
            return
        query = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        key = ("response", path, tuple(sorted(query)))
        found, hit = self.cache.peek(key)
        if found:
            headers, body = hit
            await send({"type": "http.response.start", "status": 200, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        start: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body") and start.get("status") == 200:
                    self.cache.put(key, (list(start.get("headers", [])), b"".join(chunks)))
            await send(message)

        await self.app(scope, receive, capture)
