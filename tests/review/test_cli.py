"""The command line: ingest (with a stand-in extractor), event show/accept/edit/merge/split, review."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from sigact.cli import app
from sigact.cli._common import console
from sigact.store import open_store
from tests.pipeline.fakes import ARBINDA, DJIBO_A, DJIBO_B

runner = CliRunner()


@pytest.fixture
def ingested(tmp_path: Path, sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("SIGACT_EXTRACTOR", "tests.pipeline.fakes:fake_extract")
    monkeypatch.setenv("SIGACT_EXTRACTOR_VERSION", "fake-1")
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text(DJIBO_A + ARBINDA)
    (folder / "b.txt").write_text(DJIBO_B)
    result = runner.invoke(app, ["ingest", str(folder), "--db", sqlite_url, "--show-merges"])
    assert result.exit_code == 0, result.output
    assert "documents: 2 new, 0 unchanged" in result.output
    assert "events: 2 new, 1 merged" in result.output
    again = runner.invoke(app, ["ingest", str(folder), "--db", sqlite_url])
    assert "documents: 0 new, 2 unchanged" in again.output and "events: 0 new, 0 merged" in again.output
    return sqlite_url


def test_event_show_lists_reports_and_why(ingested: str) -> None:
    djibo = next(e for e in open_store(ingested).iter_events() if e.location == "Djibo")
    out = runner.invoke(app, ["event", "show", djibo.id, "--db", ingested]).output
    assert "2 report(s)" in out and "merged into" in out and "Djibo" in out
    assert runner.invoke(app, ["event", "show", "nope", "--db", ingested]).exit_code == 1


def test_event_commands_change_and_audit(ingested: str) -> None:
    store = open_store(ingested)
    djibo = next(e for e in store.iter_events() if e.location == "Djibo")
    arbinda = next(e for e in store.iter_events() if e.location == "Arbinda")
    res = runner.invoke(app, ["event", "edit", djibo.id, "fatalities=41", "--who", "amina", "--db", ingested])
    assert res.exit_code == 0, res.output
    assert store.get_event(djibo.id).fatalities == 41  # type: ignore[union-attr]
    bad = runner.invoke(app, ["event", "edit", djibo.id, "fatalities=lots", "--who", "amina", "--db", ingested])
    assert bad.exit_code == 1
    assert runner.invoke(app, ["event", "accept", arbinda.id, "--who", "amina", "--db", ingested]).exit_code == 0
    assert store.get_event(arbinda.id).status == "reviewed"  # type: ignore[union-attr]
    mention = store.audit_entries(djibo.id)[0]
    assert mention["who"] == "amina"
    res = runner.invoke(app, ["event", "merge", djibo.id, arbinda.id, "--who", "amina", "--db", ingested])
    assert res.exit_code == 0, res.output
    assert store.get_event(arbinda.id).merged_into == djibo.id  # type: ignore[union-attr]
    from sigact.review import event_detail

    last = event_detail(store, djibo.id).mentions[-1]["id"]
    res = runner.invoke(app, ["event", "split", djibo.id, str(last), "--who", "amina", "--db", ingested])
    assert res.exit_code == 0 and "new event" in res.output


def test_review_lists_conflicts(tmp_path: Path, sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SIGACT_EXTRACTOR", "tests.pipeline.fakes:fake_extract")
    (tmp_path / "a.txt").write_text(DJIBO_A)
    (tmp_path / "b.txt").write_text(DJIBO_B.replace("| 40 |", "| 45 |").replace("At least 40", "45"))
    runner.invoke(app, ["ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--db", sqlite_url])
    monkeypatch.setattr(console, "width", 250)
    out = runner.invoke(app, ["review", "--db", sqlite_url]).output
    assert "conflicting fatality figures: 40, 45" in out


def test_report_text_that_looks_like_markup_is_shown_verbatim(tmp_path: Path, sqlite_url: str,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SIGACT_EXTRACTOR", "tests.pipeline.fakes:fake_extract")
    (tmp_path / "a.txt").write_text(DJIBO_A.replace("Gunmen killed", "[bold]Gunmen[/] [size=no report] killed"))
    runner.invoke(app, ["ingest", str(tmp_path / "a.txt"), "--db", sqlite_url])
    monkeypatch.setattr(console, "width", 250)
    event = next(open_store(sqlite_url).iter_events())
    out = runner.invoke(app, ["event", "show", event.id, "--db", sqlite_url])
    assert out.exit_code == 0 and "[bold]Gunmen[/] [size=no report]" in out.output


def test_ingest_skips_unreadable_files_and_goes_on(tmp_path: Path, sqlite_url: str,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SIGACT_EXTRACTOR", "tests.pipeline.fakes:fake_extract")
    (tmp_path / "a.txt").write_text(DJIBO_A)
    (tmp_path / "broken.pdf").write_bytes(b"not a pdf at all")
    (tmp_path / "b.txt").write_text(ARBINDA)
    result = runner.invoke(app, ["ingest", str(tmp_path), str(tmp_path / "missing.txt"), "--db", sqlite_url])
    assert result.exit_code == 0, result.output
    assert "documents: 2 new" in result.output
