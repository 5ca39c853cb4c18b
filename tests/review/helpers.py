"""Build small stores with reported events for review tests (no extraction needed)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sigact.dedup.merging import Report
from sigact.dedup.refresh import extracted_payload, refresh_event
from sigact.model import Event, stable_id
from sigact.store import Store
from sigact.store.provenance import insert_document, insert_mention


class Doc:
    def __init__(self, key: str, text: str) -> None:
        self.doc_key = key
        self.text = text
        self.title = f"Report {key}"
        self.url = f"https://example.org/{key}"
        self.published = dt.date(2022, 6, 12)
        self.language = "en"
        self.path = None

    @property
    def sha256(self) -> str:
        import hashlib

        return hashlib.sha256(self.text.encode()).hexdigest()


def told(**changes: Any) -> Event:
    values: dict[str, Any] = dict(
        id="x", origin="extracted", event_date=dt.date(2022, 6, 11), event_type="Violence against civilians",
        sub_event_type="Attack", actor1="JNIM: Group for Support of Islam and Muslims", inter1=2,
        actor2="Civilians (Burkina Faso)", inter2=7, country="Burkina Faso", admin1="Sahel", admin2="Seno",
        location="Seytenga", latitude=14.2, longitude=0.75, geo_precision=1, fatalities=79, confidence=0.8,
    )
    values.update(changes)
    return Event.model_validate(values)


def add_reported_event(store: Store, key: str, reports: list[Event], sentences: list[str] | None = None) -> str:
    """Store an event told by ``reports`` (one document each); returns its id."""
    event_id = stable_id("EXT", key)
    with store.transaction() as conn:
        first = reports[0].model_copy(update={"id": event_id})
        store.add_event(first, conn)
        for i, ev in enumerate(reports):
            sentence = (sentences or [])[i] if sentences and i < len(sentences) else f"{key} sentence {i}"
            doc = Doc(f"{key}-{i}", f"text of {key} {i}: {sentence}")
            doc_id = insert_document(conn, doc, "test")
            rep = Report(event=ev, sentence=sentence, doc_key=doc.doc_key, document=doc.sha256)
            insert_mention(conn, event_id=event_id, document_id=doc_id, mention_index=0, sentence=sentence,
                           char_start=0, char_end=len(sentence), extracted=extracted_payload(rep),
                           match_score=None if i == 0 else 0.9, match_reason="new event" if i == 0 else "test")
        refresh_event(store, conn, event_id)
    return event_id
