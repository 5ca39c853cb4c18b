"""Ingest: read reports (text, Markdown, HTML, PDF, RSS/Atom, URLs, JSONL, folders, stdin) into clean
:class:`Document` objects, detect their publication date and language, remove boilerplate, split sentences.
"""

from sigact.ingest.clean import clean_text, is_boilerplate_line
from sigact.ingest.dates import date_from_url, detect_published, parse_date
from sigact.ingest.document import Document, ReadError
from sigact.ingest.feeds import read_feed
from sigact.ingest.html import html_to_text, read_html
from sigact.ingest.jsonl import read_jsonl
from sigact.ingest.language import detect_language
from sigact.ingest.pdf import read_pdf
from sigact.ingest.readers import SUPPORTED_SUFFIXES, read_file, read_path
from sigact.ingest.sentences import Sentence, sentences
from sigact.ingest.text import read_text
from sigact.ingest.web import iter_url, read_url

__all__ = [
    "SUPPORTED_SUFFIXES",
    "Document",
    "ReadError",
    "Sentence",
    "clean_text",
    "date_from_url",
    "detect_language",
    "detect_published",
    "html_to_text",
    "is_boilerplate_line",
    "iter_url",
    "parse_date",
    "read_feed",
    "read_file",
    "read_html",
    "read_jsonl",
    "read_path",
    "read_pdf",
    "read_text",
    "read_url",
    "sentences",
]
