"""The articles gold file is well formed, and the scorer matches, counts and reports as documented."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from sigact.evaluation.articles import default_gold_path, load_gold, score_articles
from sigact.taxonomy import EVENT_TYPES, TIME_PRECISION

GOLD = {
    "version": 1,
    "articles": {
        "a.txt": {
            "events": [
                {"event_date": "2024-09-17", "date_known": True, "time_precision": 1, "event_type": "Battles",
                 "sub_event_type": "Armed clash", "actor1": "JNIM: Group for Support of Islam and Muslims",
                 "actor2": "Military Forces of Mali (2021-)", "country": "Mali", "admin1": "Bamako",
                 "location": "Bamako", "location_aliases": ["Faladie"], "fatalities": 77},
                {"event_date": "2024-09-17", "date_known": True, "time_precision": 1, "event_type": "Riots",
                 "sub_event_type": "Mob violence", "actor1": "Rioters (Mali)", "actor2": "Civilians (Mali)",
                 "country": "Mali", "admin1": "Bamako", "location": "Bamako", "fatalities": 1},
            ]
        },
        "b.txt": {
            "events": [
                {"event_date": "2023-04-06", "date_known": False, "time_precision": 1,
                 "event_type": "Violence against civilians", "sub_event_type": "Attack",
                 "actor1": "Unidentified Armed Group (Burkina Faso)", "actor2": "Civilians (Burkina Faso)",
                 "country": "Burkina Faso", "admin1": "Sahel", "location": "Kourakou", "fatalities": None},
                {"event_date": "2025-04-24", "date_known": True, "time_precision": 1, "background": True,
                 "event_type": "Battles", "sub_event_type": "Armed clash",
                 "actor1": "JNIM: Group for Support of Islam and Muslims", "actor2": "Military Forces of Benin (2016-)",
                 "country": "Benin", "admin1": None, "location": None, "fatalities": 54},
            ]
        },
        "c.txt": {"events": []},
    },
}


@pytest.fixture
def gold_file(tmp_path: Path) -> Path:
    path = tmp_path / "gold.yaml"
    path.write_text(yaml.safe_dump(GOLD), encoding="utf-8")
    return path


def _pred(doc: str, **kw: Any) -> dict[str, Any]:
    base = {"doc_id": doc, "event_date": "2024-09-17", "time_precision": 1, "event_type": "Battles",
            "sub_event_type": "Armed clash", "actor1": "JNIM: Group for Support of Islam and Muslims",
            "actor2": "Military Forces of Mali (2021-)", "country": "Mali", "admin1": "Bamako",
            "location": "Bamako", "fatalities": 77}
    base.update(kw)
    return base


def test_perfect_predictions(gold_file: Path) -> None:
    preds = []
    for doc, entry in GOLD["articles"].items():
        for ev in entry["events"]:
            preds.append({**ev, "doc_id": doc})
    r = score_articles(preds, gold_file)
    assert (r["gold_events"], r["predicted_events"], r["matched"]) == (4, 4, 4)
    assert r["recall"] == r["precision"] == r["f1"] == 1.0
    assert r["unmatched_gold"] == [] and r["unmatched_predicted"] == []
    # date not scored when the gold date is not resolvable; fatalities not scored when gold is null
    assert r["field_accuracy"]["event_date"]["total"] == 3
    assert r["field_accuracy"]["fatalities"]["total"] == 3


def test_partial_predictions_recall_precision_and_field_accuracy(gold_file: Path) -> None:
    preds = [
        # matches the Bamako battle via an alias, one day off, wrong fatalities, actor period suffix ignored
        _pred("a.txt", location="Faladié", event_date="2024-09-18", fatalities=10,
              actor2="Military Forces of Mali (2013-2020)"),
        # a false positive in a file with no gold events
        _pred("c.txt", location="Kati"),
        # wrong country: cannot match the Kourakou massacre
        _pred("b.txt", country="Niger", location="Kourakou", event_type="Violence against civilians"),
    ]
    r = score_articles(preds, gold_file)
    assert r["matched"] == 1
    assert r["recall"] == pytest.approx(1 / 4)
    assert r["precision"] == pytest.approx(1 / 3)
    fa = r["field_accuracy"]
    assert fa["event_date"] == {"correct": 0, "total": 1, "accuracy": 0.0}
    assert fa["fatalities"]["accuracy"] == 0.0
    assert fa["actor2"]["accuracy"] == 1.0
    assert fa["location"]["accuracy"] == 1.0
    assert r["matches"][0]["wrong_fields"] == ["event_date", "fatalities"]
    unmatched = {(u["doc_id"], u["location"]) for u in r["unmatched_predicted"]}
    assert unmatched == {("c.txt", "Kati"), ("b.txt", "Kourakou")}
    assert len(r["unmatched_gold"]) == 3
    assert r["per_doc"]["a.txt"] == {"gold": 2, "predicted": 1, "matched": 1}


def test_date_window_and_place_rules(gold_file: Path) -> None:
    far = score_articles([_pred("a.txt", event_date="2024-09-21")], gold_file)
    assert far["matched"] == 0  # 4 days apart
    admin = score_articles([_pred("a.txt", location="Kalaban Coro", admin1="Bamako")], gold_file)
    assert admin["matched"] == 1 and admin["field_accuracy"]["location"]["accuracy"] == 0.0
    elsewhere = score_articles([_pred("a.txt", location="Kati", admin1="Koulikoro")], gold_file)
    assert elsewhere["matched"] == 0
    # unresolvable gold date: any date is compatible; gold with no place matches on country
    undated = score_articles(
        [_pred("b.txt", event_date="2020-01-01", country="Burkina Faso", admin1="Sahel", location="Kourakou"),
         _pred("b.txt", event_date="2025-04-25", country="Benin", admin1="Alibori", location="Park W")],
        gold_file,
    )
    assert undated["matched"] == 2


def test_one_to_one_matching_prefers_the_best_pair(gold_file: Path) -> None:
    preds = [
        _pred("a.txt", event_type="Riots", sub_event_type="Mob violence", actor1="Rioters (Mali)",
              actor2="Civilians (Mali)", fatalities=1),
        _pred("a.txt"),
        _pred("a.txt"),  # a duplicate of the battle: one of the two is a false positive
    ]
    r = score_articles(preds, gold_file)
    assert r["matched"] == 2 and len(r["unmatched_predicted"]) == 1
    assert r["field_accuracy"]["event_type"]["accuracy"] == 1.0


def test_background_and_doc_filters(gold_file: Path) -> None:
    assert score_articles([], gold_file, include_background=False)["gold_events"] == 3
    r = score_articles([_pred("a.txt"), _pred("b.txt")], gold_file, doc_ids=["a.txt"])
    assert r["gold_events"] == 2 and r["predicted_events"] == 1


def test_empty_predictions(gold_file: Path) -> None:
    r = score_articles([], gold_file)
    assert r["recall"] == 0.0 and r["precision"] == 0.0 and r["f1"] == 0.0


def test_repository_gold_file_is_well_formed() -> None:
    gold = load_gold(default_gold_path())
    assert len(gold) == 40 and all(name.endswith(".txt") for name in gold)
    n = 0
    for name, events in gold.items():
        for ev in events:
            n += 1
            assert ev["event_type"] in EVENT_TYPES, name
            assert ev["sub_event_type"] in EVENT_TYPES[ev["event_type"]], name
            assert ev["time_precision"] in TIME_PRECISION, name
            assert isinstance(ev["date_known"], bool), name
            assert isinstance(ev["event_date"], (dt.date, str)), name
            assert ev["actor1"] and ev["country"], name
            assert ev["fatalities"] is None or ev["fatalities"] >= 0, name
            assert len(ev.get("notes", "")) < 300, name
    assert n >= 60


def test_command_line_report(gold_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from sigact.evaluation.articles import main

    preds = tmp_path / "pred.jsonl"
    preds.write_text(json.dumps(_pred("a.txt")) + "\n" + json.dumps(_pred("c.txt", location="Kati")) + "\n")
    assert main([str(preds), "--gold", str(gold_file)]) == 0
    out = capsys.readouterr().out
    assert "recall 0.250  precision 0.500" in out
    assert main([str(preds), "--gold", str(gold_file), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["matched"] == 1 and data["unmatched_predicted"][0]["location"] == "Kati"
