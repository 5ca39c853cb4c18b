"""``sigact stats``: the same numbers in table, JSON and CSV, with the events behind them."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

from typer.testing import CliRunner

from sigact.cli import app
from sigact.store import Store, open_store
from tests.analyze.conftest import event

Fill = Callable[[Store, list[dict[str, Any]]], Store]


def run(url: str, *args: str) -> str:
    result = CliRunner().invoke(app, ["stats", *args, "--db", url])
    assert result.exit_code == 0, result.output
    return result.output


def test_formats_agree_and_explain_lists_ids(sqlite_url: str, fill: Fill) -> None:
    fill(open_store(sqlite_url), [event(id="c1", admin1="Mopti"), event(id="c2", admin1="Mopti"),
                                  event(id="c3", admin1="Gao", notes="[red]not markup[/red]")])
    doc = json.loads(run(sqlite_url, "share", "--by", "admin1", "-f", "json", "--explain"))
    rows = {r["admin1"]: r for r in doc["rows"]}
    assert rows["Mopti"]["events"] == 2 and rows["Mopti"]["event_ids"] == ["c1", "c2"]
    table = list(csv.DictReader(io.StringIO(run(sqlite_url, "share", "--by", "admin1", "-f", "csv"))))
    assert {r["admin1"]: int(r["events"]) for r in table} == {"Mopti": 2, "Gao": 1}
    text = run(sqlite_url, "count", "--by", "admin1", "--explain")
    assert "c1 c2" in text and "events behind each figure" in text


def test_filters_and_without_on_the_command_line(sqlite_url: str, fill: Fill) -> None:
    ied = "Remote explosive/landmine/IED"
    fill(open_store(sqlite_url), [
        event(id="d1", event_type="Explosions/Remote violence", sub_event_type=ied),
        event(id="d2"),
        event(id="d3", actor1="Military Forces of Mali (2013-2020)", inter1=1, actor2="Civilians (Mali)", inter2=7),
    ])
    doc = json.loads(run(sqlite_url, "count", "--actor", "Military Forces of Mali", "-f", "json", "--explain",
                         "--without", f"sub_event_type={ied} & actor1=JNIM"))
    assert doc["rows"][0]["event_ids"] == ["d2", "d3"]
    doc = json.loads(run(sqlite_url, "count", "--initiator-type", "state", "--civilian-targeting", "-f", "json"))
    assert doc["rows"][0]["events"] == 1


def test_bad_input_is_a_clear_error(sqlite_url: str) -> None:
    runner = CliRunner()
    bad = runner.invoke(app, ["stats", "count", "--db", sqlite_url, "--region", "Atlantis"])
    assert bad.exit_code == 1 and "unknown region" in bad.output
    bad = runner.invoke(app, ["stats", "count", "--db", sqlite_url, "--by", "colour"])
    assert bad.exit_code == 1 and "unknown dimension" in bad.output
    bad = runner.invoke(app, ["stats", "compare", "--db", sqlite_url, "--period", "2019"])
    assert bad.exit_code == 1
