#!/usr/bin/env python
"""Geocoding accuracy on the fixed validation split of ../shared/data/acled_sahel.csv.

Prints, for the bundled gazetteer alone and with a user layer learned from the training split only:
share of notes placed within 25 km of ACLED's coordinates, admin1 accuracy, and misses by cause.
Usage: .venv/bin/python bench/geocode_eval.py [CSV]
"""

from __future__ import annotations

import sys
from pathlib import Path

from sigact.geo.evaluate import evaluate_file

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data" / "acled_sahel.csv"
    if not path.exists():
        print(f"{path} is absent; nothing to evaluate")
        return
    for line in evaluate_file(path):
        print(line)


if __name__ == "__main__":
    main()
