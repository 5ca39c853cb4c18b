"""``sigact actors``: browse the actor registry, resolve names, find actors in a text, sync the store."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from sigact.actors import Registry
from sigact.cli._common import DbOption, console, fail, parse_date, store_for

actors_app = typer.Typer(
    help="The actor registry: ACLED names, aliases (EN/FR), periods, sub-groups.", no_args_is_help=True
)

FormatOption = Annotated[str, typer.Option("--format", "-f", help="table or json.")]
DateOption = Annotated[str | None, typer.Option("--date", help="Event date (YYYY-MM-DD) for period-specific names.")]
CountryOption = Annotated[str | None, typer.Option("--country", help="Country, for role nouns and same-named actors.")]


def _check_format(fmt: str) -> None:
    if fmt not in ("table", "json"):
        fail(f"--format: {fmt!r} is not one of table, json")


def _print_json(value: object) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


@actors_app.command("list")
def list_actors(
    country: Annotated[str | None, typer.Option("--country", help="Only actors of this country.")] = None,
    inter: Annotated[int | None, typer.Option("--inter", help="Only actors of this ACLED type (1-8).")] = None,
    fmt: FormatOption = "table",
) -> None:
    """List the registry's actors (ACLED names) with type, country, parent and period."""
    _check_format(fmt)
    reg = Registry.default()
    rows: list[dict[str, Any]] = [
        {
            "name": a.name,
            "inter": a.inter,
            "country": a.country,
            "parent": reg.parent(a.name),
            "start": a.start.isoformat() if a.start else None,
            "end": a.end.isoformat() if a.end else None,
        }
        for a in reg
        if (country is None or a.country == country) and (inter is None or a.inter == inter)
    ]
    if fmt == "json":
        _print_json(rows)
        return
    table = Table("name", "inter", "country", "parent", "period")
    for r in rows:
        period = f"{r['start'] or ''} .. {r['end'] or ''}" if r["start"] or r["end"] else ""
        table.add_row(
            *(Text(v) for v in (r["name"], str(r["inter"] or ""), r["country"] or "", r["parent"] or "", period))
        )
    console.print(table)
    console.print(f"{len(rows)} actors", highlight=False)


@actors_app.command("show")
def show(
    name: Annotated[str, typer.Argument(help="Any name, alias or spelling (EN/FR).")],
    date: DateOption = None,
    country: CountryOption = None,
    fmt: FormatOption = "table",
) -> None:
    """Show the actor a name stands for: ACLED name, type, parent, period, aliases, what a filter expands to."""
    _check_format(fmt)
    reg = Registry.default()
    when = parse_date(date, "--date")
    canonical = reg.canonical(name, date=when, country=country)
    actor = reg.get(canonical) if canonical else None
    if canonical is None or actor is None:
        fail(f"no actor named {name!r} in the registry")
    info: dict[str, Any] = {
        "name": actor.name,
        "inter": actor.inter,
        "country": actor.country,
        "parent": reg.parent(actor.name),
        "start": actor.start.isoformat() if actor.start else None,
        "end": actor.end.isoformat() if actor.end else None,
        "aliases": reg.aliases_of(actor.name),
        "expands_to": reg.expand(actor.name),
    }
    if fmt == "json":
        _print_json(info)
        return
    for key in ("name", "inter", "country", "parent", "start", "end"):
        console.print(f"{key:>8}: {info[key] if info[key] is not None else ''}", highlight=False, markup=False)
    console.print(f" aliases: {', '.join(info['aliases'])}", highlight=False, markup=False, soft_wrap=True)
    console.print(" expands to:", highlight=False)
    for n in info["expands_to"]:
        console.print(f"   {n}", highlight=False, markup=False)


@actors_app.command("resolve")
def resolve(
    text: Annotated[str, typer.Argument(help="A text; '-' reads standard input.")],
    date: DateOption = None,
    country: CountryOption = None,
    fmt: FormatOption = "table",
) -> None:
    """Print the actor mentions found in a text (named actors and role nouns such as 'gunmen')."""
    _check_format(fmt)
    if text == "-":
        text = sys.stdin.read()
    reg = Registry.default()
    mentions = reg.find(text, date=parse_date(date, "--date"), country=country)
    if fmt == "json":
        _print_json(
            [
                {
                    "surface": m.surface,
                    "start": m.start,
                    "end": m.end,
                    "canonical": m.canonical,
                    "inter": m.inter,
                    "kind": m.kind,
                    "qualifier": m.qualifier,
                    "coded_as": m.coded_as,
                }
                for m in mentions
            ]
        )
        return
    table = Table("surface", "span", "canonical", "inter", "kind", "qualifier")
    for m in mentions:
        cells = (m.surface, f"{m.start}-{m.end}", m.canonical or "", str(m.inter or ""), m.kind, m.qualifier or "")
        table.add_row(*(Text(c) for c in cells))
    console.print(table)


@actors_app.command("check")
def check(
    files: Annotated[list[Path] | None, typer.Argument(help="Extra data files to add to the bundled registry.")] = None,
) -> None:
    """Check the registry (and extra data files of the same format): exit 1 when an alias is taken by another
    actor or a name it refers to is unknown."""
    from sigact.actors.registry import Registry as _Registry

    try:
        reg = _Registry.from_path(None, extra=list(files or []))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        fail(f"cannot load the registry: {exc}")
    problems = reg.problems()
    for problem in problems:
        console.print(problem, highlight=False, markup=False)
    console.print(f"{len(reg)} actors, {reg.trie.size} aliases, {len(problems)} problems", highlight=False)
    if problems:
        raise typer.Exit(1)


@actors_app.command("sync")
def sync(db: DbOption = None) -> None:
    """Write the registry into the store's actors table (user-added rows are kept)."""
    from sigact.actors.sync import sync_actors

    count = sync_actors(store_for(db))
    console.print(f"{count} actors written", highlight=False)


def register(app: typer.Typer) -> None:
    app.add_typer(actors_app, name="actors")
