"""Ingest pipeline: provenance, cross-document merging, idempotence, re-extraction and manual fields."""

from __future__ import annotations

from sqlalchemy import func, select

from sigact import review
from sigact.pipeline import Pipeline
from sigact.store import Store
from sigact.store.schema import documents, events, mentions
from tests.pipeline.fakes import ARBINDA, DJIBO_A, DJIBO_B, doc, fake_extract, fake_extract_v2


def _count(store: Store, table: object) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())  # type: ignore[arg-type]


def test_two_reports_of_one_attack_merge_and_explain(store: Store) -> None:
    pipe = Pipeline(store, fake_extract, "v1")
    first = pipe.ingest([doc("a", DJIBO_A + ARBINDA)])
    assert (first.documents_new, first.events_new, first.events_merged) == (1, 2, 0)
    second = pipe.ingest([doc("b", DJIBO_B)])
    assert (second.documents_new, second.events_new, second.events_merged) == (1, 0, 1)
    assert _count(store, events) == 2 and _count(store, mentions) == 3
    djibo = next(e for e in store.iter_events() if e.location == "Djibo")
    detail = review.event_detail(store, djibo.id)
    assert [m["doc_key"] for m in detail.mentions] == ["a", "b"]
    assert detail.mentions[1]["match_score"] >= 0.7
    assert "same location (Djibo)" in detail.mentions[1]["match_reason"]
    assert djibo.source_fields["source_count"] == 2
    assert djibo.source == "Outlet a; Outlet b"


def test_reingesting_changes_nothing(store: Store) -> None:
    pipe = Pipeline(store, fake_extract, "v1")
    pipe.ingest([doc("a", DJIBO_A + ARBINDA), doc("b", DJIBO_B)])
    before = [e.model_dump() for e in store.iter_events()]
    audit_before = len(store.audit_entries(limit=10_000))
    again = pipe.ingest([doc("a-renamed", DJIBO_A + ARBINDA), doc("b", DJIBO_B)])
    assert again.documents_unchanged == 2 and again.documents_new == 0
    assert [e.model_dump() for e in store.iter_events()] == before
    assert len(store.audit_entries(limit=10_000)) == audit_before
    assert _count(store, documents) == 2 and _count(store, mentions) == 3


def test_new_extractor_version_updates_automatic_fields_but_not_manual_ones(store: Store) -> None:
    Pipeline(store, fake_extract, "v1").ingest([doc("a", DJIBO_A + ARBINDA)])
    djibo = next(e for e in store.iter_events() if e.location == "Djibo")
    arbinda = next(e for e in store.iter_events() if e.location == "Arbinda")
    review.edit(store, djibo.id, {"fatalities": 38}, who="analyst")
    result = Pipeline(store, fake_extract_v2, "v2").ingest([doc("a", DJIBO_A + ARBINDA)])
    assert result.documents_reextracted == 1 and result.events_new == 0
    assert store.get_event(djibo.id).fatalities == 38  # type: ignore[union-attr]
    assert store.get_event(arbinda.id).fatalities == 6  # type: ignore[union-attr]
    assert _count(store, mentions) == 2 and _count(store, events) == 2
