"""Merge precision and recall of sigact's deduplication, measured on real ACLED data (../shared/data).

    .venv/bin/python bench/dedup_quality.py

A. Paraphrases (tests/dedup/data/paraphrases_*.json): news-style reports written for this test, each restating
   one ACLED event in other words. All ACLED events are imported into a temporary database; each paraphrase
   goes through the real extractor (sigact.extract) and the matcher. A paraphrase is *merged correctly* when
   the stored event it would join is the ACLED event it restates; any other event it would join is a false
   merge. Precision = correct / (correct + false), recall = correct / paraphrases.
B. Distinct events of one day and admin2: ACLED codes them as different events, so none may merge. For
   every such pair (X, Y), Y's notes go through the extractor and are scored against X (as coded by ACLED);
   a score at or above the threshold is a false merge.
C. The same pairs compared as coded by ACLED (both sides structured: what batch mode sees).

Figures are printed for a few thresholds; the shipped threshold is sigact.dedup.scoring.THRESHOLD.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data" / "acled_sahel.csv"
THRESHOLDS = (0.60, 0.65, 0.70, 0.75, 0.80)


def main() -> None:
    from sigact.dedup.matching import ranked
    from sigact.dedup.scoring import THRESHOLD, score_pair
    from sigact.extract import extract_document
    from sigact.formats.acled import import_acled
    from sigact.ingest import Document
    from sigact.store import open_store

    if not DATA.exists():
        raise SystemExit(f"{DATA} is absent")
    tmp = Path(tempfile.mkdtemp())
    store = open_store(f"sqlite:///{tmp / 'q.db'}")
    import_acled(store, DATA)
    acled = {e.id: e for e in store.iter_events()}
    print(f"threshold shipped: {THRESHOLD:.2f}; {len(acled)} ACLED events imported")

    # A. paraphrases
    reports = []
    for path in sorted((ROOT / "tests" / "dedup" / "data").glob("paraphrases_*.json")):
        reports += json.loads(path.read_text())["reports"]
    outcomes = []  # per paraphrase: list of (best id, score) per mention
    no_mention = 0
    with store.engine.connect() as conn:
        for i, rep in enumerate(reports):
            doc = Document(doc_key=f"para-{i}", text=rep["text"], published=dt.date.fromisoformat(rep["published"]))
            mentions = extract_document(doc)
            if not mentions:
                no_mention += 1
            links = []
            for m in mentions:
                scored = ranked(conn, m.event, m.sentence)
                if scored:
                    links.append((scored[0][0].id, scored[0][1].score, scored[0][1].explain()))
            outcomes.append((rep["acled_id"], links))
    print(f"\nA. {len(reports)} paraphrases ({no_mention} gave no mention to the extractor)")
    print(f"{'threshold':>9} {'correct':>8} {'false':>6} {'precision':>9} {'recall':>7}")
    for t in THRESHOLDS:
        correct = sum(any(eid == target and s >= t for eid, s, _ in links) for target, links in outcomes)
        false = sum(sum(eid != target and s >= t for eid, s, _ in links) for target, links in outcomes)
        prec = correct / (correct + false) if correct + false else float("nan")
        print(f"{t:>9.2f} {correct:>8} {false:>6} {prec:>9.3f} {correct / len(reports):>7.3f}")
    print("misses at the shipped threshold:")
    for target, links in outcomes:
        if not any(eid == target and s >= THRESHOLD for eid, s, _ in links):
            print(f"  {target}: " + ("; ".join(f"{eid} {why}" for eid, s, why in links) or "no candidate"))

    # B and C. same day + admin2 pairs
    df = pd.read_csv(DATA, dtype=str, keep_default_na=False)
    groups = [list(g["event_id_cnty"]) for _, g in df.groupby(["event_date", "admin2"]) if len(g) > 1]
    pairs = [(x, y) for g in groups for x, y in itertools.permutations(g, 2)]
    told: dict[str, list] = defaultdict(list)
    for eid in sorted({y for _, y in pairs}):
        ev = acled[eid]
        doc = Document(doc_key=eid, text=ev.notes or "", published=ev.event_date)
        told[eid] = [(m.event, m.sentence) for m in extract_document(doc)] if ev.notes else []
    scores_b = []
    for x, y in pairs:
        best = max((score_pair(acled[x], e, None, s).score for e, s in told[y]), default=0.0)
        scores_b.append(best)
    same_b = [(acled[x].notes or "") == (acled[y].notes or "") for x, y in pairs]
    scores_c = [score_pair(acled[x], acled[y]).score for g in groups for x, y in itertools.combinations(g, 2)]
    same_c = [(acled[x].notes or "") == (acled[y].notes or "") for g in groups for x, y in itertools.combinations(g, 2)]
    print(f"\nB. {len(pairs)} ordered pairs of distinct ACLED events (same day, same admin2), report of Y vs X")
    print(f"C. {len(scores_c)} unordered pairs, both as coded by ACLED")
    nb, nc = sum(not f for f in same_b), sum(not f for f in same_c)
    print(f"   ({len(pairs) - nb} / {len(same_c) - nc} of them have identical notes: ACLED split one report over "
          "several places; the 'distinct notes' columns leave them out)")
    print(f"{'threshold':>9} {'B false merges':>15} {'B distinct notes':>17} {'C false merges':>15} "
          f"{'C distinct notes':>17}")
    for t in THRESHOLDS:
        fb = sum(s >= t for s in scores_b)
        fbd = sum(s >= t for s, f in zip(scores_b, same_b, strict=True) if not f)
        fc = sum(s >= t for s in scores_c)
        fcd = sum(s >= t for s, f in zip(scores_c, same_c, strict=True) if not f)
        print(f"{t:>9.2f} {fb:>6} ({fb / len(scores_b):.3f}) {fbd:>8} ({fbd / nb:.3f}) "
              f"{fc:>6} ({fc / len(scores_c):.3f}) {fcd:>8} ({fcd / nc:.3f})")
    if "--examples" in sys.argv:
        ranked_b = sorted(zip(scores_b, pairs, same_b, strict=True), reverse=True)
        for score, (x, y), _same in [r for r in ranked_b if not r[2]][:25]:
            print(f"{score:.2f} {x} <- report of {y}")


if __name__ == "__main__":
    main()
