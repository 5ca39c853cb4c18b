"""Review operations: status changes, edits that automatic updates respect, merge, split, queue, detail."""

from __future__ import annotations

import datetime as dt

import pytest

from sigact import review
from sigact.dedup.refresh import refresh_event
from sigact.store import Store
from tests.review.helpers import add_reported_event, told


def test_accept_and_reject_are_audited_with_who(store: Store) -> None:
    eid = add_reported_event(store, "a", [told()])
    ev = review.accept(store, eid, who="amina", comment="checked")
    assert ev.status == "reviewed"
    entry = store.audit_entries(eid)[0]
    assert (entry["who"], entry["action"], entry["comment"]) == ("amina", "accept", "checked")
    assert entry["before"] == {"status": "automatic"} and entry["after"] == {"status": "reviewed"}
    assert review.reject(store, eid, who="bo").status == "rejected"
    assert store.get_event(eid).status == "rejected"  # type: ignore[union-attr]


def test_unknown_ids_raise_key_error(store: Store) -> None:
    with pytest.raises(KeyError):
        review.accept(store, "nope", who="x")
    with pytest.raises(KeyError):
        review.event_detail(store, "nope")
    eid = add_reported_event(store, "a", [told()])
    with pytest.raises(KeyError):
        review.merge(store, eid, ["nope"], who="x")


def test_edit_validates_and_survives_automatic_refresh(store: Store) -> None:
    eid = add_reported_event(store, "a", [told(fatalities=79)])
    with pytest.raises(ValueError):
        review.edit(store, eid, {"no_such_field": 1}, who="x")
    with pytest.raises(ValueError):
        review.edit(store, eid, {"sub_event_type": "Armed clash"}, who="x")  # belongs to Battles
    with pytest.raises(ValueError):
        review.edit(store, eid, {"fatalities": -3}, who="x")
    ev = review.edit(store, eid, {"fatalities": 86, "location": "Seytenga"}, who="amina")
    assert ev.fatalities == 86 and "fatalities" in ev.manual_fields
    with store.transaction() as conn:
        again = refresh_event(store, conn, eid)
    assert again.fatalities == 86  # the analyst's figure is kept over the reports' 79


def test_merge_moves_reports_and_remerges_fields(store: Store) -> None:
    a = add_reported_event(store, "a", [told(fatalities=79, geo_precision=2)])
    b = add_reported_event(store, "b", [told(fatalities=50, geo_precision=1, location="Seytenga")])
    kept = review.merge(store, a, [b], who="amina")
    assert kept.fatalities == 50  # most conservative stated figure
    assert kept.geo_precision == 1
    assert kept.source_fields["source_count"] == 2
    other = store.get_event(b)
    assert other is not None and other.merged_into == a and other.status == "rejected"
    detail = review.event_detail(store, a)
    assert len(detail.mentions) == 2 and b in detail.merged_from
    assert any("merged by amina" in (m["match_reason"] or "") for m in detail.mentions)
    assert any(e["action"] == "merge" and e["who"] == "amina" for e in detail.audit)
    with pytest.raises(ValueError):
        review.merge(store, a, [b], who="amina")  # already merged


def test_split_creates_new_event_from_chosen_mentions(store: Store) -> None:
    eid = add_reported_event(
        store, "a",
        [told(fatalities=79), told(fatalities=5, event_date=dt.date(2022, 6, 20), location="Dori")],
    )
    detail = review.event_detail(store, eid)
    second = detail.mentions[1]["id"]
    new = review.split(store, eid, [second], who="amina")
    assert new.id != eid and new.fatalities == 5 and new.event_date == dt.date(2022, 6, 20)
    assert [m["id"] for m in review.event_detail(store, new.id).mentions] == [second]
    old = store.get_event(eid)
    assert old is not None and old.fatalities == 79 and old.source_fields["source_count"] == 1
    with pytest.raises(ValueError):
        review.split(store, eid, [second], who="amina")  # no longer a mention of eid
    only = review.event_detail(store, eid).mentions[0]["id"]
    with pytest.raises(ValueError):
        review.split(store, eid, [only], who="amina")


def test_queue_lists_reasons(store: Store) -> None:
    fine = add_reported_event(store, "fine", [told()])
    low = add_reported_event(store, "low", [told(confidence=0.3)])
    conflict = add_reported_event(store, "conf", [told(fatalities=10), told(fatalities=70)],
                                  sentences=["several soldiers died", "70 soldiers died"])
    unplaced = add_reported_event(store, "place", [told(latitude=None, longitude=None, geo_precision=3)])
    items = {it.event.id: it.reasons for it in review.queue(store)}
    assert fine not in items
    assert items[low] == ["low confidence 0.30"]
    assert items[conflict] == ["conflicting fatality figures: 10, 70"]
    assert items[unplaced][0].startswith("unresolved place")
    assert store.get_event(conflict).fatalities == 70  # type: ignore[union-attr]
    review.accept(store, low, who="x")
    assert low not in {it.event.id for it in review.queue(store)}
