"""The store itself: schema, migrations, audit trail, manual fields, exports."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import text

from sigact.formats.export import export_events
from sigact.model import Event, as_date
from sigact.store import Store, migrate, open_store
from sigact.store.filters import EventFilter


def make_event(event_id: str = "EXT-1", **kw: object) -> Event:
    base: dict[str, object] = dict(id=event_id, event_date=dt.date(2024, 9, 17), event_type="Battles",
                                   sub_event_type="Armed clash", actor1="JNIM: Group for Support of Islam and Muslims",
                                   inter1=2, actor2="Military Forces of Mali (2021-)", inter2=1, country="Mali",
                                   admin1="Bamako", location="Bamako", latitude=12.65, longitude=-8.0,
                                   geo_precision=1, fatalities=70, notes="<script>alert(1)</script>")
    base.update(kw)
    return Event.model_validate(base)


def test_schema_is_at_head_and_sqlite_uses_wal(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "x.db"))
    assert migrate.current_revision(store.engine) == migrate.head_revision()
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    # opening again is a no-op
    assert migrate.current_revision(open_store(str(tmp_path / "x.db")).engine) == migrate.head_revision()


def test_event_derives_acled_codes() -> None:
    ev = make_event()
    assert ev.year == 2024 and ev.interaction == 12 and ev.disorder_type == "Political violence"
    with pytest.raises(ValueError):
        make_event(latitude=999)
    with pytest.raises(ValueError):
        make_event(status="maybe")


def test_as_date_reads_what_stores_and_exports_hold() -> None:
    assert as_date("2024-09-17") == dt.date(2024, 9, 17)
    assert as_date("2024-09-17T22:10:00") == dt.date(2024, 9, 17)
    assert as_date(dt.datetime(2024, 9, 17, 22, 10)) == dt.date(2024, 9, 17)
    assert as_date(dt.date(2024, 9, 17)) == dt.date(2024, 9, 17)
    for missing in (None, "", float("nan"), pd.NaT, "17/09/2024", "not a date"):
        assert as_date(missing) is None


def test_edits_are_audited_and_protected_from_automatic_updates(store: Store) -> None:
    with store.transaction() as conn:
        store.add_event(make_event(status="automatic"), conn, who="extractor")
    with store.transaction() as conn:
        store.update_event(conn, "EXT-1", {"fatalities": 20}, who="analyst@example.org")
    with store.transaction() as conn:
        after = store.update_event(conn, "EXT-1", {"fatalities": 99, "admin2": "Bamako"}, who="extractor",
                                   action="re-extract", manual=False)
    assert after.fatalities == 20 and after.admin2 == "Bamako"
    assert after.manual_fields == ["fatalities"]
    entries = store.audit_entries("EXT-1")
    assert [e["action"] for e in entries] == ["re-extract", "edit", "create"]
    edit = entries[1]
    assert edit["who"] == "analyst@example.org"
    assert edit["before"]["fatalities"] == 70 and edit["after"]["fatalities"] == 20


def test_filters_and_exports(store: Store, tmp_path: Path) -> None:
    with store.transaction() as conn:
        store.add_event(make_event("A"), conn)
        store.add_event(make_event("B", country="Burkina Faso", admin1="Sahel", event_date=dt.date(2023, 1, 1)), conn)
    assert [e.id for e in store.iter_events(EventFilter(country=["Mali"]))] == ["A"]
    assert store.count(EventFilter(date_from=dt.date(2024, 1, 1))) == 1
    gj = tmp_path / "e.geojson"
    export_events(store, None, "geojson", gj)
    data = json.loads(gj.read_text())
    assert data["type"] == "FeatureCollection" and len(data["features"]) == 2
    assert data["features"][0]["geometry"]["type"] == "Point"
    jl = tmp_path / "e.jsonl"
    export_events(store, None, "jsonl", jl)
    back = [Event.model_validate_json(line) for line in jl.read_text().splitlines()]
    assert {e.id for e in back} == {"A", "B"} and back[0].notes == "<script>alert(1)</script>"
    pq = tmp_path / "e.parquet"
    export_events(store, EventFilter(country=["Burkina Faso"]), "parquet", pq)
    frame = pd.read_parquet(pq)
    assert list(frame["id"]) == ["B"] and frame["fatalities"].iloc[0] == 70


def test_migrations_produce_exactly_the_declared_schema(store_url: str) -> None:
    """A database migrated to head has every table, column and index schema.py declares, and no more."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from sigact.store.schema import metadata

    store = open_store(store_url)
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": False}), metadata)
    assert diff == []


def test_downgrade_to_base_and_back(sqlite_url: str) -> None:
    from alembic import command

    store = open_store(sqlite_url)
    cfg = migrate._config()
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "base")
    assert migrate.current_revision(store.engine) is None
    migrate.upgrade(store.engine)
    assert migrate.current_revision(store.engine) == migrate.head_revision()
