"""The dashboard's base layer: admin-1 outlines, bundled so the map needs no web tiles.

The GEO engineer's bundled boundaries (``sigact/geo/data/admin1*.geojson``) are used when present;
otherwise the simplified copy in ``static/admin1.geojson``, derived from Natural Earth (public domain)
with :func:`simplify` (``python -m sigact.web.boundaries SRC DST``).
"""

from __future__ import annotations

import json
import sys
from importlib import resources
from pathlib import Path
from typing import Any

from shapely.geometry import mapping, shape

STATIC = Path(__file__).parent / "static"
KEEP = {"name": "name", "admin": "country", "iso_3166_2": "code"}


def _round(coords: Any, digits: int) -> Any:
    if isinstance(coords, (list, tuple)) and coords and isinstance(coords[0], (int, float)):
        return [round(float(c), digits) for c in coords]
    return [_round(c, digits) for c in coords]


def simplify(src: Path, dst: Path, tolerance: float = 0.01, digits: int = 3) -> int:
    """Write a smaller copy of the GeoJSON at ``src``: simplified outlines, three properties."""
    data = json.loads(src.read_text(encoding="utf-8"))
    out = []
    for feat in data["features"]:
        geom = shape(feat["geometry"]).simplify(tolerance, preserve_topology=True)
        if geom.is_empty:
            continue
        g = mapping(geom)
        props = {new: feat["properties"].get(old) for old, new in KEEP.items()}
        out.append({"type": "Feature", "properties": props,
                    "geometry": {"type": g["type"], "coordinates": _round(g["coordinates"], digits)}})
    doc = {"type": "FeatureCollection",
           "attribution": "Natural Earth admin-1 (public domain), simplified for the sigact dashboard",
           "features": out}
    dst.write_text(json.dumps(doc, separators=(",", ":")), encoding="utf-8")
    return len(out)


def admin1_geojson() -> bytes:
    """The admin-1 outlines the map draws (GEO's bundled file if it exists, else ours)."""
    try:
        geo_data = resources.files("sigact.geo") / "data"
        for name in ("admin1.geojson", "admin1_sahel.geojson"):
            candidate = geo_data / name
            if candidate.is_file():
                return candidate.read_bytes()
    except (ModuleNotFoundError, FileNotFoundError, NotADirectoryError):
        pass
    return (STATIC / "admin1.geojson").read_bytes()


if __name__ == "__main__":  # pragma: no cover
    n = simplify(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"{n} features written to {sys.argv[2]}")
