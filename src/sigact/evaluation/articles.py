"""Score extracted events against the hand-coded gold events of the shared articles.

``score_articles(predicted, gold_path=None)`` takes predicted events as dicts (``doc_id`` = the article file name,
``event_date``, ``event_type``, ``sub_event_type``, ``actor1``, ``actor2``, ``country``, ``admin1``, ``location``,
``fatalities``, ``time_precision`` - the JSON objects ``sigact extract --format jsonl`` prints) and matches them one
to one with the gold events of the same file (``eval/articles_gold.yaml``).

A predicted and a gold event are *compatible* when:
- they come from the same file;
- their countries agree (when both are given);
- their dates are within 2 days (7 when the gold date is only known to the week, 16 to the month) - only checked
  when the gold date is resolvable from the article (``date_known`` true) and the prediction has a date;
- the places agree: same normalised location name (or one of the gold ``location_aliases``), or the same admin1,
  or the gold event names no place below the country.
Compatible pairs are matched greedily, best first (same location, same event type, same sub-event type, closer
date, same actor1). The result gives recall, precision, F1, per-field accuracy on matched pairs, per-file counts
and the unmatched events on both sides.

Command line: ``python -m sigact.evaluation.articles predictions.jsonl [--gold FILE] [--json]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml

from sigact.model import as_date

DATE_WINDOW_DAYS = {1: 2, 2: 7, 3: 16}
FIELDS = (
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "admin1",
    "location",
    "fatalities",
)
_PERIOD = re.compile(r"\s*\(\d{4}-(?:\d{4})?\)")


def default_gold_path() -> Path:
    """``$SIGACT_ARTICLES_GOLD`` or ``eval/articles_gold.yaml`` in the source tree."""
    env = os.environ.get("SIGACT_ARTICLES_GOLD")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[3] / "eval" / "articles_gold.yaml"


def load_gold(gold_path: str | Path | None = None) -> dict[str, list[dict[str, Any]]]:
    """Gold events by article file name."""
    path = Path(gold_path) if gold_path else default_gold_path()
    with path.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    articles = data.get("articles", data) if isinstance(data, dict) else {}
    return {str(name): list((entry or {}).get("events") or []) for name, entry in articles.items()}


def normalise(value: Any) -> str:
    """Lower case, no accents, punctuation folded to single spaces ("Niafunké" -> "niafunke")."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFKD", str(value))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def normalise_actor(value: Any) -> str:
    """An actor name without ACLED's period suffix ("Military Forces of Mali (2021-)" -> "military forces of mali")."""
    return normalise(_PERIOD.sub("", str(value))) if value else ""


def _as_int(value: Any) -> int | None:
    try:
        return None if value is None or value == "" else int(value)
    except (TypeError, ValueError):
        return None


def _gold_names(gold: Mapping[str, Any]) -> set[str]:
    names = {normalise(gold.get("location"))}
    names.update(normalise(a) for a in gold.get("location_aliases") or [])
    names.discard("")
    return names


def _location_match(pred: Mapping[str, Any], gold: Mapping[str, Any]) -> bool:
    """Same place name (or alias), or a name containing it word-for-word."""
    p = normalise(pred.get("location"))
    if not p:
        return False
    for g in _gold_names(gold):
        if p == g or f" {g} " in f" {p} " or f" {p} " in f" {g} ":
            return True
    return False


def _place_compatible(pred: Mapping[str, Any], gold: Mapping[str, Any]) -> bool:
    if _location_match(pred, gold):
        return True
    ga, pa = normalise(gold.get("admin1")), normalise(pred.get("admin1"))
    if ga and pa and ga == pa:
        return True
    return not gold.get("location") and not ga  # the article names no place below the country


def _date_distance(pred: Mapping[str, Any], gold: Mapping[str, Any]) -> int | None:
    """Days between the two dates, or None when the date must not be compared."""
    if gold.get("date_known") is False:
        return None
    g, p = as_date(gold.get("event_date")), as_date(pred.get("event_date"))
    if g is None or p is None:
        return None
    return abs((p - g).days)


def compatible(pred: Mapping[str, Any], gold: Mapping[str, Any]) -> bool:
    """Whether ``pred`` may be the same event as ``gold`` (same file is checked by the caller)."""
    gc, pc = normalise(gold.get("country")), normalise(pred.get("country"))
    if gc and pc and gc != pc:
        return False
    dist = _date_distance(pred, gold)
    if dist is not None:
        window = DATE_WINDOW_DAYS.get(_as_int(gold.get("time_precision")) or 1, 2)
        if dist > window:
            return False
    return _place_compatible(pred, gold)


def _pair_score(pred: Mapping[str, Any], gold: Mapping[str, Any]) -> float:
    score = 0.0
    if _location_match(pred, gold):
        score += 4
    if pred.get("event_type") == gold.get("event_type"):
        score += 2
    if pred.get("sub_event_type") == gold.get("sub_event_type"):
        score += 1
    if normalise_actor(pred.get("actor1")) == normalise_actor(gold.get("actor1")):
        score += 1
    dist = _date_distance(pred, gold)
    if dist is not None:
        score += 1 / (1 + dist)
    return score


def field_correct(name: str, pred: Mapping[str, Any], gold: Mapping[str, Any]) -> bool | None:
    """Whether one field agrees on a matched pair; None when the gold value must not be scored."""
    g, p = gold.get(name), pred.get(name)
    if name == "event_date":
        if gold.get("date_known") is False:
            return None
        return as_date(p) == as_date(g)
    if name in ("fatalities", "time_precision"):
        if g is None:
            return None
        return _as_int(p) == _as_int(g)
    if name in ("actor1", "actor2"):
        return normalise_actor(p) == normalise_actor(g)
    if name == "location":
        if not g:
            return None
        return _location_match(pred, gold)
    if name == "admin1" and not g:
        return None
    return normalise(p) == normalise(g)


def _doc_id(pred: Mapping[str, Any]) -> str:
    return str(pred.get("doc_id") or pred.get("doc_key") or "")


def _summary(ev: Mapping[str, Any]) -> dict[str, Any]:
    keys = ("event_date", "event_type", "sub_event_type", "actor1", "actor2", "country", "admin1", "location",
            "fatalities")
    out = {k: ev.get(k) for k in keys}
    if isinstance(out["event_date"], dt.date):
        out["event_date"] = out["event_date"].isoformat()
    return out


def score_articles(
    predicted: Iterable[Mapping[str, Any]],
    gold_path: str | Path | None = None,
    *,
    include_background: bool = True,
    doc_ids: Iterable[str] | None = None,
) -> dict[str, Any]:
    """Match predicted events to the gold events per file and score them (see the module docstring).

    ``include_background=False`` drops gold events flagged ``background`` (passing mentions of other incidents);
    ``doc_ids`` restricts scoring to those files (predictions for other files are ignored).
    """
    gold = load_gold(gold_path)
    if not include_background:
        gold = {d: [e for e in evs if not e.get("background")] for d, evs in gold.items()}
    wanted = set(doc_ids) if doc_ids is not None else None
    if wanted is not None:
        gold = {d: evs for d, evs in gold.items() if d in wanted}
    preds_by_doc: dict[str, list[Mapping[str, Any]]] = {}
    for p in predicted:
        d = _doc_id(p)
        if wanted is not None and d not in wanted:
            continue
        preds_by_doc.setdefault(d, []).append(p)

    field_tally = {f: [0, 0] for f in FIELDS}
    matches: list[dict[str, Any]] = []
    unmatched_gold: list[dict[str, Any]] = []
    unmatched_pred: list[dict[str, Any]] = []
    per_doc: dict[str, dict[str, int]] = {}
    for doc in sorted(set(gold) | set(preds_by_doc)):
        g_events = gold.get(doc, [])
        p_events = preds_by_doc.get(doc, [])
        pairs = [
            (_pair_score(p, g), gi, pi)
            for gi, g in enumerate(g_events)
            for pi, p in enumerate(p_events)
            if compatible(p, g)
        ]
        pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
        used_g: set[int] = set()
        used_p: set[int] = set()
        for _, gi, pi in pairs:
            if gi in used_g or pi in used_p:
                continue
            used_g.add(gi)
            used_p.add(pi)
            g, p = g_events[gi], p_events[pi]
            wrong = []
            for f in FIELDS:
                ok = field_correct(f, p, g)
                if ok is None:
                    continue
                field_tally[f][1] += 1
                if ok:
                    field_tally[f][0] += 1
                else:
                    wrong.append(f)
            matches.append({"doc_id": doc, "gold_index": gi, "predicted_index": pi, "wrong_fields": wrong})
        for gi, g in enumerate(g_events):
            if gi not in used_g:
                unmatched_gold.append({"doc_id": doc, "gold_index": gi, **_summary(g)})
        for pi, p in enumerate(p_events):
            if pi not in used_p:
                unmatched_pred.append({"doc_id": doc, "predicted_index": pi, **_summary(p)})
        per_doc[doc] = {"gold": len(g_events), "predicted": len(p_events), "matched": len(used_g)}

    n_gold = sum(len(v) for v in gold.values())
    n_pred = sum(len(v) for v in preds_by_doc.values())
    n_match = len(matches)
    recall = n_match / n_gold if n_gold else 0.0
    precision = n_match / n_pred if n_pred else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "gold_events": n_gold,
        "predicted_events": n_pred,
        "matched": n_match,
        "recall": recall,
        "precision": precision,
        "f1": f1,
        "field_accuracy": {
            f: {"correct": c, "total": t, "accuracy": (c / t if t else None)} for f, (c, t) in field_tally.items()
        },
        "per_doc": per_doc,
        "matches": matches,
        "unmatched_gold": unmatched_gold,
        "unmatched_predicted": unmatched_pred,
    }


def format_report(result: Mapping[str, Any]) -> str:
    """A short plain-text report of ``score_articles`` output."""
    lines = [
        f"gold events {result['gold_events']}, predicted {result['predicted_events']}, matched {result['matched']}",
        f"recall {result['recall']:.3f}  precision {result['precision']:.3f}  F1 {result['f1']:.3f}",
        "field accuracy on matched pairs:",
    ]
    for f, v in result["field_accuracy"].items():
        acc = "n/a" if v["accuracy"] is None else f"{v['accuracy']:.3f}"
        lines.append(f"  {f:<15} {acc:>6}  ({v['correct']}/{v['total']})")
    lines.append(f"unmatched gold {len(result['unmatched_gold'])}, "
                 f"unmatched predicted {len(result['unmatched_predicted'])}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Score extracted events (JSONL) against the articles gold file.")
    ap.add_argument("predictions", help="JSONL of predicted events with doc_id (use - for stdin)")
    ap.add_argument("--gold", default=None, help="gold YAML (default: eval/articles_gold.yaml)")
    ap.add_argument("--no-background", action="store_true", help="ignore gold events flagged background")
    ap.add_argument("--json", action="store_true", help="print the full result as JSON")
    args = ap.parse_args(argv)
    fh = sys.stdin if args.predictions == "-" else open(args.predictions, encoding="utf-8")  # noqa: SIM115
    with fh:
        preds = [json.loads(line) for line in fh if line.strip()]
    result = score_articles(preds, args.gold, include_background=not args.no_background)
    print(json.dumps(result, indent=2, default=str) if args.json else format_report(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
