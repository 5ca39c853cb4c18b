"""``sigact event show|accept|reject|edit|merge|split``: inspect and correct one event."""

from __future__ import annotations

import getpass
import os
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from sigact.cli._common import DbOption, console, fail, store_for

event_app = typer.Typer(help="Show, accept, reject, edit, merge or split events (every change is audited).",
                        no_args_is_help=True)


def _default_who() -> str:
    try:
        return os.environ.get("SIGACT_USER") or getpass.getuser()
    except Exception:  # no user name available (containers)
        return "analyst"


Who = Annotated[str | None, typer.Option("--who", help="Who makes the change (default: $SIGACT_USER or login).")]
Comment = Annotated[str | None, typer.Option("--comment", "-m", help="Why (kept in the audit log).")]


def _plain(*cells: str) -> list[Text]:
    """Table cells as plain text: report text is untrusted and may look like console markup."""
    return [Text(c) for c in cells]


def _print(text: str, **kw: Any) -> None:
    console.print(text, markup=False, highlight=False, **kw)


@event_app.command("show")
def show(event_id: str, db: DbOption = None) -> None:
    """The event, every report of it (document, sentence, why it was merged) and its audit trail."""
    from sigact.review import event_detail

    try:
        detail = event_detail(store_for(db), event_id)
    except KeyError:
        fail(f"no event with id {event_id!r}")
    e = detail.event
    _print(f"{e.id}  [{e.status}{', merged into ' + e.merged_into if e.merged_into else ''}]  origin {e.origin}")
    _print(f"{e.event_date} (time precision {e.time_precision})  {e.event_type} / {e.sub_event_type}")
    _print(f"actors: {e.actor1} vs {e.actor2}")
    _print(f"place: {e.location}, {e.admin2}, {e.admin1}, {e.country}  ({e.latitude}, {e.longitude}; "
           f"geo precision {e.geo_precision})")
    _print(f"fatalities: {e.fatalities}   confidence: {e.confidence}   sources "
           f"({e.source_fields.get('source_count', len(detail.mentions))}): {e.source}")
    if e.manual_fields:
        _print(f"set by an analyst: {', '.join(e.manual_fields)}")
    if detail.merged_from:
        _print(f"merged from: {', '.join(detail.merged_from)}")
    table = Table(title=f"{len(detail.mentions)} report(s)", show_lines=True)
    for col in ("mention", "document", "sentence", "told", "why linked"):
        table.add_column(col, overflow="fold")
    for m in detail.mentions:
        told = m["told"]
        table.add_row(*_plain(
            str(m["id"]),
            f"{m['doc_key']}\n{m['title'] or ''}\n{m['published'] or ''}\n{m['url'] or ''}",
            m["sentence"] or "",
            f"{told.get('event_date')} {told.get('location')} fatalities={told.get('fatalities')}",
            (f"{m['match_score']:.2f} " if m["match_score"] is not None else "") + (m["match_reason"] or ""),
        ))
    console.print(table, markup=False, highlight=False)
    if detail.audit:
        _print("audit:")
        for a in detail.audit:
            _print(f"  {a['at']} {a['who']} {a['action']}: {a['before']} -> {a['after']}"
                   + (f" ({a['comment']})" if a["comment"] else ""))


def _run(fn: Any, *args: Any) -> Any:
    try:
        return fn(*args)
    except KeyError as exc:
        fail(str(exc.args[0]) if exc.args else "unknown id")
    except ValueError as exc:
        fail(str(exc))


@event_app.command("accept")
def accept_cmd(event_id: str, who: Who = None, comment: Comment = None, db: DbOption = None) -> None:
    """Mark an event reviewed."""
    from sigact.review import accept

    e = _run(accept, store_for(db), event_id, who or _default_who(), comment)
    _print(f"{e.id}: {e.status}")


@event_app.command("reject")
def reject_cmd(event_id: str, who: Who = None, comment: Comment = None, db: DbOption = None) -> None:
    """Mark an event rejected."""
    from sigact.review import reject

    e = _run(reject, store_for(db), event_id, who or _default_who(), comment)
    _print(f"{e.id}: {e.status}")


def parse_assignments(items: list[str]) -> dict[str, Any]:
    """``field=value`` pairs; ``field=`` or ``field=none`` clears a field."""
    out: dict[str, Any] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            fail(f"{item!r}: expected field=value")
        out[name.strip()] = None if value.strip().lower() in ("", "none", "null") else value
    return out


@event_app.command("edit")
def edit_cmd(
    event_id: str,
    changes: Annotated[list[str], typer.Argument(help="field=value pairs, e.g. fatalities=12 location=Djibo")],
    who: Who = None, comment: Comment = None, db: DbOption = None,
) -> None:
    """Set fields by hand; automatic updates never overwrite them afterwards."""
    from sigact.review import edit

    e = _run(edit, store_for(db), event_id, parse_assignments(changes), who or _default_who(), comment)
    _print(f"{e.id}: set by hand: {', '.join(e.manual_fields)}")


@event_app.command("merge")
def merge_cmd(
    keep_id: Annotated[str, typer.Argument(help="The event to keep.")],
    other_ids: Annotated[list[str], typer.Argument(help="Events to merge into it.")],
    who: Who = None, comment: Comment = None, db: DbOption = None,
) -> None:
    """Merge events told by the same reports of one event."""
    from sigact.review import merge

    e = _run(merge, store_for(db), keep_id, other_ids, who or _default_who(), comment)
    _print(f"{e.id}: now {e.source_fields.get('source_count')} source(s), fatalities {e.fatalities}")


@event_app.command("split")
def split_cmd(
    event_id: str,
    mention_ids: Annotated[list[int], typer.Argument(help="Mention ids (see `sigact event show`) to split off.")],
    who: Who = None, comment: Comment = None, db: DbOption = None,
) -> None:
    """Move reports that tell a different event to a new event."""
    from sigact.review import split

    e = _run(split, store_for(db), event_id, mention_ids, who or _default_who(), comment)
    _print(f"new event {e.id} ({e.event_date}, {e.location})")


def register(app: typer.Typer) -> None:
    app.add_typer(event_app, name="event")
