"""The gazetteer in memory: places and a name index over the bundled layer and the user layer.

The bundled layer (``data/gazetteer.sqlite``) is built by ``scripts/build_gazetteer.py`` from
GeoNames and Natural Earth (open data only). The user layer is a separate SQLite file filled by
``sigact gazetteer learn`` from the events a team imported (see :mod:`sigact.geo.userlayer`).
"""

from __future__ import annotations

import gzip
import re
import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from rapidfuzz import fuzz, process
from shapely import wkb
from shapely.geometry import Point
from shapely.prepared import prep

from sigact.geo.normalize import compact, norm, strip_admin_words

DATA_DIR = Path(__file__).resolve().parent / "data"
BUNDLED_PATH = DATA_DIR / "gazetteer.sqlite.gz"
ADDITIONS_PATH = DATA_DIR / "additions.yaml"

COUNTRY_NAMES = {"ML": "Mali", "BF": "Burkina Faso", "NE": "Niger"}
COUNTRY_ISO_NUM = {"ML": 466, "BF": 854, "NE": 562}
ETHNIC_SUFFIX = re.compile(
    r"\s+(?:peulh|peul|peuhl|foulbe|fulbe|dogon|bambara|bozo|sonrai|songhai|rimaibe|rimaibe|mossi|silmimossi|"
    r"tamachek|bella|arabe|haoussa|djerma|zarma|koura|kouara)$"
)
COUNTRY_BY_NAME = {norm(v): k for k, v in COUNTRY_NAMES.items()}


def open_bundled(path: Path = BUNDLED_PATH) -> sqlite3.Connection:
    """An in-memory SQLite connection on the (gzip'd) bundled gazetteer file."""
    if path.suffix == ".gz":
        con = sqlite3.connect(":memory:")
        con.deserialize(gzip.decompress(path.read_bytes()))
        return con
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


@dataclass(frozen=True, slots=True)
class Entry:
    """One place of the gazetteer (a GeoNames feature, an admin unit at its seat, or a learned
    location from the user layer)."""

    key: int
    name: str
    latitude: float
    longitude: float
    fclass: str
    fcode: str
    cc: str
    admin1: str | None
    admin2: str | None
    admin3: str | None
    population: int
    level: int | None  # 1/2 for admin units, None otherwise
    source: str  # "geonames" | "ucdp" | "user"
    events: int = 0  # UCDP GED events (bundled) or imported events (user layer) at this place


class Gazetteer:
    """All entries plus exact (normalised and compact) name indexes and a fuzzy fallback."""

    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self.by_norm: dict[str, list[int]] = defaultdict(list)
        self.by_compact: dict[str, list[int]] = defaultdict(list)
        self.max_words = 1
        self.shapes: list[tuple[str, str, object, object]] = []

    # -- loading --------------------------------------------------------------------------------
    @classmethod
    def load(cls, bundled: Path | None = BUNDLED_PATH, user: Path | None = None) -> Gazetteer:
        gaz = cls()
        if bundled is not None:
            gaz.add_sqlite(bundled)
            gaz.add_additions(ADDITIONS_PATH)
        if user is not None and Path(user).exists():
            gaz.add_user_layer(Path(user))
        return gaz

    def _add(self, entry: Entry, names: list[str]) -> None:
        idx = len(self.entries)
        self.entries.append(entry)
        seen_n: set[str] = set()
        seen_c: set[str] = set()
        for name in names:
            n = norm(name)
            if not n or n in seen_n:
                continue
            seen_n.add(n)
            self.by_norm[n].append(idx)
            self.max_words = max(self.max_words, min(n.count(" ") + 1, 6))
            c = compact(name)
            if c and c not in seen_c:
                seen_c.add(c)
                self.by_compact[c].append(idx)
            # "Ogassagou-Peulh" / "Ogassagou Dogon": the press often drops the community's name
            base = ETHNIC_SUFFIX.sub("", n)
            if base != n and len(base) >= 3 and base not in seen_n:
                seen_n.add(base)
                self.by_norm[base].append(idx)
                cb = compact(base)
                if cb not in seen_c:
                    seen_c.add(cb)
                    self.by_compact[cb].append(idx)
            # admin units are also known without "Cercle de"/"Province du"
            if entry.level is not None:
                s = strip_admin_words(name)
                if s and s != n and s not in seen_n:
                    seen_n.add(s)
                    self.by_norm[s].append(idx)

    def add_sqlite(self, path: Path) -> None:
        con = open_bundled(path)
        try:
            names: dict[int, list[str]] = defaultdict(list)
            for pid, name in con.execute("SELECT place_id, name FROM names"):
                names[pid].append(name)
            rows = con.execute(
                "SELECT id, name, lat, lon, fclass, fcode, cc, admin1, admin2, admin3, population, level, events "
                "FROM places ORDER BY id"
            ).fetchall()
            for r in rows:
                source = "ucdp" if r[5] == "UCDP" else "geonames"
                entry = Entry(r[0], r[1], r[2], r[3], r[4] or "", r[5] or "", r[6] or "", r[7], r[8], r[9],
                              r[10] or 0, r[11], source, r[12] or 0)  # fmt: skip
                self._add(entry, [r[1], *names.get(r[0], [])])
            for cc, admin1, _a2, blob in con.execute("SELECT cc, admin1, admin2, wkb FROM shapes"):
                geom = wkb.loads(blob)
                self.shapes.append((cc, admin1, geom, prep(geom)))
        finally:
            con.close()

    def add_additions(self, path: Path) -> None:
        """Hand-added places GeoNames lacks (``data/additions.yaml``: documented open facts)."""
        import yaml

        if not path.exists():
            return
        rows = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        for i, row in enumerate(rows):
            fclass, _, fcode = str(row.get("feature", "P.PPL")).partition(".")
            entry = Entry(
                key=-2_000_000 - i, name=str(row["name"]), latitude=float(row["latitude"]),
                longitude=float(row["longitude"]), fclass=fclass, fcode=fcode or "PPL", cc=str(row["country"]),
                admin1=row.get("admin1"), admin2=row.get("admin2"), admin3=row.get("admin3"),
                population=int(row.get("population") or 0), level=None, source="addition",
            )  # fmt: skip
            self._add(entry, [entry.name, *[str(n) for n in row.get("alternate_names") or []]])

    def add_user_layer(self, path: Path) -> None:
        from sigact.geo.userlayer import read_layer

        for i, row in enumerate(read_layer(path)):
            entry = Entry(
                key=-1_000_000 - i, name=row.location, latitude=row.latitude, longitude=row.longitude,
                fclass="P", fcode="USER", cc=row.cc, admin1=row.admin1, admin2=row.admin2,
                admin3=row.admin3, population=0, level=None, source="user", events=row.events,
            )  # fmt: skip
            self._add(entry, [row.location])

    # -- look-ups -------------------------------------------------------------------------------
    def exact(self, name: str) -> list[int]:
        """Entries whose normalised name equals ``name``'s."""
        return list(self.by_norm.get(norm(name), ()))

    def lookup(
        self, name: str, fuzzy: bool = True, cutoff: float = 84.0, loose: bool = True
    ) -> list[tuple[int, float]]:
        """(entry index, match quality 0..1) for ``name``: exact, then (``loose``) spelling-tolerant
        compact key, then (``fuzzy``) rapidfuzz ratio on compact keys."""
        hits = self.by_norm.get(norm(name))
        if hits:
            return [(i, 1.0) for i in hits]
        if not loose:
            return []
        c = compact(name)
        hits = self.by_compact.get(c)
        if hits:
            return [(i, 0.95) for i in hits]
        if not fuzzy or len(c) < 4:
            return []
        pool = self._fuzzy_pool.get(c[:1], [])
        found = process.extract(c, pool, scorer=fuzz.ratio, score_cutoff=cutoff, limit=5)
        best: dict[int, float] = {}
        for key, score, _ in found:
            for i in self.by_compact[key]:
                best[i] = max(best.get(i, 0.0), 0.9 * score / 100.0)
        return sorted(best.items(), key=lambda kv: -kv[1])

    @cached_property
    def _fuzzy_pool(self) -> dict[str, list[str]]:
        pool: dict[str, list[str]] = defaultdict(list)
        for key in self.by_compact:
            if len(key) >= 4:
                pool[key[:1]].append(key)
        return pool

    def admin1_at(self, lat: float, lon: float) -> tuple[str, str] | None:
        """(country iso2, admin-1 name) of the Natural Earth polygon holding the point (Mali's
        Ménaka/Taoudénit are not in those polygons; the bundled places carry them)."""
        pt = Point(lon, lat)
        for cc, admin1, _geom, prepared in self.shapes:
            if prepared.contains(pt):  # type: ignore[attr-defined]
                return cc, admin1
        return None

    def units(self, level: int) -> list[int]:
        return [i for i, e in enumerate(self.entries) if e.level == level]
