"""Batch deduplication: reports of one event cluster together, distinct events stay apart."""

from __future__ import annotations

import pandas as pd

from sigact.dedup.batch import deduplicate

BASE = {
    "event_date": "2022-06-11", "time_precision": "1", "event_type": "Violence against civilians",
    "sub_event_type": "Attack", "actor1": "JNIM: Group for Support of Islam and Muslims",
    "actor2": "Civilians (Burkina Faso)", "admin1": "Sahel", "admin2": "Seno", "location": "Seytenga",
    "latitude": "14.2", "longitude": "0.75", "geo_precision": "1", "fatalities": "79",
    "notes": "Gunmen killed 79 civilians in Seytenga, the worst attack of the year in the area.",
}


def _frame(*changes: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame([{**BASE, **c} for c in changes])


def test_reports_of_one_attack_form_one_cluster() -> None:
    frame = _frame(
        {},
        {"event_date": "2022-06-12", "fatalities": "86", "latitude": "14.205",
         "notes": "At least 86 civilians were killed by gunmen in Seytenga, the worst attack of the year."},
        {"time_precision": "2", "geo_precision": "3", "latitude": "", "longitude": "", "location": "Seno",
         "fatalities": "", "notes": "Attack on Seytenga civilians killed many, worst of the year."},
    )
    labels = deduplicate(frame).labels
    assert labels[0] == labels[1] == labels[2]


def test_distinct_events_of_one_day_stay_apart() -> None:
    frame = _frame(
        {},
        {"sub_event_type": "Armed clash", "event_type": "Battles", "actor2": "Military Forces of Burkina Faso",
         "location": "Dori", "latitude": "14.03", "longitude": "-0.03", "fatalities": "4",
         "notes": "Soldiers repelled an ambush near Dori; four assailants died."},
        {"event_date": "2022-07-20", "notes": BASE["notes"]},  # same text, six weeks later
        {"latitude": "12.37", "longitude": "-1.52", "location": "Ouagadougou", "admin1": "Centre",
         "admin2": "Kadiogo"},  # same text, another province
    )
    labels = deduplicate(frame).labels
    assert len(set(labels.tolist())) == 4


def test_empty_frame() -> None:
    assert deduplicate(pd.DataFrame(columns=list(BASE))).clusters == 0
