"""Counts, rates, shares, comparisons and fatalities: the numbers and the events behind them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pandas as pd
import pytest

from sigact.analyze import aggregate as agg
from sigact.analyze.periods import parse_period, span
from sigact.store import Store
from sigact.store.filters import EventFilter
from tests.analyze.conftest import event

Fill = Callable[[Store, list[dict[str, Any]]], Store]
D = dt.date


def test_weeks_run_saturday_to_friday_and_empty_weeks_count_zero(store: Store, fill: Fill) -> None:
    # Fri 4 Jan 2019 and Sat 5 Jan 2019 fall in different ACLED weeks; the week of 12 Jan is empty
    fill(store, [event(id="w1", event_date=D(2019, 1, 4)), event(id="w2", event_date=D(2019, 1, 5)),
                 event(id="w3", event_date=D(2019, 1, 11)), event(id="w4", event_date=D(2019, 1, 19))])
    frame = agg.counts(store, EventFilter(), per="week", explain=True)
    assert list(frame["period"].dt.strftime("%Y-%m-%d")) == ["2018-12-29", "2019-01-05", "2019-01-12", "2019-01-19"]
    assert list(frame["events"]) == [1, 2, 0, 1]
    assert list(frame["event_ids"]) == [["w1"], ["w2", "w3"], [], ["w4"]]
    assert "Saturday to Friday" in frame.attrs["convention"]
    monthly = agg.counts(store, EventFilter(), per="month")
    assert list(monthly["events"]) == [4]


def test_rate_is_events_over_weeks_in_range(sqlite_store: Store, fill: Fill) -> None:
    fill(sqlite_store, [event(event_date=D(2019, 1, 1) + dt.timedelta(days=i)) for i in range(0, 28, 2)])
    flt = EventFilter(date_from=D(2019, 1, 1), date_to=D(2019, 1, 28))
    rate = agg.rates(sqlite_store, flt, per="week")
    assert rate.loc[0, "events"] == 14 and rate.loc[0, "rate"] == pytest.approx(14 / 4)
    monthly = agg.rates(sqlite_store, EventFilter(date_from=D(2019, 1, 1), date_to=D(2019, 2, 28)), per="month")
    assert monthly.loc[0, "rate"] == pytest.approx(14 / 2)
    assert span(D(2019, 1, 1), D(2019, 7, 31), "month") == pytest.approx(7)
    assert parse_period("2019H2") == (D(2019, 7, 1), D(2019, 12, 31))


def test_shares_by_single_and_multi_valued_dimensions(sqlite_store: Store, fill: Fill) -> None:
    fill(sqlite_store, [
        event(id="s1", admin1="Mopti"), event(id="s2", admin1="Mopti"), event(id="s3", admin1="Segou"),
        event(id="s4", admin1="Gao", actor1="Islamic State (Greater Sahara)", actor2="Civilians (Mali)", inter2=7),
    ])
    shares = agg.shares(sqlite_store, EventFilter(), by=["admin1"], explain=True)
    mopti = shares.set_index("admin1").loc["Mopti"]
    assert mopti["share"] == pytest.approx(0.5) and sorted(mopti["event_ids"]) == ["s1", "s2"]
    assert shares["share"].sum() == pytest.approx(1.0)
    # an event involves two actors: shares are of events, so they sum to more than 1
    actors = agg.shares(sqlite_store, EventFilter(), by=["actor"]).set_index("actor")
    assert actors.loc["JNIM: Group for Support of Islam and Muslims", "share"] == pytest.approx(0.75)
    assert actors["total"].iloc[0] == 4
    regions = agg.shares(sqlite_store, EventFilter(), by=["region"]).set_index("region")
    assert regions.loc["central Mali", "events"] == 3
    civ = agg.shares(sqlite_store, EventFilter(), by=["civilian_targeting"]).set_index("civilian_targeting")
    assert civ.loc["Civilian targeting", "events"] == 1 and civ.loc["Not civilian targeting", "events"] == 3


def test_compare_two_periods_mean_monthly_rates(store: Store, fill: Fill) -> None:
    rows = [event(admin1="Mopti", event_date=D(2019, m, 3)) for m in range(1, 8) for _ in range(4)]
    rows += [event(admin1="Mopti", event_date=D(2019, m, 3)) for m in range(8, 13)]
    rows += [event(admin1="Segou", event_date=D(2019, 9, 9))]
    fill(store, rows)
    frame = agg.compare(store, EventFilter(), [("2019-01-01", "2019-07-31"), ("2019-08-01", "2019-12-31")],
                        per="month", by=["admin1"]).set_index("admin1")
    assert frame.loc["Mopti", "rate_1"] == pytest.approx(4.0)
    assert frame.loc["Mopti", "rate_2"] == pytest.approx(1.0)
    assert frame.loc["Mopti", "p_value"] < 0.01
    assert frame.loc["Segou", "rate_1"] == 0 and frame.loc["Segou", "events_2"] == 1
    total = agg.compare(store, EventFilter(), [("2019-01-01", "2019-07-31"), ("2019-08-01", "2019-12-31")],
                        per="month")
    assert total.loc[0, "events_1"] == 28 and total.loc[0, "events_2"] == 6


def test_fatalities_sum_and_unknown_count(sqlite_store: Store, fill: Fill) -> None:
    fill(sqlite_store, [event(fatalities=5), event(fatalities=None), event(fatalities=0, admin1="Gao")])
    frame = agg.fatalities(sqlite_store, EventFilter(), by=["admin1"]).set_index("admin1")
    assert frame.loc["Mopti", "fatalities"] == 5 and frame.loc["Mopti", "fatalities_unknown"] == 1
    assert frame.loc["Gao", "fatalities_unknown"] == 0


def test_top_tactics_combine_tags_and_explosion_types(sqlite_store: Store, fill: Fill) -> None:
    ied = "Remote explosive/landmine/IED"
    fill(sqlite_store, [
        event(id="k1", event_type="Explosions/Remote violence", sub_event_type=ied),
        event(id="k2", event_type="Explosions/Remote violence", sub_event_type=ied, tags_list=["motorbikes"]),
        event(id="k3", tags_list=["motorbikes"]),
        event(id="k4"),
    ])
    top = agg.top(sqlite_store, EventFilter(), "tactics", explain=True)
    assert list(top["tactic"]) == ["motorbikes", "remote explosive/landmine/ied"] or \
        list(top["tactic"]) == ["remote explosive/landmine/ied", "motorbikes"]
    assert set(top["events"]) == {2}
    assert {tuple(ids) for ids in top["event_ids"]} == {("k2", "k3"), ("k1", "k2")}
    places = agg.top(sqlite_store, EventFilter(), "places")
    assert places.loc[0, "location"] == "Bandiagara" and places.loc[0, "events"] == 4


def test_inter_dimension_is_labelled(sqlite_store: Store, fill: Fill) -> None:
    fill(sqlite_store, [event(), event(actor1="Military Forces of Mali (2013-2020)", inter1=1)])
    frame = agg.aggregate(sqlite_store, EventFilter(), by=["initiator_type"])
    assert set(frame["initiator_type"]) == {"Rebel Groups", "State Forces"}


def test_empty_store_gives_empty_frames(sqlite_store: Store) -> None:
    assert agg.counts(sqlite_store, EventFilter(), per="week").empty
    assert agg.shares(sqlite_store, EventFilter(), by=["admin1"]).empty
    assert isinstance(agg.rates(sqlite_store, EventFilter(actor=["nobody"])), pd.DataFrame)


def test_multi_valued_breakdowns_and_tags_on_every_backend(store: Store, fill: Fill) -> None:
    fill(store, [
        event(id="p1", admin1="Mopti", tags_list=["ied"]),
        event(id="p2", admin1="Gao", actor2="Civilians (Mali)", inter2=7),
    ])
    regions = agg.aggregate(store, EventFilter(), by=["region"], explain=True).set_index("region")
    assert regions.loc["central Mali", "event_ids"] == ["p1"]
    assert regions.loc["northern Mali", "event_ids"] == ["p2"]
    actors = agg.aggregate(store, EventFilter(), by=["actor"]).set_index("actor")
    assert actors.loc["JNIM: Group for Support of Islam and Muslims", "events"] == 2
    assert agg.total(store, EventFilter(tags=["IED"])) == 1
    weekly = agg.counts(store, EventFilter(), by=["admin1"], per="week", explain=True)
    assert weekly["events"].sum() == 2


def test_compare_overlapping_periods_and_tactics(sqlite_store: Store, fill: Fill) -> None:
    ied = {"event_type": "Explosions/Remote violence", "sub_event_type": "Remote explosive/landmine/IED"}
    fill(sqlite_store, [event(event_date=D(2019, 2, 1), **ied), event(event_date=D(2019, 9, 1), **ied),
                        event(event_date=D(2019, 10, 1))])
    frame = agg.compare(sqlite_store, EventFilter(), [parse_period("2019"), parse_period("2019H2")], per="month")
    assert frame.loc[0, "events_1"] == 3 and frame.loc[0, "events_2"] == 2
    assert frame.loc[0, "rate_2"] == pytest.approx(2 / 6)
    tactics = agg.compare(sqlite_store, EventFilter(), [parse_period("2019H1"), parse_period("2019H2")],
                          by=["tactic"]).set_index("tactic")
    assert tactics.loc["remote explosive/landmine/ied", "events_1"] == 1
