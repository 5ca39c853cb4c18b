"""``sigact demo``: build the demonstration database from bundled open data."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sigact.cli._common import console


def demo_cmd(
    out: Annotated[Path, typer.Option("--out", help="Folder for the demo database and report.")] = Path("demo"),
) -> None:
    """Build a demo database (and report) from the bundled open data: UCDP GED rows and Wikipedia excerpts."""
    from sigact.demo import build_demo

    result = build_demo(out, say=lambda s: console.print(f"- {s}", markup=False, highlight=False))
    console.print(f"\nDemo database: {result.db_path.resolve()}", markup=False, highlight=False)
    for label, path in result.outputs.items():
        console.print(f"{label}: {path.resolve()}", markup=False, highlight=False)
    console.print("\nTry:", markup=False)
    console.print(f"  .venv/bin/sigact events --db {result.db_path} --limit 10", markup=False, highlight=False)
    console.print(f"  .venv/bin/sigact db info --db {result.db_path}", markup=False, highlight=False)
    console.print(f"  .venv/bin/sigact stats count --db {result.db_path} --country 'Burkina Faso' "
                  "--per month --from 2023-01-01", markup=False, highlight=False)
    console.print("\nOpen the dashboard on the demo database:", markup=False)
    console.print(f"  .venv/bin/sigact serve --db {result.db_path}   # then http://127.0.0.1:8000/",
                  markup=False, highlight=False)


def register(app: typer.Typer) -> None:
    app.command("demo")(demo_cmd)
