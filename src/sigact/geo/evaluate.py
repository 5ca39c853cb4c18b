"""Evaluating ``Geocoder.locate`` on ACLED notes against ACLED's own coordinates.

For each row of the validation split (:func:`sigact.evaluation.split.is_validation`), the note is
geocoded and compared with the row's latitude/longitude and admin1. Misses are put down to one
cause:

- ``not in gazetteer``: no entry named like ACLED's ``location`` lies within 25 km of its point;
- ``wrong candidate``: the name chosen in the text is ACLED's location, but another place of that
  name was picked;
- ``wrong place chosen in text``: the text named ACLED's location (and the gazetteer has it), but
  another name of the text was chosen as the event place;
- ``location not named in note``: ACLED's location (or a spelling within the fuzzy cut-off) is
  not in the note (a protest with no place, "coded as X", a nearby town);
- ``nothing found``: no place and no admin unit at all.

Admin-1 is compared strictly, and also "period-aware": Mali's Ménaka and Taoudénit regions were
split from Gao and Tombouctou; ACLED coded Ménaka events as Gao until 2020.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from rapidfuzz import fuzz

from sigact.geo.geocoder import Geocoder, Place, distance_km
from sigact.geo.normalize import compact, norm

SUCCESSOR_REGIONS = {"menaka": "gao", "taoudenit": "tombouctou", "taoudeni": "tombouctou"}


@dataclass
class EvalResult:
    rows: int
    within_25km: float
    admin1: float
    admin1_period_aware: float
    located: float
    causes: Counter[str] = field(default_factory=Counter)
    per_second: float = 0.0
    median_km: float = 0.0
    names_location: float = 0.0  # share of notes whose text contains ACLED's location name
    named_ceiling: float = 0.0  # share of notes naming some place with a candidate within 25 km of ACLED's

    def lines(self, label: str) -> list[str]:
        out = [
            f"{label}: {self.rows} notes",
            f"  share within 25 km:          {self.within_25km:.3f}",
            f"  admin1 accuracy:             {self.admin1:.3f}",
            f"  admin1 (Menaka=Gao era-aware): {self.admin1_period_aware:.3f}",
            f"  located (any place):         {self.located:.3f}",
            f"  notes naming ACLED's location: {self.names_location:.3f}",
            f"  oracle, best candidate of any named place within 25 km: {self.named_ceiling:.3f}",
            f"  median error km:             {self.median_km:.1f}",
            f"  notes/s:                     {self.per_second:.0f}",
            "  misses by cause:",
        ]
        out += [f"    {cause:28s} {n}" for cause, n in self.causes.most_common()]
        return out


def same_name(a: str, b: str) -> bool:
    if not a or not b:
        return False
    if norm(a) == norm(b) or compact(a) == compact(b):
        return True
    return fuzz.ratio(compact(a), compact(b)) >= 85


def admin1_equal(got: str | None, want: str | None, period_aware: bool = False) -> bool:
    """The same admin1 (accents and case aside); ``period_aware``: Ménaka/Taoudénit also equal the
    regions older ACLED files code them under (Gao/Tombouctou)."""
    g, w = norm(got or ""), norm(want or "")
    if g == w:
        return True
    return period_aware and SUCCESSOR_REGIONS.get(g) == w


def _cause(geocoder: Geocoder, notes: str, row: pd.Series, place: Place | None) -> str:
    if place is None:
        return "nothing found"
    loc = str(row["location"])
    lat, lon = float(row["latitude"]), float(row["longitude"])
    known = [
        e for i in geocoder.gaz.exact(loc) + [i for i, _ in geocoder.gaz.lookup(loc, fuzzy=True)]
        for e in [geocoder.gaz.entries[i]]
        if distance_km(e.latitude, e.longitude, lat, lon) <= 25.0
    ]  # fmt: skip
    if not known:
        return "not in gazetteer"
    if same_name(place.surface, loc) or same_name(place.location, loc):
        return "wrong candidate"
    if any(same_name(m.surface, loc) for m in geocoder.find_places(notes)):
        return "wrong place chosen in text"
    return "location not named in note"


def evaluate(geocoder: Geocoder, frame: pd.DataFrame, hint: bool = True) -> EvalResult:
    """Geocode every ``notes`` of ``frame`` and compare with its ACLED coordinates and admin1.

    ``hint``: pass the row's country as ``country_hint`` (a team importing its own reports usually
    knows the country); without it, the note alone decides, as extraction sees a text."""
    hits = admin_ok = admin_era = located = 0
    errors: list[float] = []
    causes: Counter[str] = Counter()
    started = time.perf_counter()
    places = [
        geocoder.locate(str(n), country_hint=str(c) if hint else None)
        for n, c in zip(frame["notes"], frame["country"], strict=True)
    ]
    elapsed = time.perf_counter() - started
    reachable = 0  # an oracle choosing among the candidates of every name in the note
    for (_, row), place in zip(frame.iterrows(), places, strict=True):
        lat, lon = float(row["latitude"]), float(row["longitude"])
        mentions = geocoder.find_places(str(row["notes"]), str(row["country"]) if hint else None)
        reachable += any(
            distance_km(c.latitude, c.longitude, lat, lon) <= 25.0 for m in mentions for c in m.candidates
        )
        if place is None:
            causes[_cause(geocoder, str(row["notes"]), row, None)] += 1
            errors.append(float("inf"))
            continue
        located += 1
        d = distance_km(place.latitude, place.longitude, float(row["latitude"]), float(row["longitude"]))
        errors.append(d)
        if d <= 25.0:
            hits += 1
        else:
            causes[_cause(geocoder, str(row["notes"]), row, place)] += 1
        admin_ok += admin1_equal(place.admin1, row["admin1"], False)
        admin_era += admin1_equal(place.admin1, row["admin1"], True)
    n = max(len(frame), 1)
    naming = sum(
        1 for loc, note in zip(frame["location"], frame["notes"], strict=True)
        if f" {norm(str(loc))} " in f" {norm(str(note))} "
    )  # fmt: skip
    finite = sorted(errors)
    return EvalResult(
        rows=len(frame), within_25km=hits / n, admin1=admin_ok / n, admin1_period_aware=admin_era / n,
        located=located / n, causes=causes, per_second=len(frame) / max(elapsed, 1e-9),
        median_km=finite[len(finite) // 2] if finite else 0.0, names_location=naming / n,
        named_ceiling=reachable / n,
    )  # fmt: skip


def evaluate_file(csv_path: Path, with_learned: bool = True, layer_dir: Path | None = None) -> list[str]:
    """Both figures (bundled only; bundled + a layer learned from the TRAINING split) as text lines."""
    import tempfile

    from sigact.evaluation.split import split_frame
    from sigact.geo.userlayer import rows_from_frame, write_layer

    df = pd.read_csv(csv_path)
    train, valid = split_frame(df)
    bundled = Geocoder.load()
    lines = evaluate(bundled, valid).lines("bundled gazetteer only, country known (validation split)")
    lines += evaluate(bundled, valid, hint=False).lines("bundled gazetteer only, no country hint (as extraction)")
    if with_learned:
        with tempfile.TemporaryDirectory(dir=layer_dir) as tmp:
            path = Path(tmp) / "learned.sqlite"
            n = write_layer(path, rows_from_frame(train))
            learned = Geocoder.load(user_layer=path)
            label = f"bundled + user layer learned from the training split ({n} locations)"
            lines += evaluate(learned, valid).lines(label + ", country known")
            lines += evaluate(learned, valid, hint=False).lines(label + ", no country hint")
    return lines
