"""The demonstration run behind ``make demo``: a database built from bundled open data only.

It imports the bundled UCDP GED rows (CC BY 4.0), ingests the bundled Wikipedia excerpts (CC BY-SA 4.0)
through the full text pipeline, writes a situation report and tells the user where everything is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from sigact.store import Store, open_store

DEMO_DATA = resources.files("sigact") / "data" / "demo"


def demo_ucdp_path() -> Path:
    return Path(str(DEMO_DATA / "ucdp_ged_burkina_faso.csv.gz"))


def demo_articles_dir() -> Path:
    return Path(str(DEMO_DATA / "articles"))


@dataclass
class DemoResult:
    db_path: Path
    steps: list[str] = field(default_factory=list)
    outputs: dict[str, Path] = field(default_factory=dict)


def build_demo(out_dir: Path, say: Callable[[str], None] = print) -> DemoResult:
    """Build ``out_dir/sigact.db`` from scratch out of the bundled open data."""
    from sigact.formats.ucdp import import_ucdp
    from sigact.ingest import read_path
    from sigact.pipeline import ingest
    from sigact.report.demo import write_demo_report
    from sigact.store.filters import EventFilter

    out_dir.mkdir(parents=True, exist_ok=True)
    db_path = out_dir / "sigact.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    store: Store = open_store(f"sqlite:///{db_path}")
    result = DemoResult(db_path)

    def step(text: str) -> None:
        result.steps.append(text)
        say(text)

    imported = import_ucdp(store, demo_ucdp_path())
    step(f"imported {imported.inserted} UCDP GED events (Burkina Faso 2016-2023, CC BY 4.0)")

    docs = list(read_path(demo_articles_dir()))
    summary = ingest(store, docs)
    step(
        f"ingested {len(docs)} Wikipedia excerpts (CC BY-SA 4.0) through extraction, geocoding and dedup: "
        f"{summary.mentions} event mentions -> {summary.events_new} new events, "
        f"{summary.events_merged} merged into events already stored"
    )
    for ev in store.iter_events(EventFilter(origin=["extracted"])):
        step(f"  {ev.event_date} {ev.sub_event_type or ev.event_type} at {ev.location} ({ev.country}): "
             f"{ev.actor1} vs {ev.actor2 or '-'}, fatalities {'unknown' if ev.fatalities is None else ev.fatalities}")

    report = write_demo_report(store, out_dir)
    result.outputs["report"] = report
    for extra in sorted(out_dir.glob(report.stem + ".*")):
        if extra != report:
            result.outputs[f"report ({extra.suffix[1:]})"] = extra
    step(f"wrote the situation report {report}")
    return result
