"""The REST API: filters, GeoJSON, event detail, statistics, review operations and their auth."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select
from typer.testing import CliRunner

from sigact.cli import app as cli_app
from sigact.store import Store
from sigact.store.schema import api_tokens
from sigact.web import Settings, create_app
from tests.web.conftest import Tokens
from tests.web.demo import EXTRACTED_ID, XSS_ID, XSS_NOTES

WAGNER = "Wagner Group"


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_events_filtered_by_actor_involve_that_actor(client: TestClient, demo_store: Store) -> None:
    data = client.get("/api/events", params={"actor": WAGNER, "limit": 1000}).json()
    assert data["items"], "the demo has Wagner events"
    assert data["total"] == len(data["items"])
    for ev in data["items"]:
        assert WAGNER in (ev["actor1"], ev["actor2"])
    everything = client.get("/api/events", params={"limit": 1000}).json()
    involved = [e for e in everything["items"] if WAGNER in (e["actor1"], e["actor2"])]
    assert len(involved) == data["total"]


def test_pagination_and_order(client: TestClient) -> None:
    first = client.get("/api/events", params={"limit": 5, "offset": 0}).json()
    second = client.get("/api/events", params={"limit": 5, "offset": 5}).json()
    dates = [e["event_date"] for e in first["items"] + second["items"]]
    assert dates == sorted(dates, reverse=True)
    assert not {e["id"] for e in first["items"]} & {e["id"] for e in second["items"]}
    assert client.get("/api/events", params={"order": "notes"}).status_code == 422


def test_filters_combine_dates_country_type(client: TestClient) -> None:
    params = {"country": "Mali", "event_type": "Battles", "date_from": "2023-03-01", "date_to": "2023-09-30"}
    data = client.get("/api/events", params={**params, "limit": 1000}).json()
    assert data["items"]
    for ev in data["items"]:
        assert ev["country"] == "Mali" and ev["event_type"] == "Battles"
        assert "2023-03-01" <= ev["event_date"] <= "2023-09-30"
    assert client.get("/api/events", params={"date_from": "2023-05-01", "date_to": "2023-01-01"}).status_code == 422


def test_geojson(client: TestClient) -> None:
    gj = client.get("/api/events", params={"format": "geojson", "country": "Niger"}).json()
    assert gj["type"] == "FeatureCollection" and gj["features"]
    for f in gj["features"]:
        lon, lat = f["geometry"]["coordinates"]
        assert f["properties"]["country"] == "Niger"
        assert 10 < lat < 20 and -10 < lon < 5


def test_event_detail_has_mentions_sources_and_audit(client: TestClient) -> None:
    d = client.get(f"/api/events/{EXTRACTED_ID}").json()
    assert d["event"]["id"] == EXTRACTED_ID
    assert len(d["mentions"]) == 2
    assert {m["url"] for m in d["mentions"]} >= {"https://news.example.org/sahel/djenne-attack"}
    assert all(m["sentence"] for m in d["mentions"])
    assert [a["action"] for a in d["audit"]] == ["create"]
    assert client.get("/api/events/NOPE").status_code == 404


def test_untrusted_text_is_returned_verbatim_as_json(client: TestClient) -> None:
    d = client.get(f"/api/events/{XSS_ID}").json()
    assert d["event"]["notes"] == XSS_NOTES


def test_stats_timeline_and_shares_add_up(client: TestClient) -> None:
    total = client.get("/api/events", params={"limit": 1}).json()["total"]
    for interval in ("week", "month"):
        items = client.get("/api/stats/timeline", params={"interval": interval}).json()["items"]
        assert sum(i["events"] for i in items) == total
    shares = client.get("/api/stats/shares", params={"by": "country"}).json()
    assert shares["total"] == total
    assert sum(i["events"] for i in shares["items"]) == total
    assert abs(sum(i["share"] for i in shares["items"]) - 1) < 0.01
    summary = client.get("/api/stats/summary", params={"country": "Mali"}).json()
    mali = next(i for i in shares["items"] if i["key"] == "Mali")
    assert summary["events"] == mali["events"] and summary["fatalities"] == mali["fatalities"]
    counts = client.get("/api/stats/counts", params={"per": "month"}).json()["items"]
    assert sum(i["events"] for i in counts) == total
    assert client.get("/api/stats/shares", params={"by": "notes"}).status_code == 422


def test_write_needs_analyst_token(client: TestClient, tokens: Tokens, demo_store: Store) -> None:
    url = f"/api/review/{EXTRACTED_ID}/accept"
    assert client.post(url).status_code == 401
    assert client.post(url, headers=_bearer("sgt_not-a-token")).status_code == 401
    assert client.post(url, headers=_bearer(tokens.viewer)).status_code == 403
    assert demo_store.get_event(EXTRACTED_ID).status == "automatic"  # type: ignore[union-attr]
    r = client.post(url, headers=_bearer(tokens.analyst), json={"comment": "checked two reports"})
    assert r.status_code == 200 and r.json()["status"] == "reviewed"
    audit = client.get(f"/api/events/{EXTRACTED_ID}").json()["audit"]
    assert audit[0]["action"] == "accept" and audit[0]["who"] == "api:ana"
    assert audit[0]["comment"] == "checked two reports"


def test_write_is_visible_at_once_despite_cache(client: TestClient, tokens: Tokens) -> None:
    before = client.get("/api/events", params={"status": "reviewed"}).json()["total"]
    client.post(f"/api/review/{EXTRACTED_ID}/accept", headers=_bearer(tokens.analyst))
    assert client.get("/api/events", params={"status": "reviewed"}).json()["total"] == before + 1


def test_edit_reject_merge(client: TestClient, tokens: Tokens) -> None:
    h = _bearer(tokens.analyst)
    r = client.post("/api/review/DEMO-001/edit", headers=h, json={"changes": {"fatalities": 3}})
    assert r.status_code == 200 and r.json()["fatalities"] == 3 and "fatalities" in r.json()["manual_fields"]
    bad = client.post("/api/review/DEMO-001/edit", headers=h, json={"changes": {"event_type": "Picnic"}})
    assert bad.status_code == 422
    assert client.post("/api/review/DEMO-001/edit", headers=h, json={"changes": {"id": "X"}}).status_code == 422
    assert client.post("/api/review/NOPE/reject", headers=h).status_code == 404
    assert client.post("/api/review/DEMO-002/reject", headers=h).json()["status"] == "rejected"
    merged = client.post("/api/review/DEMO-003/merge", headers=h, json={"other_ids": ["DEMO-004"]})
    assert merged.status_code == 200
    listed = {e["id"] for e in client.get("/api/events", params={"limit": 1000}).json()["items"]}
    assert "DEMO-003" in listed and "DEMO-004" not in listed
    with_merged = client.get("/api/events", params={"limit": 1000, "include_merged": True}).json()
    assert "DEMO-004" in {e["id"] for e in with_merged["items"]}


def test_review_queue_lists_unreviewed_extracted_events(client: TestClient, tokens: Tokens) -> None:
    ids = [i["event"]["id"] for i in client.get("/api/review/queue").json()["items"]]
    assert EXTRACTED_ID in ids
    client.post(f"/api/review/{EXTRACTED_ID}/accept", headers=_bearer(tokens.analyst))
    ids = [i["event"]["id"] for i in client.get("/api/review/queue").json()["items"]]
    assert EXTRACTED_ID not in ids


def test_security_headers(client: TestClient) -> None:
    for path in ("/", "/api/events", "/docs"):
        csp = client.get(path).headers["content-security-policy"]
        assert "script-src 'self'" in csp and "default-src 'none'" in csp and "unsafe-inline" not in csp
    assert client.get("/").text.count("<script") == 3  # only the three local script files
    spec = client.get("/openapi.json").json()
    assert "/api/events" in spec["paths"] and "/api/review/{event_id}/accept" in spec["paths"]


def test_private_mode_needs_a_token_to_read(demo_store: Store, tokens: Tokens) -> None:
    with TestClient(create_app(demo_store, Settings(open_reads=False))) as c:
        assert c.get("/api/events").status_code == 401
        assert c.get("/api/events", headers=_bearer(tokens.viewer)).status_code == 200


def test_token_cli_stores_only_a_hash_and_revokes(sqlite_url: str, demo_store: Store) -> None:
    runner = CliRunner()
    out = runner.invoke(cli_app, ["token", "create", "--role", "analyst", "--name", "cli", "--db", sqlite_url])
    assert out.exit_code == 0, out.output
    token = out.stdout.strip().splitlines()[-1]
    assert token.startswith("sgt_")
    with demo_store.engine.connect() as conn:
        stored = conn.execute(select(api_tokens.c.token_hash)).scalars().all()
    assert token not in stored and all(len(h) == 64 for h in stored)
    listed = runner.invoke(cli_app, ["token", "list", "--db", sqlite_url])
    assert "cli" in listed.stdout and token not in listed.stdout
    with TestClient(create_app(demo_store)) as c:
        assert c.post(f"/api/review/{EXTRACTED_ID}/accept", headers=_bearer(token)).status_code == 200
        assert runner.invoke(cli_app, ["token", "revoke", "cli", "--db", sqlite_url]).exit_code == 0
        assert c.post(f"/api/review/{EXTRACTED_ID}/reject", headers=_bearer(token)).status_code == 401
    bad = runner.invoke(cli_app, ["token", "create", "--role", "admin", "--db", sqlite_url])
    assert bad.exit_code != 0


def test_split_moves_a_source_to_a_new_event(client: TestClient, tokens: Tokens) -> None:
    mentions = client.get(f"/api/events/{EXTRACTED_ID}").json()["mentions"]
    moved = mentions[1]["id"]
    r = client.post(f"/api/review/{EXTRACTED_ID}/split", headers=_bearer(tokens.analyst),
                    json={"mention_ids": [moved], "comment": "a different attack"})
    assert r.status_code == 200, r.text
    new_id = r.json()["id"]
    assert new_id != EXTRACTED_ID
    assert [m["id"] for m in client.get(f"/api/events/{new_id}").json()["mentions"]] == [moved]
    assert [m["id"] for m in client.get(f"/api/events/{EXTRACTED_ID}").json()["mentions"]] == [mentions[0]["id"]]
    bad = client.post(f"/api/review/{EXTRACTED_ID}/split", headers=_bearer(tokens.analyst), json={"mention_ids": []})
    assert bad.status_code == 422


def test_fast_actor_filter_selects_what_the_shared_filter_selects(demo_store: Store) -> None:
    from sqlalchemy import func, select

    from sigact.store.filters import EventFilter, where
    from sigact.store.schema import events
    from sigact.web.query import condition

    names = ["JNIM", "JNIM: Group for Support of Islam and Muslims", WAGNER, "Islamic State (Sahel)",
             "<b>Gunmen</b><script>x()</script>", "Nobody at all"]
    with demo_store.engine.connect() as conn:
        for name in names:
            for role in ("any", "actor1", "actor2"):
                flt = EventFilter(actor=[name], actor_role=role)
                fast = conn.execute(select(events.c.id).where(condition(demo_store, flt))).scalars().all()
                slow = conn.execute(select(events.c.id).where(where(flt))).scalars().all()
                assert sorted(fast) == sorted(slow), (name, role)
        assert conn.execute(select(func.count()).select_from(events)
                            .where(condition(demo_store, EventFilter(actor=[WAGNER])))).scalar_one() > 0
