"""Event extraction: from a report's text to ACLED-coded events with their evidence sentences.

Public API: :func:`extract_document` (``Document -> list[Mention]``), :func:`extract_text` and
:data:`EXTRACTOR_VERSION`. See ``docs/extraction.md``.
"""

from sigact.extract.pipeline import EXTRACTOR_VERSION, extract_document, extract_text

__all__ = ["EXTRACTOR_VERSION", "extract_document", "extract_text"]
