"""Situation reports: one call from the event store to a cited, illustrated report.

    from sigact.report import ReportSpec, build_report, render
    report = build_report(store, ReportSpec(date_from=date(2019, 11, 1), date_to=date(2019, 12, 31),
                                            country=["Mali"], compare_to="previous"))
    render(report, "pdf", "mali.pdf")

``report.findings[i].figures`` holds the numbers each sentence was built from and
``report.findings[i].event_ids`` the events behind them; ``report.notes`` the numbered sources.
See ``docs/reports.md``.
"""

from sigact.report.build import build_report
from sigact.report.demo import write_demo_report
from sigact.report.model import Finding, Incident, Note, Report, Sentence
from sigact.report.render import render
from sigact.report.spec import ReportSpec

__all__ = ["Finding", "Incident", "Note", "Report", "ReportSpec", "Sentence", "build_report", "render",
           "write_demo_report"]  # fmt: skip
