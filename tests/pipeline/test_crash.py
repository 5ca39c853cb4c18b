"""Crash safety, for real: ``sigact ingest`` killed with SIGKILL mid-run leaves a consistent database, and
running it again completes the work with exactly the result of an uninterrupted run (no duplicates)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sigact.ingest import read_path
from sigact.pipeline import Pipeline
from sigact.store import open_store

PLACES = ["Djibo", "Arbinda", "Dori", "Gorom-Gorom", "Sebba", "Kaya", "Barsalogho", "Titao", "Ouahigouya",
          "Fada N'Gourma"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]


def _write_reports(folder: Path, n: int) -> None:
    """``n`` short reports; every third re-tells the attack of the report before it in other words."""
    folder.mkdir()
    for i in range(n):
        place, month, dead = PLACES[i % len(PLACES)], MONTHS[(i // 3) % len(MONTHS)], 3 + i
        if i % 3 == 2:
            place, dead = PLACES[(i - 1) % len(PLACES)], 3 + i - 1
            text = (f"Local sources said {dead} civilians were killed when armed men raided {place}, Burkina Faso, "
                    f"on 12 {month} 2023.\n")
        else:
            text = (f"Gunmen killed {dead} civilians in an attack on {place}, Burkina Faso, on 12 {month} 2023.\n"
                    f"Soldiers later clashed with the attackers near {place}.\n")
        (folder / f"report{i:03d}.txt").write_text(f"Published: 2023-{MONTHS.index(month) + 1:02d}-14\n\n{text}")


def _snapshot(db: Path) -> dict[str, object]:
    con = sqlite3.connect(db)
    try:
        q = lambda sql: con.execute(sql).fetchall()  # noqa: E731
        return {
            "documents": q("SELECT sha256 FROM documents ORDER BY sha256"),
            "mentions": q("SELECT d.sha256, m.mention_index, m.event_id FROM mentions m "
                          "JOIN documents d ON d.id = m.document_id ORDER BY 1, 2"),
            "events": q("SELECT id, event_date, location, fatalities, status FROM events ORDER BY id"),
        }
    finally:
        con.close()


def _check_consistent(db: Path) -> None:
    con = sqlite3.connect(db)
    try:
        orphans = con.execute("SELECT count(*) FROM mentions m LEFT JOIN events e ON e.id = m.event_id "
                              "WHERE e.id IS NULL").fetchone()[0]
        no_doc = con.execute("SELECT count(*) FROM mentions m LEFT JOIN documents d ON d.id = m.document_id "
                             "WHERE d.id IS NULL").fetchone()[0]
        dup = con.execute("SELECT count(*) FROM (SELECT document_id, mention_index FROM mentions "
                          "GROUP BY 1, 2 HAVING count(*) > 1)").fetchone()[0]
        unlinked = con.execute("SELECT count(*) FROM events e WHERE e.origin = 'extracted' AND NOT EXISTS "
                               "(SELECT 1 FROM mentions m WHERE m.event_id = e.id)").fetchone()[0]
        integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        con.close()
    assert (orphans, no_doc, dup, unlinked, integrity) == (0, 0, 0, 0, "ok")


def _ingest_cmd(folder: Path, db: Path) -> list[str]:
    return [str(Path(sys.executable).parent / "sigact"), "ingest", str(folder), "--db", str(db)]


@pytest.mark.slow
def test_sigkill_mid_ingest_then_rerun(tmp_path: Path) -> None:
    pytest.importorskip("sigact.extract")
    folder = tmp_path / "reports"
    _write_reports(folder, 45)

    reference_db = tmp_path / "reference.db"
    Pipeline(open_store(f"sqlite:///{reference_db}")).ingest(read_path(folder))
    reference = _snapshot(reference_db)
    assert len(reference["documents"]) == 45  # type: ignore[arg-type]
    assert len(reference["events"]) < len(reference["mentions"])  # type: ignore[arg-type]  # some merged

    db = tmp_path / "killed.db"
    open_store(f"sqlite:///{db}")  # schema first, so the poll below can read
    env = {**os.environ, "SIGACT_EXTRACTOR": ""}
    proc = subprocess.Popen(_ingest_cmd(folder, db), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 300
        stored = 0
        while time.monotonic() < deadline and proc.poll() is None:
            con = sqlite3.connect(db)
            stored = con.execute("SELECT count(*) FROM documents").fetchone()[0]
            con.close()
            if stored >= 5:
                break
            time.sleep(0.05)
        assert proc.poll() is None, "ingest finished before it could be killed"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    _check_consistent(db)
    partial = _snapshot(db)
    assert 5 <= len(partial["documents"]) < 45  # type: ignore[arg-type]
    # every stored document is complete: its mentions are exactly those of the reference run
    stored_docs = {d[0] for d in partial["documents"]}  # type: ignore[union-attr]
    assert partial["mentions"] == [m for m in reference["mentions"] if m[0] in stored_docs]  # type: ignore[union-attr]

    rerun = subprocess.run(_ingest_cmd(folder, db), env=env, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{len(partial['documents'])} unchanged" in rerun.stdout  # type: ignore[arg-type]
    _check_consistent(db)
    assert _snapshot(db) == reference
