"""``sigact geocode`` and ``sigact gazetteer`` from the command line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from typer.testing import CliRunner

from sigact.cli import app
from sigact.model import Event
from sigact.store import Store
from sigact.store.repository import event_to_row

runner = CliRunner()


def test_geocode_prints_candidates_and_choice(tmp_path: Path) -> None:
    result = runner.invoke(app, ["geocode", "Farabougou, Niono cercle", "--layer", str(tmp_path / "none.sqlite")])
    assert result.exit_code == 0, result.output
    assert "Farabougou" in result.output
    assert "chosen: Farabougou (Mali; Segou / Niono" in result.output


def test_geocode_unknown_name_fails(tmp_path: Path) -> None:
    result = runner.invoke(app, ["geocode", "Qxzqwv", "--layer", str(tmp_path / "none.sqlite")])
    assert result.exit_code == 1


def test_gazetteer_learn_and_info(sqlite_store: Store, sqlite_url: str, tmp_path: Path) -> None:
    event = Event(
        id="T9", origin="acled", event_date=dt.date(2020, 1, 2), event_type="Battles", sub_event_type="Armed clash",
        actor1="X", country="Burkina Faso", location="Qxzwbourg", latitude=13.1, longitude=-1.2, geo_precision=1,
        admin1="Centre-Nord", admin2="Sanmatenga", admin3="Pensa",
    )  # fmt: skip
    with sqlite_store.transaction() as conn:
        sqlite_store.upsert_rows(conn, [event_to_row(event)])
    layer = tmp_path / "layer.sqlite"
    result = runner.invoke(app, ["gazetteer", "learn", "--db", sqlite_url, "--layer", str(layer)])
    assert result.exit_code == 0, result.output
    assert "learned 1 distinct locations" in result.output
    info = runner.invoke(app, ["gazetteer", "info", "--layer", str(layer)])
    assert info.exit_code == 0
    assert "1 locations" in info.output
    found = runner.invoke(app, ["geocode", "Qxzwbourg", "--layer", str(layer)])
    assert found.exit_code == 0
    assert "Centre-Nord" in found.output
