"""Benchmark: import and export of ACLED-shaped rows on SQLite (goal: 1,000,000 rows imported in <= 60 s).

    .venv/bin/python -m bench.import_export [N]      # default N = 1,000,000

Rows are generated in memory by resampling ../shared/data/acled_sahel.csv (bench/generate.py), written
to a temporary CSV (outside the repository) and imported with the same code as ``sigact import acled``.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

from bench.generate import generate_frame
from sigact.formats.acled import import_acled
from sigact.formats.export import export_events
from sigact.store import open_store


def main(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        frame = generate_frame(n)
        csv = Path(tmp) / "events.csv"
        frame.to_csv(csv, index=False)
        del frame
        t_gen = time.perf_counter() - t0
        store = open_store(f"sqlite:///{tmp}/bench.db")
        t0 = time.perf_counter()
        result = import_acled(store, csv)
        t_import = time.perf_counter() - t0
        t0 = time.perf_counter()
        again = import_acled(store, csv)
        t_reimport = time.perf_counter() - t0
        t0 = time.perf_counter()
        exported = export_events(store, None, "acled", Path(tmp) / "out.csv")
        t_export = time.perf_counter() - t0
        t0 = time.perf_counter()
        export_events(store, None, "parquet", Path(tmp) / "out.parquet")
        t_parquet = time.perf_counter() - t0
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"rows: {n:,} (generated + written to CSV in {t_gen:.1f} s)")
    print(f"import (SQLite, one transaction): {t_import:.1f} s  = {n / t_import:,.0f} rows/s  "
          f"[{result.inserted:,} new] goal <= 60 s: {'PASS' if t_import <= 60 else 'MISS'}")
    print(f"re-import (idempotent): {t_reimport:.1f} s  [{again.inserted} new, {again.unchanged:,} unchanged]")
    print(f"export ACLED CSV: {t_export:.1f} s ({exported:,} rows)   export Parquet: {t_parquet:.1f} s")
    print(f"peak memory: {peak:,.0f} MiB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
