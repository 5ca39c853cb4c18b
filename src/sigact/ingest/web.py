"""URLs: fetch once (httpx, timeout, clear errors) and read the page, PDF, feed or text that comes back."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from sigact.ingest.dates import date_from_url
from sigact.ingest.document import Document, ReadError
from sigact.ingest.feeds import looks_like_feed, read_feed
from sigact.ingest.html import read_html
from sigact.ingest.pdf import read_pdf
from sigact.ingest.text import decode_utf8, text_document


def _fetch(url: str, timeout: float) -> tuple[str, str, bytes]:
    """(final URL, content type, body) of ``url``; every network failure becomes a ReadError."""
    import httpx

    if not re.match(r"^https?://", url, re.IGNORECASE):
        raise ReadError(url, None, "only http:// and https:// URLs can be fetched")
    try:
        resp = httpx.get(url, timeout=timeout, follow_redirects=True,
                         headers={"User-Agent": "sigact/0.1 (report reader)"})
    except httpx.TimeoutException as exc:
        raise ReadError(url, None, f"timed out after {timeout:g} s") from exc
    except httpx.HTTPError as exc:
        raise ReadError(url, None, f"cannot fetch: {exc}") from exc
    if resp.status_code >= 400:
        raise ReadError(url, None, f"HTTP {resp.status_code} {resp.reason_phrase}")
    return str(resp.url), resp.headers.get("content-type", "").lower(), resp.content


def _decode_web(data: bytes, ctype: str, url: str) -> str:
    m = re.search(r"charset=([\w-]+)", ctype)
    if m and m.group(1).lower().replace("_", "-") not in ("utf-8", "utf8"):
        try:
            return data.decode(m.group(1))
        except (LookupError, UnicodeDecodeError) as exc:
            raise ReadError(url, None, f"cannot decode the page as {m.group(1)}") from exc
    return decode_utf8(data, url)


def iter_url(url: str, published: dt.date | None = None, timeout: float = 20.0) -> Iterator[Document]:
    """Documents at ``url``: every entry of an RSS/Atom feed, else the one page (HTML, PDF or plain text)."""
    final, ctype, data = _fetch(url, timeout)
    if "pdf" in ctype or data[:5] == b"%PDF-":
        doc = read_pdf(data, final, published=published)
        doc.url, doc.source_type = final, "url"
        doc.published = published or doc.published or date_from_url(final)
        yield doc
        return
    if looks_like_feed(data):
        docs = list(read_feed(data, final, published=published, source_type="rss"))
        if not docs:
            raise ReadError(url, None, "feed has no entries")
        yield from docs
        return
    text = _decode_web(data, ctype, final)
    if "html" in ctype or re.search(r"<html|<!doctype html|<body", text[:2000], re.IGNORECASE):
        yield read_html(text, final, url=final, published=published, source_type="url")
        return
    yield _urltext_document(text, final, published)


def _urltext_document(text: str, url: str, published: dt.date | None) -> Document:
    doc = text_document(text, url, None, published, markdown=False)
    doc.url = doc.url or url
    doc.source_type = "url"
    doc.published = published or doc.published or date_from_url(url)
    return doc


def read_url(url: str, published: dt.date | None = None, timeout: float = 20.0) -> Document:
    """Fetch ``url`` (HTML, PDF, feed or plain text) and read it; network errors raise ReadError.

    For a feed this is its first entry; use :func:`iter_url` or :func:`read_path` for all entries.
    """
    return next(iter(iter_url(url, published=published, timeout=timeout)))
