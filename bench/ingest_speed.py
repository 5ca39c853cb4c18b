"""Ingest figures on the shared articles and ACLED notes (read from ../shared/data, never copied).

Prints:
- publication-date detection on the 40 article bodies (header lines removed) against ``articles/index.csv``:
  hits, misses, false dates; from the text alone and with a date in the URL as fallback;
- boilerplate: characters removed by cleaning, per article and in total;
- speed: documents/s for ``read_path`` over the article folder, and sentences/s and MB/s for ``sentences()``
  over all ACLED notes (best of 3 passes).

Run: ``.venv/bin/python bench/ingest_speed.py``
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import time
from pathlib import Path

from sigact.ingest import clean_text, date_from_url, detect_published, read_path, sentences

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SIGACT_SHARED_DATA", ROOT.parent / "shared" / "data"))


def date_figures(articles: Path) -> None:
    with (articles / "index.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for label, use_url in (("text only", False), ("text + URL", True)):
        hit = miss = wrong = false_pos = 0
        for r in rows:
            body = (articles / r["file"]).read_text(encoding="utf-8").split("\n\n", 1)[1]
            found = detect_published(body) or (date_from_url(r["url"]) if use_url else None)
            truth = None if r["published"] == "unknown" else dt.date.fromisoformat(r["published"])
            if truth is None:
                false_pos += found is not None
            elif found is None:
                miss += 1
            elif found == truth:
                hit += 1
            else:
                wrong += 1
        known = sum(r["published"] != "unknown" for r in rows)
        print(f"published date ({label}): {hit}/{known} found, {miss} missed, {wrong} wrong; "
              f"{false_pos} dates invented for the {len(rows) - known} undated articles")


def boilerplate_figures(articles: Path) -> None:
    before = after = 0
    changed = 0
    for f in sorted(articles.glob("*.txt")):
        body = f.read_text(encoding="utf-8").split("\n\n", 1)[1].strip()
        cleaned = clean_text(body)
        before += len(body)
        after += len(cleaned)
        changed += len(cleaned) < len(body) - 5
    print(f"boilerplate: {before - after} of {before} characters removed ({(before - after) / before:.1%}); "
          f"{changed} articles changed")


def speed_figures(articles: Path) -> None:
    best = float("inf")
    n = 0
    for _ in range(3):
        t = time.perf_counter()
        n = sum(1 for _ in read_path(articles))
        best = min(best, time.perf_counter() - t)
    print(f"read_path: {n / best:,.0f} docs/s over {n} articles")
    acled = SHARED / "acled_sahel.csv"
    if not acled.exists():
        return
    import pandas as pd

    notes = [str(x) for x in pd.read_csv(acled, usecols=["notes"])["notes"].dropna()]
    size = sum(len(x.encode()) for x in notes)
    best = float("inf")
    count = 0
    for _ in range(3):
        t = time.perf_counter()
        count = sum(len(sentences(x)) for x in notes)
        best = min(best, time.perf_counter() - t)
    print(f"sentences: {count / best:,.0f} sentences/s, {len(notes) / best:,.0f} notes/s, "
          f"{size / best / 1e6:.1f} MB/s ({count} sentences in {len(notes)} ACLED notes)")


def main() -> None:
    articles = SHARED / "articles"
    if not articles.is_dir():
        raise SystemExit(f"{articles} is absent")
    date_figures(articles)
    boilerplate_figures(articles)
    speed_figures(articles)


if __name__ == "__main__":
    main()
