"""The store commands as a user types them."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from sigact.cli import app
from sigact.demo import demo_ucdp_path

runner = CliRunner()


def test_import_events_export(tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    result = runner.invoke(app, ["import", "ucdp", str(demo_ucdp_path()), "--db", db])
    assert result.exit_code == 0, result.output
    assert "1504 new" in result.output
    again = runner.invoke(app, ["import", "ucdp", str(demo_ucdp_path()), "--db", db])
    assert "0 new" in again.output and "1504 unchanged" in again.output
    listed = runner.invoke(app, ["events", "--db", db, "--admin1", "Sahel", "--from", "2023-01-01", "--limit", "5"])
    assert listed.exit_code == 0 and "of" in listed.output and "Sahel" in listed.output
    out = tmp_path / "x.csv"
    exported = runner.invoke(app, ["export", "--db", db, "--format", "acled", "--country", "Burkina Faso",
                                   "-o", str(out)])
    assert exported.exit_code == 0 and out.read_text().startswith("event_id_cnty,event_date,year")


def test_bad_file_exits_nonzero_with_location(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("event_id_cnty,event_date,event_type,actor1,country,latitude,longitude\n"
                   "X1,2019-01-01,Battles,A,Mali,12,2\nX2,2019-02-30,Battles,A,Mali,12,2\n")
    result = runner.invoke(app, ["import", "acled", str(bad), "--db", str(tmp_path / "db.sqlite")])
    assert result.exit_code != 0
    assert "row 3" in result.output and "event_date" in result.output and "Nothing was imported" in result.output


def test_bad_date_option(tmp_path: Path) -> None:
    result = runner.invoke(app, ["events", "--db", str(tmp_path / "db.sqlite"), "--from", "yesterday"])
    assert result.exit_code != 0 and "--from" in result.output
