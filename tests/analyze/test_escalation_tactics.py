"""Escalation and tactic-shift detection on series whose answer is known."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

from sigact.analyze.escalation import change_points, episodes, escalation, tail_p_value
from sigact.analyze.tactics import tactic_shifts
from sigact.store import Store
from sigact.store.filters import EventFilter
from tests.analyze.conftest import event

Fill = Callable[[Store, list[dict[str, Any]]], Store]
D = dt.date


def monthly_rows(counts: list[int], admin1: str, start_year: int = 2017) -> list[dict[str, Any]]:
    rows = []
    for i, n in enumerate(counts):
        day = D(start_year + i // 12, i % 12 + 1, 1)
        rows += [event(admin1=admin1, event_date=day + dt.timedelta(days=j % 28)) for j in range(n)]
    return rows


def test_flags_a_surge_and_not_a_steady_series(sqlite_store: Store, fill: Fill) -> None:
    rng = np.random.default_rng(1)
    steady = [int(x) for x in rng.poisson(10, 36)]
    surge = [int(x) for x in rng.poisson(10, 24)] + [int(x) for x in rng.poisson(35, 12)]
    fill(sqlite_store, monthly_rows(steady, "Gao") + monthly_rows(surge, "Mopti"))
    flags = escalation(sqlite_store, EventFilter(), by=["admin1"], per="month", window=3, baseline=12)
    assert set(flags["admin1"]) == {"Mopti"}
    first = flags["window_end"].min()
    assert D(2019, 1, 1) <= first.date() <= D(2019, 3, 1)  # found where the surge starts
    assert (flags["ratio"] >= 1.5).all() and flags["ratio"].max() > 2.5 and flags["p_value"].min() < 1e-4
    eps = episodes(flags, ["admin1"])
    assert len(eps) >= 1 and eps.loc[0, "admin1"] == "Mopti"
    cps = change_points(sqlite_store, EventFilter(admin1=["Mopti"]), by=["admin1"])
    assert any(D(2018, 11, 1) <= c.date() <= D(2019, 3, 1) for c in cps["change_at"])


def test_overdispersed_baseline_needs_a_larger_jump() -> None:
    calm = np.array([10.0] * 12)
    wild = np.array([2, 25, 4, 18, 1, 30, 6, 12, 3, 22, 5, 16], dtype=float)
    assert tail_p_value(20, calm, 1)[0] < tail_p_value(20, wild, 1)[0]
    assert tail_p_value(20, wild, 1)[1] == "negative binomial"
    assert tail_p_value(0, calm, 1)[0] == 1.0


def test_escalation_explain_lists_window_events(sqlite_store: Store, fill: Fill) -> None:
    fill(sqlite_store, monthly_rows([2] * 12 + [20], "Mopti"))
    flags = escalation(sqlite_store, EventFilter(), by=["admin1"], window=1, baseline=12, explain=True)
    assert len(flags) == 1 and len(flags.loc[0, "event_ids"]) == 20
    with pytest.raises(ValueError):
        escalation(sqlite_store, EventFilter(), metric="smiles")


def test_tactic_shift_is_first_use_within_lookback(sqlite_store: Store, fill: Fill) -> None:
    bomb = {"event_type": "Explosions/Remote violence", "sub_event_type": "Suicide bomb"}
    fill(sqlite_store, [
        event(id="b0", event_date=D(2016, 1, 5)),  # history starts here
        event(id="b1", event_date=D(2017, 3, 1), admin1="Mopti", **bomb),
        event(id="b2", event_date=D(2017, 6, 1), admin1="Mopti", **bomb),  # 3 months later: not new
        event(id="b3", event_date=D(2019, 6, 1), admin1="Mopti", **bomb),  # 2 years later: new again
        event(id="b4", event_date=D(2017, 7, 1), admin1="Gao", **bomb),  # first in Gao
        event(id="b5", event_date=D(2017, 8, 1), admin1="Gao", tags_list=["120mm mortar"]),
    ])
    shifts = tactic_shifts(sqlite_store, EventFilter(), area="admin1", lookback_days=365)
    assert set(shifts["id"]) == {"b1", "b3", "b4", "b5"}
    b3 = shifts.set_index("id").loc["b3"]
    assert b3["previous_use"].date() == D(2017, 6, 1) and b3["history_complete"]
    recent = tactic_shifts(sqlite_store, EventFilter(date_from=D(2018, 1, 1)), lookback_days=365)
    assert set(recent["id"]) == {"b3"}
    mortar = tactic_shifts(sqlite_store, EventFilter(), tactics=["mortar"])
    assert list(mortar["id"]) == ["b5"]
