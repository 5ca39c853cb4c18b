"""Finding places in text, choosing among same-named places, and choosing where an event happened.

``Geocoder.locate(text, focus)`` works in three steps:

1. :meth:`Geocoder.find_places` scans the text for names in the gazetteer (longest match first,
   exact, then spelling-tolerant, then fuzzy for capitalised words in a place slot such as "in X"),
   and reads descriptors around each name ("the village of X", "near X", "X cercle",
   "the Bandiagara region", "(Douentza, Mopti)").
2. Each mention's candidates are scored with the context of the whole text: country, admin units
   named anywhere, other places nearby, feature type, population, and whether the team's own
   history (user layer) has events there.
3. The event's place is the best mention in the focus span: a name after "in/at/near/village of",
   early in the sentence, not after "towards/from/fled to", not an admin context in parentheses.
   When no name resolves, the smallest admin unit the text supports is returned with
   geo_precision 2 or 3, never a guessed point.

The steps live in small modules: :mod:`~sigact.geo.scan` (names in a text) with
:mod:`~sigact.geo.wording` (the words around them) and :mod:`~sigact.geo.relations` (names of one
phrase); :mod:`~sigact.geo.context`, :mod:`~sigact.geo.actor_cues`, :mod:`~sigact.geo.variants` and
:mod:`~sigact.geo.scoring` (candidates scored in context); :mod:`~sigact.geo.document` (the
document as a whole); :mod:`~sigact.geo.places` (the records). This module is the public API.
"""

from __future__ import annotations

import math
import re
import threading
from pathlib import Path

from sigact.geo.actor_cues import FALLBACK_REGIONS
from sigact.geo.context import build_context
from sigact.geo.document import coherence, mark_far_loose, mark_out_of_country, proximity
from sigact.geo.gazetteer import Entry, Gazetteer
from sigact.geo.normalize import LEVEL_WORDS, norm
from sigact.geo.places import Candidate, Place, PlaceMention, distance_km, make_candidate, make_place
from sigact.geo.scan import Scanner
from sigact.geo.scoring import score_mention
from sigact.geo.variants import constrain
from sigact.geo.wording import STOPWORDS

__all__ = ["STOPWORDS", "Candidate", "Geocoder", "Place", "PlaceMention", "distance_km"]

_COMPLEX_QUERY = re.compile(r"[,;()\[\]]|\b(?:" + "|".join(LEVEL_WORDS) + r"|near|of|in|area)\b", re.I)
# the words a query may open with before its name: "the Bandiagara region", "near Boni", "the village of X"
_QUERY_OPENING = re.compile(
    r"(?:\s*\b(?:the|a|an|in|at|near|around|outside|close\s+to|north|south|east|west|of|village|town|city|"
    r"locality|commune|area|le|la|les|l'|de|du|des|d'|près|à|au|aux|dans|vers)\b'?)*\s*"
)


class Geocoder:
    """Gazetteer look-ups, disambiguation in context and event location choice."""

    _default: Geocoder | None = None
    _lock = threading.Lock()

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        self._last: tuple[str, str | None, list[PlaceMention]] | None = None
        self._cells: dict[tuple[int, int], list[Entry]] | None = None
        self._capitals = {e.cc: i for i, e in enumerate(gazetteer.entries) if e.fcode == "PPLC"}
        self._regions = {
            (e.cc, norm(e.admin1)): i for i, e in enumerate(gazetteer.entries) if e.level == 1 and e.admin1
        }
        self._admin_names: dict[int, set[str]] = {1: set(), 2: set(), 3: set()}
        for e in gazetteer.entries:
            if e.admin1:
                self._admin_names[1].add(norm(e.admin1))
            if e.admin2:
                self._admin_names[2].add(norm(e.admin2))
            if e.admin3:
                self._admin_names[3].add(norm(e.admin3))
        self._scanner = Scanner(gazetteer, self._admin_names)

    # -- construction ---------------------------------------------------------------------------
    @classmethod
    def default(cls) -> Geocoder:
        """The bundled gazetteer plus the user layer if one exists (cached)."""
        with cls._lock:
            if cls._default is None:
                from sigact.geo.userlayer import default_layer_path

                cls._default = cls.load(user_layer=default_layer_path())
            return cls._default

    @classmethod
    def load(cls, user_layer: Path | None = None, bundled: bool = True) -> Geocoder:
        from sigact.geo.gazetteer import BUNDLED_PATH

        return cls(Gazetteer.load(BUNDLED_PATH if bundled else None, user_layer))

    @classmethod
    def reset_default(cls) -> None:
        with cls._lock:
            cls._default = None

    # -- scanning -------------------------------------------------------------------------------
    def find_places(self, text: str, country_hint: str | None = None) -> list[PlaceMention]:
        """Every gazetteer name in ``text`` (longest match first), with scored candidates.

        The last text's result is kept, so extraction calling :meth:`locate` once per sentence of
        one document scans the document once."""
        last = self._last
        if last is not None and last[0] == text and last[1] == country_hint:
            return list(last[2])
        mentions = self._scanner.scan(text)
        ctx = build_context(text, mentions, country_hint, self._admin_names)
        constrain(self.gaz, text, mentions, ctx)
        for i, m in enumerate(mentions):
            score_mention(m, ctx, i)
        self._last = (text, country_hint, mentions)

        coherence(mentions, ctx)
        proximity(mentions)
        mark_out_of_country(mentions, ctx)
        mark_far_loose(mentions)
        return list(mentions)

    # -- public API -----------------------------------------------------------------------------
    def geocode(self, query: str, context: str = "") -> list[Candidate]:
        """Scored candidates for a place name such as ``"Farabougou, Niono cercle"`` (best first)."""
        if not context and not _COMPLEX_QUERY.search(query):
            hits = self.gaz.lookup(query.strip(), fuzzy=True)  # fast path: a bare name
            if hits:
                m = PlaceMention(query, 0, len(query), [make_candidate(self.gaz, i, q, query) for i, q in hits])
                score_mention(m, build_context(query, [m], None, self._admin_names), 0)
                return m.candidates
        text = query if not context else f"{query}. {context}"
        mentions = self.find_places(text)
        first = [m for m in mentions if m.start < len(query)]
        opening = _QUERY_OPENING.match(query)
        if first and first[0].start <= (opening.end() if opening else 0) + 1:
            return first[0].candidates
        head = query.split(",")[0].strip()
        hits = self.gaz.lookup(head, fuzzy=True)
        if not hits:
            return []
        m = PlaceMention(head, 0, len(head), [make_candidate(self.gaz, i, q, head) for i, q in hits])
        score_mention(m, build_context(text, mentions, None, self._admin_names))
        return m.candidates

    def locate(self, text: str, focus: tuple[int, int] | None = None, country_hint: str | None = None) -> Place | None:
        """Where the event told in ``text[focus[0]:focus[1]]`` happened (see the module doc)."""
        mentions = self.find_places(text, country_hint)
        lo, hi = focus if focus is not None else (0, len(text))
        inside = [m for m in mentions if m.start >= lo and m.end <= hi and not m.elsewhere]
        pool = inside or mentions
        best: PlaceMention | None = None
        best_score = -math.inf
        for rank, m in enumerate(pool):
            if not m.candidates or m.cue <= -3.0 or m.doubtful:
                continue  # no name, a person's name ("Minister Djibril Bassole"), a homonym abroad
            top = m.candidates[0]
            s = m.cue - 0.15 * rank + 0.3 * min(top.score - top.city, 3.0)
            if m.role == "context":
                s -= 2.5  # "(Pensa, Sanmatenga)": the place only when the village is unknown
            if "not in the admin units in parentheses" in top.reasons or "not in the admin units named" in top.reasons:
                # a homonym outside the units the text states ("(Deou, Oudalan)", "Kossi province"):
                # the village itself is unknown, and the unit is the better answer
                s -= 4.0
            if top.level is not None:
                s -= 0.4  # an admin unit is the event place only when nothing finer is named
            if s > best_score:
                best, best_score = m, s
        if best is not None and best.candidates[0].level is None:
            precision = 2 if best.role == "context" or best_score < -1.0 else None
            return make_place(best, best.candidates[0], precision=precision)
        fallback = self._admin_fallback(text, mentions, pool, lo, hi)
        if fallback is not None:
            return fallback
        if best is not None:
            return make_place(best, best.candidates[0])
        return self._capital(text, country_hint)

    def _capital(self, text: str, country_hint: str | None) -> Place | None:
        """ACLED's rule for an event located only by its country: the capital, geo_precision 3.
        Only when the country is certain (one country named or hinted)."""
        ctx = build_context(text, [], country_hint, self._admin_names)
        countries = ctx.countries or ctx.nationals
        regions = {(cc, unit) for rx, cc, unit in FALLBACK_REGIONS if rx.search(text)}
        if len(regions) == 1:
            cc, unit = next(iter(regions))
            region = self._regions.get((cc, unit))
            if region is not None and (not countries or countries == {cc}):
                c = make_candidate(self.gaz, region, 1.0)
                c.reasons.append("no place named: the region the text's armed groups point to")
                return make_place(PlaceMention("", -1, -1, [c]), c, precision=3)
        if len(countries) != 1:
            return None
        idx = self._capitals.get(next(iter(countries)))
        if idx is None:
            return None
        c = make_candidate(self.gaz, idx, 1.0)
        c.reasons.append("country only: capital")
        m = PlaceMention("", -1, -1, [c])  # no name in the text: offsets -1
        return make_place(m, c, precision=3)

    def _admin_fallback(
        self, text: str, mentions: list[PlaceMention], pool: list[PlaceMention], lo: int, hi: int
    ) -> Place | None:
        """The smallest admin unit named, at its seat: geo_precision 2 for an admin-2 unit with an
        unknown place in it, 3 otherwise."""
        units: list[tuple[PlaceMention, Candidate]] = []
        for group in (pool, [m for m in mentions if m not in pool]):
            for m in group:
                if m.doubtful:
                    continue
                best = next(
                    (c for c in m.candidates if c.level is not None and (m.level is None or c.level == m.level)), None
                )
                if best is not None:
                    units.append((m, best))
            if units:
                break
        if not units:
            for m in pool:
                if m.doubtful:
                    continue
                best = next((c for c in m.candidates if c.level is not None), None)
                if best is not None:
                    units.append((m, best))
        if not units:
            return None
        m, c = min(units, key=lambda mc: (-(mc[1].level or 0), -mc[1].score))
        unknown = bool(re.search(r"\b(?:in|at|near|village of|town of|locality of)\s+[A-Z]", text[lo:hi]))
        precision = 2 if (c.level == 2 and unknown) or m.near else 3
        return make_place(m, c, precision=precision)

    def admin_at(self, latitude: float, longitude: float) -> tuple[str, str] | None:
        """(country iso2, admin-1 in ACLED's spelling) of a point: the Natural Earth polygon, except
        in Mali's old Gao and Tombouctou regions, where the nearest gazetteer place within 30 km
        tells Ménaka and Taoudénit apart (they are not in the polygons)."""
        found = self.gaz.admin1_at(latitude, longitude)
        if found is None or found[0] != "ML" or found[1] not in {"Gao", "Tombouctou"}:
            return found
        best, best_d = None, 30.0
        for e in self._grid().get((round(latitude * 4), round(longitude * 4)), []):
            d = distance_km(latitude, longitude, e.latitude, e.longitude)
            if d < best_d and e.admin1:
                best, best_d = e, d
        return ("ML", best.admin1) if best is not None and best.admin1 else found

    def _grid(self) -> dict[tuple[int, int], list[Entry]]:
        """Bundled Malian places by 0.25° cell, each listed in its 3x3 neighbourhood (lazy)."""
        if self._cells is None:
            cells: dict[tuple[int, int], list[Entry]] = {}
            for e in self.gaz.entries:
                if e.cc == "ML" and e.source == "geonames" and e.level is None:
                    ci, cj = round(e.latitude * 4), round(e.longitude * 4)
                    for di in (-1, 0, 1):
                        for dj in (-1, 0, 1):
                            cells.setdefault((ci + di, cj + dj), []).append(e)
            self._cells = cells
        return self._cells
