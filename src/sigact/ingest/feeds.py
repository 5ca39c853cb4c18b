"""RSS and Atom feeds: one Document per entry, with the entry's own link, title and date (feedparser)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

from sigact.ingest.document import Document, ReadError
from sigact.ingest.html import html_to_text
from sigact.ingest.text import read_text


def looks_like_feed(data: bytes | str) -> bool:
    """Whether the start of a document is an RSS, RDF or Atom feed."""
    head = data[:2000] if isinstance(data, str) else data[:2000].decode("utf-8", "ignore")
    return bool(re.search(r"<(?:rss|feed|rdf:RDF)\b", head))


def read_feed(
    data: bytes | str, source: str, published: dt.date | None = None, path: str | None = None,
    source_type: str = "rss",
) -> Iterator[Document]:
    """One Document per feed entry, each with its own link, title and published date."""
    import feedparser

    parsed = feedparser.parse(data)
    if parsed.bozo and not parsed.entries:
        raise ReadError(source, None, f"not a readable RSS/Atom feed: {parsed.get('bozo_exception')}")
    for i, entry in enumerate(parsed.entries, start=1):
        html = ""
        if entry.get("content"):
            html = "\n".join(c.get("value", "") for c in entry["content"])
        if not html.strip():
            html = entry.get("summary", "") or entry.get("description", "")
        text = html_to_text(html) if "<" in html else html
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        stated = dt.date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday) if stamp else None
        link = entry.get("link") or None
        key = entry.get("id") or link or f"{Path(source).name}#{i}"
        yield read_text(
            text, str(key), published=published, url=link, title=entry.get("title") or None,
            source_type=source_type, path=path, stated_published=stated,
        )
