"""``sigact geocode QUERY`` and ``sigact gazetteer build|learn|info|evaluate``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from sigact.cli._common import DbOption, console, fail

LayerOption = Annotated[
    Path | None,
    typer.Option(
        "--layer",
        help="User-layer SQLite file (default $SIGACT_GAZETTEER_USER or ~/.local/share/sigact/gazetteer-user.sqlite).",
    ),
]


def _layer_path(layer: Path | None) -> Path:
    from sigact.geo.userlayer import default_layer_path

    return layer if layer is not None else default_layer_path()


def geocode(
    query: Annotated[str, typer.Argument(help='A place name, e.g. "Farabougou, Niono cercle".')],
    context: Annotated[str, typer.Option("--context", "-c", help="Text around the name, for disambiguation.")] = "",
    layer: LayerOption = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="Candidates to show.")] = 10,
) -> None:
    """Show the gazetteer's candidates for a place name, with scores and reasons, and the one chosen."""
    from sigact.geo import Geocoder

    geocoder = Geocoder.load(user_layer=_layer_path(layer))
    candidates = geocoder.geocode(query, context)
    if not candidates:
        fail(f"no place matches {query!r}")
    table = Table(title=Text(f"candidates for {query}"), show_lines=False)
    for col in ("#", "name", "feature", "admin1 / admin2 / admin3", "lat, lon", "source", "score", "why"):
        table.add_column(col, overflow="fold")
    for i, c in enumerate(candidates[:limit], 1):
        admin = " / ".join(a or "-" for a in (c.admin1, c.admin2, c.admin3))
        pop = f" pop {c.population}" if c.population else ""
        cells = [str(i), c.name, c.feature + pop, admin, f"{c.latitude:.4f}, {c.longitude:.4f}", c.source,
                 f"{c.score:.2f}", "; ".join(c.reasons)]  # fmt: skip
        table.add_row(*(Text(x) for x in cells))  # Text(): names come from data, never markup
    console.print(table)
    best = candidates[0]
    console.print(
        Text(
            f"chosen: {best.name} ({best.country}; {best.admin1 or '-'} / {best.admin2 or '-'} / "
            f"{best.admin3 or '-'}) at {best.latitude:.5f}, {best.longitude:.5f}"
        )
    )


gazetteer_app = typer.Typer(help="The offline gazetteer: build the bundled layer, learn a user layer, evaluate.")


@gazetteer_app.command("build")
def build(
    data: Annotated[
        Path | None, typer.Option(help="Folder with geonames/ and boundaries/ (default ../shared/data).")
    ] = None,
) -> None:
    """Rebuild the bundled gazetteer from GeoNames and Natural Earth (scripts/build_gazetteer.py)."""
    script = Path(__file__).resolve().parents[3] / "scripts" / "build_gazetteer.py"
    if not script.exists():
        fail(f"{script} not found (the build script ships with the source tree, not the wheel)")
    cmd = [sys.executable, str(script)] + (["--data", str(data)] if data else [])
    result = subprocess.run(cmd, check=False)  # noqa: S603 - our own script, fixed arguments
    if result.returncode:
        fail("gazetteer build failed", result.returncode)


@gazetteer_app.command("learn")
def learn(
    db: DbOption = None,
    layer: LayerOption = None,
    replace: Annotated[bool, typer.Option("--replace", help="Start the layer afresh.")] = False,
) -> None:
    """Learn the distinct locations (name, admin units, coordinates) of the events in the store."""
    from sigact.geo import Geocoder
    from sigact.geo.userlayer import learn_from_store

    path = _layer_path(layer)
    read, total = learn_from_store(db, path, replace=replace)
    Geocoder.reset_default()
    console.print(Text(f"learned {read} distinct locations; user layer {path} now holds {total}"))


@gazetteer_app.command("info")
def info(layer: LayerOption = None) -> None:
    """What the bundled layer and the user layer hold."""
    from sigact.geo.gazetteer import BUNDLED_PATH, open_bundled

    con = open_bundled(BUNDLED_PATH)
    try:
        meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
        by_country = con.execute("SELECT cc, count(*) FROM places GROUP BY cc ORDER BY cc").fetchall()
    finally:
        con.close()
    table = Table(title="sigact gazetteer")
    table.add_column("layer")
    table.add_column("what")
    table.add_row("bundled", Text(f"{BUNDLED_PATH} ({BUNDLED_PATH.stat().st_size / 1e6:.1f} MB)"))
    table.add_row("", Text(f"{meta.get('places')} places, {meta.get('names')} names"))
    table.add_row("", Text(", ".join(f"{cc}: {n}" for cc, n in by_country)))
    table.add_row("", Text(meta.get("attribution", "")))
    path = _layer_path(layer)
    if path.exists():
        from sigact.geo.userlayer import read_layer

        rows = read_layer(path)
        table.add_row("user", Text(f"{path}: {len(rows)} locations, {sum(r.events for r in rows)} events"))
    else:
        table.add_row("user", Text(f"{path}: none yet (sigact gazetteer learn)"))
    console.print(table)


@gazetteer_app.command("evaluate")
def evaluate(
    csv: Annotated[Path, typer.Argument(help="An ACLED export (e.g. ../shared/data/acled_sahel.csv).")],
    learned: Annotated[bool, typer.Option(help="Also evaluate with a layer learned from the training split.")] = True,
) -> None:
    """locate() on the notes of the fixed validation split vs ACLED's coordinates and admin1."""
    from sigact.geo.evaluate import evaluate_file

    if not csv.exists():
        fail(f"{csv} not found")
    for line in evaluate_file(csv, with_learned=learned):
        console.print(Text(line))


def register(app: typer.Typer) -> None:
    app.command("geocode")(geocode)
    app.add_typer(gazetteer_app, name="gazetteer")
