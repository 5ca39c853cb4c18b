"""Export selected events as an ACLED CSV, GeoJSON, Parquet or JSON Lines.

The ACLED export writes ACLED's 31 current columns in ACLED's order, then any further columns the
events were imported with (``data_id``, ``event_id_no_cnty``, ``iso3`` of older exports), so that an
import followed by an export reproduces the file's every column (dates are written as ISO dates).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

import pandas as pd

from sigact.model import ACLED_COLUMNS, Event
from sigact.store import Store
from sigact.store.filters import EventFilter

FORMATS = ("acled", "geojson", "parquet", "jsonl")
_INT_COLUMNS = ("year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision",
                "fatalities", "timestamp")


def acled_frame(store: Store, flt: EventFilter | None) -> pd.DataFrame:
    """The selected events as an ACLED export table: ACLED's columns in ACLED's order, then the
    further columns they were imported with."""
    frame = store.events_frame(flt)
    extra: list[str] = []
    for fields in frame["source_fields"]:
        for col in (fields or {}).get("_columns", []):
            if col not in extra and col not in ACLED_COLUMNS:
                extra.append(col)
    out = pd.DataFrame({c: frame[c] for c in ACLED_COLUMNS})
    out["event_date"] = frame["event_date"].dt.strftime("%Y-%m-%d")
    for col in _INT_COLUMNS:
        out[col] = out[col].astype("Int64")
    for col in ("inter1", "inter2", "interaction"):
        # the file named actor types instead of numbering them: write the names back
        labels = frame["source_fields"].map(lambda f, c=col: (f or {}).get(c))
        if labels.notna().any():
            out[col] = out[col].astype(object).where(labels.isna(), labels)
    for col in extra:
        out[col] = frame["source_fields"].map(lambda f, c=col: (f or {}).get(c, ""))
    return out


def write_acled(store: Store, flt: EventFilter | None, out: IO[str] | Path) -> int:
    frame = acled_frame(store, flt)
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
    if fmt == "acled":
        return write_acled(store, flt, path if path is not None else _stdout(stdout))
    events = store.iter_events(flt)
    writer = {"geojson": write_geojson, "jsonl": write_jsonl}[fmt]
    if path is None:
        return writer(events, _stdout(stdout))
    with open(path, "w", encoding="utf-8", newline="") as fh:
        return writer(events, fh)


def _stdout(stream: IO[str] | None) -> IO[str]:
    if stream is None:
        raise ValueError("no output file and no stream given")
    return stream
