#!/usr/bin/env python
"""Build sigact's bundled gazetteer (``src/sigact/geo/data/gazetteer.sqlite``) from open data.

Inputs (``--data``, default ``../shared/data``):

- ``geonames/{ML,BF,NE}.txt``, ``geonames/admin1CodesASCII.txt``, ``geonames/admin2Codes.txt``
  (GeoNames, CC BY 4.0);
- ``boundaries/admin1_sahel.geojson`` (Natural Earth admin-1, public domain);
- ``src/sigact/geo/data/acled_admin_names.json``: the NAMES of admin units as ACLED spells them
  (a list of facts, no ACLED rows). ``--acled CSV [CSV ...]`` regenerates it from ACLED exports.

Output: a SQLite file with tables ``places`` (one row per kept GeoNames feature, plus one row per
admin unit at its seat), ``names`` (every Latin-script name and alternate name of a place),
``shapes`` (admin-1 polygons, lightly simplified, WKB) and ``meta``. The build is deterministic:
same inputs, same rows.

Admin names come out in ACLED's spelling. Admin-1 is decided by point-in-polygon on the Natural
Earth polygons, except in Mali where Ménaka and Taoudénit (created 2016, absent from Natural Earth)
are taken from the GeoNames codes ``ML.12070577`` / ``ML.12070575`` and the Ménaka cercle
(``8631539``), and Taoudénit as the part of old Tombouctou north of 18.2°N.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import math
import re
import sqlite3
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process
from scipy.spatial import cKDTree
from shapely import wkb
from shapely.geometry import Point, shape
from shapely.prepared import prep

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sigact.geo.normalize import compact, fold, strip_admin_words  # noqa: E402

DATA_DIR = ROOT / "src" / "sigact" / "geo" / "data"
OUT = DATA_DIR / "gazetteer.sqlite.gz"
ADMIN_NAMES = DATA_DIR / "acled_admin_names.json"

COUNTRIES = {"ML": ("Mali", 466), "BF": ("Burkina Faso", 854), "NE": ("Niger", 562)}
NE_TO_ISO2 = {"MLI": "ML", "BFA": "BF", "NER": "NE"}

# Feature classes/codes kept. Everything populated (P), admin units (A), spots incl. military
# bases, airports, camps, mines, schools (S), areas/localities (L); from the rest only features
# that are event locations in Sahel reporting (wells, lakes, forests, mountains, ponds).
KEEP_CLASSES = {"P", "A", "S", "L"}
KEEP_CODES = {
    "WLL", "WLLS", "WTRH", "LK", "LKI", "LKS", "PND", "PNDI", "OAS", "MT", "MTS", "HLL", "FRST",
    "FRSTF", "RSV", "DAM", "DAMSB", "SPNG", "MRSH", "PLN", "VAL", "WAD", "GRGE", "PASS", "RDGE",
    "BDG", "MSSN", "CMP", "CMPMN", "MN", "MNAU",
    # named terrain that Sahel reporting uses as event locations (the dunes, wetlands, seasonal
    # streams and depressions of the Gourma and the Niger bend)
    "DUNE", "WTLD", "WTLDI", "STMI", "STMIX", "DPR", "HLLS", "SCRB", "ISL", "SCRP",
}  # fmt: skip
# The only Niger admin names we have come from ACLED's pre-2019 export, which wrote "Tillabery";
# ACLED's current data (and the press) write "Tillaberi".
CURRENT_SPELLING = {("NE", "Tillabery"): "Tillaberi"}
# English names of Burkina Faso's regions as the English-language press writes them (only the
# two-word ones: "the North", "the East" are too generic to be names)
REGION_ENGLISH = {
    ("BF", "Centre-Sud"): ["Central South", "Centre South", "South Central"],
    ("BF", "Centre-Nord"): ["North Central", "Centre North", "Central North", "North-Central"],
    ("BF", "Centre-Est"): ["Central East", "Centre East", "East Central", "East-Central"],
    ("BF", "Centre-Ouest"): ["Central West", "Centre West", "West Central", "West-Central"],
    ("BF", "Plateau-Central"): ["Central Plateau"],
    ("BF", "Sud-Ouest"): ["South West", "Southwest", "South-West"],
    ("BF", "Hauts-Bassins"): ["High Basins", "Upper Basins"],
    ("BF", "Boucle du Mouhoun"): ["Mouhoun Loop", "Mouhoun Bend"],
}
TAOUDENIT_MIN_LAT = 18.2
UCDP_KIND = re.compile(
    r"\s+(?:town|village|city|camp|area|hamlet|locality|site|mine|forest|department|commune|market)$", re.I
)
# How far outside its polygon a GeoNames admin-1 code is believed over Natural Earth. Measured on
# the ACLED validation split (bench/geocode_eval.py), trusting codes 0.05-0.15 degrees out made
# admin-1 accuracy slightly worse (0.754 -> 0.748), so codes only cross-check (counted in `meta`).
CROSS_CHECK_DEG = 0.0


def read_geonames(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8") as fh:
        return [line.rstrip("\n").split("\t") for line in fh if line.strip()]


def latin(name: str) -> bool:
    folded = fold(name)
    return bool(folded) and all(ord(c) < 0x250 for c in folded)


def regenerate_admin_names(csv_paths: list[Path]) -> None:
    """Write the distinct (iso2, admin1, admin2, admin3) names of ACLED exports to the JSON file."""
    seen: set[tuple[str, str, str, str]] = set()
    by_country = {v[0]: k for k, v in COUNTRIES.items()}
    for path in csv_paths:
        with path.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                iso2 = by_country.get(row.get("country", ""))
                if iso2 is None:
                    continue
                seen.add((iso2, row.get("admin1") or "", row.get("admin2") or "", row.get("admin3") or ""))
    rows = sorted(seen)
    payload = {
        "about": "Names of admin units as ACLED spells them (country iso2, admin1, admin2, admin3). "
        "Facts about administrative divisions only; no ACLED events.",
        "units": [list(r) for r in rows],
    }
    ADMIN_NAMES.write_text(json.dumps(payload, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} admin name rows to {ADMIN_NAMES}")


ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V", 6: "VI", 7: "VII", 8: "VIII", 9: "IX", 10: "X"}
_NUMERAL_TAIL = re.compile(r"\b(?:[IVX]+|\d+)$")


class Speller:
    """Maps a GeoNames / Natural Earth admin name to ACLED's spelling."""

    def __init__(self, units: list[list[str]]) -> None:
        self.level1: dict[str, set[str]] = defaultdict(set)
        self.level2: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.level3: dict[tuple[str, str], set[str]] = defaultdict(set)
        for iso2, a1, a2, a3 in units:
            if a1:
                self.level1[iso2].add(a1)
            if a1 and a2:
                self.level2[(iso2, a1)].add(a2)
            if a2 and a3:
                self.level3[(iso2, a2)].add(a3)

    @staticmethod
    def _best(name: str, choices: set[str], cutoff: float) -> str | None:
        if not choices:
            return None
        key = compact(strip_admin_words(name))
        for choice in sorted(choices):
            if compact(strip_admin_words(choice)) == key:
                return choice
        keyed = {compact(strip_admin_words(c)): c for c in sorted(choices)}
        found = process.extractOne(key, list(keyed), scorer=fuzz.ratio, score_cutoff=cutoff)
        return keyed[found[0]] if found else None

    @staticmethod
    def plain(name: str) -> str:
        """ACLED writes admin names without accents and without "Cercle de"/"Province du"."""
        text = unicodedata.normalize("NFKD", name.replace("\u2019", "'"))
        text = "".join(c for c in text if not unicodedata.combining(c))
        text = re.sub(
            r"^(?:Province|Cercle|Region|Département|Departement|Department|Commune)"
            r"(?:\s+(?:de la|de l'|du|des|de|d'|of))?\s*",
            "",
            text,
            flags=re.I,
        )
        text = re.sub(r"\s+(?:Province|Cercle|Region|Department|Departement|Commune)$", "", text, flags=re.I)
        return text.strip() or name

    def admin1(self, iso2: str, name: str) -> str:
        return self._best(name, self.level1[iso2], 80) or self.plain(name)

    def admin2(self, iso2: str, admin1: str, name: str) -> str:
        choices = self.level2[(iso2, admin1)] or {n for (c, _), s in self.level2.items() if c == iso2 for n in s}
        return self._best(name, choices, 85) or self.plain(name)

    def admin3(self, iso2: str, admin2: str, name: str) -> str:
        numbered = re.fullmatch(r"(?:Commune|Arrondissement)\s+(\d+|[IVX]+)", name.strip(), flags=re.I)
        if numbered:  # Bamako's "Commune 3" is ACLED's "Commune III"
            num = numbered.group(1)
            roman = ROMAN.get(int(num), num) if num.isdigit() else num.upper()
            return f"Commune {roman}"
        choices = self.level3[(iso2, admin2)]
        tail = _NUMERAL_TAIL.search(name)
        if tail:  # "Dougoutene II" is not "Dougoutene I": numerals must agree
            choices = {
                c for c in choices if (_NUMERAL_TAIL.search(c) or tail).group(0).upper() == tail.group(0).upper()
            }
        return self._best(name, choices, 88) or self.plain(name)


def title_case(name: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in name.split(" "))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--acled", type=Path, nargs="*", help="regenerate the ACLED admin-name list from these CSVs")
    parser.add_argument("--no-ucdp", action="store_true", help="leave out the UCDP GED locations")
    parser.add_argument("--simplify", type=float, default=0.005, help="polygon simplification, degrees")
    args = parser.parse_args()
    if args.acled:
        regenerate_admin_names(args.acled)
    units = json.loads(ADMIN_NAMES.read_text(encoding="utf-8"))["units"]
    speller = Speller([[iso2, *(CURRENT_SPELLING.get((iso2, n), n) for n in rest)] for iso2, *rest in units])
    gn = args.data / "geonames"

    # -- admin code tables --------------------------------------------------------------------
    admin1_codes: dict[str, str] = {}
    for row in read_geonames(gn / "admin1CodesASCII.txt"):
        if row[0][:2] in COUNTRIES:
            admin1_codes[row[0]] = row[1]
    admin2_by_id: dict[str, tuple[str, str]] = {}  # admin2 code (last part) -> (admin1 code, name)
    for row in read_geonames(gn / "admin2Codes.txt"):
        parts = row[0].split(".")
        if parts[0] in COUNTRIES:
            admin2_by_id[f"{parts[0]}.{parts[2]}"] = (f"{parts[0]}.{parts[1]}", row[1])

    # -- polygons -----------------------------------------------------------------------------
    geo = json.loads((args.data / "boundaries" / "admin1_sahel.geojson").read_text(encoding="utf-8"))
    polygons: list[tuple[str, str, str | None, Any, Any]] = []  # iso2, admin1, admin2, geom, prepared
    for feat in geo["features"]:
        p = feat["properties"]
        iso2 = p.get("iso_a2") or NE_TO_ISO2.get(p["adm0_a3"], p["adm0_a3"][:2])
        geom = shape(feat["geometry"])
        if iso2 == "BF":  # NE splits Burkina Faso into provinces; `region` names the region
            a1, a2 = speller.admin1(iso2, p["region"]), None
            a2 = speller.admin2(iso2, a1, p["name"])
        elif iso2 in COUNTRIES:
            a1, a2 = speller.admin1(iso2, p["gn_name"] or p["name_fr"] or p["name"]), None
        else:
            a1, a2 = p["name"], None
        polygons.append((iso2, a1, a2, geom, prep(geom)))

    def locate_polygon(lon: float, lat: float, cc: str) -> tuple[str, str, str | None] | None:
        pt = Point(lon, lat)
        for iso2, a1, a2, _g, pg in polygons:
            if pg.contains(pt):
                return iso2, a1, a2
        own = [t for t in polygons if t[0] == cc] or polygons
        best = min(own, key=lambda t: t[3].distance(pt))
        if best[3].distance(pt) < 1.0:  # just across a border or a coarse coastline
            return best[0], best[1], best[2]
        return None

    def near_region(lon: float, lat: float, cc: str, admin1: str) -> tuple[str, str | None] | None:
        """The polygon of ``admin1`` nearest the point, when within CROSS_CHECK_DEG of it."""
        pt = Point(lon, lat)
        own = [t for t in polygons if t[0] == cc and t[1] == admin1]
        if not own:
            return None
        best = min(own, key=lambda t: t[3].distance(pt))
        return (best[1], best[2]) if best[3].distance(pt) <= CROSS_CHECK_DEG else None

    # -- places -------------------------------------------------------------------------------
    raw: list[list[str]] = []
    for cc in COUNTRIES:
        raw.extend(r for r in read_geonames(gn / f"{cc}.txt") if len(r) >= 19)
    kept = [r for r in raw if r[6] in KEEP_CLASSES or r[7] in KEEP_CODES]
    kept = [r for r in kept if r[8] in COUNTRIES and r[7] not in {"PCLI", "ADMD"}]
    kept = list({r[0]: r for r in kept}.values())  # a feature may appear in two country files

    places: list[dict[str, Any]] = []
    disagreements = 0
    for r in kept:
        lat, lon = float(r[4]), float(r[5])
        cc = r[8]
        loc = locate_polygon(lon, lat, cc)
        if loc is not None and loc[0] == cc:
            a1, a2 = loc[1], loc[2]
        else:
            a1, a2 = speller.admin1(cc, admin1_codes.get(f"{cc}.{r[10]}", r[10])), None
        # cross-check with the GeoNames admin-1 code (not for Niger: its 2014 codes are stale):
        # near a border, the coarse Natural Earth line loses to the code
        code = f"{cc}.{r[10]}"
        if cc in {"ML", "BF"} and code in admin1_codes and r[10] not in {"12070575", "12070577"}:
            coded = speller.admin1(cc, admin1_codes[code])
            if coded != a1:
                disagreements += 1
                moved = near_region(lon, lat, cc, coded) if CROSS_CHECK_DEG > 0 else None
                if moved is not None:
                    a1, a2 = moved
        gn_a2 = admin2_by_id.get(f"{cc}.{r[11]}") if r[11] else None
        if gn_a2 and cc != "BF":
            a2 = speller.admin2(cc, a1, gn_a2[1])
        new1 = None
        if cc == "ML":
            new1 = r[10] if r[10] in {"12070575", "12070577"} else None
            if gn_a2 and gn_a2[0] == "ML.12070577":
                new1 = "12070577"
        if a1 == "00":
            a1 = None
        places.append(
            {
                "id": int(r[0]), "name": r[1], "ascii": r[2], "alts": r[3], "lat": lat, "lon": lon,
                "fclass": r[6], "fcode": r[7], "cc": cc, "admin1": a1, "admin2": a2, "admin3": None,
                "a3code": r[12], "population": int(r[14] or 0), "level": None,
                "poly1": a1, "new1": new1, "code1": admin1_codes.get(f"{cc}.{r[10]}"),
            }
        )  # fmt: skip

    # an admin seat named like an admin-2 unit of its region is in that unit: GeoNames codes a few
    # (Bourem, Gourma-Rharous, Tessalit, Agadez ...) with the neighbouring unit, and the villages
    # around them inherit the error below
    n_seats = 0
    for p in places:
        if p["fclass"] != "P" or p["fcode"] not in {"PPLA", "PPLA2", "PPLC"} or not p["admin1"]:
            continue
        key = compact(strip_admin_words(p["name"]))
        same = sorted(n for n in speller.level2[(p["cc"], p["admin1"])] if compact(strip_admin_words(n)) == key)
        if same and p["admin2"] != same[0]:
            p["admin2"] = same[0]
            n_seats += 1

    # admin2 by nearest labelled place (ML: GeoNames admin2 codes; NE: ADM2 points), same admin1
    def fill_nearest(field: str, labelled: list[dict[str, Any]], group: str, max_km: float) -> None:
        by_group: dict[Any, list[dict[str, Any]]] = defaultdict(list)
        for p in labelled:
            by_group[(p["cc"], p[group])].append(p)
        trees = {
            k: (cKDTree(np.array([[q["lat"], q["lon"] * math.cos(math.radians(q["lat"]))] for q in v])), v)
            for k, v in by_group.items()
        }
        for p in places:
            if p[field] is not None:
                continue
            tree_v = trees.get((p["cc"], p[group]))
            if tree_v is None:
                continue
            tree, v = tree_v
            dist, idx = tree.query([p["lat"], p["lon"] * math.cos(math.radians(p["lat"]))])
            if dist * 111.0 <= max_km:
                p[field] = v[int(idx)][field]

    ml_labelled = [p for p in places if p["cc"] == "ML" and p["admin2"] is not None]
    ne_labelled = []
    for p in places:
        if p["cc"] == "NE" and p["fcode"] == "ADM2":
            p["admin2"] = speller.admin2("NE", p["admin1"], p["name"])
            ne_labelled.append(p)
    fill_nearest("admin2", ml_labelled + ne_labelled, "poly1", 400.0)

    # Mali's regions created in 2016 (not in Natural Earth): Ménaka = the old Ménaka cercle of Gao
    # (GeoNames codes), Taoudénit = old Tombouctou north of TAOUDENIT_MIN_LAT.
    menaka = speller.admin1("ML", admin1_codes["ML.12070577"])
    taoudenit = speller.admin1("ML", admin1_codes["ML.12070575"])
    for p in places:
        if p["cc"] != "ML":
            continue
        if p["new1"] == "12070577" or (p["poly1"] == speller.admin1("ML", "Gao") and p["admin2"] == menaka):
            p["admin1"] = menaka
        elif p["new1"] == "12070575" or (
            p["poly1"] == speller.admin1("ML", "Tombouctou") and p["lat"] >= TAOUDENIT_MIN_LAT
        ):
            p["admin1"] = taoudenit

    # admin3 by GeoNames ADM3 features (nearest within the same admin2)
    adm3 = [p for p in places if p["fcode"] == "ADM3" and p["admin2"]]
    for p in adm3:
        p["admin3"] = speller.admin3(p["cc"], p["admin2"], p["name"])
    fill_nearest("admin3", adm3, "admin2", 25.0)

    # -- admin units as places (at their seat) -------------------------------------------------
    populated = [p for p in places if p["fclass"] == "P"]
    units: dict[tuple[str, int, str], dict[str, Any]] = {}
    for p in places:
        if p["fcode"] in {"ADM1", "ADM2"} and p["admin1"]:
            level = 1 if p["fcode"] == "ADM1" else 2
            name = p["admin1"] if level == 1 else p["admin2"]
            if level == 1 and p["code1"] and p["cc"] != "NE":
                # an ADM1 feature is its own region whatever polygon its point falls in
                name = speller.admin1(p["cc"], p["code1"])
            if not name:
                continue
            unit = units.setdefault((p["cc"], level, name), {"point": p, "names": set()})
            unit["names"].update([p["name"], *p["alts"].split(",")])
    # every ACLED admin-1/admin-2 name gets a unit even when GeoNames has no ADM feature for it
    for iso2, names in speller.level1.items():
        for a1 in names:
            units.setdefault((iso2, 1, a1), {"point": None, "names": set()})
    for (iso2, _a1), names in speller.level2.items():
        for a2 in names:
            units.setdefault((iso2, 2, a2), {"point": None, "names": set()})
    # the admin-1 of an admin-2 unit: where most of its places are
    parent: dict[tuple[str, str], str] = {}
    counts: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for p in places:
        if p["admin2"] and p["admin1"]:
            counts[(p["cc"], p["admin2"])][p["admin1"]] += 1
    for key, c in counts.items():
        parent[key] = max(sorted(c), key=lambda a: c[a])

    def seat(cc: str, level: int, a1: str, name: str, fallback: dict[str, Any] | None) -> dict[str, Any] | None:
        key = compact(strip_admin_words(name))
        inside = [q for q in populated if q["cc"] == cc and q["admin1"] == a1 and (level == 1 or q["admin2"] == name)]
        same = [q for q in inside if compact(q["name"]) == key]
        if same:
            return max(same, key=lambda q: q["population"])
        capital = "PPLA" if level == 1 else "PPLA2"
        caps = [q for q in inside if q["fcode"] in {capital, "PPLC"}]
        if caps:
            return max(caps, key=lambda q: q["population"])
        if inside and level == 2:
            return max(inside, key=lambda q: q["population"])
        return fallback

    next_id = -1
    unit_rows: list[dict[str, Any]] = []
    for (cc, level, name), info in sorted(units.items()):
        a1 = name if level == 1 else parent.get((cc, name))
        if a1 is None:
            continue  # an ACLED admin-2 name with no GeoNames place in it
        s = seat(cc, level, a1, name, info["point"])
        if s is None:
            poly = [g for (i2, pa1, _a2, g, _p) in polygons if i2 == cc and pa1 == a1]
            if not poly:
                continue
            rp = poly[0].representative_point()
            s = {"lat": rp.y, "lon": rp.x, "admin3": None}
        names = {n for n in info["names"] if n} | {name}
        names |= {old for (c, old), new in CURRENT_SPELLING.items() if c == cc and new == name}
        if level == 1:
            names |= set(REGION_ENGLISH.get((cc, name), []))
        unit_rows.append(
            {
                "id": next_id, "name": name, "ascii": name, "alts": ",".join(sorted(names)),
                "lat": s["lat"], "lon": s["lon"], "fclass": "A", "fcode": f"ADM{level}U", "cc": cc,
                "admin1": a1, "admin2": name if level == 2 else None, "admin3": None, "a3code": "",
                "population": 0, "level": level,
            }
        )  # fmt: skip
        next_id -= 1

    # the GeoNames ADM1/ADM2 features themselves are replaced by the unit rows
    places = [p for p in places if p["fcode"] not in {"ADM1", "ADM2"}] + unit_rows
    for p in places:
        p.setdefault("events", 0)

    # -- UCDP GED (CC BY 4.0): where conflict events happened, as a prior and to fill gaps -------
    ucdp_path = args.data / "ucdp_ged_sahel.csv"
    n_ucdp_new = n_ucdp_matched = 0
    if ucdp_path.exists() and not args.no_ucdp:
        next_id = min(p["id"] for p in places) - 1
        by_cell: dict[tuple[int, int], list[dict[str, Any]]] = defaultdict(list)
        for p in places:
            if p["level"] is None:
                by_cell[(round(p["lat"] * 10), round(p["lon"] * 10))].append(p)
        seen_ucdp: dict[tuple[str, float, float], dict[str, Any]] = {}
        with ucdp_path.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                if row.get("where_prec") not in {"1", "2"}:
                    continue
                name = UCDP_KIND.sub("", (row.get("where_coordinates") or "").strip()).strip()
                lat, lon = float(row["latitude"]), float(row["longitude"])
                cc = {"Burkina Faso": "BF", "Mali": "ML", "Niger": "NE"}.get(row.get("country", ""))
                if not name or cc is None:
                    continue
                key = compact(name)
                near = [
                    q for di in (-1, 0, 1) for dj in (-1, 0, 1)
                    for q in by_cell.get((round(lat * 10) + di, round(lon * 10) + dj), [])
                    if abs(q["lat"] - lat) < 0.05 and abs(q["lon"] - lon) < 0.05
                    and (compact(q["name"]) == key or fuzz.ratio(compact(q["name"]), key) >= 85)
                ]  # fmt: skip
                if near:
                    best = max(near, key=lambda q: (q["fclass"] == "P", q["population"]))
                    best["events"] += 1
                    n_ucdp_matched += 1
                    continue
                ukey = (key, round(lat, 2), round(lon, 2))
                if ukey in seen_ucdp:
                    seen_ucdp[ukey]["events"] += 1
                    continue
                loc = locate_polygon(lon, lat, cc)
                a1, a2 = (loc[1], loc[2]) if loc is not None and loc[0] == cc else (None, None)
                entry = {
                    "id": next_id, "name": name, "ascii": name, "alts": "", "lat": lat, "lon": lon,
                    "fclass": "P", "fcode": "UCDP", "cc": cc, "admin1": a1, "admin2": a2, "admin3": None,
                    "a3code": "", "population": 0, "level": None, "events": 1,
                }  # fmt: skip
                seen_ucdp[ukey] = entry
                places.append(entry)
                by_cell[(round(lat * 10), round(lon * 10))].append(entry)
                next_id -= 1
                n_ucdp_new += 1

    # -- write --------------------------------------------------------------------------------
    out: Path = args.out
    out.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(":memory:")
    db.executescript(
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT NOT NULL, lat REAL NOT NULL,
            lon REAL NOT NULL, fclass TEXT, fcode TEXT, cc TEXT, admin1 TEXT, admin2 TEXT,
            admin3 TEXT, population INTEGER, level INTEGER, events INTEGER);
        CREATE TABLE names (place_id INTEGER NOT NULL, name TEXT NOT NULL);
        CREATE TABLE shapes (cc TEXT, admin1 TEXT, admin2 TEXT, wkb BLOB);
        """
    )
    n_names = 0
    for p in sorted(places, key=lambda q: q["id"]):
        db.execute(
            "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (p["id"], p["name"], round(p["lat"], 5), round(p["lon"], 5), p["fclass"], p["fcode"], p["cc"],
             p["admin1"], p["admin2"], p["admin3"], p["population"], p["level"], p["events"]),
        )  # fmt: skip
        names = {p["name"], p["ascii"], *p["alts"].split(",")}
        names = {n.strip() for n in names if n and len(n.strip()) >= 2 and latin(n)}
        for n in sorted(names):
            db.execute("INSERT INTO names VALUES (?,?)", (p["id"], n))
            n_names += 1
    for iso2, a1, a2, geom, _p in polygons:
        simple = geom.simplify(args.simplify, preserve_topology=True)
        db.execute("INSERT INTO shapes VALUES (?,?,?,?)", (iso2, a1, a2, wkb.dumps(simple)))
    db.execute("CREATE INDEX names_place ON names(place_id)")
    meta = {
        "attribution": "GeoNames (geonames.org, CC BY 4.0); Natural Earth admin-1 (public domain); "
        "UCDP GED event locations (ucdp.uu.se, CC BY 4.0); "
        "admin names in ACLED's spelling.",
        "places": str(len(places)),
        "names": str(n_names),
        "taoudenit_min_lat": str(TAOUDENIT_MIN_LAT),
        "ucdp_events_matched_to_geonames": str(n_ucdp_matched),
        "ucdp_locations_added": str(n_ucdp_new),
        "admin1_polygon_vs_geonames_code_disagreements": str(disagreements),
        "admin_seats_moved_to_their_admin2": str(n_seats),
    }
    db.executemany("INSERT INTO meta VALUES (?,?)", sorted(meta.items()))
    db.commit()
    db.execute("VACUUM")
    payload = db.serialize()
    db.close()
    # gzip with a fixed mtime so the same inputs give the same bytes
    with out.open("wb") as raw, gzip.GzipFile(filename="gazetteer.sqlite", mode="wb", fileobj=raw, mtime=0) as gz:
        gz.write(payload)
    print(f"admin-1 by polygon differs from the GeoNames code for {disagreements} ML/BF features")
    print(f"wrote {out}: {len(places)} places, {n_names} names, {len(polygons)} admin-1 shapes, "
          f"{out.stat().st_size / 1e6:.1f} MB")  # fmt: skip


if __name__ == "__main__":
    main()
