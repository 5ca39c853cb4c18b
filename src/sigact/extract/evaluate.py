"""Score extraction against ACLED's own coding of its notes (``sigact evaluate acled``).

Each ACLED row's ``notes`` is run through :func:`~sigact.extract.extract_document` as a report
published two days after the event (``event_date + 2``). When a note yields several events, the
one with the highest confidence is compared (ties: the first in the text) — a choice that does not
look at the gold row. A note with no event counts as wrong on every field.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from sklearn.metrics import f1_score

from sigact.evaluation.split import split_frame
from sigact.extract.pipeline import extract_document
from sigact.geo.evaluate import admin1_equal
from sigact.ingest import Document
from sigact.model import Event

_PERIOD = re.compile(r"\s*\((?:\d{4})?-(?:\d{4})?\)")
_DATE_WORDS = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b"
)


def strip_period(name: Any) -> str:
    """An actor name without ACLED's period suffixes ("(2013-2020)", "(2021-)"), '' for missing."""
    if name is None or (isinstance(name, float) and math.isnan(name)):
        return ""
    return _PERIOD.sub("", str(name)).strip()


def _norm(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    text = unicodedata.normalize("NFKD", str(value))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold().replace("-", " ").strip()


def _f(value: Any) -> float:
    return float(value)


def _i(value: Any) -> int:
    return int(value)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


@dataclass
class Report:
    """The figures ``sigact evaluate acled`` prints."""

    rows: int
    figures: dict[str, float]
    seconds: float
    errors: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)

    @property
    def docs_per_second(self) -> float:
        return self.rows / self.seconds if self.seconds else 0.0


TARGETS = {
    "event_type": 0.93, "sub_event_type_wf1": 0.88, "actor1": 0.85, "admin1": 0.95, "within_25km": 0.90,
    "fatalities": 0.90, "date": 0.97,
}  # fmt: skip


def pick(events: list[Event], how: str = "confidence") -> Event | None:
    """The event compared with the gold row: highest confidence, first on ties ("first": the first told)."""
    if how == "first":
        return events[0] if events else None
    best: Event | None = None
    for e in events:
        if best is None or (e.confidence or 0) > (best.confidence or 0):
            best = e
    return best


def evaluate_frame(
    df: pd.DataFrame, progress: Callable[[int], None] | None = None, keep_errors: int = 0, how: str = "confidence"
) -> Report:
    """Run extraction on every row's notes and compare with the row's coding."""
    n = len(df)
    hits: dict[str, int] = {k: 0 for k in ("detected", "event_type", "actor1", "actor2", "admin1", "admin1_old_regions",
                                            "within_25km",
                                            "fatalities", "date", "dated_rows", "date_dated",
                                            "rule_fixed", "rule_broke", "rule_fired")}  # fmt: skip
    gold_sub: list[str] = []
    pred_sub: list[str] = []
    errors: dict[str, list[tuple[str, str, str]]] = {}

    def err(kind: str, row_id: str, gold: Any, pred: Any) -> None:
        if keep_errors and len(errors.setdefault(kind, [])) < keep_errors:
            errors[kind].append((row_id, str(gold), str(pred)))

    t0 = time.perf_counter()
    for i, row in enumerate(df.itertuples(index=False)):
        notes = str(row.notes) if isinstance(row.notes, str) else ""
        gold_date = dt.date.fromisoformat(str(row.event_date)[:10])
        doc = Document(doc_key=str(row.event_id_cnty), text=notes, published=gold_date + dt.timedelta(days=2))
        mentions = extract_document(doc)
        ev = pick([m.event for m in mentions], how)
        raw_sub = next((m.extras.get("classifier") for m in mentions if m.event is ev), None)
        dated = bool(_DATE_WORDS.search(notes))
        hits["dated_rows"] += dated
        gold_sub.append(str(row.sub_event_type))
        rid = str(row.event_id_cnty)
        if ev is None:
            pred_sub.append("(none)")
            err("detected", rid, row.sub_event_type, "no event")
            continue
        hits["detected"] += 1
        pred_sub.append(ev.sub_event_type or "(none)")
        ok = ev.event_type == row.event_type
        hits["event_type"] += ok
        if ev.sub_event_type != row.sub_event_type:
            err("sub_event_type", rid, row.sub_event_type, ev.sub_event_type)
        if raw_sub is not None and raw_sub != ev.sub_event_type:
            # the rule layer changed the classifier's choice: did it fix or break it?
            hits["rule_fired"] += 1
            hits["rule_fixed"] += ev.sub_event_type == row.sub_event_type
            hits["rule_broke"] += raw_sub == row.sub_event_type
        for col in ("actor1", "actor2"):
            g, p = strip_period(getattr(row, col)), strip_period(getattr(ev, col))
            hits[col] += g == p
            if g != p:
                err(col, rid, g, p)
        hits["admin1"] += _norm(row.admin1) == _norm(ev.admin1)
        # older ACLED files code Ménaka's events under Gao, Taoudénit's under Tombouctou; sigact writes the
        # current regions, and this second figure shows how many admin1 misses are only that convention
        gold_admin1 = row.admin1 if isinstance(row.admin1, str) else None
        hits["admin1_old_regions"] += admin1_equal(ev.admin1, gold_admin1, period_aware=True)
        if _norm(row.admin1) != _norm(ev.admin1):
            err("admin1", rid, f"{row.admin1} / {row.location}", f"{ev.admin1} / {ev.location}")
        if ev.latitude is not None and ev.longitude is not None:
            d = km(_f(row.latitude), _f(row.longitude), ev.latitude, ev.longitude)
            hits["within_25km"] += d <= 25
            if d > 25:
                err("within_25km", rid, row.location, f"{ev.location} ({d:.0f} km)")
        else:
            err("within_25km", rid, row.location, "no place")
        hits["fatalities"] += _i(row.fatalities) == (ev.fatalities or 0)
        if _i(row.fatalities) != (ev.fatalities or 0):
            err("fatalities", rid, row.fatalities, ev.fatalities)
        hits["date"] += ev.event_date == gold_date
        if dated:
            hits["date_dated"] += ev.event_date == gold_date
            if ev.event_date != gold_date:
                err("date", rid, gold_date, ev.event_date)
        if progress is not None:
            progress(i + 1)
    seconds = time.perf_counter() - t0
    figures = {k: (hits[k] / n if n else 0.0) for k in
               ("detected", "event_type", "actor1", "actor2", "admin1", "admin1_old_regions", "within_25km",
                "fatalities", "date")}  # fmt: skip
    figures["sub_event_type_wf1"] = (
        float(f1_score(gold_sub, pred_sub, average="weighted", zero_division=0)) if n else 0.0
    )
    figures["date_stated"] = hits["date_dated"] / hits["dated_rows"] if hits["dated_rows"] else 0.0
    figures["stated_date_share"] = hits["dated_rows"] / n if n else 0.0
    # counts, not shares: how often the rule layer overrode the classifier, and with what effect
    figures["rules_fired"] = float(hits["rule_fired"])
    figures["rules_fixed"] = float(hits["rule_fixed"])
    figures["rules_broke"] = float(hits["rule_broke"])
    return Report(n, figures, seconds, errors)


def load_split(path: str, split: str = "valid", limit: int | None = None) -> pd.DataFrame:
    """The rows of an ACLED CSV in ``split`` ("valid", "train" or "all"), with notes."""
    df = pd.read_csv(path)
    df = df[df["notes"].notna()]
    if split != "all":
        train, valid = split_frame(df)
        df = valid if split == "valid" else train
    if limit:
        df = df.head(limit)
    return df
