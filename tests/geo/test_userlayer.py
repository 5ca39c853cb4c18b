"""The user layer: learned from imported events, searched by the Geocoder, kept apart from the bundle."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sigact.geo import Geocoder
from sigact.geo.gazetteer import BUNDLED_PATH
from sigact.geo.userlayer import default_layer_path, learn_from_store, read_layer
from sigact.model import Event
from sigact.store import Store
from sigact.store.repository import event_to_row


def _event(eid: str, location: str, lat: float, lon: float, admin3: str = "Qxz Commune") -> Event:
    return Event(
        id=eid, origin="acled", event_date=dt.date(2020, 5, 1), event_type="Battles",
        sub_event_type="Armed clash", actor1="Unidentified Armed Group (Mali)", country="Mali",
        location=location, latitude=lat, longitude=lon, geo_precision=1, admin1="Mopti",
        admin2="Douentza", admin3=admin3,
    )  # fmt: skip


@pytest.fixture
def learned_layer(sqlite_store: Store, sqlite_url: str, tmp_path: Path) -> Path:
    events = [
        _event("T1", "Qxzwtown", 15.1, -2.5),
        _event("T2", "Qxzwtown", 15.1002, -2.5002),
        _event("T3", "Other Qxzw", 15.3, -2.7),
    ]
    with sqlite_store.transaction() as conn:
        sqlite_store.upsert_rows(conn, [event_to_row(e) for e in events])
    path = tmp_path / "user.sqlite"
    read, total = learn_from_store(sqlite_url, path)
    assert (read, total) == (2, 2)
    return path


def test_learn_reads_distinct_locations(learned_layer: Path) -> None:
    rows = {r.location: r for r in read_layer(learned_layer)}
    assert rows["Qxzwtown"].events == 2
    assert rows["Qxzwtown"].admin3 == "Qxz Commune"
    assert rows["Other Qxzw"].cc == "ML"


def test_geocoder_finds_learned_places_with_acled_admin_names(learned_layer: Path) -> None:
    before = Geocoder.load(user_layer=None).locate("Militants attacked Qxzwtown (Douentza, Mopti).")
    assert before is not None and before.geo_precision == 2  # unknown village: admin fallback
    geocoder = Geocoder.load(user_layer=learned_layer)
    place = geocoder.locate("Militants attacked Qxzwtown (Douentza, Mopti).")
    assert place is not None
    assert place.location == "Qxzwtown" and place.geo_precision == 1
    assert place.admin3 == "Qxz Commune"
    assert abs(place.latitude - 15.1) < 0.01


def test_learning_never_touches_the_bundled_layer(learned_layer: Path) -> None:
    assert learned_layer.resolve() != BUNDLED_PATH.resolve()
    assert Geocoder.load(user_layer=None).geocode("Qxzwtown") == []


def test_default_layer_path_from_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SIGACT_GAZETTEER_USER", str(tmp_path / "x.sqlite"))
    assert default_layer_path() == tmp_path / "x.sqlite"
    monkeypatch.delenv("SIGACT_GAZETTEER_USER")
    assert default_layer_path().name == "gazetteer-user.sqlite"
