"""Helpers for analytics tests: small stores filled with hand-made events."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from typing import Any

import pytest

from sigact.model import Event
from sigact.store import Store

_ids = itertools.count()


def event(**fields: Any) -> dict[str, Any]:
    """An event row; sensible defaults for whatever the test does not care about."""
    values: dict[str, Any] = {
        "id": f"T{next(_ids):06d}",
        "origin": "acled",
        "status": "reviewed",
        "event_date": dt.date(2019, 1, 7),
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "actor1": "JNIM: Group for Support of Islam and Muslims",
        "inter1": 2,
        "actor2": "Military Forces of Mali (2013-2020)",
        "inter2": 1,
        "country": "Mali",
        "admin1": "Mopti",
        "admin2": "Bandiagara",
        "location": "Bandiagara",
        "fatalities": 1,
    }
    values.update(fields)
    return Event(**values).model_dump()


@pytest.fixture
def fill() -> Callable[[Store, list[dict[str, Any]]], Store]:
    def _fill(store: Store, rows: list[dict[str, Any]]) -> Store:
        with store.transaction() as conn:
            store.upsert_rows(conn, rows)
        return store

    return _fill
