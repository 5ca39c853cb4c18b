"""UCDP GED CSV import, mapped onto the Event model (the mapping is documented in docs/formats.md).

- ``id`` -> ``UCDP-<id>``; every source column is kept verbatim in ``Event.source_fields``.
- ``type_of_violence`` 1 (state-based) and 2 (non-state) -> Battles / Armed clash;
  3 (one-sided) -> Violence against civilians / Attack.
- ``date_prec`` 1 -> time_precision 1 (day); 2-3 (2-6 days, week) -> 2; 4-5 (month, year) -> 3.
  ``event_date`` is ``date_start``.
- ``where_prec`` 1 -> geo_precision 1; 2-3 (within 25 km, admin2) -> 2; 4-7 (admin1 or larger) -> 3.
- ``best`` (or ``best_est``) -> fatalities (UCDP's best estimate; low/high kept in source_fields).
- ``side_a``/``side_b`` -> actor1/actor2, normalised through the actor registry when it knows the name
  ("Government of Burkina Faso" -> the state forces of the period), "Civilians" -> "Civilians (Country)".
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pandas as pd

from sigact.formats.acled import ImportResult, import_rows
from sigact.formats.csvread import (
    CsvFile,
    first_bad,
    parse_dates,
    parse_float,
    parse_int,
    read_csv_strict,
    require_columns,
)

REQUIRED = ("id", "type_of_violence", "side_a", "side_b", "date_start", "latitude", "longitude", "country")
DATE_FORMATS = ("%Y-%m-%d", "%m/%d/%Y %H:%M:%S", "%Y-%m-%d %H:%M:%S", "%m/%d/%Y", "%Y-%m-%d %H:%M:%S.%f")
TYPE_OF_VIOLENCE = {
    1: ("Battles", "Armed clash"),
    2: ("Battles", "Armed clash"),
    3: ("Violence against civilians", "Attack"),
}
TIME_PRECISION = {1: 1, 2: 2, 3: 2, 4: 3, 5: 3}
GEO_PRECISION = {1: 1, 2: 2, 3: 2, 4: 3, 5: 3, 6: 3, 7: 3}
ISO_NUMERIC = {
    "Mali": 466, "Burkina Faso": 854, "Niger": 562, "Chad": 148, "Mauritania": 478, "Benin": 204,
    "Togo": 768, "Ghana": 288, "Ivory Coast": 384, "Cote d'Ivoire": 384, "Nigeria": 566, "Senegal": 686,
    "Guinea": 324, "Algeria": 12,
}  # fmt: skip
# UCDP writes "Centre Nord region"; ACLED writes "Centre-Nord".
_HYPHENATED = {
    "Centre Nord": "Centre-Nord", "Centre Est": "Centre-Est", "Centre Ouest": "Centre-Ouest",
    "Centre Sud": "Centre-Sud", "Hauts Bassins": "Hauts-Bassins", "Sud Ouest": "Sud-Ouest",
}  # fmt: skip
_ADMIN_SUFFIX = re.compile(r"\s+(region|province|cercle|department|commune|prefecture)$", re.IGNORECASE)


def admin_name(value: str) -> str | None:
    name = _ADMIN_SUFFIX.sub("", value.strip())
    return _HYPHENATED.get(name, name) or None


def _actor(name: str, country: str, date: dt.date) -> tuple[str, int]:
    """ACLED-style actor name and inter code for a UCDP side."""
    registry: Any = None
    try:
        from sigact.actors import Registry

        registry = Registry.default()
    except Exception:  # noqa: BLE001 - the registry is optional for import
        registry = None
    if name == "Civilians":
        return (registry.civilians(country) if registry else f"Civilians ({country})"), 7
    if name.startswith("Government of "):
        state = name.removeprefix("Government of ")
        if registry is not None:
            return registry.state_forces(state, date), 1
        return f"Military Forces of {state}", 1
    canonical = registry.canonical(name, date=date, country=country) if registry else None
    if canonical:
        return canonical, int(registry.inter(canonical) or 2)
    return name, 2


def ucdp_frame_to_rows(csv: CsvFile) -> list[dict[str, Any]]:
    frame = csv.frame
    require_columns(csv, REQUIRED)
    best_col = "best" if "best" in frame else "best_est"
    if best_col not in frame:
        require_columns(csv, ("best",))
    tov = parse_int(csv, "type_of_violence", required=True, low=1, high=3)
    dates = parse_dates(csv, "date_start", DATE_FORMATS, "YYYY-MM-DD or MM/DD/YYYY hh:mm:ss")
    lat = parse_float(csv, "latitude", required=True, low=-90, high=90)
    lon = parse_float(csv, "longitude", required=True, low=-180, high=180)
    best = parse_int(csv, best_col, required=True, low=0)
    date_prec = parse_int(csv, "date_prec", required=False, low=1, high=5) if "date_prec" in frame else None
    where_prec = parse_int(csv, "where_prec", required=False, low=1, high=7) if "where_prec" in frame else None
    ids = frame["id"].str.strip()
    first_bad(csv, ids == "", "id", "a value is required here")
    first_bad(csv, ids.duplicated(), "id", "{value!r} appears twice in this file")

    records: list[dict[str, Any]] = []
    columns = list(frame.columns)
    raw_rows = frame.to_numpy()
    actor_cache: dict[tuple[str, str, int], tuple[str, int]] = {}
    for i, raw in enumerate(raw_rows):
        src = {k: v for k, v in zip(columns, raw, strict=True) if v != ""}
        day = dates.iloc[i].date()
        country = src.get("country", "")
        event_type, sub_event_type = TYPE_OF_VIOLENCE[int(tov.iloc[i])]
        actors = []
        for side in ("side_a", "side_b"):
            key = (src.get(side, ""), country, day.year)
            if key not in actor_cache:
                actor_cache[key] = _actor(key[0], country, day)
            actors.append(actor_cache[key])
        (a1, i1), (a2, i2) = actors
        from sigact.taxonomy import interaction_code

        dp = date_prec.iloc[i] if date_prec is not None else pd.NA
        wp = where_prec.iloc[i] if where_prec is not None else pd.NA
        records.append({
            "id": f"UCDP-{ids.iloc[i]}",
            "origin": "ucdp",
            "status": "reviewed",
            "event_date": day,
            "year": day.year,
            "time_precision": TIME_PRECISION[int(dp)] if not pd.isna(dp) else 1,
            "disorder_type": "Political violence",
            "event_type": event_type,
            "sub_event_type": sub_event_type,
            "actor1": a1, "inter1": i1, "actor2": a2, "inter2": i2,
            "interaction": interaction_code(i1, i2),
            "civilian_targeting": "Civilian targeting" if event_type == "Violence against civilians" else None,
            "iso": ISO_NUMERIC.get(country),
            "region": "Western Africa" if src.get("region") == "Africa" else src.get("region"),
            "country": country or None,
            "admin1": admin_name(src.get("adm_1", "")),
            "admin2": admin_name(src.get("adm_2", "")),
            "location": src.get("where_coordinates") or None,
            "latitude": float(lat.iloc[i]), "longitude": float(lon.iloc[i]),
            "geo_precision": GEO_PRECISION[int(wp)] if not pd.isna(wp) else None,
            "source": src.get("source_office") or None,
            "notes": src.get("source_headline") or None,
            "fatalities": int(best.iloc[i]),
            "source_fields": src | {"_format": "ucdp_ged"},
            "manual_fields": [], "tags_list": [],
        })  # fmt: skip
    return records


def import_ucdp(store: Any, path: Path | str) -> ImportResult:
    """Import a UCDP GED CSV into ``store`` (idempotent on the UCDP id; one transaction)."""
    csv = read_csv_strict(path)
    records = ucdp_frame_to_rows(csv)
    return import_rows(store, records, kind="ucdp", path=str(path), sha256=csv.sha256)
