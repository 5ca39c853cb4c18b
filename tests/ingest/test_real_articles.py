"""The 40 real articles in ../shared/data/articles (skipped when absent): all read, boilerplate removed."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from sigact.ingest import Document, detect_published, read_path, sentences

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def docs(articles_dir: Path) -> dict[str, Document]:
    return {d.doc_key: d for d in read_path(articles_dir)}


@pytest.fixture(scope="module")
def index(articles_dir: Path) -> dict[str, dict[str, str]]:
    with (articles_dir / "index.csv").open(encoding="utf-8") as fh:
        return {row["file"]: row for row in csv.DictReader(fh)}


def test_all_articles_read_with_header_metadata(
    docs: dict[str, Document], index: dict[str, dict[str, str]]
) -> None:
    assert sorted(docs) == sorted(index)  # index.csv itself is not a document
    for name, row in index.items():
        doc = docs[name]
        assert doc.url == row["url"]
        assert doc.title == (None if row["title"] == "unknown" else row["title"])
        assert doc.language == row["language"], name
        assert len(doc.text) > 300
        if row["published"] != "unknown":
            assert doc.published == dt.date.fromisoformat(row["published"]), name


def test_no_publication_date_is_invented_from_event_dates(
    articles_dir: Path, index: dict[str, dict[str, str]]
) -> None:
    """On the bodies alone, every date found must be the true publication date (no false positives)."""
    for name, row in index.items():
        body = (articles_dir / name).read_text(encoding="utf-8").split("\n\n", 1)[1]
        found = detect_published(body)
        if found is not None:
            assert row["published"] != "unknown", f"{name}: {found} is an event date"
            assert found == dt.date.fromisoformat(row["published"]), name


@pytest.mark.parametrize(
    ("name", "gone", "kept"),
    [
        ("016.txt", "Read Also", "Ousmane Dicko"),
        ("019.txt", "AI-generated", "police station and market"),
        ("019.txt", "Updated: 15-05-2025", "Djibo"),
        ("024.txt", "pic.twitter.com", "Faladie gendarmerie school"),
        ("024.txt", "(@ndomamma)", "mopping-up operations"),
        ("002.txt", "Please enter your comment", "Tessit"),
        ("006.txt", "Retrieved 2024-06-16", "suicide bomber"),
        ("014.txt", "Photo: BBC", "21 civilians"),
        ("027.txt", "2850 Articles", "Faladié"),
        ("031.txt", "E-Paper", "Fambita quarter"),
        ("038.txt", "please subscribe", "Togo"),
    ],
)
def test_boilerplate_removed_body_kept(docs: dict[str, Document], name: str, gone: str, kept: str) -> None:
    assert gone not in docs[name].text
    assert kept in docs[name].text


def test_sentences_cover_every_article(docs: dict[str, Document]) -> None:
    for doc in docs.values():
        sents = sentences(doc.text)
        assert sents
        assert all(doc.text[s.start : s.end] == s.text for s in sents)
        # no split right after a title abbreviation such as "Gen." or "Lt."
        assert not any(s.text.endswith(("Gen.", "Lt.", "Col.", "Mr.")) for s in sents), doc.doc_key
