"""A line-based stand-in extractor so pipeline tests do not depend on extraction quality.

Each line of a document ``date | location | lat | lon | fatalities | sub_event_type | actor1 | sentence``
is one mention. Used for logic tests (idempotence, re-extraction, manual fields); the crash test and
the measurements use the real extractor.
"""

from __future__ import annotations

import datetime as dt

from sigact import taxonomy
from sigact.ingest import Document
from sigact.model import Event, Mention, stable_id


def fake_extract(doc: Document, fatality_bonus: int = 0) -> list[Mention]:
    out: list[Mention] = []
    offset = 0
    for line in doc.text.splitlines(keepends=True):
        parts = [p.strip() for p in line.split("|")]
        start = offset
        offset += len(line)
        if len(parts) != 8:
            continue
        date, location, lat, lon, fat, sub, actor1, sentence = parts
        index = len(out)
        event = Event(
            id=stable_id("EXT", doc.sha256, index), origin="extracted", event_date=dt.date.fromisoformat(date),
            event_type=taxonomy.SUB_EVENT_TO_TYPE[sub], sub_event_type=sub, actor1=actor1, inter1=2,
            actor2="Civilians (Burkina Faso)" if sub == "Attack" else None, inter2=7 if sub == "Attack" else None,
            country="Burkina Faso", admin1="Sahel", admin2="Soum", location=location, latitude=float(lat),
            longitude=float(lon), geo_precision=1, fatalities=int(fat) + fatality_bonus, confidence=0.8,
            evidence=sentence, notes=sentence, source=doc.title,
        )
        out.append(Mention(event=event, document_sha256=doc.sha256, doc_key=doc.doc_key, mention_index=index,
                           sentence=sentence, char_start=start, char_end=start + len(line)))
    return out


def fake_extract_v2(doc: Document) -> list[Mention]:
    """A 'new model' that reads one more death everywhere."""
    return fake_extract(doc, fatality_bonus=1)


DJIBO_A = ("2022-06-11 | Djibo | 14.1 | -1.63 | 40 | Attack | JNIM | "
           "Gunmen killed 40 civilians in Djibo on Saturday, 11 June.\n")
DJIBO_B = ("2022-06-11 | Djibo | 14.1 | -1.63 | 40 | Attack | JNIM | "
           "At least 40 civilians were killed by jihadists in Djibo on 11 June.\n")
ARBINDA = ("2022-06-11 | Arbinda | 13.73 | -0.86 | 5 | Armed clash | JNIM | "
           "Five soldiers died in a clash near Arbinda on 11 June.\n")


def doc(key: str, text: str) -> Document:
    return Document(doc_key=key, text=text, title=f"Outlet {key}", published=dt.date(2022, 6, 12))
