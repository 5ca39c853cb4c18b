"""Actor registry figures on the ACLED Sahel file (read from ../shared/data, never copied).

Prints:
- coverage: share of events whose actor1 / actor2 value ``Registry.canonical()`` maps back to itself;
- find recall: share of events whose notes yield a mention of their actor1 / actor2. Named actors are compared
  ignoring ACLED's period suffixes, by canonical name or ACLED coding (``coded_as``); "Civilians (X)",
  "Unidentified Armed Group (X)", protesters, rioters and state forces count when a role noun of the right kind
  is found;
- find speed: mentions/s, notes/s and MB/s over all notes (best of 3 passes);
- a first-mention baseline for actor1 (what an extractor gets by taking the first actor mentioned).

Run: ``.venv/bin/python bench/actors_speed.py [path/to/acled_sahel.csv]``
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
import time
from pathlib import Path

import pandas as pd

from sigact.actors import Registry

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = Path(os.environ.get("SIGACT_SHARED_DATA", ROOT.parent / "shared" / "data")) / "acled_sahel.csv"
_SUFFIX = re.compile(r"\s*\(\d{4}-(\d{4})?\)")


def base(name: str) -> str:
    """An ACLED name without its period suffix."""
    return _SUFFIX.sub("", name).strip()


def expected_kinds(reg: Registry, name: str) -> set[str]:
    """Mention kinds that count as finding ``name`` in a text."""
    actor = reg.get(name)
    role = actor.role if actor else None
    if name.startswith("Civilians (") or (actor and actor.inter == 7):
        return {"civilians"}
    if name.startswith("Unidentified Armed Group"):
        return {"armed_generic"}
    if name.startswith("Protesters ("):
        return {"protesters"}
    if name.startswith("Rioters ("):
        return {"rioters"}
    if role in ("military", "military_unit"):
        return {"state_military"}
    if role in ("police", "police_unit", "gendarmerie"):
        return {"state_police", "state_military"}
    return set()


def found(reg: Registry, mentions: list, name: str) -> bool:  # type: ignore[type-arg]
    parts = name.split(" and/or ")
    named = {base(m.canonical) for m in mentions if m.canonical}
    named |= {base(part) for m in mentions if m.coded_as for part in m.coded_as.split(" and/or ")}
    kinds = {m.kind for m in mentions}
    for part in parts:
        targets = {base(n) for n in reg.expand(part, subgroups=False)}
        if named & targets or kinds & expected_kinds(reg, part):
            return True
    return False


def main(path: Path) -> int:
    if not path.exists():
        print(f"{path} is absent: nothing to measure")
        return 0
    df = pd.read_csv(path, usecols=["event_date", "country", "actor1", "actor2", "notes"])
    t0 = time.perf_counter()
    reg = Registry.default()
    print(f"registry: {len(reg)} actor names, {reg.trie.size} aliases, built in {time.perf_counter() - t0:.3f} s")

    print("\ncoverage (canonical(name) == name), by event:")
    for col in ("actor1", "actor2"):
        values = df[col].dropna()
        ok = values.map(lambda v: reg.canonical(v) == v)
        listed = values.map(lambda v: all(p in reg for p in v.split(" and/or ")))
        print(
            f"  {col}: {ok.mean():.4f} of {len(values)} events ({values[~ok].nunique()} names unknown); "
            f"listed in the registry (not by name pattern): {listed.mean():.4f}"
        )

    period_accuracy(reg, df)

    notes = df["notes"].fillna("").tolist()
    dates = [dt.date.fromisoformat(d) for d in df["event_date"]]
    countries = df["country"].tolist()
    best = float("inf")
    count = 0
    all_mentions = []
    for _ in range(3):
        start = time.perf_counter()
        all_mentions = [reg.find(n, date=d, country=c) for n, d, c in zip(notes, dates, countries, strict=True)]
        best = min(best, time.perf_counter() - start)
    count = sum(len(m) for m in all_mentions)
    chars = sum(len(n) for n in notes)
    print(f"\nfind speed over {len(notes)} notes ({chars / 1e6:.2f} MB), best of 3:")
    print(
        f"  {count} mentions in {best:.3f} s: {count / best:,.0f} mentions/s, {len(notes) / best:,.0f} notes/s, "
        f"{chars / best / 1e6:.2f} MB/s"
    )

    print("\nfind recall (the event's actor is among the note's mentions):")
    for col in ("actor1", "actor2"):
        hits = total = 0
        named_hits = named_total = 0
        for mentions, name in zip(all_mentions, df[col], strict=True):
            if not isinstance(name, str):
                continue
            is_found = int(found(reg, mentions, name))
            total += 1
            hits += is_found
            if not expected_kinds(reg, name.split(" and/or ")[0]):
                named_total += 1
                named_hits += is_found
        print(
            f"  {col}: {hits / total:.4f} of {total} (named actors only, i.e. not civilians, unidentified, "
            f"protesters, rioters or state forces: {named_hits / max(named_total, 1):.4f} of {named_total})"
        )

    # A baseline an extractor can beat: actor1 = the first actor mentioned (ACLED's coding of a named group,
    # or state forces / unidentified group / civilians of the event's country for a role noun).
    hits = total = 0
    for mentions, name, d, c in zip(all_mentions, df["actor1"], dates, countries, strict=True):
        guess = first_actor(reg, mentions, d, c)
        total += 1
        hits += guess is not None and base(guess) == base(name)
    print(f"\nfirst-mention baseline for actor1 (period suffixes ignored): {hits / total:.4f} of {total}")
    return 0


def period_accuracy(reg: Registry, df: pd.DataFrame) -> None:
    """How often the name of an actor without its period suffix, resolved by the event date, is ACLED's
    period-specific name (state forces, MINUSMA, France...)."""
    hits = total = 0
    for col in ("actor1", "actor2"):
        for name, day in zip(df[col], df["event_date"], strict=True):
            if not isinstance(name, str) or " and/or " in name or not _SUFFIX.search(name):
                continue
            actor = reg.get(name)
            if actor is None or actor.family is None:
                continue
            got = reg.canonical(actor.family, date=dt.date.fromisoformat(day))
            total += 1
            hits += got is not None and reg.get(got) is actor
    print(
        f"\nperiod names: a family name resolved by the event date gives ACLED's period name in "
        f"{hits / max(total, 1):.4f} of {total} actor values"
    )


def first_actor(reg: Registry, mentions: list, date: dt.date, country: str) -> str | None:  # type: ignore[type-arg]
    for m in mentions:
        if m.kind == "named":
            return str(m.coded_as or m.canonical)
        if m.kind == "state_military":
            return reg.state_forces(country, date)
        if m.kind == "state_police":
            return reg.state_forces(country, date, "police")
        if m.kind == "armed_generic":
            return reg.unidentified(country)
        if m.kind == "protesters":
            return f"Protesters ({country})"
        if m.kind == "rioters":
            return f"Rioters ({country})"
    return None


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT))
