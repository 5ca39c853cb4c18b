"""Readers: every supported source kind becomes Documents with text, title, url, date and language."""

from __future__ import annotations

import datetime as dt
import http.server
import io
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from sigact.ingest import Document, ReadError, read_jsonl, read_path, read_text, read_url, sentences

ARTICLE_HTML = """<!DOCTYPE html>
<html lang="en"><head>
<title>Gunmen kill 12 in Solenzo | Sahel Wire</title>
<meta property="og:title" content="Gunmen kill 12 villagers in Solenzo">
<meta property="article:published_time" content="2024-03-12T08:00:00Z">
<link rel="canonical" href="https://example.org/news/solenzo">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Gunmen kill 12 villagers in Solenzo</h1>
<p>Unidentified gunmen killed twelve civilians in the village of Solenzo in western Burkina Faso on Sunday,
local sources told our correspondent, adding that the assailants arrived on motorcycles before dawn.</p>
<p>The attackers also burned several granaries and stole livestock before leaving towards the forest,
according to a resident who asked not to be named for fear of reprisals.</p>
<p>Share this article</p>
<p>The army said in a statement that a search operation had been launched in the area on Monday.</p>
</article>
<footer><p>Subscribe to our newsletter</p><p>We use cookies to improve your experience.</p></footer>
</body></html>
"""

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Sahel Wire</title><link>https://example.org</link>
<description>News</description>
<item><title>Attack on Djibo base</title><link>https://example.org/a/1</link><guid>wire-1</guid>
<pubDate>Mon, 12 May 2025 09:00:00 GMT</pubDate>
<description>&lt;p&gt;Militants attacked the army base in &lt;b&gt;Djibo&lt;/b&gt; on Sunday.&lt;/p&gt;
</description></item>
<item><title>Mosque attack in Fambita</title><link>https://example.org/a/2</link><guid>wire-2</guid>
<pubDate>Sat, 22 Mar 2025 10:00:00 GMT</pubDate>
<description>Gunmen killed 44 worshippers at a mosque on Friday.</description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Blog</title><id>urn:blog</id><updated>2024-06-17T00:00:00Z</updated>
<entry><title>Mansila</title><id>urn:e1</id><link href="https://example.org/mansila"/>
<published>2024-06-17T10:00:00Z</published><updated>2024-06-18T10:00:00Z</updated>
<content type="html">&lt;p&gt;JNIM overran the army post at Mansila on June 11.&lt;/p&gt;</content></entry>
</feed>
"""


def test_text_file_with_header(tmp_path: Path) -> None:
    f = tmp_path / "report.txt"
    f.write_text(
        "url: https://example.org/r\ntitle: A report\npublished: 2024-09-18\n\n"
        "Gunmen attacked Kati on Tuesday.\nShare this article\n",
        encoding="utf-8",
    )
    (doc,) = read_path(f)
    assert doc.doc_key == "report.txt"
    assert doc.url == "https://example.org/r" and doc.title == "A report"
    assert doc.published == dt.date(2024, 9, 18)
    assert doc.text == "Gunmen attacked Kati on Tuesday."
    assert doc.source_type == "text" and doc.path == str(f)
    assert len(doc.sha256) == 64


def test_header_unknown_values_become_none_and_override_wins(tmp_path: Path) -> None:
    f = tmp_path / "r.txt"
    f.write_text("url: unknown\ntitle: unknown\npublished: unknown\n\nDecember 15, 2023\n\nBody text here.\n")
    (doc,) = read_path(f)
    assert doc.url is None and doc.title is None
    assert doc.published == dt.date(2023, 12, 15)  # stated at the top of the body
    (doc2,) = read_path(f, published=dt.date(2024, 1, 2))
    assert doc2.published == dt.date(2024, 1, 2)


def test_text_without_header_keeps_all_lines(tmp_path: Path) -> None:
    f = tmp_path / "plain.txt"
    f.write_text("title of nothing\nSoldiers were killed near Gao on Monday.\n")
    (doc,) = read_path(f)
    assert "title of nothing" in doc.text and doc.title is None


def test_bad_header_date_is_a_clear_error(tmp_path: Path) -> None:
    f = tmp_path / "r.txt"
    f.write_text("title: x\npublished: someday\n\nBody.\n")
    with pytest.raises(ReadError, match="r.txt.*published"):
        list(read_path(f))


def test_markdown_front_matter_and_links(tmp_path: Path) -> None:
    f = tmp_path / "note.md"
    f.write_text(
        "---\ntitle: Weekly note\ndate: 2024-02-29\n---\n# Burkina Faso\n\n"
        "JNIM fighters attacked [Kaya](https://example.org/kaya) on **Monday**.\n"
    )
    (doc,) = read_path(f)
    assert doc.title == "Weekly note" and doc.published == dt.date(2024, 2, 29)
    assert "JNIM fighters attacked Kaya on Monday." in doc.text
    assert "https://" not in doc.text and "#" not in doc.text


def test_utf8_bom_and_non_utf8_error(tmp_path: Path) -> None:
    good = tmp_path / "bom.txt"
    good.write_bytes("\ufeffAttaque à Ménaka le 3 mars.".encode())
    (doc,) = read_path(good)
    assert doc.text.startswith("Attaque à Ménaka")
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Attaque à Ménaka".encode("latin-1"))
    with pytest.raises(ReadError, match=r"latin1\.txt.*UTF-8"):
        list(read_path(bad))


def test_html_article_text_and_metadata(tmp_path: Path) -> None:
    f = tmp_path / "page.html"
    f.write_text(ARTICLE_HTML, encoding="utf-8")
    (doc,) = read_path(f)
    assert doc.source_type == "html"
    assert "killed twelve civilians in the village of Solenzo" in doc.text
    assert "search operation" in doc.text
    for junk in ("Share this article", "Subscribe", "cookies", "Home"):
        assert junk not in doc.text
    assert doc.title and "Solenzo" in doc.title
    assert doc.published == dt.date(2024, 3, 12)
    assert doc.language == "en"


def test_rss_feed_one_document_per_entry(tmp_path: Path) -> None:
    f = tmp_path / "wire.rss"
    f.write_text(RSS, encoding="utf-8")
    docs = list(read_path(f))
    assert [d.doc_key for d in docs] == ["wire-1", "wire-2"]
    assert [d.published for d in docs] == [dt.date(2025, 5, 12), dt.date(2025, 3, 22)]
    assert docs[0].url == "https://example.org/a/1" and docs[0].title == "Attack on Djibo base"
    assert docs[0].text == "Militants attacked the army base in Djibo on Sunday."
    assert all(d.source_type == "rss" for d in docs)


def test_atom_feed_detected_from_xml_extension(tmp_path: Path) -> None:
    f = tmp_path / "blog.xml"
    f.write_text(ATOM, encoding="utf-8")
    (doc,) = read_path(f)
    assert doc.published == dt.date(2024, 6, 17)  # published, not updated
    assert doc.url == "https://example.org/mansila"
    assert "Mansila on June 11" in doc.text


def test_pdf_text_layer_and_title(tmp_path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages

    matplotlib.rcParams["pdf.fonttype"] = 42
    f = tmp_path / "sitrep.pdf"
    with PdfPages(f, metadata={"Title": "Sitrep 12"}) as pdf:
        fig = plt.figure(figsize=(8.5, 11))
        fig.text(0.05, 0.9, "Published: 2024-09-18")
        fig.text(0.05, 0.85, "Gunmen attacked the village of Solenzo on Monday.")
        pdf.savefig(fig)
        plt.close(fig)
    (doc,) = read_path(f)
    assert doc.source_type == "pdf" and doc.title == "Sitrep 12"
    assert doc.published == dt.date(2024, 9, 18)
    assert "Gunmen attacked the village of Solenzo on Monday." in doc.text


def test_pdf_pages_running_headers_and_page_numbers(tmp_path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages

    matplotlib.rcParams["pdf.fonttype"] = 42
    f = tmp_path / "two.pdf"
    body = [
        ["On Tuesday armed men riding motorcycles attacked the army post in",
         "Mansila and the fighting lasted until the evening, according to",
         "Burkinabe security sources."],
        ["Reinforcements arrived from Sebba the following morning and the",
         "army said that the situation was under control by the afternoon."],
    ]
    with PdfPages(f) as pdf:
        for n, lines in enumerate(body, start=1):
            fig = plt.figure(figsize=(8.5, 11))
            fig.text(0.05, 0.95, "Sahel Security Monitor - weekly situation report")
            for i, line in enumerate(lines):
                fig.text(0.05, 0.85 - 0.03 * i, line)
            fig.text(0.5, 0.03, f"Page {n} of 2")
            pdf.savefig(fig)
            plt.close(fig)
    (doc,) = read_path(f)
    assert doc.text.count("Sahel Security Monitor") == 1
    assert "Page 1" not in doc.text and "Page 2" not in doc.text
    sents = [s.text.replace("\n", " ") for s in sentences(doc.text)]
    assert ("On Tuesday armed men riding motorcycles attacked the army post in Mansila and the fighting lasted "
            "until the evening, according to Burkinabe security sources.") in sents


def test_broken_pdf_is_a_read_error(tmp_path: Path) -> None:
    f = tmp_path / "broken.pdf"
    f.write_bytes(b"%PDF-1.4\nnot really a pdf")
    with pytest.raises(ReadError, match="broken.pdf"):
        list(read_path(f))


def test_jsonl_records(tmp_path: Path) -> None:
    f = tmp_path / "recs.jsonl"
    lines = [
        {"id": "a1", "text": "Gunmen attacked Kati.", "published": "2024-09-18", "url": "https://x.org/1"},
        {"id": 7, "text": "Soldiers were killed in Gao.", "title": "Gao"},
    ]
    f.write_text("\n".join(json.dumps(x) for x in lines) + "\n\n", encoding="utf-8")
    docs = list(read_path(f))
    assert [d.doc_key for d in docs] == ["a1", "7"]
    assert docs[0].published == dt.date(2024, 9, 18) and docs[0].url == "https://x.org/1"
    assert docs[1].published is None and docs[1].title == "Gao"
    assert all(d.source_type == "jsonl" for d in docs)
    # --published overrides the record's own date
    assert next(iter(read_jsonl(f, published=dt.date(2020, 1, 1)))).published == dt.date(2020, 1, 1)


@pytest.mark.parametrize(
    ("line", "needle"),
    [
        ('{"id": "x", "text": "ok"', "invalid JSON"),
        ('["not", "an", "object"]', "JSON object"),
        ('{"text": "no id"}', "'id'"),
        ('{"id": "x"}', "'text'"),
        ('{"id": "x", "text": 5}', "'text'"),
        ('{"id": "x", "text": "t", "published": "18/09/2024"}', "'published'"),
        ('{"id": "x", "text": "t", "url": 3}', "'url'"),
    ],
)
def test_jsonl_errors_name_file_line_and_field(tmp_path: Path, line: str, needle: str) -> None:
    f = tmp_path / "bad.jsonl"
    f.write_text('{"id": "ok", "text": "fine"}\n\n' + line + "\n", encoding="utf-8")
    with pytest.raises(ReadError) as err:
        list(read_jsonl(f))
    assert err.value.line == 3
    assert str(err.value).startswith(f"{f}:3:")
    assert needle in str(err.value)


def test_jsonl_from_stream_and_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    stream = io.StringIO('{"id": "s1", "text": "Attack in Djibo on Sunday."}\n')
    assert [d.doc_key for d in read_jsonl(stream)] == ["s1"]
    monkeypatch.setattr("sys.stdin", io.StringIO('{"id": "s2", "text": "Attack in Gao."}\n'))
    assert [d.doc_key for d in read_path("-")] == ["s2"]
    monkeypatch.setattr("sys.stdin", io.StringIO("Plain text report about Kaya.\n"))
    (doc,) = read_path("-")
    assert doc.doc_key == "<stdin>" and doc.text == "Plain text report about Kaya."


def test_folder_recursive_sorted_skips_hidden_and_unknown(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Second report.")
    (tmp_path / "1.txt").write_text("First report.")
    (tmp_path / ".hidden.txt").write_text("Hidden.")
    (tmp_path / ".git" / "x.txt").write_text("Git.")
    (tmp_path / "index.csv").write_text("a,b\n")
    (tmp_path / "c.jsonl").write_text('{"id": "c1", "text": "From JSONL."}\n')
    keys = [d.doc_key for d in read_path(tmp_path)]
    assert keys == ["1.txt", "b/2.txt", "c1"]


def test_missing_path_is_a_read_error(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="no such file"):
        list(read_path(tmp_path / "nope.txt"))


def test_read_text_detects_language_and_date() -> None:
    doc = read_text(
        "Mardi 17 septembre 2024\n\nDes terroristes ont attaqué l'école de gendarmerie de Faladié à Bamako.",
        "r1",
    )
    assert isinstance(doc, Document)
    assert doc.language == "fr" and doc.published == dt.date(2024, 9, 17)
    assert doc.text.startswith("Des terroristes")


# ---------------------------------------------------------------- URLs (local server; no internet needed)


@pytest.fixture
def local_server() -> Iterator[str]:
    pages = {
        "/article": ("text/html; charset=utf-8", ARTICLE_HTML.encode()),
        "/feed": ("application/rss+xml", RSS.encode()),
        "/plain": ("text/plain; charset=utf-8", b"Published: 2024-06-17\n\nJNIM attacked Mansila."),
    }

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server API)
            if self.path not in pages:
                self.send_error(404, "Not Found")
                return
            ctype, body = pages[self.path]
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_read_url_html(local_server: str) -> None:
    doc = read_url(local_server + "/article")
    assert doc.source_type == "url" and doc.url == local_server + "/article"
    assert "Solenzo" in doc.text and "Subscribe" not in doc.text
    assert doc.published == dt.date(2024, 3, 12)


def test_read_url_plain_text_and_feed(local_server: str) -> None:
    doc = read_url(local_server + "/plain")
    assert doc.text == "JNIM attacked Mansila." and doc.published == dt.date(2024, 6, 17)
    feed_doc = read_url(local_server + "/feed")
    assert feed_doc.title == "Attack on Djibo base"


def test_read_url_errors(local_server: str) -> None:
    with pytest.raises(ReadError, match="HTTP 404"):
        read_url(local_server + "/missing")
    with pytest.raises(ReadError, match="http"):
        read_url("ftp://example.org/x")
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(ReadError, match="cannot fetch|timed out"):
        read_url(f"http://127.0.0.1:{port}/x", timeout=2)


def test_html_story_dates_are_not_publication_dates(tmp_path: Path) -> None:
    story = (
        "<p>On November 24, 2023, jihadist militants attacked Malian forces at Niafunke, and the fighting lasted "
        "several hours according to residents of the town and local officials.</p>"
        "<p>A suicide bomber blew up a vehicle at the entrance of the base on 24 November 2023, witnesses said, "
        "before the main assault on the camp began.</p>"
    )
    page = f"<html><head><title>Niafunke</title></head><body><article><h1>Niafunke</h1>{story}</article></body></html>"
    f = tmp_path / "story.htm"
    f.write_text(page, encoding="utf-8")
    (doc,) = read_path(f)
    assert doc.published is None
    dated = page.replace("<head>", '<head><meta property="article:published_time" content="2023-11-26T10:00:00Z">')
    f.write_text(dated, encoding="utf-8")
    (doc,) = read_path(f)
    assert doc.published == dt.date(2023, 11, 26)


def test_read_path_accepts_urls_and_yields_every_feed_entry(local_server: str) -> None:
    assert [d.doc_key for d in read_path(local_server + "/feed")] == ["wire-1", "wire-2"]
    (page,) = read_path(local_server + "/article")
    assert "Solenzo" in page.text


def test_errors_list_collects_bad_files_and_lines_and_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("First report.")
    (tmp_path / "b.txt").write_bytes("Rapport en latin-1 : é".encode("latin-1"))
    (tmp_path / "c.jsonl").write_text('{"id": "c1", "text": "ok"}\n{"id": 5}\n{"id": "c3", "text": "ok too"}\n')
    (tmp_path / "d.xml").write_text("<note>not a feed</note>")
    (tmp_path / "e.txt").write_text("Last report.")
    with pytest.raises(ReadError, match="b.txt"):
        list(read_path(tmp_path))
    errors: list[ReadError] = []
    keys = [d.doc_key for d in read_path(tmp_path, errors=errors)]
    assert keys == ["a.txt", "c1", "c3", "e.txt"]
    assert [(Path(e.path).name, e.line) for e in errors] == [("b.txt", None), ("c.jsonl", 2), ("d.xml", None)]
    missing: list[ReadError] = []
    assert list(read_path(tmp_path / "nope", errors=missing)) == [] and len(missing) == 1
