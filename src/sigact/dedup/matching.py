"""Linking one incoming report to the stored event it tells, if any.

Candidates come from the database by date (the widest window of ``blocking``), excluding rejected and
merged events and events in another country; each is then checked against the block rules and
scored (``scoring``). The best candidate at or above the threshold wins; ties go to the event stored
first. The explanation of the decision is what ``mentions.match_reason`` records.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Connection, or_, select

from sigact.dedup.blocking import MAX_WINDOW_DAYS
from sigact.dedup.scoring import THRESHOLD, MatchResult, score_pair
from sigact.model import Event
from sigact.store.repository import row_to_event
from sigact.store.schema import events


@dataclass
class Link:
    """The decision for one report: the event it joins (``None``: a new event) and why."""

    event_id: str | None
    result: MatchResult | None
    reason: str

    @property
    def score(self) -> float | None:
        return self.result.score if self.result is not None and self.event_id is not None else None


def candidates(conn: Connection, event: Event) -> list[Event]:
    """Stored, live events whose date falls in the widest window around ``event``'s date."""
    lo = event.event_date - dt.timedelta(days=MAX_WINDOW_DAYS)
    hi = event.event_date + dt.timedelta(days=MAX_WINDOW_DAYS)
    stmt = select(events).where(
        events.c.event_date >= lo,
        events.c.event_date <= hi,
        events.c.merged_into.is_(None),
        events.c.status != "rejected",
    )
    if event.country:
        stmt = stmt.where(or_(events.c.country == event.country, events.c.country.is_(None)))
    stmt = stmt.order_by(events.c.created_at, events.c.id)
    return [row_to_event(dict(r)) for r in conn.execute(stmt).mappings()]


def ranked(conn: Connection, event: Event, text: str | None = None,
           exclude: set[str] | None = None) -> list[tuple[Event, MatchResult]]:
    """Candidates inside the block, best score first (ties: stored first)."""
    out: list[tuple[Event, MatchResult]] = []
    for cand in candidates(conn, event):
        if exclude and cand.id in exclude:
            continue
        result = score_pair(cand, event, None, text)
        if not result.blocked:
            out.append((cand, result))
    out.sort(key=lambda pair: -pair[1].score)  # stable: keeps storage order among ties
    return out


def best_link(conn: Connection, event: Event, text: str | None = None, exclude: set[str] | None = None) -> Link:
    """The stored event ``event`` (told by ``text``) should join, or a new-event decision."""
    scored = ranked(conn, event, text, exclude)
    considered = len(scored)
    best = scored[0] if scored else None
    if best is not None and best[1].is_match:
        return Link(best[0].id, best[1], f"merged into {best[0].id}: {best[1].explain()}")
    if best is None:
        return Link(None, None, "new event: no stored event in its date/place block")
    return Link(None, best[1], f"new event: best of {considered} candidate(s) was {best[0].id}, "
                f"below the threshold {THRESHOLD:.2f}: {best[1].explain()}")
