"""Events held column-wise (field name -> list of values), the shape bulk loads travel in.

A million imported rows as a million dicts costs seconds of Python object work before the database
sees them; as ~40 lists it costs almost nothing. ``Store.upsert_columns`` writes this shape.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

EventColumns = dict[str, list[Any]]


def column_length(columns: Mapping[str, Sequence[Any]]) -> int:
    lengths = {len(v) for v in columns.values()}
    if len(lengths) > 1:
        raise ValueError(f"columns of different lengths: {sorted(lengths)}")
    return lengths.pop() if lengths else 0


def rows_to_columns(rows: Sequence[Mapping[str, Any]], defaults: Mapping[str, Any] | None = None) -> EventColumns:
    """Column-wise copy of ``rows``; a key some rows lack takes ``defaults[key]`` (else None) there."""
    defaults = defaults or {}
    keys: dict[str, None] = {}
    for row in rows:
        keys.update(dict.fromkeys(row))
    return {k: [row.get(k, defaults.get(k)) for row in rows] for k in keys}


def columns_to_rows(columns: Mapping[str, Sequence[Any]]) -> list[dict[str, Any]]:
    names = list(columns)
    return [dict(zip(names, values, strict=True)) for values in zip(*(columns[k] for k in names), strict=True)]
