"""Options and helpers shared by the command modules."""

from __future__ import annotations

import datetime as dt
import sys
from typing import Annotated, NoReturn

import typer
from rich.console import Console

from sigact.store import Store, open_store

console = Console(soft_wrap=True)
err_console = Console(stderr=True)

DbOption = Annotated[
    str | None,
    typer.Option("--db", envvar="SIGACT_DB", help="Database URL or SQLite file (default ./sigact.db)."),
]


def store_for(db: str | None) -> Store:
    return open_store(db)


def fail(message: str, code: int = 1) -> NoReturn:
    """Print an error to stderr and exit with ``code``."""
    err_console.print(f"error: {message}", style="bold red", highlight=False, markup=False, soft_wrap=True)
    raise typer.Exit(code)


def parse_date(value: str | None, name: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(f"{name}: {value!r} is not a date (YYYY-MM-DD)")


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()
