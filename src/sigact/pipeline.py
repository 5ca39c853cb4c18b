"""Ingest orchestration: documents in, linked events out.

For each document:

1. Its identity is the SHA-256 of its text. A document already stored with the current
   ``EXTRACTOR_VERSION`` is *unchanged*: nothing is done (re-ingesting changes nothing).
2. Extraction runs (outside any transaction: it is the slow part).
3. In **one transaction**: the document row, every mention row (sentence, offsets, the event as told,
   match score and reason) and every event it creates or updates are written. A SIGKILL at any moment
   leaves either all of a document or none of it; a re-run picks up the documents not yet stored.
4. Each new mention is linked to the best stored event (``sigact.dedup.matching``) or starts a new event
   whose id is deterministic (``EXT-`` + hash of document and mention index), so a re-run never makes
   duplicates.
5. The events touched are re-merged from all their reports (``sigact.dedup.refresh``), which never
   changes an analyst's ``manual_fields``.

A stored document seen again with a new extractor version is re-extracted: its mentions are updated in
place (same document, same mention index), mentions it no longer yields are removed, and the events
involved are re-merged (automatic fields only).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, select

from sigact.dedup.matching import best_link
from sigact.dedup.merging import Report
from sigact.dedup.refresh import extracted_payload, refresh_event
from sigact.ingest import Document
from sigact.model import Event, Mention
from sigact.store import Store
from sigact.store.provenance import (
    delete_mentions,
    document_mentions,
    event_mentions,
    find_document,
    insert_document,
    insert_mention,
    set_extractor_version,
    update_mention,
)
from sigact.store.schema import events

Extractor = Callable[[Document], list[Mention]]


@dataclass
class IngestSummary:
    """What an ingest run did."""

    documents_new: int = 0
    documents_unchanged: int = 0
    documents_reextracted: int = 0
    documents_failed: int = 0
    mentions: int = 0
    events_new: int = 0
    events_merged: int = 0  # mentions linked to an event already stored
    events_updated: int = 0  # stored events whose fields changed
    errors: list[str] = field(default_factory=list)
    merges: list[tuple[str, str, str]] = field(default_factory=list)  # (doc_key, event_id, reason)

    def add(self, other: IngestSummary) -> None:
        for name in ("documents_new", "documents_unchanged", "documents_reextracted", "documents_failed",
                     "mentions", "events_new", "events_merged", "events_updated"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors.extend(other.errors)
        self.merges.extend(other.merges)


def default_extractor() -> tuple[Extractor, str]:
    """The extractor and its version: ``sigact.extract`` (imported lazily: it loads models), or the
    callable named by ``$SIGACT_EXTRACTOR`` as ``module:function`` (version from
    ``$SIGACT_EXTRACTOR_VERSION``, else the module's ``EXTRACTOR_VERSION``, else "custom")."""
    import importlib
    import os

    spec = os.environ.get("SIGACT_EXTRACTOR")
    if spec:
        module_name, _, attr = spec.partition(":")
        module = importlib.import_module(module_name)
        version = os.environ.get("SIGACT_EXTRACTOR_VERSION") or str(getattr(module, "EXTRACTOR_VERSION", "custom"))
        return getattr(module, attr or "extract_document"), version
    module = importlib.import_module("sigact.extract")
    return module.extract_document, str(module.EXTRACTOR_VERSION)


def _report(m: Mention) -> Report:
    return Report(event=m.event, sentence=m.sentence, doc_key=m.doc_key, document=m.document_sha256,
                  extras=dict(m.extras))


def _event_exists(conn: Connection, event_id: str) -> bool:
    return conn.execute(select(events.c.id).where(events.c.id == event_id)).first() is not None


class Pipeline:
    """Ingest documents into ``store`` with ``extractor`` (default: ``sigact.extract``)."""

    def __init__(self, store: Store, extractor: Extractor | None = None, version: str | None = None,
                 who: str = "sigact-ingest") -> None:
        if extractor is None:
            extractor, default_version = default_extractor()
            version = version or default_version
        self.store = store
        self.extractor = extractor
        self.version = version or "unknown"
        self.who = who

    def ingest(self, docs: Iterable[Document], on_document: Callable[[Document, IngestSummary], Any] | None = None,
               ) -> IngestSummary:
        total = IngestSummary()
        for doc in docs:
            result = self.ingest_document(doc)
            total.add(result)
            if on_document is not None:
                on_document(doc, result)
        return total

    def ingest_document(self, doc: Document) -> IngestSummary:
        out = IngestSummary()
        sha = doc.sha256
        with self.store.engine.connect() as conn:
            stored = find_document(conn, sha)
        if stored is not None and stored.get("extractor_version") == self.version:
            out.documents_unchanged = 1
            return out
        try:
            mentions = self.extractor(doc)
        except Exception as exc:  # one bad document must not stop a batch
            out.documents_failed = 1
            out.errors.append(f"{doc.doc_key}: extraction failed: {exc}")
            return out
        with self.store.transaction() as conn:
            stored = find_document(conn, sha)
            if stored is None:
                doc_id = insert_document(conn, doc, self.version)
                out.documents_new = 1
            elif stored.get("extractor_version") == self.version:  # another run got here first
                out.documents_unchanged = 1
                return out
            else:
                doc_id = int(stored["id"])
                set_extractor_version(conn, doc_id, self.version)
                out.documents_reextracted = 1
            self._write_mentions(conn, doc, doc_id, mentions, out)
        return out

    def _write_mentions(self, conn: Connection, doc: Document, doc_id: int, mentions: list[Mention],
                        out: IngestSummary) -> None:
        existing = document_mentions(conn, doc_id)
        touched: list[str] = []
        created: set[str] = set()
        for m in mentions:
            report = _report(m)
            payload = extracted_payload(report)
            old = existing.pop(m.mention_index, None)
            out.mentions += 1
            if old is not None:  # re-extraction: same telling, new reading
                update_mention(conn, int(old["id"]), sentence=m.sentence, char_start=m.char_start,
                               char_end=m.char_end, extracted=payload)
                touched.append(str(old["event_id"]))
                continue
            link = best_link(conn, m.event, m.sentence, exclude=self._same_sentence_events(conn, doc_id, m))
            if link.event_id is None:
                event_id = m.event.id
                if not _event_exists(conn, event_id):
                    event = m.event.model_copy(update={"status": "automatic", "merged_into": None})
                    self.store.add_event(event, conn, who=self.who, action="ingest")
                    created.add(event_id)
                    out.events_new += 1
                insert_mention(conn, event_id=event_id, document_id=doc_id, mention_index=m.mention_index,
                               sentence=m.sentence, char_start=m.char_start, char_end=m.char_end,
                               extracted=payload, match_score=None, match_reason=link.reason)
            else:
                event_id = link.event_id
                insert_mention(conn, event_id=event_id, document_id=doc_id, mention_index=m.mention_index,
                               sentence=m.sentence, char_start=m.char_start, char_end=m.char_end,
                               extracted=payload, match_score=link.score, match_reason=link.reason)
                out.events_merged += 1
                out.merges.append((doc.doc_key, event_id, link.reason))
            touched.append(event_id)
        # mentions the new extractor no longer yields
        for old in existing.values():
            delete_mentions(conn, [int(old["id"])])
            touched.append(str(old["event_id"]))
        for event_id in dict.fromkeys(touched):
            self._refresh(conn, event_id, created, out)

    @staticmethod
    def _same_sentence_events(conn: Connection, doc_id: int, m: Mention) -> set[str]:
        """Events told by an overlapping passage of the same document: the extractor split that passage
        into distinct events on purpose, so they are never merged back."""
        out: set[str] = set()
        for row in document_mentions(conn, doc_id).values():
            same = row["sentence"] == m.sentence
            if m.char_start is not None and m.char_end is not None and row["char_start"] is not None:
                same = same or (row["char_start"] < m.char_end and m.char_start < row["char_end"])
            if same:
                out.add(str(row["event_id"]))
        return out

    def _refresh(self, conn: Connection, event_id: str, created: set[str], out: IngestSummary) -> None:
        if not event_mentions(conn, event_id):
            row = conn.execute(select(events).where(events.c.id == event_id)).mappings().first()
            if row is not None and row["origin"] == "extracted" and not row["manual_fields"] \
                    and row["status"] == "automatic":
                # an automatic event no report supports any more
                self.store.update_event(conn, event_id, {"status": "rejected"}, who=self.who,
                                        action="auto-reject", manual=False,
                                        comment="no report supports this event after re-extraction")
            return
        before_row = conn.execute(select(events).where(events.c.id == event_id)).mappings().first()
        before = Event.model_validate({k: before_row[k] for k in Event.model_fields}) if before_row else None
        after = refresh_event(self.store, conn, event_id, who=self.who)
        if event_id not in created and before is not None and before.model_dump() != after.model_dump():
            out.events_updated += 1


def ingest(store: Store, docs: Iterable[Document], extractor: Extractor | None = None,
           version: str | None = None) -> IngestSummary:
    """Ingest ``docs`` into ``store`` (see module doc)."""
    return Pipeline(store, extractor, version).ingest(docs)
