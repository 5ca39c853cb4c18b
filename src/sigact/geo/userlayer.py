"""The user layer: locations learned from the events a team imported (ACLED, UCDP, reviewed events).

A separate SQLite file (never the bundled open-data layer), by default
``~/.local/share/sigact/gazetteer-user.sqlite`` or ``$SIGACT_GAZETTEER_USER``. One row per distinct
(location, country, admin1, admin2, admin3), at the median coordinates of its events, with the
number of events seen there.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from sigact.geo.gazetteer import COUNTRY_BY_NAME
from sigact.geo.normalize import norm

ENV_VAR = "SIGACT_GAZETTEER_USER"
LEARN_COLUMNS = ["location", "country", "admin1", "admin2", "admin3", "latitude", "longitude", "geo_precision"]


def default_layer_path() -> Path:
    """``$SIGACT_GAZETTEER_USER`` or ``~/.local/share/sigact/gazetteer-user.sqlite``."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    return Path.home() / ".local" / "share" / "sigact" / "gazetteer-user.sqlite"


@dataclass(frozen=True, slots=True)
class LayerRow:
    location: str
    cc: str
    admin1: str | None
    admin2: str | None
    admin3: str | None
    latitude: float
    longitude: float
    events: int


_SCHEMA = """
CREATE TABLE IF NOT EXISTS places (
    location TEXT NOT NULL, cc TEXT NOT NULL, admin1 TEXT, admin2 TEXT, admin3 TEXT,
    latitude REAL NOT NULL, longitude REAL NOT NULL, events INTEGER NOT NULL,
    PRIMARY KEY (location, cc, admin1, admin2, admin3)
);
"""


def _clean(value: object) -> str | None:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    text = str(value).strip()
    return text or None


def rows_from_frame(frame: pd.DataFrame, point_only: bool = True) -> list[LayerRow]:
    """Distinct locations of an event frame (ACLED columns). With ``point_only``, events coded
    at a region centroid (geo_precision 3) are left out: their coordinates are not the place's."""
    df = frame.copy()
    if point_only and "geo_precision" in df:
        df = df[pd.to_numeric(df["geo_precision"], errors="coerce").fillna(1) < 3]
    df = df.dropna(subset=["location", "latitude", "longitude"])
    df["cc"] = df["country"].map(lambda c: COUNTRY_BY_NAME.get(norm(str(c)), str(c)[:2].upper()))
    for col in ("admin1", "admin2", "admin3"):
        df[col] = df[col].map(_clean) if col in df else None
    keys = ["location", "cc", "admin1", "admin2", "admin3"]
    grouped = df.fillna({k: "" for k in keys}).groupby(keys, sort=True)
    out = []
    for (loc, cc, a1, a2, a3), g in grouped:
        out.append(
            LayerRow(
                location=str(loc), cc=str(cc), admin1=_clean(a1), admin2=_clean(a2), admin3=_clean(a3),
                latitude=float(g["latitude"].astype(float).median()),
                longitude=float(g["longitude"].astype(float).median()), events=len(g),
            )
        )  # fmt: skip
    return out


def write_layer(path: Path, rows: Iterable[LayerRow], replace: bool = False) -> int:
    """Add (or with ``replace``, set) the rows of the user layer at ``path``; returns the row count."""
    path.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(path)
    try:
        con.executescript(_SCHEMA)
        if replace:
            con.execute("DELETE FROM places")
        con.executemany(
            "INSERT INTO places VALUES (?,?,?,?,?,?,?,?) ON CONFLICT (location, cc, admin1, admin2, admin3) "
            "DO UPDATE SET latitude=excluded.latitude, longitude=excluded.longitude, events=excluded.events",
            [(r.location, r.cc, r.admin1, r.admin2, r.admin3, r.latitude, r.longitude, r.events) for r in rows],
        )
        con.commit()
        return int(con.execute("SELECT count(*) FROM places").fetchone()[0])
    finally:
        con.close()


def read_layer(path: Path) -> list[LayerRow]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = con.execute(
            "SELECT location, cc, admin1, admin2, admin3, latitude, longitude, events FROM places "
            "ORDER BY location, cc, admin1, admin2, admin3"
        ).fetchall()
    except sqlite3.OperationalError:
        return []
    finally:
        con.close()
    return [LayerRow(*r) for r in rows]


def learn_from_store(db_url: str | None, path: Path, replace: bool = False) -> tuple[int, int]:
    """Read the distinct locations of the events in the store into the layer at ``path``.

    Returns (distinct locations read, rows now in the layer)."""
    from sigact.store import open_store

    frame = open_store(db_url).events_frame(columns=LEARN_COLUMNS)
    rows = rows_from_frame(frame)
    return len(rows), write_layer(path, rows, replace=replace)
