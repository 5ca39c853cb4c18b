"""The shared filter vocabulary selects the events an analyst means."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from sigact.analyze import regions
from sigact.store import Store
from sigact.store.filters import EventFilter, inter_code, where
from sigact.store.schema import events
from tests.analyze.conftest import event

Fill = Callable[[Store, list[dict[str, Any]]], Store]


def ids(store: Store, flt: EventFilter) -> set[str]:
    with store.engine.connect() as conn:
        return {r[0] for r in conn.execute(select(events.c.id).where(where(flt)))}


def test_actor_matches_variants_lists_and_roles_but_not_uncertain(sqlite_store: Store, fill: Fill) -> None:
    rows = [
        event(id="a1", actor1="Military Forces of Mali (2013-2020)", actor2="Civilians (Mali)"),
        event(id="a2", actor1="JNIM: Group for Support of Islam and Muslims",
              actor2="Military Forces of Mali (2020-2021)"),
        event(id="a3", actor1="Islamic State (Greater Sahara)", assoc_actor_1="Wagner; Military Forces of Mali (2021-)",
              actor2=None, inter2=None),
        event(id="a4", actor1="JNIM: Group for Support of Islam and Muslims and/or Islamic State (Greater Sahara)",
              actor2="Civilians (Mali)"),
        event(id="a5", actor1="Military Forces of Malian Republic", actor2=None, inter2=None),
    ]
    store = fill(sqlite_store, rows)
    mali = EventFilter(actor=["Military Forces of Mali"], actor_subgroups=False)
    assert ids(store, mali) == {"a1", "a2", "a3"}
    assert ids(store, EventFilter(actor=["Military Forces of Mali"], actor_role="actor1")) == {"a1", "a3"}
    assert ids(store, EventFilter(actor=["Military Forces of Mali"], actor_role="actor2")) == {"a2"}
    assert ids(store, EventFilter(actor=["JNIM"], actor_subgroups=False)) == {"a2"}
    assert ids(store, EventFilter(actor=["JNIM"], actor_subgroups=False, include_uncertain=True)) == {"a2", "a4"}
    assert ids(store, EventFilter(actor=["Civilians"])) == {"a1", "a4"}


def test_exclusion_keeps_rows_with_empty_columns(sqlite_store: Store, fill: Fill) -> None:
    ied = "Remote explosive/landmine/IED"
    store = fill(sqlite_store, [
        event(id="x1", event_type="Explosions/Remote violence", sub_event_type=ied),
        event(id="x2", event_type="Explosions/Remote violence", sub_event_type=ied,
              actor1="Islamic State (Greater Sahara)"),
        event(id="x3", assoc_actor_1=None, sub_event_type="Armed clash"),
        event(id="x4", event_type="Battles", sub_event_type=None),
    ])
    without = EventFilter(exclude=[EventFilter(sub_event_type=[ied], actor=["JNIM"], actor_role="actor1")])
    assert ids(store, without) == {"x2", "x3", "x4"}


def test_types_inter_codes_legacy_and_derived_columns(sqlite_store: Store, fill: Fill) -> None:
    store = fill(sqlite_store, [
        event(id="t1", event_type="Violence against civilians", sub_event_type="Attack", actor2="Civilians (Mali)",
              inter2=7),
        event(id="t2", event_type="Remote violence", sub_event_type=None),  # legacy ACLED type
        event(id="t3", event_type="Protests", sub_event_type="Peaceful protest", actor1="Protesters (Mali)", inter1=6,
              actor2=None, inter2=None),
        event(id="t4", civilian_targeting="Civilian targeting", inter2=1),
    ])
    assert ids(store, EventFilter(event_type=["Explosions/Remote violence"])) == {"t2"}
    assert ids(store, EventFilter(exclude_event_type=["Explosions/Remote violence"])) == {"t1", "t3", "t4"}
    assert ids(store, EventFilter(initiator_type=["protesters"])) == {"t3"}
    assert ids(store, EventFilter(target_type=["state"])) == {"t2", "t4"}
    assert ids(store, EventFilter(civilian_targeting=True)) == {"t1", "t4"}
    assert ids(store, EventFilter(civilian_targeting=False)) == {"t2", "t3"}
    assert ids(store, EventFilter(disorder_type=["Political violence"])) == {"t1", "t2", "t4"}
    assert inter_code("identity militia") == 4
    with pytest.raises(ValueError):
        inter_code("aliens")


def test_tags_from_extraction_and_acled(sqlite_store: Store, fill: Fill) -> None:
    store = fill(sqlite_store, [
        event(id="g1", tags_list=["suicide bomber", "VBIED"]),
        event(id="g2", tags="crowd size=no report; mortar"),
        event(id="g3"),
    ])
    assert ids(store, EventFilter(tags=["vbied"])) == {"g1"}
    assert ids(store, EventFilter(tags=["Mortar", "suicide"])) == {"g1", "g2"}
    assert ids(store, EventFilter(exclude_tags=["mortar"])) == {"g1", "g3"}


def test_region_groupings_from_config(sqlite_store: Store, fill: Fill, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    store = fill(sqlite_store, [
        event(id="r1", admin1="Mopti"), event(id="r2", admin1="Segou", admin2="Niono"),
        event(id="r3", admin1="Gao"), event(id="r4", country="Burkina Faso", admin1="Sahel"),
    ])
    assert ids(store, EventFilter(region_group=["central Mali"])) == {"r1", "r2"}
    cfg = tmp_path / "sigact.yaml"
    cfg.write_text("regions:\n  Niono only:\n    - {country: Mali, admin1: Segou, admin2: [Niono]}\n"
                   "  central Mali:\n    - {country: Mali, admin1: Mopti}\n", encoding="utf-8")
    monkeypatch.setenv("SIGACT_CONFIG", str(cfg))
    assert ids(store, EventFilter(region_group=["Niono only"])) == {"r2"}
    assert ids(store, EventFilter(region_group=["central Mali"])) == {"r1"}  # the user's definition wins
    with pytest.raises(ValueError, match="unknown region"):
        ids(store, EventFilter(region_group=["Atlantis"]))
    bad = tmp_path / "bad.yaml"
    bad.write_text("regions:\n  x: [{planet: Mars}]\n", encoding="utf-8")
    with pytest.raises(ValueError):
        regions.load_groupings(bad)


def test_merged_and_rejected_left_out_by_analytics_only(sqlite_store: Store, fill: Fill) -> None:
    from sigact.analyze.aggregate import live

    store = fill(sqlite_store, [event(id="m1"), event(id="m2", merged_into="m1"), event(id="m3", status="rejected")])
    assert ids(store, EventFilter()) == {"m1", "m2", "m3"}
    assert ids(store, live(EventFilter())) == {"m1"}
    assert ids(store, live(EventFilter(include_merged=True))) == {"m1", "m2"}


def test_from_dict_round_trip_and_errors() -> None:
    flt = EventFilter.from_dict({"actor": "JNIM", "date_from": "2019-01-01", "exclude": [{"tags": ["ied"]}],
                                 "initiator_type": ["state"]})
    assert flt.actor == ["JNIM"] and flt.date_from == dt.date(2019, 1, 1)
    assert EventFilter.from_dict(flt.to_dict()) == flt
    with pytest.raises(ValueError):
        EventFilter.from_dict({"colour": "red"})
    with pytest.raises(ValueError):
        EventFilter.from_dict({"actor_role": "victim"})
