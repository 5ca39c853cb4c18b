"""The event type made consistent with the actors the pipeline finds."""

from __future__ import annotations

import datetime as dt

from sigact.extract import extract_text


def _subs(text: str) -> list[str]:
    return [m.event.sub_event_type for m in extract_text(text, published=dt.date(2020, 5, 5))]


def test_a_two_sided_fight_with_civilian_deaths_stays_a_clash() -> None:
    # ACLED keeps communal fights and gunfights in which civilians died as Armed clashes
    text = "On May 3, Dozo hunters and Fulani herders clashed in Dinangourou, three civilians died in the fighting."
    assert _subs(text) == ["Armed clash"]


def test_armed_men_killing_civilians_is_an_attack() -> None:
    assert _subs("On May 3, armed men fought with residents of Dinangourou, killing three civilians.") == ["Attack"]
