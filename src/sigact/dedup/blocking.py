"""Blocking: which stored events may be the same as an incoming one, before any scoring.

Two reports can only describe the same event when

- both are dated (a report with no date and no publication date is never merged automatically: its
  date is only the day it was ingested);

- their dates are close: within :func:`date_window` days, which widens with the coarser
  ``time_precision`` of the two (1 day when both are dated to the day, 7 for a week, 31 for a month);
- their places are close: within :data:`MAX_DISTANCE_KM` when both have point coordinates at town or
  "near" precision (``geo_precision`` 1 or 2), or in the same admin2 when one point is only "near"
  (it may stand for a district); otherwise (a coarse place, or no point) they must share the admin2
  unit, or the admin1 unit when one only knows the admin1, or at least not contradict on country.
"""

from __future__ import annotations

import math

from sigact.model import Event

DATE_WINDOW_DAYS = {1: 1, 2: 7, 3: 31}
MAX_DISTANCE_KM = 50.0
MAX_WINDOW_DAYS = max(DATE_WINDOW_DAYS.values())


def date_window(a: Event, b: Event) -> int:
    """Days two events' dates may differ, given the coarser of their time precisions."""
    return DATE_WINDOW_DAYS.get(max(a.time_precision, b.time_precision), MAX_WINDOW_DAYS)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dphi, dlmb = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dlmb / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def has_point(e: Event) -> bool:
    return e.latitude is not None and e.longitude is not None and (e.geo_precision or 3) <= 2


def distance_km(a: Event, b: Event) -> float | None:
    if a.latitude is None or a.longitude is None or b.latitude is None or b.longitude is None:
        return None
    return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)


def _same(x: str | None, y: str | None) -> bool | None:
    """True/False when both are known, None when either is missing."""
    if not x or not y:
        return None
    return x.strip().lower() == y.strip().lower()


def place_compatible(a: Event, b: Event) -> tuple[bool, str]:
    """Whether two events' places allow them to be one event, and why."""
    if _same(a.country, b.country) is False:
        return False, "different countries"
    same_admin2 = _same(a.admin2, b.admin2)
    if has_point(a) and has_point(b):
        d = distance_km(a, b)
        assert d is not None
        if d <= MAX_DISTANCE_KM:
            return True, f"{d:.0f} km apart"
        # a point "near" a place (geo_precision 2) may stand for its whole district
        if (a.geo_precision == 2 or b.geo_precision == 2) and same_admin2:
            return True, f"{d:.0f} km apart, same admin2"
        return False, f"{d:.0f} km apart"
    for unit in ("admin2", "admin1"):
        same = _same(getattr(a, unit), getattr(b, unit))
        if same is not None:
            return same, f"{'same' if same else 'different'} {unit}"
    return True, "place too vague to tell apart"


def date_unknown(e: Event) -> bool:
    """The extractor found no date in the report nor a publication date (it then dates the event to the
    day of ingest and says so in ``source_fields["date_from"]``)."""
    return e.source_fields.get("date_from") == "unknown"


def in_block(a: Event, b: Event) -> tuple[bool, str]:
    """Whether ``b`` is a candidate duplicate of ``a`` (date window and place), with the reason."""
    if date_unknown(a) or date_unknown(b):
        return False, "date unknown: never merged automatically"
    days = abs((a.event_date - b.event_date).days)
    window = date_window(a, b)
    if days > window:
        return False, f"{days} days apart (window {window})"
    ok, why = place_compatible(a, b)
    return ok, f"{days} day(s) apart, {why}"
