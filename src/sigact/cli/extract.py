"""``sigact extract``: events in reports, coded in ACLED's columns, with their evidence (nothing stored)."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from sigact.cli._common import console, fail, parse_date

OUTPUT_FIELDS: tuple[str, ...] = (
    "doc_id", "event_date", "time_precision", "disorder_type", "event_type", "sub_event_type", "actor1",
    "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso",
    "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "fatalities",
    "notes", "evidence", "confidence",
)  # fmt: skip
_TABLE_FIELDS = ("doc_id", "event_date", "sub_event_type", "actor1", "actor2", "location", "admin1", "fatalities",
                 "confidence", "evidence")  # fmt: skip


def _record(doc_key: str, event: Any) -> dict[str, Any]:
    row: dict[str, Any] = {"doc_id": doc_key}
    for f in OUTPUT_FIELDS[1:]:
        value = getattr(event, f)
        row[f] = value.isoformat() if f == "event_date" else value
    return row


def _documents(files: list[Path], jsonl: str | None, published: Any) -> Iterator[Any]:
    from sigact.ingest import ReadError, read_jsonl, read_path

    try:
        for path in files:
            if not path.exists():
                fail(f"{path}: no such file or folder")
            yield from read_path(path, published=published)
        if jsonl is not None:
            yield from read_jsonl(sys.stdin if jsonl == "-" else Path(jsonl), published=published)
    except ReadError as exc:
        fail(str(exc))


def extract_command(
    files: Annotated[list[Path] | None, typer.Argument(help="Report files (.txt, .md, .html, ...) or folders.")] = None,
    jsonl: Annotated[
        str | None,
        typer.Option("--jsonl", help="JSON Lines records {id, text, published?, url?, title?}; '-' reads stdin."),
    ] = None,  # fmt: skip
    published: Annotated[
        str | None,
        typer.Option("--published", help="Publication date (YYYY-MM-DD); overrides the date stated in the document."),
    ] = None,  # fmt: skip
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl (default), csv or table.")] = "jsonl",
) -> None:
    """Extract the events each report tells, one record per event, coded like ACLED, with the evidence
    sentence(s) and a confidence. Prints nothing (exit 0) when a text tells no event; writes no database."""
    if fmt not in ("jsonl", "csv", "table"):
        fail(f"--format: {fmt!r} is not one of jsonl, csv, table")
    if not files and jsonl is None:
        fail("give report files or --jsonl FILE|-")
    pub = parse_date(published, "--published")
    from sigact.extract import extract_document

    writer: Any = None
    table: Table | None = None
    for doc in _documents(list(files or []), jsonl, pub):
        for mention in extract_document(doc):
            rec = _record(doc.doc_key, mention.event)
            if fmt == "jsonl":
                sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
            elif fmt == "csv":
                if writer is None:
                    writer = csv.DictWriter(sys.stdout, fieldnames=list(OUTPUT_FIELDS), lineterminator="\n")
                    writer.writeheader()
                writer.writerow({k: "" if v is None else v for k, v in rec.items()})
            else:
                if table is None:
                    table = Table(*_TABLE_FIELDS, show_lines=True)
                table.add_row(*(Text("" if rec[k] is None else str(rec[k])) for k in _TABLE_FIELDS))
        sys.stdout.flush()
    if table is not None:
        from rich.console import Console

        out = console if console.is_terminal else Console(width=200, soft_wrap=False)
        out.print(table)


def register(app: typer.Typer) -> None:
    app.command("extract")(extract_command)
