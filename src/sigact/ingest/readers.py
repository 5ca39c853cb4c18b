"""Readers: plain text / Markdown, HTML, PDF, RSS/Atom feeds, URLs, JSONL records, folders, stdin.

Every reader yields :class:`~sigact.ingest.document.Document` objects whose ``text`` is already cleaned of
boilerplate (see :mod:`sigact.ingest.clean`) and whose ``published`` date is, in order: the ``published``
argument (user override), the date stated by the source (header line, JSONL field, feed entry, HTML
metadata), the date stated at the top of the text (:func:`~sigact.ingest.dates.detect_published`), a date in
the URL path, else ``None``.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import IO, Any

from sigact.ingest.clean import clean_text
from sigact.ingest.dates import date_from_url, detect_published, parse_date
from sigact.ingest.document import Document, ReadError
from sigact.ingest.language import detect_language

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
PDF_SUFFIXES = {".pdf"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES | FEED_SUFFIXES | JSONL_SUFFIXES

_HEADER_LINE = re.compile(r"^(url|title|published|date|language|source)\s*:\s*(.*)$", re.IGNORECASE)
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


def _decode(data: bytes, name: str) -> str:
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
        m = _HEADER_LINE.match(lines[i].strip())
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
            hm = _HEADER_LINE.match(line.strip())
            if hm:
                header[hm.group(1).lower()] = hm.group(2).strip().strip("'\"")
        text = text[m.end() :]
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_HEADING.sub("", text)
    text = _MD_EMPH.sub(r"\2", text)
    return header, text


def _text_document(text: str, doc_key: str, path: str | None, published: dt.date | None, markdown: bool) -> Document:
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


# ---------------------------------------------------------------- HTML


def html_to_text(html: str) -> str:
    """Visible text of an HTML fragment (block elements become line breaks); for feed entries and fallbacks."""
    from html.parser import HTMLParser

    blocks = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "section",
              "article", "header", "footer", "ul", "ol", "table", "figure", "figcaption"}
    skip = {"script", "style", "noscript", "template", "svg"}

    class _P(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []
            self.skipping = 0

        def handle_starttag(self, tag: str, attrs: Any) -> None:
            if tag in skip:
                self.skipping += 1
            elif tag in blocks:
                self.parts.append("\n")

        def handle_endtag(self, tag: str) -> None:
            if tag in skip and self.skipping:
                self.skipping -= 1
            elif tag in blocks:
                self.parts.append("\n")

        def handle_data(self, data: str) -> None:
            if not self.skipping:
                self.parts.append(data)

    p = _P()
    p.feed(html)
    p.close()
    text = "".join(p.parts)
    text = re.sub(r"[ \t\xa0]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def read_html(
    html: str, doc_key: str, url: str | None = None, path: str | None = None,
    published: dt.date | None = None, source_type: str = "html",
) -> Document:
    """A Document from an HTML page: trafilatura finds the article text and its title/date/url metadata."""
    import trafilatura

    body: str | None = None
    title: str | None = None
    meta_date: dt.date | None = None
    page_url = url
    try:
        result = trafilatura.bare_extraction(
            html, url=url, include_comments=False, include_tables=False, with_metadata=True,
            favor_precision=True,
            # dates from markup only (meta tags, time elements, JSON-LD): a date in the story is an event date
            date_extraction_params={"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"},
        )
    except Exception:  # trafilatura can fail on odd markup; fall back to the plain HTML text
        result = None
    if result is not None:
        data = result if isinstance(result, dict) else result.as_dict()
        body = data.get("text") or None
        title = data.get("title") or None
        page_url = url or data.get("url") or None
        raw_date = data.get("date")
        if raw_date:
            meta_date = parse_date(str(raw_date))
    if not body:
        body = html_to_text(html)
    return read_text(
        body, doc_key, published=published, url=page_url, title=title, source_type=source_type,
        path=path, stated_published=meta_date,
    )


# ---------------------------------------------------------------- PDF


def read_pdf(data: bytes, doc_key: str, path: str | None = None, published: dt.date | None = None) -> Document:
    """A Document from a PDF's text layer (pypdf); scanned PDFs without text raise ReadError."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    name = path or doc_key
    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
        title = None
        if reader.metadata is not None and reader.metadata.title:
            title = str(reader.metadata.title).strip() or None
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        raise ReadError(name, None, f"cannot read PDF: {exc}") from exc
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    if not text.strip():
        raise ReadError(name, None, "PDF has no text layer (scanned image?); run OCR first")
    return read_text(text, doc_key, published=published, title=title, source_type="pdf", path=path)


# ---------------------------------------------------------------- RSS / Atom


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


# ---------------------------------------------------------------- JSONL


def _jsonl_lines(source: str | Path | IO[str] | IO[bytes]) -> tuple[str, Iterable[str | bytes]]:
    if isinstance(source, (str, Path)):
        if str(source) == "-":
            return "<stdin>", sys.stdin
        p = Path(source)
        try:
            data = p.read_bytes()
        except OSError as exc:
            raise ReadError(str(p), None, f"cannot open: {exc.strerror or exc}") from exc
        return str(p), _decode(data, str(p)).splitlines()
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


# ---------------------------------------------------------------- URLs


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
    return _decode(data, url)


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
    yield _url_text_document(text, final, published)


def _url_text_document(text: str, url: str, published: dt.date | None) -> Document:
    doc = _text_document(text, url, None, published, markdown=False)
    doc.url = doc.url or url
    doc.source_type = "url"
    doc.published = published or doc.published or date_from_url(url)
    return doc


def read_url(url: str, published: dt.date | None = None, timeout: float = 20.0) -> Document:
    """Fetch ``url`` (HTML, PDF, feed or plain text) and read it; network errors raise ReadError.

    For a feed this is its first entry; use :func:`iter_url` or :func:`read_path` for all entries.
    """
    return next(iter(iter_url(url, published=published, timeout=timeout)))


# ---------------------------------------------------------------- files and folders


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
    text = _decode(data, name)
    if suffix in HTML_SUFFIXES or (
        suffix not in TEXT_SUFFIXES and re.match(r"\s*(?:<!doctype html|<html)", text, re.IGNORECASE)
    ):
        yield read_html(text, key, path=name, published=published)
        return
    yield _text_document(text, key, name, published, markdown=suffix in {".md", ".markdown"})


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
            yield _text_document(data.lstrip("\ufeff"), "<stdin>", None, published, markdown=False)
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
