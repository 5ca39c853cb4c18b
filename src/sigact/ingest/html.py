"""HTML pages: trafilatura finds the article text and the page's own metadata; a plain fallback for fragments."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from sigact.ingest.dates import parse_date
from sigact.ingest.document import Document
from sigact.ingest.text import read_text


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
