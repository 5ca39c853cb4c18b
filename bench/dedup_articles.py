"""Real articles: ingest ../shared/data/articles/ (40 reports; several tell the same attack) into a temporary
database through the full pipeline and show what merged.

    .venv/bin/python bench/dedup_articles.py

Prints the reports (mentions) extracted, i.e. the events there would be without merging, the events after
merging, and every event told by more than one report with its documents and their subject in index.csv.
"""

from __future__ import annotations

import csv
import sqlite3
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT.parent / "shared" / "data" / "articles"


def main() -> None:
    from sigact.ingest import read_path
    from sigact.pipeline import Pipeline
    from sigact.store import open_store

    if not ARTICLES.is_dir():
        raise SystemExit(f"{ARTICLES} is absent")
    subjects = {r["file"]: r["event"] for r in csv.DictReader((ARTICLES / "index.csv").open(encoding="utf-8"))}
    db = Path(tempfile.mkdtemp()) / "articles.db"
    summary = Pipeline(open_store(f"sqlite:///{db}")).ingest(read_path(ARTICLES))
    print(f"documents {summary.documents_new}, reports (mentions) {summary.mentions} = events without merging; "
          f"events after merging {summary.events_new}; reports merged into a stored event {summary.events_merged}")
    con = sqlite3.connect(db)
    rows = con.execute(
        "SELECT e.id, e.event_date, e.location, e.sub_event_type, e.fatalities, d.doc_key, m.match_score "
        "FROM events e JOIN mentions m ON m.event_id = e.id JOIN documents d ON d.id = m.document_id "
        "ORDER BY e.event_date, e.id, m.id").fetchall()
    told: dict[tuple[str, str, str, str, int], list[tuple[str, float | None]]] = defaultdict(list)
    for eid, date, loc, sub, fat, doc, score in rows:
        told[(eid, date, loc, sub, fat)].append((doc, score))
    print("\nevents told by more than one report:")
    for (eid, date, loc, sub, fat), docs in told.items():
        if len(docs) > 1:
            print(f"  {eid} {date} {loc} ({sub}, {fat} dead)")
            for doc, score in docs:
                how = f"joined at {score:.2f}" if score is not None else "first report"
                print(f"      {doc:8} {how:16} {subjects.get(doc, '')}")
    print("\nreports per article subject -> distinct events they ended in:")
    by_subject: dict[str, set[str]] = defaultdict(set)
    for (eid, *_), docs in told.items():
        for doc, _ in docs:
            by_subject[subjects.get(doc, doc)].add(eid)
    for subject, ids in sorted(by_subject.items()):
        print(f"  {len(ids):>2}  {subject}")


if __name__ == "__main__":
    main()
