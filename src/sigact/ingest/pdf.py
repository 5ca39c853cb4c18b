"""PDF reports: the text layer of every page (pypdf)."""

from __future__ import annotations

import datetime as dt
import io

from sigact.ingest.document import Document, ReadError
from sigact.ingest.text import read_text


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
