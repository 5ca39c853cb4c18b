"""Readers: files of every supported kind, folders, stdin and URLs, dispatched to the format modules.

Every reader yields :class:`~sigact.ingest.document.Document` objects whose ``text`` is already cleaned of
boilerplate (see :mod:`sigact.ingest.clean`) and whose ``published`` date is, in order: the ``published``
argument (user override), the date stated by the source (header line, JSONL field, feed entry, HTML
metadata), the date stated at the top of the text (:func:`~sigact.ingest.dates.detect_published`), a date in
the URL path, else ``None``. Format modules: :mod:`~sigact.ingest.text`, :mod:`~sigact.ingest.html`,
:mod:`~sigact.ingest.pdf`, :mod:`~sigact.ingest.feeds`, :mod:`~sigact.ingest.jsonl`, :mod:`~sigact.ingest.web`.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path

from sigact.ingest.document import Document, ReadError
from sigact.ingest.feeds import looks_like_feed, read_feed
from sigact.ingest.html import read_html
from sigact.ingest.jsonl import read_jsonl
from sigact.ingest.pdf import read_pdf
from sigact.ingest.text import decode_utf8, read_text, text_document
from sigact.ingest.web import iter_url, read_url

__all__ = ["SUPPORTED_SUFFIXES", "read_file", "read_path", "read_text", "read_url"]

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
PDF_SUFFIXES = {".pdf"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES | FEED_SUFFIXES | JSONL_SUFFIXES


def read_file(
    path: Path, published: dt.date | None = None, doc_key: str | None = None,
    errors: list[ReadError] | None = None,
) -> Iterator[Document]:
    """The Document(s) in one file, by its extension (or by sniffing when the extension is unknown).

    ``errors``: collect bad JSONL lines there instead of raising (see :func:`read_path`).
    """
    key = doc_key or path.name
    name = str(path)
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path, published=published, errors=errors)
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(name, None, f"cannot open: {exc.strerror or exc}") from exc
    if suffix in PDF_SUFFIXES or data[:5] == b"%PDF-":
        yield read_pdf(data, key, path=name, published=published)
        return
    if suffix in FEED_SUFFIXES or (suffix not in TEXT_SUFFIXES | HTML_SUFFIXES and looks_like_feed(data)):
        if not looks_like_feed(data):
            raise ReadError(name, None, "XML file is not an RSS/Atom feed")
        yield from read_feed(data, name, published=published, path=name)
        return
    text = decode_utf8(data, name)
    if suffix in HTML_SUFFIXES or (
        suffix not in TEXT_SUFFIXES and re.match(r"\s*(?:<!doctype html|<html)", text, re.IGNORECASE)
    ):
        yield read_html(text, key, path=name, published=published)
        return
    yield text_document(text, key, name, published, markdown=suffix in {".md", ".markdown"})


def _visible(path: Path, root: Path) -> bool:
    return not any(part.startswith((".", "_")) and part not in (".", "..") for part in path.relative_to(root).parts)


def read_path(
    path: str | Path, published: dt.date | None = None, errors: list[ReadError] | None = None
) -> Iterator[Document]:
    """Documents from a file of any supported kind, a folder (recursive, sorted, hidden files skipped),
    an http(s) URL (every entry of a feed) or "-" (stdin: JSONL when it starts with "{", else one plain-text
    document).

    By default the first unreadable file or record raises :class:`ReadError`. Pass a list as ``errors`` to
    collect those errors instead and go on with the next file (or the next JSONL line).
    """
    if isinstance(path, str) and re.match(r"^https?://", path, re.IGNORECASE):
        yield from _guard(lambda: iter_url(path, published=published), errors)
        return
    if str(path) == "-":
        data = sys.stdin.read()
        if data.lstrip().startswith("{"):
            yield from read_jsonl(io.StringIO(data), published=published, errors=errors)
        else:
            yield text_document(data.lstrip("\ufeff"), "<stdin>", None, published, markdown=False)
        return
    p = Path(path)
    if p.is_dir():
        for f in sorted(p.rglob("*")):
            if f.is_file() and _visible(f, p) and f.suffix.lower() in SUPPORTED_SUFFIXES:
                yield from _guard(partial(read_file, f, published, f.relative_to(p).as_posix(), errors), errors)
        return
    if not p.exists():
        err = ReadError(str(p), None, "no such file or folder")
        if errors is None:
            raise err
        errors.append(err)
        return
    yield from _guard(lambda: read_file(p, published=published, errors=errors), errors)


def _guard(make: Callable[[], Iterable[Document]], errors: list[ReadError] | None) -> Iterator[Document]:
    """Yield what ``make()`` yields; on ReadError raise it, or record it in ``errors`` and stop quietly."""
    try:
        yield from make()
    except ReadError as exc:
        if errors is None:
            raise
        errors.append(exc)
