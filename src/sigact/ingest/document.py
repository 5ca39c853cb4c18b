"""The ``Document`` every reader produces, and the one error type readers raise."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field


@dataclass
class Document:
    """One report or article, reduced to clean text with the metadata sigact needs.

    ``doc_key`` is the record id (JSONL, feed entry) or the file name; ``text`` is the article text with
    boilerplate removed; ``published`` is the publication date (stated in the source, given by the user,
    or ``None`` when unknown); ``source_type`` is one of "text", "html", "pdf", "rss", "url", "jsonl".
    """

    doc_key: str
    text: str
    title: str | None = None
    url: str | None = None
    published: dt.date | None = None
    language: str = "en"
    path: str | None = None
    source_type: str = "text"
    meta: dict[str, str] = field(default_factory=dict)

    @property
    def sha256(self) -> str:
        """Hex SHA-256 of the UTF-8 text: the document's identity in the store."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


class ReadError(Exception):
    """A source could not be read. ``path`` names the file/URL/stream, ``line`` the line or record (or None)."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path = str(path)
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {message}")
