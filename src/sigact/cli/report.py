"""``sigact report``: a cited, illustrated situation report (Markdown, HTML or PDF) from the store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sigact.cli._common import DbOption, console, fail, parse_date, store_for


def report_cmd(
    date_from: Annotated[str, typer.Option("--from", help="First day of the report period (YYYY-MM-DD).")],
    date_to: Annotated[str, typer.Option("--to", help="Last day of the report period (YYYY-MM-DD).")],
    out: Annotated[Path, typer.Option("--output", "-o", help="File to write (images go beside a .md file).")],
    country: Annotated[list[str] | None, typer.Option("--country", help="Country (repeatable).")] = None,
    admin1: Annotated[list[str] | None, typer.Option("--admin1", help="Admin-1 unit (repeatable).")] = None,
    actor: Annotated[list[str] | None, typer.Option("--actor", help="Actor involved (repeatable).")] = None,
    compare_to: Annotated[str, typer.Option(
        "--compare-to", help="'previous' (same length, just before), FIRST:LAST dates, or 'none'.")] = "previous",
    fmt: Annotated[str | None, typer.Option("--format", "-f", help="md, html or pdf (default: from -o).")] = None,
    title: Annotated[str | None, typer.Option("--title", help="Report title.")] = None,
    template_dir: Annotated[Path | None, typer.Option(
        "--template-dir", help="Folder with restyled report.html.j2 / report.md.j2 / report.css.")] = None,
    db: DbOption = None,
) -> None:
    """Write a situation report: key takeaway, numbered findings, chart, map, incidents, methods, sources."""
    from sigact.report import ReportSpec, build_report, render
    from sigact.report.render import FORMATS

    first, last = parse_date(date_from, "--from"), parse_date(date_to, "--to")
    assert first is not None and last is not None
    kind = fmt or out.suffix.lstrip(".").lower().replace("markdown", "md")
    if kind not in FORMATS:
        fail(f"--format must be one of {', '.join(FORMATS)} (got {kind!r})")
    try:
        spec = ReportSpec(date_from=first, date_to=last, country=list(country or []), admin1=list(admin1 or []),
                          actor=list(actor or []), compare_to=None if compare_to == "none" else compare_to,
                          title=title)  # fmt: skip
    except ValueError as exc:
        fail(str(exc))
    if template_dir is not None and not template_dir.is_dir():
        fail(f"--template-dir {template_dir} is not a folder")
    report = build_report(store_for(db), spec)
    path = render(report, kind, out, template_dir=template_dir)
    summary = (f"{report.stats.get('events', 0)} events, {len(report.findings)} findings, "
               f"{len(report.incidents)} incidents, {len(report.notes)} source notes")  # fmt: skip
    if report.empty:
        summary = "no events matched: the report says so"
    console.print(f"wrote {path} ({summary})", markup=False, highlight=False)


def register(app: typer.Typer) -> None:
    app.command("report")(report_cmd)
