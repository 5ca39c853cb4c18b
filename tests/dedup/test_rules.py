"""Blocking, scoring and field-merging rules a user relies on."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sigact.dedup.blocking import in_block
from sigact.dedup.merging import Report, conservative_fatalities, fold
from sigact.dedup.scoring import THRESHOLD, name_conflict, score_pair
from sigact.model import Event


def ev(**changes: Any) -> Event:
    values: dict[str, Any] = dict(
        id="e", origin="extracted", event_date=dt.date(2024, 6, 11), event_type="Battles",
        sub_event_type="Armed clash", actor1="JNIM: Group for Support of Islam and Muslims", inter1=2,
        actor2="Military Forces of Burkina Faso (2022-)", inter2=1, country="Burkina Faso", admin1="Est",
        admin2="Gnagna", location="Mansila", latitude=12.9, longitude=1.3, geo_precision=1, fatalities=100,
        notes="JNIM fighters overran the army post at Mansila, killing over 100 soldiers.",
    )
    values.update(changes)
    return Event.model_validate(values)


def test_blocking_by_date_window_that_widens_with_coarse_dates() -> None:
    a = ev()
    assert in_block(a, ev(event_date=dt.date(2024, 6, 12)))[0]
    assert not in_block(a, ev(event_date=dt.date(2024, 6, 14)))[0]
    assert in_block(a, ev(event_date=dt.date(2024, 6, 14), time_precision=2))[0]
    assert not in_block(a, ev(event_date=dt.date(2024, 6, 30), time_precision=2))[0]
    assert in_block(a, ev(event_date=dt.date(2024, 6, 30), time_precision=3))[0]


def test_blocking_by_distance_or_admin_units() -> None:
    a = ev()
    assert not in_block(a, ev(latitude=14.1, longitude=-1.6, location="Djibo", admin2="Soum"))[0]
    assert not in_block(a, ev(country="Niger"))[0]
    coarse = ev(latitude=None, longitude=None, geo_precision=3, location=None)
    assert in_block(a, coarse)[0]
    assert not in_block(a, coarse.model_copy(update={"admin2": "Soum"}))[0]


def test_same_event_retold_scores_above_threshold_and_explains() -> None:
    retold = ev(fatalities=107, notes="Over a hundred soldiers died when jihadists of JNIM attacked Mansila.")
    result = score_pair(ev(), retold)
    assert result.is_match
    text = result.explain()
    assert "same location (Mansila)" in text and "shared actors" in text and "fatalities 100 vs 107" in text


def test_distinct_events_of_one_day_do_not_merge() -> None:
    other = ev(location="Diapaga", latitude=12.07, longitude=1.79, sub_event_type="Attack",
               event_type="Violence against civilians", actor2="Civilians (Burkina Faso)", inter2=7, fatalities=4,
               notes="Gunmen killed four herders at a well near Diapaga.")
    assert score_pair(ev(), other).score < THRESHOLD


def test_name_conflict_separates_template_notes() -> None:
    a = "Dogon militiamen from Kassa attacked and burned the village of Saou near Dinangourou."
    b = "Dogon militiamen from Kassa attacked and burned the village of Berda near Madougou."
    assert name_conflict(a, b) is not None
    assert name_conflict(a, "Militiamen burned Saou village, near Dinangourou, witnesses said.") is None
    first, second = ev(notes=a, fatalities=0), ev(notes=b, fatalities=0)
    assert score_pair(first, second).score < score_pair(first, ev(notes=a, fatalities=0)).score


def _report(sentence: str, **changes: Any) -> Report:
    return Report(event=ev(**changes), sentence=sentence, doc_key=sentence[:8], document=sentence)


def test_specific_figure_beats_vague_estimate() -> None:
    vague = _report("Several soldiers were killed in the attack.", fatalities=3)
    specific = _report("The army said 70 soldiers were killed.", fatalities=70)
    assert conservative_fatalities([vague, specific]) == 70
    lower = _report("A security source put the toll at 50 dead.", fatalities=50)
    assert conservative_fatalities([vague, specific, lower]) == 50  # most conservative stated figure
    assert conservative_fatalities([vague]) == 3
    assert conservative_fatalities([_report("No figure.", fatalities=None)]) is None


def test_fold_takes_most_specific_date_and_place_and_counts_sources() -> None:
    month = _report("In June, JNIM attacked Mansila.", event_date=dt.date(2024, 6, 1), time_precision=3,
                    geo_precision=1)
    day = _report("On 11 June the region of Gnagna saw an attack.", event_date=dt.date(2024, 6, 11),
                  time_precision=1, geo_precision=3, location="Gnagna", latitude=None, longitude=None,
                  source="Outlet B")
    merged = fold([month, day])
    assert merged["event_date"] == dt.date(2024, 6, 11) and merged["time_precision"] == 1
    assert merged["location"] == "Mansila" and merged["geo_precision"] == 1
    assert merged["source_fields"]["source_count"] == 2
    assert merged["source"] == "Outlet B"
    assert merged["evidence"].count("\n") == 1


def test_undated_reports_never_merge_automatically() -> None:
    undated = ev(source_fields={"date_from": "unknown"})
    assert not in_block(ev(), undated)[0]
    assert not score_pair(undated, ev()).is_match


def test_conventional_figure_is_specific_only_when_stated_as_deaths() -> None:
    stated = _report("Three soldiers were killed near the camp.", fatalities=3)
    vague = _report("Several soldiers were killed over three days of fighting.", fatalities=3)
    big = _report("The attackers killed 200 civilians.", fatalities=200)
    assert conservative_fatalities([stated, big]) == 3
    assert conservative_fatalities([vague, big]) == 200


def test_zero_counts_against_deaths_only_when_stated() -> None:
    from sigact.dedup.scoring import fatality_agreement

    silent = ev(fatalities=0, notes="JNIM attacked the army post at Mansila.")
    stated = ev(fatalities=0, notes="JNIM attacked the army post at Mansila; no casualties were reported.")
    assert fatality_agreement(silent, ev())[0] == 0.5
    assert fatality_agreement(stated, ev())[0] == 0.0
