"""Benchmark: batch deduplication of 100k / 300k / 1M generated events (goal: 1M in <= 60 s, near-linear).

    .venv/bin/python bench/dedup_speed.py [sizes...]

Rows come from ``bench/generate.py`` (ACLED rows from ../shared/data resampled, dates jittered by up to
30 days, points by up to 0.02 degrees; in memory only). Prints, for each size, seconds, rows per
second, candidate pairs scored, matches and clusters.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate_frame, load_source  # noqa: E402

from sigact.dedup.batch import deduplicate  # noqa: E402


def main(sizes: list[int]) -> None:
    source = load_source()
    deduplicate(generate_frame(1000, seed=1, source=source))  # warm-up: imports (scikit-learn) are not timed
    print(f"{'rows':>9} {'seconds':>8} {'rows/s':>9} {'pairs':>10} {'matches':>9} {'clusters':>9}")
    for n in sizes:
        frame = generate_frame(n, seed=0, source=source)
        start = time.perf_counter()
        result = deduplicate(frame)
        took = time.perf_counter() - start
        print(f"{n:>9} {took:>8.1f} {n / took:>9.0f} {result.pairs:>10} {result.matches:>9} {result.clusters:>9}",
              flush=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100_000, 300_000, 1_000_000])
