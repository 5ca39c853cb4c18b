"""The example report from the bundled open UCDP rows (no ../shared needed): escalation and tactic-shift
findings equal the analytics results, and write_demo_report writes HTML and PDF."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from pypdf import PdfReader

from sigact.analyze.escalation import escalation
from sigact.analyze.tactics import tactic_shifts
from sigact.demo import demo_ucdp_path
from sigact.formats.ucdp import import_ucdp
from sigact.report import build_report, write_demo_report
from sigact.report.demo import demo_spec
from sigact.store import Store
from sigact.store.filters import EventFilter


@pytest.fixture
def demo_store(sqlite_store: Store) -> Store:
    import_ucdp(sqlite_store, demo_ucdp_path())
    return sqlite_store


def test_escalation_finding_equals_analytics(demo_store: Store) -> None:
    spec = demo_spec()
    report = build_report(demo_store, spec)
    flt = EventFilter(country=["Burkina Faso"], date_from=dt.date(2021, 12, 1), date_to=spec.date_to)
    flags = escalation(demo_store, flt, by=["admin1"], per="month", window=1, baseline=12)
    flags = flags[(flags["window_start"] >= pd.Timestamp(spec.date_from))
                  & (flags["window_end"] <= pd.Timestamp(spec.date_to))]  # fmt: skip
    esc = report.finding("escalation")
    assert esc is not None
    assert esc.figures.get("flag_count", 0) == len(flags)
    if len(flags):
        top = flags.sort_values("ratio", ascending=False).iloc[0]
        month = pd.Timestamp(top["window_start"]).strftime("%B %Y")
        assert f"{top['admin1']} escalated in {month}: {int(top['window_total'])} events" in esc.text
    else:
        assert "no escalation" in esc.text


def test_tactic_finding_equals_analytics(demo_store: Store) -> None:
    spec = demo_spec()
    report = build_report(demo_store, spec)
    shifts = tactic_shifts(demo_store, spec.filter(), area="admin1", lookback_days=365)
    tactics = report.finding("tactics")
    if shifts.empty:
        assert tactics is None
    else:
        assert tactics is not None and tactics.figures["shift_count"] == len(shifts)


def test_write_demo_report(demo_store: Store, tmp_path: Path) -> None:
    path = write_demo_report(demo_store, tmp_path)
    assert path.suffix == ".html" and path.is_file() and path.with_suffix(".pdf").is_file()
    html = path.read_text()
    assert "Burkina Faso" in html and "UCDP GED" in html and "Sundberg" in html
    reader = PdfReader(str(path.with_suffix(".pdf")))
    assert sum(len(p.images) for p in reader.pages) >= 2
