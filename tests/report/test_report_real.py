"""Reports from the real shared data (skipped when ../shared is absent): the ACLED Mali proof case,
numbers checked against pandas computed straight from the CSV, and a report from ingested articles."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd
import pytest
from pypdf import PdfReader

from sigact.formats.acled import import_acled
from sigact.report import ReportSpec, build_report, render
from sigact.report.wording import pct
from sigact.store import Store

SPEC = ReportSpec(date_from=dt.date(2019, 11, 1), date_to=dt.date(2019, 12, 31), country=["Mali"])


@pytest.fixture
def acled_store(acled_csv: Path, sqlite_store: Store) -> Store:
    import_acled(sqlite_store, acled_csv)
    return sqlite_store


@pytest.fixture
def mali(acled_csv: Path) -> pd.DataFrame:
    frame = pd.read_csv(acled_csv, dtype=str)
    frame["event_date"] = pd.to_datetime(frame["event_date"])
    frame["fatalities"] = pd.to_numeric(frame["fatalities"])
    return frame[frame["country"] == "Mali"]


def _period(frame: pd.DataFrame, a: str, b: str) -> pd.DataFrame:
    return frame[(frame["event_date"] >= a) & (frame["event_date"] <= b)]


def test_numbers_in_the_text_equal_independent_counts(acled_store: Store, mali: pd.DataFrame) -> None:
    report = build_report(acled_store, SPEC)
    now = _period(mali, "2019-11-01", "2019-12-31")
    before = _period(mali, "2019-09-01", "2019-10-31")  # the previous two months (61 days)
    act = report.finding("activity")
    assert act is not None
    assert act.figures["events"] == len(now) and act.figures["previous_events"] == len(before)
    assert f"{len(now)} events" in act.text and f"{len(before)} events" in act.text
    weekly = len(now) / (61 / 7)
    assert f"{weekly:.1f} a week" in act.text
    change = 100 * (len(now) - len(before)) / len(before)
    assert f"{abs(change):.0f}%" in act.text
    geo = report.finding("geography")
    assert geo is not None
    shares = now["admin1"].value_counts()
    top = shares.index[0]
    assert geo.figures["admin1"][0]["admin1"] == top
    assert f"{top} ({shares.iloc[0]} events, {pct(shares.iloc[0] / len(now))})" in geo.text
    fat = report.finding("fatalities")
    assert fat is not None and fat.figures["fatalities"] == int(now["fatalities"].sum())
    assert f"At least {int(now['fatalities'].sum())} fatalities" in fat.text
    # this export has no civilian_targeting column: ACLED's rule is then "the target side is civilians"
    if "civilian_targeting" in now:
        civ = now["civilian_targeting"].fillna("") == "Civilian targeting"
    else:
        civ = now["inter2"].astype(float) == 7
    tgt = report.finding("targets")
    assert tgt is not None and tgt.figures["civilian_targeting_events"] == int(civ.sum())
    assert f"in {int(civ.sum())} events ({pct(civ.mean())} of all events)" in tgt.text
    assert sorted(tgt.event_ids) == sorted(now.loc[civ, "event_id_cnty"])
    deadliest = now.sort_values("fatalities", ascending=False).iloc[0]
    assert any(i.event_id == deadliest["event_id_cnty"] and i.fatalities == deadliest["fatalities"]
               for i in report.incidents)  # fmt: skip
    assert 3 <= len(report.findings) <= 6


def test_pdf_has_chart_map_and_citations(acled_store: Store, tmp_path: Path) -> None:
    report = build_report(acled_store, SPEC)
    path = render(report, "pdf", tmp_path / "mali.pdf")
    reader = PdfReader(str(path))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert sum(len(page.images) for page in reader.pages) >= 2
    assert "Figure 1" in text and "Figure 2" in text and "Saturday to Friday" in text
    flat = re.sub(r"\s+", " ", text)
    for note in report.notes:
        assert note.about in flat
    assert "Raleigh" in flat
    incident = report.incidents[0]
    assert incident.event_id in flat


def test_report_from_ingested_articles(articles_dir: Path, sqlite_store: Store, tmp_path: Path) -> None:
    from sigact.ingest import read_path
    from sigact.pipeline import ingest

    ingest(sqlite_store, read_path(articles_dir))
    frame = sqlite_store.events_frame()
    assert len(frame)
    spec = ReportSpec(date_from=dt.date(2023, 1, 1), date_to=dt.date(2025, 12, 31), country=["Mali"])
    report = build_report(sqlite_store, spec)
    assert not report.empty
    docs = [d for n in report.notes for d in n.documents]
    assert docs and any(d.url and d.url.startswith("http") for d in docs)
    takeaway = " ".join(s.text for s in report.takeaway)
    assert "coded automatically" in takeaway and "not been reviewed" in takeaway
    html = render(report, "html", tmp_path / "articles.html").read_text()
    assert "automatic, unreviewed" in html
