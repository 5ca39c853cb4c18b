"""ACLED CSV import.

Reads the 31 current columns and older variants (extra ``data_id``, ``event_id_no_cnty``, ``iso3``;
no ``disorder_type``/``civilian_targeting``; dates as ``2019-05-29`` or ``29 May 2019``).
Every row is checked before anything is written; the whole file is written in one transaction;
importing the same file again adds nothing (rows are keyed on ``event_id_cnty`` and only replaced by
a newer ACLED ``timestamp``). Columns with no place in the Event model are kept in
``Event.source_fields`` so that an export reproduces the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from sigact import taxonomy
from sigact.formats.csvread import (
    CsvFile,
    first_bad,
    parse_dates,
    parse_float,
    parse_int,
    read_csv_strict,
    require_columns,
)
from sigact.formats.errors import InputError
from sigact.model import ACLED_COLUMNS
from sigact.store import Store
from sigact.store.columns import EventColumns, column_length, columns_to_rows, rows_to_columns

REQUIRED = ("event_id_cnty", "event_date", "event_type", "actor1", "country", "latitude", "longitude")
DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d/%m/%Y")
INT_COLUMNS = {
    # column: (required, low, high)
    "year": (False, 1900, 2100),
    "time_precision": (False, 1, 3),
    "geo_precision": (False, 1, 3),
    "iso": (False, 0, 999),
    "fatalities": (False, 0, None),
    "timestamp": (False, 0, None),
    "interaction": (False, 0, 88),
}
INTER_COLUMNS = ("inter1", "inter2")
TEXT_COLUMNS = tuple(
    c for c in ACLED_COLUMNS
    if c not in INT_COLUMNS and c not in INTER_COLUMNS and c not in ("event_date", "latitude", "longitude")
)  # fmt: skip
KNOWN_EVENT_TYPES = set(taxonomy.EVENT_TYPES) | set(taxonomy.LEGACY_EVENT_TYPES)
# Newer API output names actor types instead of numbering them.
INTER_LABELS = {
    **taxonomy.INTER_BY_NAME,
    "state forces": 1, "rebel group": 2, "political militia": 3, "identity militia": 4,
    "rioters": 5, "protesters": 6, "civilians": 7, "external/other forces": 8, "": 0,
}  # fmt: skip


@dataclass
class ImportResult:
    path: str
    rows: int
    inserted: int
    updated: int

    @property
    def unchanged(self) -> int:
        return self.rows - self.inserted - self.updated


def _parse_inter(csv: CsvFile, column: str) -> tuple[pd.Series, pd.Series | None]:
    """Codes for an inter column given as numbers or as actor-type labels (kept to re-export)."""
    raw = csv.frame[column].str.strip()
    num = pd.to_numeric(raw.where(raw != ""), errors="coerce")
    labelled = raw.ne("") & num.isna()
    if not labelled.any():
        first_bad(csv, num.notna() & ~num.isin(range(0, 9)), column, "{value!r} is not an actor type 0-8")
        return num.astype("Int64"), None
    codes = raw.str.lower().map(INTER_LABELS)
    first_bad(csv, labelled & codes.isna(), column, "{value!r} is not an ACLED actor type")
    out = num.where(~labelled, codes).astype("Int64")
    return out, raw.where(labelled, "")


def acled_frame_to_columns(csv: CsvFile, *, origin: str = "acled") -> EventColumns:
    """Validate an ACLED CSV and turn it into events held column-wise (Event field -> values)."""
    frame = csv.frame
    require_columns(csv, REQUIRED)
    ids = frame["event_id_cnty"].str.strip()
    first_bad(csv, ids == "", "event_id_cnty", "a value is required here")
    dup = ids.duplicated(keep="first")
    first_bad(csv, dup, "event_id_cnty", "{value!r} appears twice in this file")
    event_type = frame["event_type"].str.strip()
    first_bad(csv, ~event_type.isin(KNOWN_EVENT_TYPES), "event_type", "{value!r} is not an ACLED event type")
    if "sub_event_type" in frame:
        sub = frame["sub_event_type"].str.strip()
        first_bad(csv, (sub != "") & ~sub.isin(taxonomy.SUB_EVENT_TO_TYPE), "sub_event_type",
                  "{value!r} is not an ACLED sub-event type")
        known = sub.isin(taxonomy.SUB_EVENT_TO_TYPE)
        mismatch = known & (sub.map(taxonomy.SUB_EVENT_TO_TYPE) != event_type)
        first_bad(csv, mismatch, "sub_event_type", "{value!r} does not belong to this row's event_type")

    out: dict[str, Any] = {"id": ids, "event_id_cnty": ids}
    dates = parse_dates(csv, "event_date", DATE_FORMATS, "YYYY-MM-DD or '29 May 2019'")
    out["event_date"] = dates.dt.date
    out["latitude"] = parse_float(csv, "latitude", required=True, low=-90, high=90)
    out["longitude"] = parse_float(csv, "longitude", required=True, low=-180, high=180)
    extras: dict[str, pd.Series] = {}
    for col, (required, low, high) in INT_COLUMNS.items():
        if col in frame:
            out[col] = parse_int(csv, col, required=required, low=low, high=high)
    for col in INTER_COLUMNS:
        if col in frame:
            out[col], labels = _parse_inter(csv, col)
            if labels is not None:
                extras[col] = labels
    if "interaction" in frame and frame["interaction"].str.strip().str.contains(r"[A-Za-z]").any():
        # textual interaction ("State forces-Rebel group"): keep the text, derive the code
        extras["interaction"] = frame["interaction"].str.strip()
        out.pop("interaction", None)
    if "year" not in out:
        out["year"] = pd.Series(dates.dt.year, dtype="Int64")
    for col in TEXT_COLUMNS:
        if col in frame and col != "event_id_cnty":
            out[col] = frame[col]  # verbatim: an export must reproduce the file
    out["event_type"] = event_type

    rows_frame = pd.DataFrame(out)
    # Blank text -> None; pandas NA -> None.
    rows_frame = rows_frame.astype(object)
    for col in TEXT_COLUMNS:
        if col in rows_frame:
            rows_frame[col] = rows_frame[col].mask(rows_frame[col] == "", None)
    rows_frame = rows_frame.where(rows_frame.notna(), None)
    if "interaction" not in rows_frame:
        rows_frame["interaction"] = [
            taxonomy.interaction_code(a, b) for a, b in zip(rows_frame.get("inter1", [None] * len(rows_frame)),
                                                            rows_frame.get("inter2", [None] * len(rows_frame)),
                                                            strict=True)
        ]

    other = [c for c in frame.columns if c not in ACLED_COLUMNS]
    source_cols = {c: frame[c] for c in other}
    source_cols.update(extras)
    n = len(rows_frame)
    columns: EventColumns = {name: rows_frame[name].tolist() for name in rows_frame.columns}
    if source_cols:
        src = pd.DataFrame(source_cols)
        names = list(src.columns)
        columns["source_fields"] = [
            {k: v for k, v in zip(names, vals, strict=True) if v != ""} | {"_columns": names}
            for vals in src.to_numpy().tolist()
        ]
    else:
        columns["source_fields"] = [{} for _ in range(n)]
    columns["origin"] = [origin] * n
    columns["status"] = ["reviewed"] * n
    return columns


def acled_frame_to_rows(csv: CsvFile, *, origin: str = "acled") -> list[dict[str, Any]]:
    """Validate an ACLED CSV and turn it into event rows (dicts of Event fields)."""
    return columns_to_rows(acled_frame_to_columns(csv, origin=origin))


def import_columns(store: Store, columns: EventColumns, *, kind: str, path: str, sha256: str,
                   chunk: int = 50_000) -> ImportResult:
    """Write validated events (column-wise) in ONE transaction (all or nothing) and record the import."""
    n = column_length(columns)
    with store.transaction() as conn:
        before = store.count(conn=conn)
        written = 0
        with store.bulk_load(conn, n):
            for start in range(0, n, chunk):
                part = {k: v[start : start + chunk] for k, v in columns.items()}
                written += store.upsert_columns(conn, part)
        inserted = store.count(conn=conn) - before
        updated = max(written - inserted, 0)
        store.record_import(conn, kind=kind, path=path, sha256=sha256, rows=n, inserted=inserted, updated=updated)
    return ImportResult(path, n, inserted, updated)


def import_rows(store: Store, records: list[dict[str, Any]], *, kind: str, path: str, sha256: str) -> ImportResult:
    """Write validated rows in ONE transaction (all or nothing) and record the import."""
    return import_columns(store, rows_to_columns(records), kind=kind, path=path, sha256=sha256)


def import_acled(store: Store, path: Path | str) -> ImportResult:
    """Import an ACLED CSV export (current or older schema) into ``store``."""
    csv = read_csv_strict(path)
    return import_columns(store, acled_frame_to_columns(csv), kind="acled", path=str(path), sha256=csv.sha256)


def import_frame(store: Store, frame: pd.DataFrame, label: str = "<frame>") -> ImportResult:
    """Import ACLED-shaped rows held in memory (all values as text, like a CSV), e.g. for benchmarks."""
    text = frame.astype(str).replace({"nan": "", "None": "", "<NA>": ""})
    csv = CsvFile(label, text.reset_index(drop=True), sha256="")
    return import_columns(store, acled_frame_to_columns(csv), kind="acled", path=label, sha256="")


__all__ = ["ImportResult", "InputError", "import_acled", "import_frame", "acled_frame_to_rows"]
