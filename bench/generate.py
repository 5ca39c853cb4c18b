"""Generate ACLED-shaped rows for benchmarks by resampling the real development file in memory.

Nothing generated here is ever written into the repository: the rows exist in memory (or in a
temporary database) only. Each synthetic row takes a real row's categorical fields (event type,
actors, places, fatalities...) so that value distributions are realistic, with a new id, a date
shifted by up to +/- 30 days and coordinates jittered by up to ~2 km.

    from bench.generate import generate_frame
    frame = generate_frame(1_000_000, seed=0)
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
SOURCE = Path(os.environ.get("SIGACT_SHARED_DATA", ROOT.parent / "shared" / "data")) / "acled_sahel.csv"


def load_source(path: Path = SOURCE) -> pd.DataFrame:
    if not path.exists():
        raise SystemExit(f"{path} is absent: the benchmark generator resamples the real ACLED file")
    return pd.read_csv(path, dtype=str, keep_default_na=False, na_filter=False)


def generate_frame(n: int, seed: int = 0, source: pd.DataFrame | None = None) -> pd.DataFrame:
    """``n`` ACLED-shaped rows (all values text, like a CSV) resampled from the dev file."""
    src = load_source() if source is None else source
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(src), size=n)
    frame = src.iloc[picks].reset_index(drop=True).copy()
    frame["event_id_cnty"] = [f"SYN{i:08d}" for i in range(n)]
    if "event_id_no_cnty" in frame:
        frame["event_id_no_cnty"] = [str(i) for i in range(n)]
    if "data_id" in frame:
        frame["data_id"] = [str(10_000_000 + i) for i in range(n)]
    dates = pd.to_datetime(frame["event_date"]) + pd.to_timedelta(rng.integers(-30, 31, size=n), unit="D")
    frame["event_date"] = dates.dt.strftime("%Y-%m-%d")
    frame["year"] = dates.dt.year.astype(str)
    for col, scale in (("latitude", 0.02), ("longitude", 0.02)):
        values = pd.to_numeric(frame[col]) + rng.uniform(-scale, scale, size=n)
        frame[col] = values.round(4).astype(str)
    return frame


if __name__ == "__main__":  # pragma: no cover
    import sys

    size = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    print(generate_frame(size).head())
