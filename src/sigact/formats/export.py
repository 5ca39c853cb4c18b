"""Export selected events as an ACLED CSV, GeoJSON, Parquet or JSON Lines.

The ACLED export writes ACLED's 31 current columns in ACLED's order, then any further columns the
events were imported with (``data_id``, ``event_id_no_cnty``, ``iso3`` of older exports), so that an
import followed by an export reproduces the file's every column (dates are written as ISO dates).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import pandas as pd

from sigact.model import ACLED_COLUMNS, Event
from sigact.store import Store
from sigact.store.filters import EventFilter

FORMATS = ("acled", "geojson", "parquet", "jsonl")
_INT_COLUMNS = ("year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision",
                "fatalities", "timestamp")


def _acled_value(event: Event, column: str) -> Any:
    raw = event.source_fields.get(column)
    if raw is not None and column in ("inter1", "inter2", "interaction"):
        return raw  # the file named the actor type instead of numbering it
    value = getattr(event, column)
    if column == "event_date":
        return value.isoformat()
    return value


def acled_records(events: Iterable[Event]) -> tuple[list[str], Iterator[dict[str, Any]]]:
    """Column names and rows of an ACLED export of ``events`` (materialised to learn the extra columns)."""
    items = list(events)
    extra: list[str] = []
    for ev in items:
        for col in ev.source_fields.get("_columns", []):
            if col not in extra and col not in ACLED_COLUMNS:
                extra.append(col)
    columns = list(ACLED_COLUMNS) + extra

    def rows() -> Iterator[dict[str, Any]]:
        for ev in items:
            row = {c: _acled_value(ev, c) for c in ACLED_COLUMNS}
            for c in extra:
                row[c] = ev.source_fields.get(c, "")
            yield row

    return columns, rows()


def write_acled(events: Iterable[Event], out: IO[str] | Path) -> int:
    columns, rows = acled_records(events)
    frame = pd.DataFrame(list(rows), columns=columns)
    for col in _INT_COLUMNS:
        if col in frame and frame[col].map(lambda v: isinstance(v, str)).sum() == 0:
            frame[col] = frame[col].astype("Int64")
    frame.to_csv(out, index=False)
    return len(frame)


def geojson_feature(event: Event) -> dict[str, Any]:
    props = event.model_dump(mode="json", exclude={"latitude", "longitude"})
    geometry = None
    if event.latitude is not None and event.longitude is not None:
        geometry = {"type": "Point", "coordinates": [event.longitude, event.latitude]}
    return {"type": "Feature", "id": event.id, "geometry": geometry, "properties": props}


def write_geojson(events: Iterable[Event], out: IO[str]) -> int:
    n = 0
    out.write('{"type": "FeatureCollection", "features": [\n')
    for ev in events:
        out.write((",\n" if n else "") + json.dumps(geojson_feature(ev), ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n


def write_jsonl(events: Iterable[Event], out: IO[str]) -> int:
    n = 0
    for ev in events:
        out.write(ev.model_dump_json() + "\n")
        n += 1
    return n


def write_parquet(store: Store, flt: EventFilter | None, path: Path) -> int:
    frame = store.events_frame(flt)
    for col in ("source_fields", "manual_fields", "tags_list"):
        if col in frame:
            frame[col] = frame[col].map(lambda v: json.dumps(v, ensure_ascii=False) if v is not None else None)
    frame["event_date"] = frame["event_date"].dt.date
    frame.to_parquet(path, index=False)
    return len(frame)


def export_events(store: Store, flt: EventFilter | None, fmt: str, path: Path | None, *,
                  stdout: IO[str] | None = None) -> int:
    """Write the events ``flt`` selects to ``path`` (or ``stdout``) in ``fmt``; returns the count."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    if fmt == "parquet":
        if path is None:
            raise ValueError("parquet needs an output file (-o FILE)")
        return write_parquet(store, flt, path)
    events = store.iter_events(flt)
    writer = {"acled": write_acled, "geojson": write_geojson, "jsonl": write_jsonl}[fmt]
    if path is None:
        assert stdout is not None
        return writer(events, stdout)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        return writer(events, fh)
