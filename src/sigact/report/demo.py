"""The example report of ``make demo``: Burkina Faso, first quarter of 2023, from the bundled UCDP rows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sigact.report.build import build_report
from sigact.report.render import render
from sigact.report.spec import ReportSpec
from sigact.store import Store

DEMO_SPEC = {"country": ["Burkina Faso"], "date_from": dt.date(2023, 1, 1), "date_to": dt.date(2023, 3, 31)}


def demo_spec() -> ReportSpec:
    return ReportSpec(date_from=DEMO_SPEC["date_from"], date_to=DEMO_SPEC["date_to"],  # type: ignore[arg-type]
                      country=list(DEMO_SPEC["country"]), compare_to="previous")  # type: ignore[call-overload]


def write_demo_report(store: Store, out_dir: Path, formats: tuple[str, ...] = ("html", "pdf")) -> Path:
    """Write ``out_dir/report-burkina-faso-2023q1.<fmt>`` for each format; returns the first path."""
    report = build_report(store, demo_spec())
    paths = [render(report, fmt, Path(out_dir) / f"report-burkina-faso-2023q1.{fmt}") for fmt in formats]
    return paths[0]
