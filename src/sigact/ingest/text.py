"""Plain text and Markdown: the ``url:/title:/published:`` header block, Markdown front matter, and
:func:`read_text`, which turns any raw text into a cleaned :class:`Document` (every reader ends there).
"""

from __future__ import annotations

import datetime as dt
import re

from sigact.ingest.clean import clean_text
from sigact.ingest.dates import date_from_url, detect_published, parse_date
from sigact.ingest.document import Document, ReadError
from sigact.ingest.language import detect_language

HEADER_LINE = re.compile(r"^(url|title|published|date|language|source)\s*:\s*(.*)$", re.IGNORECASE)
_UNKNOWN = {"", "unknown", "none", "n/a", "na", "null", "-"}


# ---------------------------------------------------------------- building a Document from text


def read_text(
    text: str,
    doc_key: str,
    published: dt.date | None = None,
    url: str | None = None,
    title: str | None = None,
    *,
    source_type: str = "text",
    path: str | None = None,
    stated_published: dt.date | None = None,
    clean: bool = True,
) -> Document:
    """A :class:`Document` from raw article text.

    ``published`` overrides everything; ``stated_published`` is a date the source gave as metadata
    (used before looking into the text).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    pub = published or stated_published or detect_published(text) or date_from_url(url)
    language = detect_language(text)
    body = clean_text(text, title=title, language=language) if clean else text.strip()
    return Document(
        doc_key=doc_key,
        text=body,
        title=title,
        url=url,
        published=pub,
        language=detect_language(body, default=language),
        path=path,
        source_type=source_type,
    )


def decode_utf8(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReadError(
            name, None, f"not UTF-8 text (invalid byte at offset {exc.start}); save the file as UTF-8"
        ) from exc


def _split_header(text: str) -> tuple[dict[str, str], str]:
    """``url:``/``title:``/``published:`` lines at the top, then a blank line, then the body."""
    lines = text.split("\n")
    header: dict[str, str] = {}
    i = 0
    while i < len(lines):
        m = HEADER_LINE.match(lines[i].strip())
        if not m:
            break
        header[m.group(1).lower()] = m.group(2).strip()
        i += 1
    if not header or (i < len(lines) and lines[i].strip()):
        return {}, text  # no header block (or no blank line after it): the whole file is body
    return header, "\n".join(lines[i + 1 :])


def _known(value: str | None) -> str | None:
    if value is None or value.strip().lower() in _UNKNOWN:
        return None
    return value.strip()


def _header_date(value: str | None, name: str) -> dt.date | None:
    v = _known(value)
    if v is None:
        return None
    d = parse_date(v)
    if d is None:
        raise ReadError(name, None, f"published: cannot read date {v!r} (use YYYY-MM-DD or 'unknown')")
    return d


_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_HEADING = re.compile(r"^#{1,6}\s*", re.MULTILINE)
_MD_EMPH = re.compile(r"(\*\*|__)(.+?)\1")
_FRONT_MATTER = re.compile(r"^---\n(.*?)\n---\n", re.DOTALL)


def _markdown_to_text(text: str) -> tuple[dict[str, str], str]:
    header: dict[str, str] = {}
    m = _FRONT_MATTER.match(text)
    if m:
        for line in m.group(1).splitlines():
            hm = HEADER_LINE.match(line.strip())
            if hm:
                header[hm.group(1).lower()] = hm.group(2).strip().strip("'\"")
        text = text[m.end() :]
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_HEADING.sub("", text)
    text = _MD_EMPH.sub(r"\2", text)
    return header, text


def text_document(text: str, doc_key: str, path: str | None, published: dt.date | None, markdown: bool) -> Document:
    header, body = _split_header(text)
    if markdown:
        fm, body = _markdown_to_text(body)
        header = {**fm, **header}
    name = path or doc_key
    return read_text(
        body,
        doc_key,
        published=published,
        url=_known(header.get("url") or header.get("source")),
        title=_known(header.get("title")),
        source_type="text",
        path=path,
        stated_published=_header_date(header.get("published") or header.get("date"), name),
    )
