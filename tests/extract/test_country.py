"""Which country an event is placed in when the text names no place."""

from __future__ import annotations

import datetime as dt

from sigact.extract import extract_text


def test_foreign_forces_do_not_make_the_event_happen_in_their_own_country() -> None:
    text = "On March 3, French Barkhane forces killed four militants in an airstrike, the army said."
    events = [m.event for m in extract_text(text, published=dt.date(2020, 3, 5))]
    assert events
    assert all(e.country != "France" for e in events)


def test_a_domestic_militia_tells_the_country() -> None:
    text = "On March 3, Koglweogo members killed two herders accused of theft."
    events = [m.event for m in extract_text(text, published=dt.date(2020, 3, 5))]
    assert events and events[0].country == "Burkina Faso"
