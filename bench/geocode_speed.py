#!/usr/bin/env python
"""Geocoding speed: single-name look-ups/s (goal >= 10,000) and locate() on ACLED-style notes/s.

Names come from the bundled gazetteer itself (no external data needed); if ../shared/data is
present, ACLED notes are timed too. Usage: .venv/bin/python bench/geocode_speed.py [N]
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

from sigact.geo import Geocoder

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    t0 = time.perf_counter()
    geocoder = Geocoder.load()
    print(f"load: {time.perf_counter() - t0:.2f} s ({len(geocoder.gaz.entries)} entries)")
    rng = random.Random(0)
    names = [e.name for e in rng.sample(geocoder.gaz.entries, min(5000, len(geocoder.gaz.entries)))]
    variants = [
        name.upper() if i % 3 == 0 else name.replace("ou", "u") if i % 3 == 1 else name for i, name in enumerate(names)
    ]
    queries = [variants[i % len(variants)] for i in range(n)]

    t0 = time.perf_counter()
    for q in queries:
        geocoder.gaz.lookup(q, fuzzy=False)
    dt = time.perf_counter() - t0
    print(f"name look-ups (exact + spelling-tolerant): {n / dt:,.0f}/s")

    t0 = time.perf_counter()
    m = n // 5
    for q in queries[:m]:
        geocoder.geocode(q)
    dt = time.perf_counter() - t0
    print(f"geocode(query) with scoring: {m / dt:,.0f}/s")

    t0 = time.perf_counter()
    fuzzy_q = [name[:-1] + "x" for name in names[:2000] if len(name) > 5]
    for q in fuzzy_q:
        geocoder.gaz.lookup(q, fuzzy=True)
    dt = time.perf_counter() - t0
    print(f"fuzzy look-ups (misspelt names, rapidfuzz): {len(fuzzy_q) / dt:,.0f}/s")

    acled = ROOT.parent / "shared" / "data" / "acled_sahel.csv"
    if acled.exists():
        import pandas as pd

        notes = [str(x) for x in pd.read_csv(acled)["notes"].dropna().tolist()[:3000]]
        t0 = time.perf_counter()
        for text in notes:
            geocoder.locate(text)
        dt = time.perf_counter() - t0
        print(f"locate(ACLED note): {len(notes) / dt:,.0f} notes/s ({len(notes)} notes)")


if __name__ == "__main__":
    main()
