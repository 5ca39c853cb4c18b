"""A small synthetic store for report tests: extracted events with their documents (one with a
malicious title, URL and notes), reviewed events, unknown fatalities, civilian targets."""

from __future__ import annotations

import datetime as dt

import pytest

from sigact.ingest import read_text
from sigact.model import Event
from sigact.store import Store
from sigact.store.provenance import insert_document, insert_mention

EVIL = "<script>alert('x')</script>"


def _event(i: int, day: dt.date, **kw: object) -> Event:
    base: dict[str, object] = dict(
        id=f"T-{i:03d}", origin="extracted", status="automatic", event_date=day, event_type="Battles",
        sub_event_type="Armed clash", actor1="JNIM: Group for Support of Islam and Muslims", inter1=2,
        actor2="Military Forces of Mali (2021-)", inter2=1, country="Mali", admin1="Mopti", admin2="Douentza",
        location="Boni", latitude=15.05, longitude=-1.99, geo_precision=1, fatalities=3,
    )  # fmt: skip
    base.update(kw)
    return Event(**base)  # type: ignore[arg-type]


@pytest.fixture
def report_store(sqlite_store: Store) -> Store:
    """March 2024 (10 events) vs the 29 days before (4 events) in Mali (SQLite)."""
    return populate(sqlite_store)


@pytest.fixture
def any_report_store(store: Store) -> Store:
    """The same events on SQLite and on PostgreSQL (skipped when no PostgreSQL can be started)."""
    return populate(store)


def populate(store: Store) -> Store:
    """Write the synthetic events and their two documents (one malicious) into ``store``."""
    march = [dt.date(2024, 3, d) for d in (2, 4, 6, 9, 12, 15, 18, 21, 25, 29)]
    events = []
    for i, day in enumerate(march):
        kw: dict[str, object] = {}
        if i % 3 == 0:
            kw.update(admin1="Gao", admin2="Gao", location="Gao", latitude=16.27, longitude=-0.04)
        if i in (1, 5):
            kw.update(event_type="Violence against civilians", sub_event_type="Attack", actor2="Civilians (Mali)",
                      inter2=7)  # fmt: skip
        if i == 2:
            kw.update(fatalities=None, time_precision=2)
        if i == 3:
            kw.update(origin="acled", status="reviewed", event_id_cnty="T-003", notes=EVIL, source="Reuters",
                      fatalities=25)  # fmt: skip
        if i == 4:
            kw.update(event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED",
                      tags_list=["IED"])  # fmt: skip
        events.append(_event(i, day, **kw))
    for j, day in enumerate([dt.date(2024, 2, 3), dt.date(2024, 2, 10), dt.date(2024, 2, 17), dt.date(2024, 2, 24)]):
        events.append(_event(100 + j, day, fatalities=1))
    docs = [
        read_text("Fighting in Boni.", "a.html", published=dt.date(2024, 3, 3), url="https://news.example.org/boni",
                  title=f"Attack in Boni {EVIL}"),
        read_text("A raid in Gao.", "b.html", published=dt.date(2024, 3, 5), url="javascript:alert(1)",
                  title="Gao raid"),
    ]
    with store.transaction() as conn:
        doc_ids = [insert_document(conn, d, "test") for d in docs]
        for k, ev in enumerate(events):
            store.add_event(ev, conn)
            if ev.origin == "extracted":
                insert_mention(conn, event_id=ev.id, document_id=doc_ids[k % 2], mention_index=k,
                               sentence=f"sentence {k}", char_start=0, char_end=5, extracted=None,
                               match_score=None, match_reason=None)  # fmt: skip
    return store
