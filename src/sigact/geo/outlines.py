"""Admin-1 outlines from the bundled gazetteer (Natural Earth, public domain), for maps.

The public way for other stages (reports) to draw the polygons the geocoder uses for point-in-polygon,
without reading the gazetteer's tables themselves. Burkina Faso's polygons are provinces; they are
dissolved into its 13 regions (ACLED's admin-1).
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from functools import lru_cache

from shapely import wkb
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from sigact.geo.gazetteer import COUNTRY_NAMES, open_bundled


def admin1_shapes() -> dict[tuple[str, str], BaseGeometry]:
    """``(country iso2, admin-1 name) -> polygon`` for every unit of the bundled layer ({} if unreadable)."""
    try:
        return _load()
    except (OSError, MemoryError, sqlite3.Error, EOFError):
        return {}  # the map is then drawn without outlines (and its caption says so)


@lru_cache(maxsize=1)
def _load() -> dict[tuple[str, str], BaseGeometry]:
    con = open_bundled()
    parts: dict[tuple[str, str], list[BaseGeometry]] = defaultdict(list)
    try:
        for cc, admin1, blob in con.execute("SELECT cc, admin1, wkb FROM shapes"):
            parts[(cc, admin1)].append(wkb.loads(blob))
    finally:
        con.close()
    return {key: (geoms[0] if len(geoms) == 1 else unary_union(geoms).buffer(0)) for key, geoms in parts.items()}


def iso2_for(country: str) -> str | None:
    """The ISO-2 code of a country name the gazetteer knows (Mali, Burkina Faso, Niger)."""
    wanted = country.strip().lower()
    return next((cc for cc, name in COUNTRY_NAMES.items() if name.lower() == wanted), None)
