"""``sigact ingest``: read reports, extract events, link them to stored events (see ``sigact.pipeline``)."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from sigact.cli._common import DbOption, console, err_console, fail, parse_date, store_for


def _read_all(paths: list[str], published: str | None) -> tuple[list[object], list[str]]:
    """Every document under ``paths``; unreadable files/records are reported and skipped."""
    from sigact.ingest import ReadError, read_path

    day = parse_date(published, "--published")
    docs: list[object] = []
    errors: list[ReadError] = []
    messages: list[str] = []
    for path in paths:
        try:
            docs.extend(read_path(path, published=day, errors=errors))
        except (ReadError, OSError) as exc:
            messages.append(str(exc))
    return docs, [str(e) for e in errors] + messages


def ingest_cmd(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive), URLs, or - for stdin "
                                               "(JSONL or text).")],
    published: Annotated[str | None, typer.Option("--published", help="Publication date for documents "
                                                  "that do not state one (YYYY-MM-DD).")] = None,
    show_merges: Annotated[bool, typer.Option("--show-merges",
                                              help="List every report linked to a stored event.")] = False,
    db: DbOption = None,
) -> None:
    """Store documents (by content hash), extract their events and merge reports of the same event.

    Re-ingesting a document changes nothing; a new extractor version re-reads stored documents and updates
    automatic fields only. Each document is written in one transaction, so an interrupted run can simply be
    run again.
    """
    from sigact.ingest import Document
    from sigact.pipeline import IngestSummary, Pipeline

    docs, errors = _read_all(paths, published)
    for message in errors:
        err_console.print(f"warning: {message}", markup=False, highlight=False)
    if not docs:
        fail("no documents to ingest")
    store = store_for(db)
    try:
        pipe = Pipeline(store)
    except ImportError as exc:
        fail(f"extraction is not available: {exc}")
    total = IngestSummary()
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err_console, transient=True) as progress:
        task = progress.add_task("ingesting", total=len(docs))
        for doc in docs:
            assert isinstance(doc, Document)
            progress.update(task, description=f"ingesting {doc.doc_key[:40]}")
            total.add(pipe.ingest_document(doc))
            progress.advance(task)
    for message in total.errors:
        err_console.print(f"warning: {message}", markup=False, highlight=False)
    console.print(
        f"documents: {total.documents_new} new, {total.documents_unchanged} unchanged, "
        f"{total.documents_reextracted} re-extracted, {total.documents_failed} failed\n"
        f"mentions: {total.mentions}; events: {total.events_new} new, {total.events_merged} merged "
        f"(reports linked to a stored event), {total.events_updated} updated",
        markup=False, highlight=False,
    )
    if show_merges:
        for doc_key, event_id, reason in total.merges:
            console.print(f"{doc_key} -> {event_id}: {reason}", markup=False, highlight=False)


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_cmd)
