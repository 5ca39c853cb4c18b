"""Numbered source notes for the claims of a report.

An ingested event cites the documents that reported it (through its mentions: title, URL,
publication date); an imported event cites its dataset (ACLED or UCDP GED, with the dataset's
reference) and its event id; a manual event says so. Notes with the same events are shared.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import select

from sigact.model import as_date
from sigact.report.model import DatasetRef, DocumentRef, Note
from sigact.store import Store
from sigact.store.schema import documents, events, mentions

DATASETS: dict[str, tuple[str, str]] = {
    "acled": (
        "ACLED",
        "Armed Conflict Location & Event Data Project (ACLED), acleddata.com. Raleigh, C., Linke, A., Hegre, H. "
        "& Karlsen, J. (2010). Introducing ACLED: An Armed Conflict Location and Event Dataset. "
        "Journal of Peace Research 47(5): 651-660.",
    ),
    "ucdp": (
        "UCDP GED",
        "Uppsala Conflict Data Program Georeferenced Event Dataset (UCDP GED), ucdp.uu.se, CC BY 4.0. "
        "Sundberg, R. & Melander, E. (2013). Introducing the UCDP Georeferenced Event Dataset. "
        "Journal of Peace Research 50(4): 523-532.",
    ),
    "manual": ("Manual entry", "Events entered by an analyst in sigact (see the audit log)."),
    "extracted": ("Automatic extraction", "Events extracted by sigact from documents no longer linked to them."),
}
SAFE_SCHEMES = ("http://", "https://")


class Citations:
    """Collects notes while a report is built; ``cite(ids, about)`` returns the note number."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.notes: list[Note] = []
        self._by_key: dict[tuple[str, ...], int] = {}
        self._events: dict[str, dict[str, Any]] = {}
        self._docs: dict[str, list[DocumentRef]] = {}

    # -- look-ups (batched, bound parameters) --------------------------------------------------
    def _load(self, ids: Sequence[str]) -> None:
        missing = [i for i in ids if i not in self._events]
        for chunk in _chunks(missing, 500):
            stmt = select(events.c.id, events.c.origin, events.c.source, events.c.source_fields).where(
                events.c.id.in_(chunk)
            )
            with self.store.engine.connect() as conn:
                for row in conn.execute(stmt).mappings():
                    self._events[row["id"]] = dict(row)
            doc_stmt = (
                select(mentions.c.event_id, documents.c.title, documents.c.url, documents.c.published,
                       documents.c.doc_key)
                .select_from(mentions.join(documents, mentions.c.document_id == documents.c.id))
                .where(mentions.c.event_id.in_(chunk))
                .order_by(mentions.c.id)
            )  # fmt: skip
            found: dict[str, list[DocumentRef]] = defaultdict(list)
            with self.store.engine.connect() as conn:
                for row in conn.execute(doc_stmt).mappings():
                    ref = DocumentRef(row["title"], safe_url(row["url"]), as_date(row["published"]),
                                      row["doc_key"])  # fmt: skip
                    if ref not in found[row["event_id"]]:
                        found[row["event_id"]].append(ref)
            for event_id in chunk:
                self._docs[event_id] = found.get(event_id, [])

    def cite(self, event_ids: Iterable[str], about: str, *, single: bool = False) -> int:
        """The number of the note citing these events (0 when there are none).

        ``single``: the note is about one incident; it also lists the dataset's own sources."""
        ids = sorted(set(event_ids))
        if not ids:
            return 0
        key = (about if single else "", *ids)
        if key in self._by_key:
            return self._by_key[key]
        self._load(ids)
        docs: list[DocumentRef] = []
        by_origin: dict[str, list[str]] = defaultdict(list)
        originals: dict[str, list[str]] = defaultdict(list)
        for event_id in ids:
            ev = self._events.get(event_id, {"origin": "manual", "source": None, "source_fields": None})
            event_docs = self._docs.get(event_id, [])
            for d in event_docs:
                if d not in docs:
                    docs.append(d)
            origin = ev.get("origin") or "manual"
            if origin in ("acled", "ucdp") or not event_docs:
                by_origin[origin].append(event_id)
                if single:
                    originals[origin].extend(original_sources(ev))
        datasets = []
        for origin, oids in sorted(by_origin.items()):
            name, citation = DATASETS.get(origin, DATASETS["manual"])
            datasets.append(DatasetRef(name, citation, oids, originals.get(origin, [])))
        docs.sort(key=lambda d: (d.published or dt.date.min, d.title or "", d.url or ""))
        note = Note(len(self.notes) + 1, about, docs, datasets, ids)
        self.notes.append(note)
        self._by_key[key] = note.number
        return note.number


def original_sources(ev: dict[str, Any]) -> list[str]:
    """The sources a dataset names for one of its events (ACLED ``source``; UCDP ``source_article``)."""
    fields = ev.get("source_fields") or {}
    if ev.get("origin") == "ucdp" and isinstance(fields, dict) and fields.get("source_article"):
        return [str(fields["source_article"]).strip().strip('"')]
    return [s.strip() for s in str(ev.get("source") or "").split(";") if s.strip()]


def safe_url(url: Any) -> str | None:
    """The URL when it is http(s); anything else (javascript:, data:...) is not linked."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    return url if url.lower().startswith(SAFE_SCHEMES) else None


def _chunks(items: Sequence[str], size: int) -> Iterable[list[str]]:
    for i in range(0, len(items), size):
        yield list(items[i : i + size])
