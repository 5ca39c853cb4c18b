"""Commands on the event store: ``import``, ``export``, ``events``, ``db``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from sigact.cli._common import DbOption, console, fail, parse_date, store_for
from sigact.formats.errors import InputError
from sigact.formats.export import FORMATS, export_events
from sigact.store.filters import EventFilter

import_app = typer.Typer(help="Import ACLED or UCDP files into the store (one transaction per file).",
                         no_args_is_help=True)
db_app = typer.Typer(help="Database administration.", no_args_is_help=True)

Country = Annotated[list[str] | None, typer.Option("--country", help="Country (repeatable).")]
Admin1 = Annotated[list[str] | None, typer.Option("--admin1", help="Admin-1 region (repeatable).")]
Actor = Annotated[list[str] | None, typer.Option("--actor", help="Actor, as actor1 or actor2 (repeatable).")]
EventType = Annotated[list[str] | None, typer.Option("--event-type", help="Event type (repeatable).")]
DateFrom = Annotated[str | None, typer.Option("--from", help="First day, YYYY-MM-DD.")]
DateTo = Annotated[str | None, typer.Option("--to", help="Last day, YYYY-MM-DD.")]


def build_filter(country: list[str] | None, admin1: list[str] | None, actor: list[str] | None,
                 event_type: list[str] | None, date_from: str | None, date_to: str | None) -> EventFilter:
    return EventFilter(
        country=country or [], admin1=admin1 or [], actor=actor or [], event_type=event_type or [],
        date_from=parse_date(date_from, "--from"), date_to=parse_date(date_to, "--to"),
    )


def _run_import(kind: str, files: list[Path], db: str | None) -> None:
    from sigact.formats.acled import import_acled
    from sigact.formats.ucdp import import_ucdp

    importer = import_acled if kind == "acled" else import_ucdp
    store = store_for(db)
    for path in files:
        try:
            with console.status(f"importing {path} ..."):
                result = importer(store, path)
        except InputError as exc:
            fail(f"{exc}\nNothing was imported from {path}.")
        console.print(
            f"{path}: {result.rows} rows: {result.inserted} new, {result.updated} updated, "
            f"{result.unchanged} unchanged", highlight=False, markup=False,
        )


@import_app.command("acled")
def import_acled_cmd(
    files: Annotated[list[Path], typer.Argument(help="ACLED CSV export(s), current or older schema.")],
    db: DbOption = None,
) -> None:
    """Import ACLED CSV exports (idempotent on event_id_cnty; newer ACLED timestamps replace older rows)."""
    _run_import("acled", files, db)


@import_app.command("ucdp")
def import_ucdp_cmd(
    files: Annotated[list[Path], typer.Argument(help="UCDP GED CSV file(s).")],
    db: DbOption = None,
) -> None:
    """Import UCDP GED rows, mapped onto ACLED's schema (see docs/formats.md)."""
    _run_import("ucdp", files, db)


def export_cmd(
    fmt: Annotated[str, typer.Option("--format", "-f", help=f"One of: {', '.join(FORMATS)}.")] = "acled",
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Output file (default: stdout).")] = None,
    country: Country = None, admin1: Admin1 = None, actor: Actor = None, event_type: EventType = None,
    date_from: DateFrom = None, date_to: DateTo = None, db: DbOption = None,
) -> None:
    """Export events as an ACLED CSV, GeoJSON, Parquet or JSON Lines."""
    flt = build_filter(country, admin1, actor, event_type, date_from, date_to)
    try:
        n = export_events(store_for(db), flt, fmt, output, stdout=sys.stdout)
    except ValueError as exc:
        fail(str(exc))
    if output is not None:
        console.print(f"wrote {n} events to {output}", highlight=False, markup=False)


def events_cmd(
    country: Country = None, admin1: Admin1 = None, actor: Actor = None, event_type: EventType = None,
    date_from: DateFrom = None, date_to: DateTo = None,
    limit: Annotated[int, typer.Option("--limit", help="Show at most this many (newest first).")] = 50,
    db: DbOption = None,
) -> None:
    """List events in the terminal, newest first."""
    store = store_for(db)
    flt = build_filter(country, admin1, actor, event_type, date_from, date_to)
    total = store.count(flt)
    table = Table(title=f"{min(limit, total)} of {total} events", show_lines=False)
    for col in ("id", "date", "type", "actor1", "actor2", "location", "admin1", "fat."):
        table.add_column(col, overflow="fold")
    for ev in store.iter_events(flt, limit=limit, descending=True):
        # Text from reports is untrusted: rich must not interpret it as markup.
        from rich.text import Text

        table.add_row(*[Text(str(v) if v is not None else "") for v in (
            ev.id, ev.event_date.isoformat(), ev.sub_event_type or ev.event_type, ev.actor1, ev.actor2,
            ev.location, ev.admin1, "?" if ev.fatalities is None else ev.fatalities)])
    console.print(table)


@db_app.command("upgrade")
def db_upgrade(db: DbOption = None) -> None:
    """Create the database or bring its schema up to date (Alembic migrations)."""
    from sigact.store import migrate

    store = store_for(db)
    console.print(f"schema at revision {migrate.current_revision(store.engine)}", markup=False)


@db_app.command("info")
def db_info(db: DbOption = None) -> None:
    """Where the database is, its schema revision and what it holds."""
    from sqlalchemy import func, select

    from sigact.store import migrate
    from sigact.store.schema import audit_log, documents, events, mentions

    store = store_for(db)
    console.print(f"database: {store.engine.url.render_as_string(hide_password=True)}", markup=False)
    console.print(f"schema revision: {migrate.current_revision(store.engine)}", markup=False)
    with store.engine.connect() as conn:
        for name, table in (("events", events), ("documents", documents), ("mentions", mentions),
                            ("audit entries", audit_log)):
            console.print(f"{name}: {conn.execute(select(func.count()).select_from(table)).scalar_one()}")
        rows = conn.execute(select(events.c.origin, func.count()).group_by(events.c.origin)).all()
    for origin, n in rows:
        console.print(f"  origin {origin}: {n}", markup=False)


def register(app: typer.Typer) -> None:
    app.add_typer(import_app, name="import")
    app.add_typer(db_app, name="db")
    app.command("export")(export_cmd)
    app.command("events")(events_cmd)
