"""The in-memory column copy answers exactly what SQL answers."""

from __future__ import annotations

import datetime as dt

import pytest

from sigact.store import Store, open_store
from sigact.store.filters import EventFilter
from sigact.web import columns, query
from sigact.web import review_adapter as review
from tests.web.demo import EXTRACTED_ID

FILTERS = [
    EventFilter(),
    EventFilter(include_merged=False),
    EventFilter(include_merged=False, include_rejected=False),
    EventFilter(country=["Mali"]),
    EventFilter(country=["Mali", "Niger"], event_type=["Battles", "Protests"]),
    EventFilter(admin1=["Mopti"], date_from=dt.date(2023, 3, 1)),
    EventFilter(date_from=dt.date(2023, 2, 1), date_to=dt.date(2023, 8, 31)),
    EventFilter(exclude_event_type=["Battles"]),
    EventFilter(actor=["Wagner Group"]),
    EventFilter(actor=["JNIM"], actor_role="actor1"),
    EventFilter(actor=["Military Forces of Mali (2021-)"], actor_role="actor2", country=["Mali"]),
    EventFilter(actor=["No such actor"]),
    EventFilter(status=["rejected"]),
    EventFilter(status=["automatic"], origin=["acled"], sub_event_type=["Armed clash"]),
    EventFilter(country=["Atlantis"]),
]


@pytest.fixture
def stores(demo_store: Store, sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> tuple[Store, Store]:
    """(answers from the column copy, answers from SQL) over the same database."""
    review.reject(demo_store, "DEMO-005", "test")
    review.merge(demo_store, "DEMO-006", ["DEMO-007"], "test")
    review.accept(demo_store, EXTRACTED_ID, "test")
    monkeypatch.setattr(columns, "MIN_ROWS", 0)
    fast = open_store(sqlite_url)
    assert columns.column_copy(fast).wait(30) is not None
    slow = open_store(sqlite_url)
    columns.column_copy(slow)._small = True
    return fast, slow


@pytest.mark.parametrize("flt", FILTERS, ids=[str(f.to_dict()) for f in FILTERS])
def test_column_copy_matches_sql(stores: tuple[Store, Store], flt: EventFilter) -> None:
    fast, slow = stores
    assert columns.snapshot_for(fast, flt) is not None and columns.snapshot_for(slow, flt) is None
    assert query.count(fast, flt) == query.count(slow, flt)
    for offset in (0, 5):
        assert query.page(fast, flt, limit=7, offset=offset, order="event_date", descending=True) == \
            query.page(slow, flt, limit=7, offset=offset, order="event_date", descending=True)
    assert query.geojson(fast, flt, limit=9) == query.geojson(slow, flt, limit=9)
    assert query.summary(fast, flt) == query.summary(slow, flt)
    for interval in ("day", "week", "month"):
        assert query.timeline(fast, flt, interval) == query.timeline(slow, flt, interval)
    for by in ("event_type", "country", "admin1", "actor2", "status"):
        a, b = query.shares(fast, flt, by, 50), query.shares(slow, flt, by, 50)
        assert a["total"] == b["total"]
        assert sorted(map(str, a["items"])) == sorted(map(str, b["items"]))


def _same_answers(fast: Store, slow: Store, flt: EventFilter) -> None:
    assert query.count(fast, flt) == query.count(slow, flt)
    assert query.page(fast, flt, limit=60, offset=0, order="event_date", descending=True) == \
        query.page(slow, flt, limit=60, offset=0, order="event_date", descending=True)
    assert query.timeline(fast, flt, "month") == query.timeline(slow, flt, "month")
    for by in ("event_type", "admin1", "status"):
        assert sorted(map(str, query.shares(fast, flt, by, 50)["items"])) == \
            sorted(map(str, query.shares(slow, flt, by, 50)["items"]))


def test_reviews_patch_the_copy_and_new_events_reload_it(stores: tuple[Store, Store]) -> None:
    fast, slow = stores
    copy = columns.column_copy(fast)
    review.accept(fast, "DEMO-010", "test")
    review.reject(fast, "DEMO-011", "test")
    review.merge(fast, "DEMO-012", ["DEMO-013", "DEMO-014"], "test")
    review.edit(fast, "DEMO-015", {"fatalities": 77, "admin1": "A brand new region"}, "test")
    copy._checked = 0.0
    assert columns.snapshot_for(fast, EventFilter()) is not None  # patched in place, no reload
    for flt in FILTERS + [EventFilter(admin1=["A brand new region"]), EventFilter(status=["reviewed"])]:
        assert columns.snapshot_for(fast, flt) is not None
        _same_answers(fast, slow, flt)
    assert query.summary(fast, EventFilter(admin1=["A brand new region"]))["fatalities"] == 77
    # a new event changes the order: the copy reloads, SQL answers meanwhile
    mentions = review.event_detail(fast, EXTRACTED_ID)["mentions"]
    review.split(fast, EXTRACTED_ID, [mentions[1]["id"]], "test")
    copy._checked = 0.0
    assert columns.snapshot_for(fast, EventFilter()) is None
    _same_answers(fast, slow, EventFilter())
    assert copy.wait(30) is not None
    _same_answers(fast, slow, EventFilter(include_merged=False))


def test_unsupported_filters_go_to_sql(stores: tuple[Store, Store]) -> None:
    fast, _ = stores
    assert columns.snapshot_for(fast, EventFilter(tags=["IED"])) is None
    assert columns.snapshot_for(fast, EventFilter(ids=["DEMO-001"])) is None
    assert columns.snapshot_for(fast, EventFilter(region_group=["central Mali"])) is None
