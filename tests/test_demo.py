"""`make demo`: a database, events from text and a report, from bundled open data only."""

from __future__ import annotations

from pathlib import Path

from sigact.demo import build_demo
from sigact.store import open_store
from sigact.store.filters import EventFilter


def test_demo_builds_database_events_from_text_and_report(tmp_path: Path) -> None:
    lines: list[str] = []
    result = build_demo(tmp_path / "demo", say=lines.append)
    store = open_store(str(result.db_path))
    assert store.count(EventFilter(origin=["ucdp"])) == 1504
    extracted = list(store.iter_events(EventFilter(origin=["extracted"])))
    assert extracted, "the bundled Wikipedia excerpts should yield events"
    assert all(ev.evidence for ev in extracted)
    # The Barsalogho massacre (24 August 2024) is in the bundled excerpts.
    assert any(ev.event_date.isoformat() == "2024-08-24" and ev.country == "Burkina Faso" for ev in extracted)
    report = result.outputs["report"]
    assert report.exists() and report.stat().st_size > 10_000
    assert any("situation report" in line for line in lines)
    # building again starts from scratch: same counts
    again = build_demo(tmp_path / "demo", say=lambda _s: None)
    assert open_store(str(again.db_path)).count() == store.count()
