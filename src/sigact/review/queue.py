"""The review queue: events that need an analyst's attention, and why.

An automatic (not yet reviewed or rejected), unmerged event is listed when

- its confidence is below :data:`LOW_CONFIDENCE` ("low confidence 0.42");
- its reports give conflicting fatality figures ("conflicting fatality figures: 10, 70");
- its date is unknown (no date in the report and no publication date);
- its place is unresolved: no coordinates, or only a region (geo_precision 3) ("unresolved place").

Only events told by reports (extracted, or linked to mentions) and manual ones are considered;
imported ACLED/UCDP rows without reports were coded by people already.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import or_, select

from sigact.dedup.blocking import date_unknown
from sigact.dedup.refresh import report_from_row
from sigact.model import Event
from sigact.store import Store
from sigact.store.repository import row_to_event
from sigact.store.schema import events, mentions

LOW_CONFIDENCE = 0.5


@dataclass
class ReviewItem:
    event: Event
    reasons: list[str] = field(default_factory=list)


def reasons_for(event: Event, figures: list[int]) -> list[str]:
    """Why ``event`` (whose reports gave ``figures``) needs review; empty when it does not."""
    reasons: list[str] = []
    if event.confidence is not None and event.confidence < LOW_CONFIDENCE:
        reasons.append(f"low confidence {event.confidence:.2f}")
    distinct = sorted(set(figures))
    if len(distinct) > 1:
        reasons.append("conflicting fatality figures: " + ", ".join(str(v) for v in distinct))
    if date_unknown(event):
        reasons.append("date unknown (dated to the day of ingest)")
    elif event.source_fields.get("date_assumed"):
        reasons.append("year assumed (the text gives none and the document has no publication date)")
    if event.latitude is None or event.longitude is None or event.geo_precision in (None, 3):
        reasons.append("unresolved place" + (f" ({event.location})" if event.location else ""))
    return reasons


def queue(store: Store, limit: int = 100) -> list[ReviewItem]:
    """Events needing attention, most reasons first, then most recent."""
    told = select(mentions.c.event_id)
    stmt = select(events).where(
        events.c.status == "automatic",
        events.c.merged_into.is_(None),
        or_(events.c.origin.in_(["extracted", "manual"]), events.c.id.in_(told)),
    )
    with store.engine.connect() as conn:
        candidates = [row_to_event(dict(r)) for r in conn.execute(stmt).mappings()]
        figures: dict[str, list[int]] = defaultdict(list)
        ids = [e.id for e in candidates]
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            rows = conn.execute(select(mentions).where(mentions.c.event_id.in_(chunk))).mappings()
            for row in rows:
                report = report_from_row(dict(row))
                if report is not None and report.event.fatalities is not None:
                    figures[str(row["event_id"])].append(report.event.fatalities)
    items = [ReviewItem(e, r) for e in candidates if (r := reasons_for(e, figures.get(e.id, [])))]
    items.sort(key=lambda it: (-len(it.reasons), -it.event.event_date.toordinal(), it.event.id))
    return items[:limit]
