"""Render analytics DataFrames as a table, JSON or CSV (the ``sigact stats`` output formats)."""

from __future__ import annotations

import datetime as dt
import io
import json
import math
from typing import Any

import pandas as pd
from rich.console import Console
from rich.table import Table
from rich.text import Text

FORMATS = ("table", "json", "csv")


def _plain(value: Any) -> Any:
    """A JSON-safe Python value."""
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat() if value == value.normalize() else value.isoformat()
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return None
    return value


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [{str(k): _plain(v) for k, v in row.items()} for row in frame.to_dict("records")]


def to_json(frame: pd.DataFrame, meta: dict[str, Any]) -> str:
    doc = {**{k: _plain(v) if not isinstance(v, dict) else v for k, v in meta.items()}, "rows": records(frame)}
    return json.dumps(doc, indent=2, ensure_ascii=False, default=str)


def to_csv(frame: pd.DataFrame) -> str:
    out = frame.copy()
    for col in out.columns:
        if col.startswith("event_ids"):
            out[col] = out[col].map(lambda v: " ".join(v) if isinstance(v, list) else "")
        elif pd.api.types.is_datetime64_any_dtype(out[col]):
            out[col] = out[col].dt.date.astype(str)
    buf = io.StringIO()
    out.to_csv(buf, index=False)
    return buf.getvalue()


def _cell(value: Any, column: str = "") -> str:
    value = _plain(value)
    if value is None:
        return ""
    if isinstance(value, float) and column.endswith(("p_value", "q_value")):
        return f"{value:.3g}"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e12:
            return f"{value:.1f}"
        return f"{value:.3g}" if abs(value) < 0.01 else f"{value:.2f}"
    return str(value)


def print_table(frame: pd.DataFrame, meta: dict[str, Any], console: Console) -> None:
    """A rich table; with ``event_ids`` columns, the ids are listed under the table per row."""
    id_cols = [c for c in frame.columns if c.startswith("event_ids")]
    shown = [c for c in frame.columns if c not in id_cols]
    title = meta.get("title")
    table = Table(title=Text(str(title)) if title else None, show_lines=False)
    for col in shown:
        numeric = pd.api.types.is_numeric_dtype(frame[col])
        table.add_column(Text(col), justify="right" if numeric else "left")
    if not console.is_terminal:
        console = Console(file=console.file, width=max(console.width, 240), highlight=False)
    rows = frame.to_dict("records")
    for row in rows:
        table.add_row(*[Text(_cell(row[c], c)) for c in shown])  # Text(): never interpret markup from data
    console.print(table)
    for key in ("convention", "filter", "periods", "method"):
        if meta.get(key):
            console.print(Text(f"{key}: {json.dumps(meta[key], ensure_ascii=False, default=str)}"
                               if isinstance(meta[key], (dict, list)) else f"{key}: {meta[key]}"))
    if id_cols:
        console.print(Text("events behind each figure:"))
        label_cols = [c for c in shown if not pd.api.types.is_numeric_dtype(frame[c])
                      or c in ("period", "year", "inter1", "inter2")][:4]
        for i, row in enumerate(rows):
            label = " / ".join(_cell(row[c]) for c in label_cols) or f"row {i}"
            for col in id_cols:
                ids = row[col] if isinstance(row[col], list) else []
                suffix = col.removeprefix("event_ids")
                console.print(Text(f"  {label}{' [period' + suffix.strip('_') + ']' if suffix else ''}"
                                   f" ({len(ids)}): {' '.join(ids)}"))


def render(frame: pd.DataFrame, fmt: str, meta: dict[str, Any], console: Console) -> None:
    """Write ``frame`` in ``fmt`` ("table", "json" or "csv") to ``console``'s stream."""
    if fmt == "json":
        console.file.write(to_json(frame, meta) + "\n")
    elif fmt == "csv":
        console.file.write(to_csv(frame))
    else:
        print_table(frame, meta, console)
