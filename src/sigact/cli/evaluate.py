"""``sigact evaluate``: measure extraction against ACLED's coding and against the annotated articles."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from sigact.cli._common import console, fail

evaluate_app = typer.Typer(help="Measure extraction quality (ACLED notes, annotated articles).", no_args_is_help=True)

_LABELS = {
    "detected": "detection rate",
    "event_type": "event_type accuracy",
    "sub_event_type_wf1": "sub_event_type weighted F1",
    "actor1": "actor1 exact (period suffix ignored)",
    "actor2": "actor2 exact (period suffix ignored)",
    "admin1": "admin1 accuracy",
    "admin1_old_regions": "admin1, Ménaka/Taoudénit as Gao/Tombouctou",
    "within_25km": "share within 25 km",
    "fatalities": "fatalities exact",
    "date": "date exact (all notes)",
    "date_stated": "date exact (notes stating a month)",
    "stated_date_share": "share of notes stating a month",
}


@evaluate_app.command("acled")
def acled(
    csv: Annotated[Path, typer.Argument(help="An ACLED export (CSV) with notes.", exists=True, dir_okay=False)],
    split: Annotated[str, typer.Option("--split", help="valid (default), train or all.")] = "valid",
    limit: Annotated[int | None, typer.Option("--limit", help="Only the first N rows of the split.")] = None,
    errors: Annotated[int, typer.Option("--errors", help="Show up to N wrong rows per field.")] = 0,
) -> None:
    """Run extraction on each row's notes (published = event_date + 2 days) and compare with ACLED's coding."""
    from sigact.extract.evaluate import TARGETS, evaluate_frame, load_split

    if split not in ("valid", "train", "all"):
        fail(f"--split: {split!r} is not one of valid, train, all")
    try:
        df = load_split(str(csv), split, limit)
    except (KeyError, ValueError, OSError) as exc:
        fail(f"{csv}: cannot read ACLED rows: {exc}")
    report = evaluate_frame(df, keep_errors=errors)
    table = Table("measure", "value", "target", title=f"{report.rows} rows ({split} split)")
    for key, label in _LABELS.items():
        target = TARGETS.get(key)
        table.add_row(label, f"{report.figures[key]:.3f}", f"≥ {target:.2f}" if target else "")
    table.add_row("docs/s", f"{report.docs_per_second:.1f}", "")
    table.add_row(
        "rule layer: overrides / fixed / broke",
        f"{report.figures['rules_fired']:.0f} / {report.figures['rules_fixed']:.0f} / "
        f"{report.figures['rules_broke']:.0f}",
        "",
    )
    console.print(table)
    for kind, rows in report.errors.items():
        console.print(f"[bold]{kind}[/bold] errors (id, gold, extracted):")
        for rid, gold, pred in rows:
            console.print(f"  {rid}: {gold!r} -> {pred!r}", markup=False, highlight=False)


@evaluate_app.command("articles")
def articles(
    directory: Annotated[
        Path, typer.Argument(help="Folder of article files (../shared/data/articles).", exists=True, file_okay=False)
    ],
    gold: Annotated[
        Path | None, typer.Option("--gold", help="Gold annotations (default eval/articles_gold.yaml).")
    ] = None,
    no_background: Annotated[
        bool, typer.Option("--no-background", help="Ignore gold events flagged as passing mentions.")
    ] = False,
) -> None:
    """Extract every article in DIRECTORY and print recall/precision against the gold events."""
    from sigact.cli.extract import _record
    from sigact.evaluation.articles import format_report, score_articles
    from sigact.extract import extract_document
    from sigact.ingest import ReadError, read_path

    predicted: list[dict[str, object]] = []
    try:
        for doc in read_path(directory):
            predicted.extend(_record(doc.doc_key, m.event) for m in extract_document(doc))
    except ReadError as exc:
        fail(str(exc))
    result = score_articles(predicted, gold, include_background=not no_background)
    console.print(format_report(result), markup=False, highlight=False)


def register(app: typer.Typer) -> None:
    app.add_typer(evaluate_app, name="evaluate")
