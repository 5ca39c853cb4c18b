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


def test_with_no_country_named_the_wording_tells_same_named_villages_apart() -> None:
    # Boni is a town in Mali (Mopti) and a village in Burkina Faso (Hauts-Bassins)
    mali = extract_text(
        "On May 3, jihadists attacked a FAMa checkpoint in Boni, killing two soldiers.", dt.date(2020, 5, 5)
    )
    burkina = extract_text("On May 3, Koglweogo members killed two herders in Boni.", dt.date(2020, 5, 5))
    assert (mali[0].event.country, mali[0].event.admin1) == ("Mali", "Mopti")
    assert (burkina[0].event.country, burkina[0].event.admin1) == ("Burkina Faso", "Hauts-Bassins")
    # the guess is recorded, so a reviewer can see the place rests on it
    assert mali[0].event.source_fields["place_hint"] == "wording"


def test_a_named_country_is_not_second_guessed() -> None:
    events = extract_text("On May 3, gunmen killed two herders in Boni, Burkina Faso.", dt.date(2020, 5, 5))
    assert events[0].event.country == "Burkina Faso"
    assert "place_hint" not in events[0].event.source_fields


def test_a_victims_nationality_does_not_move_the_event_to_their_country() -> None:
    # "a Burkinabe trader" tells who was killed, not where: Boni with a FAMa checkpoint is Mali's
    text = "On May 3, jihadists attacked a FAMa checkpoint in Boni, killing two soldiers and a Burkinabe trader."
    events = extract_text(text, dt.date(2020, 5, 5))
    assert (events[0].event.country, events[0].event.admin1) == ("Mali", "Mopti")
