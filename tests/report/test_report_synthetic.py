"""Reports from a synthetic store: figures equal analytics, citations, escaping, formats, empty periods."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from sigact.report import ReportSpec, build_report, render
from sigact.report.render import md_escape
from sigact.store import Store
from tests.report.conftest import EVIL

MARCH = ReportSpec(date_from=dt.date(2024, 3, 1), date_to=dt.date(2024, 3, 31), country=["Mali"],
                   title=f"Mali {EVIL}")  # fmt: skip


def test_figures_are_the_store_counts(report_store: Store) -> None:
    report = build_report(report_store, MARCH)
    act = report.finding("activity")
    assert act is not None
    assert act.figures["events"] == 10
    assert act.figures["previous_events"] == 4  # comparison: the 31 days before March
    assert act.figures["comparison"] == ("2024-01-30", "2024-02-29")
    assert act.figures["rate"] == pytest.approx(10 / (31 / 7))
    assert "10 events" in act.text and f"{10 / (31 / 7):.1f} a week" in act.text
    fat = report.finding("fatalities")
    assert fat is not None
    # 8 events with 3 killed, one with 25, one unknown (not counted as zero)
    assert fat.figures["fatalities"] == 8 * 3 + 25 and fat.figures["fatalities_unknown_events"] == 1
    assert "At least 49 fatalities" in fat.text and "for 1 event the number of fatalities is unknown" in fat.text
    tgt = report.finding("targets")
    assert tgt is not None and tgt.figures["civilian_targeting_events"] == 2 and "(20% of all events)" in tgt.text
    assert sorted(tgt.event_ids) == ["T-001", "T-005"]


def test_unreviewed_events_are_flagged(report_store: Store) -> None:
    report = build_report(report_store, MARCH)
    takeaway = " ".join(s.text for s in report.takeaway)
    assert "9 events of 10 (90%) were coded automatically" in takeaway
    assert "1 event (10%) has approximate dates" in takeaway
    assert any(i.status == "automatic" for i in report.incidents)


def test_citations_name_documents_and_datasets(report_store: Store) -> None:
    report = build_report(report_store, MARCH)
    act = report.finding("activity")
    assert act is not None
    note = report.notes[act.sentences[0].notes[0] - 1]
    assert sorted(note.event_ids) == sorted(act.event_ids)
    urls = {d.url for d in note.documents}
    assert "https://news.example.org/boni" in urls
    assert None in urls  # the javascript: URL is kept as a document but never linked
    assert [d.name for d in note.datasets] == ["ACLED"] and note.datasets[0].event_ids == ["T-003"]
    deadliest = next(i for i in report.incidents if i.event_id == "T-003")
    assert deadliest.fatalities == 25 and report.notes[deadliest.note - 1].datasets[0].original_sources == ["Reuters"]


def test_html_is_self_contained_and_escaped(report_store: Store, tmp_path: Path) -> None:
    html = render(build_report(report_store, MARCH), "html", tmp_path / "r.html").read_text()
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "javascript:" not in html
    srcs = re.findall(r'\bsrc="([^"]*)"', html)
    assert len(srcs) == 2 and all(s.startswith("data:image/png;base64,") for s in srcs)
    hrefs = re.findall(r'\bhref="([^"]*)"', html)
    external = [h for h in hrefs if not h.startswith("#")]
    assert external == ["https://news.example.org/boni"] * len(external) and external
    assert "<link" not in html and "@import" not in html
    for n in {n for f in build_report(report_store, MARCH).findings for s in f.sentences for n in s.notes}:
        assert f'href="#note-{n}"' in html and f'id="note-{n}"' in html


def test_markdown_writes_images_beside_and_escapes(report_store: Store, tmp_path: Path) -> None:
    path = render(build_report(report_store, MARCH), "md", tmp_path / "sitrep.md")
    text = path.read_text()
    images = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text)
    assert len(images) == 2 and all((tmp_path / i).is_file() for i in images)
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "[^1]:" in text and "Figure 1." in text
    assert md_escape("a*b_[c](d)") == r"a\*b\_\[c\](d)"


def test_pdf_has_figures_and_sources(report_store: Store, tmp_path: Path) -> None:
    path = render(build_report(report_store, MARCH), "pdf", tmp_path / "r.pdf")
    reader = PdfReader(str(path))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert sum(len(page.images) for page in reader.pages) >= 2
    assert "Figure 1" in text and "Figure 2" in text and "Sources" in text and "Attack in Boni" in text


def test_empty_period_says_so(report_store: Store, tmp_path: Path) -> None:
    spec = ReportSpec(date_from=dt.date(2030, 1, 1), date_to=dt.date(2030, 1, 31), country=["Mali"])
    report = build_report(report_store, spec)
    assert report.empty and not report.figures and not report.incidents
    html = render(report, "html", tmp_path / "e.html").read_text()
    assert "No events matched" in html and "<img" not in html
    assert "No events matched" in render(report, "md", tmp_path / "e.md").read_text()
    render(report, "pdf", tmp_path / "e.pdf")


def test_no_comparison_and_explicit_comparison(report_store: Store) -> None:
    none = build_report(report_store, ReportSpec(date_from=dt.date(2024, 3, 1), date_to=dt.date(2024, 3, 31),
                                                 country=["Mali"], compare_to=None))  # fmt: skip
    act = none.finding("activity")
    assert act is not None and "previous_events" not in act.figures and "comparison period" not in act.text
    spec = ReportSpec(date_from=dt.date(2024, 3, 1), date_to=dt.date(2024, 3, 31), country=["Mali"],
                      compare_to="2024-02-01:2024-02-10")
    act = build_report(report_store, spec).finding("activity")
    assert act is not None and act.figures["previous_events"] == 2
    with pytest.raises(ValueError):
        ReportSpec(date_from=dt.date(2024, 3, 1), date_to=dt.date(2024, 3, 31), compare_to="last week")


def test_same_report_on_every_backend(any_report_store: Store) -> None:
    report = build_report(any_report_store, MARCH)
    act, fat = report.finding("activity"), report.finding("fatalities")
    assert act is not None and fat is not None
    assert (act.figures["events"], act.figures["previous_events"]) == (10, 4)
    assert (fat.figures["fatalities"], fat.figures["fatalities_unknown_events"]) == (49, 1)
    assert len(report.figures) == 2 and report.notes
