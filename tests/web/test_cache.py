"""The answer cache: reused until the data changes, computed once under concurrency."""

from __future__ import annotations

import threading
import time

from sigact.store import Store
from sigact.web.cache import TTLCache, data_version
from tests.web.demo import _event


def test_data_version_changes_when_an_event_is_added(demo_store: Store) -> None:
    import random

    before = data_version(demo_store)
    with demo_store.transaction() as conn:
        demo_store.add_event(_event(99, random.Random(0), id="DEMO-NEW"), conn, who="test")
    assert data_version(demo_store) != before


def test_cache_reuses_until_version_changes() -> None:
    version = [1]
    calls = []
    cache = TTLCache(ttl=60, version=lambda: version[0], version_every=0)

    def compute() -> int:
        calls.append(1)
        return len(calls)

    assert cache.get_or_compute("k", compute) == 1
    assert cache.get_or_compute("k", compute) == 1
    version[0] = 2
    assert cache.get_or_compute("k", compute) == 2


def test_cache_expires_after_ttl() -> None:
    cache = TTLCache(ttl=0.05)
    assert cache.get_or_compute("k", lambda: 1) == 1
    time.sleep(0.1)
    assert cache.get_or_compute("k", lambda: 2) == 2


def test_concurrent_misses_compute_once() -> None:
    cache = TTLCache(ttl=60)
    calls = []

    def slow() -> str:
        calls.append(1)
        time.sleep(0.2)
        return "v"

    results: list[str] = []
    threads = [threading.Thread(target=lambda: results.append(cache.get_or_compute("k", slow))) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == ["v"] * 8 and len(calls) == 1
