"""``sigact review``: the events that need an analyst's attention, and why."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from sigact.cli._common import DbOption, console, store_for


def review_cmd(
    limit: Annotated[int, typer.Option("--limit", "-n", help="How many events to list.")] = 50,
    db: DbOption = None,
) -> None:
    """List events with low confidence, conflicting fatality figures or unresolved places."""
    from sigact.review import queue

    items = queue(store_for(db), limit=limit)
    if not items:
        console.print("nothing needs review", markup=False)
        return
    table = Table(title=f"{len(items)} event(s) to review (sigact event show ID)")
    for col in ("id", "date", "type", "place", "fatalities", "sources", "why"):
        table.add_column(col, overflow="fold")
    for it in items:
        e = it.event
        cells = (e.id, str(e.event_date), e.sub_event_type or e.event_type, e.location or e.admin1 or "?",
                 "" if e.fatalities is None else str(e.fatalities),
                 str(e.source_fields.get("source_count", "")), "; ".join(it.reasons))
        table.add_row(*(Text(c) for c in cells))  # plain text: report text may look like markup
    console.print(table, markup=False, highlight=False)


def register(app: typer.Typer) -> None:
    app.command("review")(review_cmd)
