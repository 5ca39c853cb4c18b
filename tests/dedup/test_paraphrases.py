"""Real-data check: a paraphrase of an ACLED note (written for sigact, tests/dedup/data) merges with its event,
and scores higher there than with any other ACLED event of the same day and admin2. Extraction is left out
(the paraphrase replaces the notes of the coded row); bench/dedup_quality.py measures the full pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from sigact.dedup.scoring import THRESHOLD, score_pair
from sigact.model import Event

DATA = Path(__file__).parent / "data"


def _event(row: pd.Series) -> Event:
    values = {k: (None if v == "" else v) for k, v in row.items() if k in Event.model_fields}
    return Event.model_validate({**values, "id": row["event_id_cnty"], "origin": "acled"})


def test_paraphrases_merge_with_their_event_only(acled_csv: Path) -> None:
    frame = pd.read_csv(acled_csv, dtype=str, keep_default_na=False)
    by_id = frame.set_index("event_id_cnty", drop=False)
    reports = [r for p in sorted(DATA.glob("paraphrases_*.json")) for r in json.loads(p.read_text())["reports"]]
    assert len(reports) >= 30
    merged = 0
    for rep in reports:
        row = by_id.loc[rep["acled_id"]]
        target = _event(row)
        told = target.model_copy(update={"id": "para", "notes": rep["text"]})
        own = score_pair(target, told).score
        same_block = frame[(frame.event_date == row.event_date) & (frame.admin2 == row.admin2)
                           & (frame.event_id_cnty != row.event_id_cnty)]
        others = [score_pair(_event(o), told).score for _, o in same_block.iterrows()]
        merged += own >= THRESHOLD and all(own > s for s in others)
    assert merged / len(reports) >= 0.9, f"{merged} of {len(reports)}"
