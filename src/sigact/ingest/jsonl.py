"""JSON Lines records ``{"id", "text", "published"?, "url"?, "title"?}``: errors name the file, line and field."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from sigact.ingest.document import Document, ReadError
from sigact.ingest.text import decode_utf8, read_text


def _jsonl_lines(source: str | Path | IO[str] | IO[bytes]) -> tuple[str, Iterable[str | bytes]]:
    if isinstance(source, (str, Path)):
        if str(source) == "-":
            return "<stdin>", sys.stdin
        p = Path(source)
        try:
            data = p.read_bytes()
        except OSError as exc:
            raise ReadError(str(p), None, f"cannot open: {exc.strerror or exc}") from exc
        return str(p), decode_utf8(data, str(p)).splitlines()
    return getattr(source, "name", "<stream>"), source


def read_jsonl(
    source: str | Path | IO[str] | IO[bytes], published: dt.date | None = None,
    errors: list[ReadError] | None = None,
) -> Iterator[Document]:
    """Documents from JSON Lines ``{"id", "text", "published"?, "url"?, "title"?}`` ("-" = stdin).

    A bad line raises ReadError naming the file, the line number and the field - or, when ``errors`` is a
    list, is recorded there and skipped.
    """
    name, lines = _jsonl_lines(source)
    for lineno, raw in enumerate(lines, start=1):
        try:
            doc = _jsonl_record(name, lineno, raw, published)
        except ReadError as exc:
            if errors is None:
                raise
            errors.append(exc)
            continue
        if doc is not None:
            yield doc


def _jsonl_record(name: str, lineno: int, raw: str | bytes, published: dt.date | None) -> Document | None:
    """One JSONL line as a Document (None for a blank line)."""
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ReadError(name, lineno, "not UTF-8 text") from exc
    line = raw.strip().lstrip("\ufeff")
    if not line:
        return None
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ReadError(name, lineno, f"invalid JSON: {exc.msg} (column {exc.colno})") from exc
    if not isinstance(rec, dict):
        raise ReadError(name, lineno, "each line must be a JSON object")
    rid = rec.get("id")
    if rid is None or (isinstance(rid, str) and not rid.strip()):
        raise ReadError(name, lineno, "field 'id' is missing or empty")
    if not isinstance(rid, (str, int)) or isinstance(rid, bool):
        raise ReadError(name, lineno, "field 'id' must be a string or an integer")
    text = rec.get("text")
    if not isinstance(text, str):
        raise ReadError(name, lineno, "field 'text' is missing or not a string")
    stated: dt.date | None = None
    pub = rec.get("published")
    if pub not in (None, ""):
        if not isinstance(pub, str):
            raise ReadError(name, lineno, "field 'published' must be a 'YYYY-MM-DD' string")
        try:
            stated = dt.date.fromisoformat(pub.strip()[:10])
        except ValueError as exc:
            raise ReadError(name, lineno, f"field 'published': {pub!r} is not a YYYY-MM-DD date") from exc
    fields: dict[str, str | None] = {}
    for f in ("url", "title"):
        v = rec.get(f)
        if v is not None and not isinstance(v, str):
            raise ReadError(name, lineno, f"field '{f}' must be a string")
        fields[f] = v or None
    return read_text(
        text, str(rid), published=published, url=fields["url"], title=fields["title"],
        source_type="jsonl", path=None if name.startswith("<") else name, stated_published=stated,
    )
