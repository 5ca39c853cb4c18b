"""A small invented demo database for the web tests (no ACLED data: every value here is made up)."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from sqlalchemy import insert

from sigact.model import Event
from sigact.store import Store
from sigact.store.repository import event_json
from sigact.store.schema import documents, mentions

XSS_NOTES = 'Attack reported <img src=x onerror=alert(1)> near the market <script>alert("x")</script> end.'
XSS_ID = "DEMO-XSS"
EXTRACTED_ID = "DEMO-EXT-1"

ACTORS = [
    ("JNIM: Group for Support of Islam and Muslims", 2),
    ("Islamic State (Sahel)", 2),
    ("Military Forces of Mali (2021-)", 1),
    ("Military Forces of Burkina Faso (2022-)", 1),
    ("Wagner Group", 8),
]
PLACES = [
    ("Mali", 466, "Mopti", "Djenne", 13.9, -4.55),
    ("Mali", 466, "Gao", "Ansongo", 15.66, 0.5),
    ("Mali", 466, "Segou", "Niono", 14.25, -5.99),
    ("Burkina Faso", 854, "Sahel", "Djibo", 14.1, -1.63),
    ("Burkina Faso", 854, "Est", "Fada N'Gourma", 12.06, 0.36),
    ("Niger", 562, "Tillaberi", "Ayorou", 14.73, 0.92),
]
TYPES = [
    ("Battles", "Armed clash"),
    ("Violence against civilians", "Attack"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("Strategic developments", "Looting/property destruction"),
    ("Protests", "Peaceful protest"),
]


def _event(i: int, rng: random.Random, **over: Any) -> Event:
    country, iso, admin1, loc, lat, lon = PLACES[i % len(PLACES)]
    etype, sub = TYPES[i % len(TYPES)]
    a1, i1 = ACTORS[i % len(ACTORS)]
    a2, i2 = ACTORS[(i + 2) % len(ACTORS)]
    data: dict[str, Any] = dict(
        id=f"DEMO-{i:03d}", origin="acled", status="automatic", event_date=dt.date(2023, 1, 1)
        + dt.timedelta(days=9 * i), event_type=etype, sub_event_type=sub, actor1=a1, inter1=i1,
        actor2=a2 if etype != "Protests" else None, inter2=i2 if etype != "Protests" else None,
        country=country, iso=iso, admin1=admin1, location=loc, latitude=lat + rng.uniform(-0.2, 0.2),
        longitude=lon + rng.uniform(-0.2, 0.2), geo_precision=1, fatalities=rng.randint(0, 12),
        source="Demo Wire", notes=f"Invented demo event number {i} in {loc}.",
    )
    data.update(over)
    return Event(**data)


def build_demo(store: Store, n: int = 40, seed: int = 1) -> None:
    """Fill ``store`` with ``n`` invented events, one extracted event with two source documents,
    and one event whose notes carry HTML/script injection attempts."""
    rng = random.Random(seed)
    now = dt.datetime.now(dt.UTC)
    with store.transaction() as conn:
        for i in range(n):
            store.add_event(_event(i, rng), conn, who="demo")
        store.add_event(_event(n, rng, id=XSS_ID, notes=XSS_NOTES, actor1="<b>Gunmen</b><script>x()</script>",
                               location='Kona"><img src=x onerror=alert(2)>'), conn, who="demo")
        ext = _event(n + 1, rng, id=EXTRACTED_ID, origin="extracted", confidence=0.42,
                     evidence="Gunmen attacked the village of Djenne on Monday, killing three civilians.",
                     actor1="JNIM: Group for Support of Islam and Muslims")
        store.add_event(ext, conn, who="demo")
        for k, (url, title) in enumerate([
            ("https://news.example.org/sahel/djenne-attack", "Attack near Djenne"),
            ("javascript:alert(3)", "A source with a hostile link"),
        ]):
            doc_id = conn.execute(insert(documents).values(
                sha256=f"{k:064d}", doc_key=f"demo-{k}.txt", url=url, title=title,
                published=dt.date(2023, 6, 1), language="en", text="(demo)", ingested_at=now,
            )).inserted_primary_key[0]  # type: ignore[index]
            conn.execute(insert(mentions).values(
                event_id=EXTRACTED_ID, document_id=doc_id, mention_index=0,
                sentence="Gunmen attacked the village of Djenne, killing three civilians <i>(report "
                         f"{k + 1})</i>.", match_score=0.9 - k / 10, match_reason="same place and date",
                extracted={"event": event_json(ext.model_copy(update={"fatalities": 3 + k})),
                           "doc_key": f"demo-{k}.txt"},
                created_at=now,
            ))
