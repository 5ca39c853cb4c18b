"""Strict CSV reading shared by the importers: UTF-8 only, every value as text, clear errors.

Row numbers in errors are spreadsheet rows: the header is row 1, the first record row 2.
"""

from __future__ import annotations

import gzip
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from sigact.formats.errors import InputError


@dataclass
class CsvFile:
    path: str
    frame: pd.DataFrame
    sha256: str


def read_csv_strict(path: Path | str) -> CsvFile:
    name = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(name, f"cannot read file ({exc.strerror})") from exc
    if raw[:2] == b"\x1f\x8b":  # gzip-compressed CSV
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError) as exc:
            raise InputError(name, f"not a valid gzip file ({exc})") from exc
    if not raw.strip():
        raise InputError(name, "the file is empty (expected a header row and records)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(
            name,
            f"not valid UTF-8 at byte {exc.start} (line {line}): byte 0x{raw[exc.start]:02x}. "
            "Re-save the file as UTF-8.",
        ) from exc
    try:
        frame = pd.read_csv(
            io.StringIO(text), dtype=str, keep_default_na=False, na_filter=False, skipinitialspace=False
        )
    except pd.errors.ParserError as exc:
        raise InputError(name, f"malformed CSV: {exc}") from exc
    except pd.errors.EmptyDataError as exc:
        raise InputError(name, "the file has no header row") from exc
    frame.columns = [c.strip() for c in frame.columns]
    if frame.empty:
        raise InputError(name, "the file has a header but no records")
    return CsvFile(name, frame, hashlib.sha256(raw).hexdigest())


def require_columns(csv: CsvFile, columns: tuple[str, ...]) -> None:
    missing = [c for c in columns if c not in csv.frame.columns]
    if missing:
        raise InputError(csv.path, f"missing required column(s): {', '.join(missing)}", column=missing[0])


def first_bad(csv: CsvFile, mask: pd.Series, column: str, message: str) -> None:
    """Raise for the first row where ``mask`` is true; ``message`` may use ``{value}``."""
    if bool(mask.any()):
        pos = int(mask.to_numpy().nonzero()[0][0])
        value = csv.frame[column].iloc[pos]
        raise InputError(csv.path, message.format(value=value), row=pos + 2, column=column)


def parse_int(csv: CsvFile, column: str, *, required: bool, low: int | None = None,
              high: int | None = None) -> pd.Series:
    """A text column as nullable integers, with the first bad value reported."""
    raw = csv.frame[column].str.strip()
    empty = raw == ""
    if required:
        first_bad(csv, empty, column, "a value is required here")
    num = pd.to_numeric(raw.where(~empty), errors="coerce")
    bad = ~empty & (num.isna() | (num % 1 != 0))
    first_bad(csv, bad, column, "{value!r} is not a whole number")
    out = num.astype("Int64")
    if low is not None:
        first_bad(csv, out.lt(low).fillna(False).astype(bool), column, f"{{value}} is below {low}")
    if high is not None:
        first_bad(csv, out.gt(high).fillna(False).astype(bool), column, f"{{value}} is above {high}")
    return out


def parse_float(csv: CsvFile, column: str, *, required: bool, low: float, high: float) -> pd.Series:
    raw = csv.frame[column].str.strip()
    empty = raw == ""
    if required:
        first_bad(csv, empty, column, "a value is required here")
    num = pd.to_numeric(raw.where(~empty), errors="coerce")
    first_bad(csv, ~empty & num.isna(), column, "{value!r} is not a number")
    first_bad(csv, (num < low) | (num > high), column, f"{{value}} is outside {low:g}..{high:g}")
    return num


def parse_dates(csv: CsvFile, column: str, formats: tuple[str, ...], expected: str) -> pd.Series:
    raw = csv.frame[column].str.strip()
    out = pd.Series(pd.NaT, index=raw.index, dtype="datetime64[ns]")
    for fmt in formats:
        todo = out.isna()
        if not todo.any():
            break
        out[todo] = pd.to_datetime(raw[todo], format=fmt, errors="coerce")
    first_bad(csv, out.isna(), column, f"{{value!r}} is not a date (expected {expected})")
    return out
