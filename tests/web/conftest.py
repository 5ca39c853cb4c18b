"""Fixtures for the web tests: a demo store, tokens, a TestClient and a live server."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from fastapi.testclient import TestClient

from sigact.store import Store, open_store
from sigact.web import Settings, create_app
from sigact.web.tokens import create_token
from tests.web.demo import build_demo


@dataclass
class Tokens:
    analyst: str
    viewer: str


@pytest.fixture
def demo_store(sqlite_url: str) -> Store:
    store = open_store(sqlite_url)
    build_demo(store)
    return store


@pytest.fixture
def tokens(demo_store: Store) -> Tokens:
    return Tokens(analyst=create_token(demo_store, "analyst", "ana")[0],
                  viewer=create_token(demo_store, "viewer", "vic")[0])


@pytest.fixture
def client(demo_store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(demo_store, Settings(cache_ttl=30))) as c:
        yield c


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def live_server(demo_store: Store) -> Iterator[str]:
    """The app on uvicorn in a thread, on a free loopback port; yields its base URL."""
    import uvicorn

    port = free_port()
    config = uvicorn.Config(create_app(demo_store), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the web server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
