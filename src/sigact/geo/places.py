"""What the geocoder works with: a name found in a text (:class:`PlaceMention`), the gazetteer
entries it may refer to (:class:`Candidate`) and the place chosen for an event (:class:`Place`)."""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from sigact.geo.gazetteer import COUNTRY_ISO_NUM, COUNTRY_NAMES, ETHNIC_SUFFIX, Entry, Gazetteer
from sigact.geo.normalize import compact, norm


@lru_cache(maxsize=100_000)
def deaccent(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def spelling(m: PlaceMention, c: Candidate) -> str:
    """The place's name as the text writes it when the text names it exactly ("Barsalogho",
    "Tinzaouaten", "Timbuktu": the press's and ACLED's spellings, where GeoNames has "Barsalogo",
    "Ti-n-Zaouatene", "Tombouctou"); the gazetteer's name for loose matches, admin units and the
    user layer (which already holds the team's spellings)."""
    surface = " ".join(m.surface.split())
    if c.level is not None or c.source == "user" or not surface or m.start < 0:
        return c.name
    if c.reasons[:1] != ["name 1.00"]:
        return c.name
    if surface.isupper() and len(surface) > 3:
        surface = surface.title()
    return surface


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (a cheap approximation beyond ~300 km, where only "far" matters)."""
    if abs(lat1 - lat2) > 3.0 or abs(lon1 - lon2) > 3.0:
        return 111.0 * max(abs(lat1 - lat2), abs(lon1 - lon2) * math.cos(math.radians((lat1 + lat2) / 2)))
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


@dataclass(slots=True)
class Candidate:
    """One gazetteer entry a name may refer to, with its score and the reasons for it."""

    name: str
    latitude: float
    longitude: float
    feature: str
    country: str
    iso2: str
    admin1: str | None
    admin2: str | None
    admin3: str | None
    population: int
    source: str
    level: int | None
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)
    entry_index: int = -1
    events: int = 0  # known conflict events here (UCDP GED in the bundle, imported ones in the user layer)
    city: float = 0.0  # the part of the score that only ranks same-named candidates (a large city)


@dataclass(slots=True)
class PlaceMention:
    """A name found in a text, with its candidates (best first)."""

    surface: str
    start: int
    end: int
    candidates: list[Candidate]
    level: int | None = None  # admin level stated by a descriptor ("X cercle" -> 2)
    near: bool = False  # "near X", "X area"
    role: str = "place"  # "place" | "context" (admin context in parentheses)
    cue: float = 0.0  # how much the words around it say "the event happened here"
    elsewhere: bool = False  # a dateline or the seat of the source: never the event place of its sentence
    context_group: tuple[int, int] | None = None  # the "(X, Y)" group right after the name
    # inside a "(Admin2, Admin1)" group: the levels its position allows (last part: the region)
    group_levels: tuple[int, ...] = (1, 2, 3)
    quality: float = 1.0
    # every candidate lies outside the country the text is about: never the event place
    doubtful: bool = False


@dataclass(slots=True)
class Place:
    """Where an event happened, in ACLED's terms."""

    location: str
    latitude: float
    longitude: float
    geo_precision: int
    country: str
    iso: int
    admin1: str | None
    admin2: str | None
    admin3: str | None
    score: float
    surface: str
    start: int
    end: int


def make_candidate(gaz: Gazetteer, idx: int, quality: float, surface: str | None = None) -> Candidate:
    """Gazetteer entry ``idx`` as a candidate for the name ``surface`` matched with ``quality``
    (an alternate name costs 0.25: "Boni" is Boni before it is Bouani)."""
    e: Entry = gaz.entries[idx]
    reasons = [f"name {quality:.2f}"]
    if surface is not None and e.level is None and quality >= 0.95:
        key = compact(surface)
        if compact(e.name) != key and compact(ETHNIC_SUFFIX.sub("", norm(e.name))) != key:
            quality -= 0.25  # matched an alternate name: "Boni" is Boni before it is Bouani
            reasons.append("alternate name")
    return Candidate(
        name=e.name if e.source == "user" else deaccent(e.name), latitude=e.latitude,
        longitude=e.longitude, feature=f"{e.fclass}.{e.fcode}", country=COUNTRY_NAMES.get(e.cc, e.cc),
        iso2=e.cc, admin1=e.admin1, admin2=e.admin2, admin3=e.admin3, population=e.population,
        source=e.source, level=e.level, score=quality, reasons=reasons, entry_index=idx, events=e.events,
    )  # fmt: skip


def make_place(m: PlaceMention, c: Candidate, precision: int | None = None) -> Place:
    """Candidate ``c`` of mention ``m`` as the event's place (precision 2 for "near X" unless given)."""
    if precision is None:
        precision = 2 if m.near else 1
    return Place(
        location=spelling(m, c), latitude=c.latitude, longitude=c.longitude, geo_precision=precision,
        country=c.country, iso=COUNTRY_ISO_NUM.get(c.iso2, 0), admin1=c.admin1, admin2=c.admin2,
        admin3=c.admin3, score=round(c.score, 3), surface=m.surface, start=m.start, end=m.end,
    )  # fmt: skip
