"""Scoring a candidate pair: how likely two reports (or a report and a stored event) are one event.

The score is a weighted mean of six agreements, each in [0, 1] (0.5 when a side does not say):

==============  ======  ================================================================
component       weight  agreement
==============  ======  ================================================================
event type      0.20    same sub-event type 1, same event type 0.7, two kinds of armed violence
                        (battle / violence against civilians / explosion) 0.3, else 0
actors          0.15    share of the smaller actor set found in the other (generic 0.5)
place           0.20    same named location or <= 2 km 1; two different towns 0; else
                        (one point only 'near' a place) <= 10 km 0.6, same admin2 0.5,
                        <= 25 km 0.3
fatalities      0.15    min/max ratio of the two figures; 0 vs some: 0 when the report says nobody
                        died, else 0.5 (the toll is often just not given)
date            0.05    same day 1, within the window 0.5
text            0.25    fuzzy token-set similarity of content words of notes/evidence
                        (0.5 when the two are in different languages),
                        mapped from [0.4, 0.9] onto [0, 1]
==============  ======  ================================================================

When each text names a place (gazetteer match, not the events' country or admin units) the other never
mentions, the score loses :data:`NAME_CONFLICT_PENALTY` (two tellings of one event name its place; ACLED's
distinct events of one day and district mostly differ by a village name).

Pairs at or above :data:`THRESHOLD` are merged (only inside a block, see ``blocking``). The
threshold was set on the ACLED test described in ``docs/ingest-and-review.md``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from sigact.dedup.blocking import distance_km, has_point, in_block
from sigact.ingest.language import detect_language
from sigact.model import Event

THRESHOLD = 0.70

WEIGHTS = {"type": 0.20, "actors": 0.15, "place": 0.20, "fatalities": 0.15, "date": 0.05, "text": 0.25}

# Fuzzy similarity of content words is ~0.5 between unrelated notes of one place and day, ~0.7 for
# a paraphrase: the text agreement maps TEXT_FLOOR..TEXT_CEILING onto 0..1.
TEXT_FLOOR, TEXT_CEILING = 0.40, 0.90
# Agreement when one report gives deaths and the other none.
ZERO_VS_DEATHS = 0.5

ARMED_VIOLENCE = frozenset({"Battles", "Violence against civilians", "Explosions/Remote violence"})
_GENERIC_ACTORS = ("unidentified", "civilians", "protesters", "rioters")
_STOPWORDS = frozenset(
    """a an the of in on at to and or by for with from into near was were is are be been has have had
    that this which who whose their its his her they it as after during while not no also than some
    several around about over reported killed attack attacked people said local sources according
    le la les de des du un une et en au aux dans sur par pour avec qui que est ont été""".split()
)
_TOKEN = re.compile(r"[a-zà-ÿ]+")
_NAME = re.compile(r"\b[A-ZÀ-Ý][a-zà-ÿ'’-]{2,}\b")
_NOT_NAMES = frozenset(
    """On The In At After During While According Local Security Several Two Three Four Five Six Seven Eight
    Nine Ten Some Many Both Nobody There They This That These Those His Her Their Its Also However Meanwhile
    Malian Burkinabe Burkinabè Nigerien Nigerienne French Mali Burkina Faso Niger Sahel Islamic State Group
    Support Islam Muslims Army Forces Military Police Government Monday Tuesday Wednesday Thursday Friday
    Saturday Sunday January February March April May June July August September October November December
    Janvier Février Mars Avril Mai Juin Juillet Août Septembre Octobre Novembre Décembre Le La Les Un Une
    Des Selon Lors Dans""".split()
)
# Two tellings of one event name its place; when each names at least this many places (other than the
# events' country and admin units) the other never mentions, they are taken to tell different events.
NAME_CONFLICT_MIN = 1
NAME_CONFLICT_PENALTY = 0.15


@dataclass
class MatchResult:
    score: float
    parts: dict[str, float] = field(default_factory=dict)
    reasons: list[str] = field(default_factory=list)
    blocked: bool = False

    @property
    def is_match(self) -> bool:
        return not self.blocked and self.score >= THRESHOLD

    def explain(self) -> str:
        """One line stored in ``mentions.match_reason``."""
        head = f"score {self.score:.2f} (threshold {THRESHOLD:.2f})"
        return head + ": " + "; ".join(self.reasons)


_STATE_FORCES = re.compile(r"^(?:military|police) forces of ")


def _actor_key(name: str) -> str:
    """Comparable actor name: no period/country suffix; a country's army and police count as one actor
    (one report says soldiers, another gendarmes)."""
    key = re.sub(r"\s*\(.*?\)", "", name).strip().lower()
    return _STATE_FORCES.sub("state forces of ", key)


def actor_set(e: Event) -> set[str]:
    names = [e.actor1, e.actor2, *(e.assoc_actor_1 or "").split(";"), *(e.assoc_actor_2 or "").split(";")]
    return {_actor_key(n) for n in names if n and n.strip()}


def _specific(actors: set[str]) -> set[str]:
    return {a for a in actors if not a.startswith(_GENERIC_ACTORS)}


def actor_agreement(a: Event, b: Event) -> tuple[float, str]:
    sa, sb = actor_set(a), actor_set(b)
    if not sa or not sb:
        return 0.5, "actors unknown on one side"
    spa, spb = _specific(sa), _specific(sb)
    if spa and spb:
        shared = spa & spb
        value = len(shared) / min(len(spa), len(spb))
        if shared:
            return value, "shared actors: " + ", ".join(sorted(shared))
        return 0.0, "different named actors"
    shared = sa & sb
    return (0.5 if shared else 0.3), ("generic actors" + (" agree" if shared else " differ"))


def type_agreement(a: Event, b: Event) -> tuple[float, str]:
    if a.sub_event_type and a.sub_event_type == b.sub_event_type:
        return 1.0, f"same sub-event type ({a.sub_event_type})"
    if a.current_event_type == b.current_event_type:
        return 0.7, f"same event type ({a.current_event_type})"
    if {a.current_event_type, b.current_event_type} <= ARMED_VIOLENCE:
        # reports often disagree whether armed men "attacked" a place or "clashed" with its defenders
        return 0.3, f"related event types ({a.current_event_type} / {b.current_event_type})"
    return 0.0, f"different event types ({a.current_event_type} / {b.current_event_type})"


_NO_DEATHS = re.compile(
    r"\b(?:no\s+(?:one|body)\s+(?:was|were)\s+(?:killed|hurt|injured)|nobody\s+was\s+(?:killed|hurt)|"
    r"no\s+(?:casualt\w*|fatalit\w*|deaths?|victims?|loss(?:es)?\s+of\s+li\w*|one\s+died)|without\s+(?:causing\s+)?"
    r"(?:any\s+)?(?:casualt\w*|fatalit\w*|deaths?|loss\s+of\s+li\w*|victims?)|unharmed|unhurt|"
    r"sans\s+(?:faire\s+de\s+)?(?:victimes?|pertes?\s+en\s+vies?)|aucune?\s+(?:victime|perte|mort)|"
    r"pas\s+de\s+(?:victimes?|morts?))\b",
    re.IGNORECASE,
)


def fatality_agreement(a: Event, b: Event, text_a: str | None = None,
                       text_b: str | None = None) -> tuple[float, str]:
    fa, fb = a.fatalities, b.fatalities
    if fa is None or fb is None:
        return 0.5, "fatalities unknown on one side"
    if fa == fb:
        return 1.0, f"same fatalities ({fa})"
    lo, hi = sorted((fa, fb))
    if lo == 0:
        zero_text = (text_a if text_a is not None else (a.notes or a.evidence)) if fa == 0 \
            else (text_b if text_b is not None else (b.notes or b.evidence))
        if zero_text and _NO_DEATHS.search(zero_text):
            return 0.0, f"fatalities {fa} vs {fb} (one report says nobody died)"
        # a report that names no death often just does not tell the toll
        return ZERO_VS_DEATHS, f"fatalities {fa} vs {fb} (toll not given in one report)"
    return lo / hi, f"fatalities {fa} vs {fb}"


def place_agreement(a: Event, b: Event) -> tuple[float, str]:
    if a.location and b.location and a.location.strip().lower() == b.location.strip().lower():
        return 1.0, f"same location ({a.location})"
    if has_point(a) and has_point(b):
        d = distance_km(a, b)
        assert d is not None
        if d <= 2:
            return 1.0, f"{d:.1f} km apart"
        if a.geo_precision == 1 and b.geo_precision == 1:
            return 0.0, f"{d:.0f} km apart, two different towns"
        if d <= 10:
            return 0.6, f"{d:.0f} km apart"
        if a.admin2 and a.admin2 == b.admin2:
            return 0.5, f"{d:.0f} km apart, same admin2 ({a.admin2})"
        if d <= 25:
            return 0.3, f"{d:.0f} km apart"
        return 0.0, f"{d:.0f} km apart"
    return 0.5, "place not precise on one side"


def content_words(text: str | None) -> str:
    words = [w for w in _TOKEN.findall((text or "").lower()) if len(w) > 2 and w not in _STOPWORDS]
    return " ".join(words)


def _fold(text: str) -> str:
    """Lower case without accents (Faladié = Faladie)."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


@lru_cache(maxsize=4096)
def _places_in(text: str) -> frozenset[str]:
    try:
        from sigact.geo import Geocoder

        return frozenset(_fold(p.surface) for p in Geocoder.default().find_places(text))
    except Exception:  # no gazetteer: capitalised words stand in for place names
        return frozenset(_fold(w) for w in _NAME.findall(text) if w not in _NOT_NAMES)


def names(text: str | None, ignore: set[str] | frozenset[str] = frozenset()) -> set[str]:
    """Place names the text mentions (gazetteer matches), less those in ``ignore``."""
    return set(_places_in(text or "")) - set(ignore)


def name_conflict(text_a: str | None, text_b: str | None,
                  ignore: set[str] | frozenset[str] = frozenset()) -> tuple[set[str], set[str]] | None:
    """The places only each text names, when both name at least :data:`NAME_CONFLICT_MIN` such places.
    ``ignore``: names that do not tell events apart (the events' country and admin units)."""
    na, nb = names(text_a, ignore), names(text_b, ignore)
    only_a, only_b = na - nb, nb - na
    if min(len(only_a), len(only_b)) >= NAME_CONFLICT_MIN:
        return only_a, only_b
    return None


def _admin_names(*evs: Event) -> set[str]:
    return {_fold(v) for e in evs for v in (e.country, e.admin1, e.admin2, e.admin3, e.region) if v} | {"sahel"}


def text_agreement(a: Event, b: Event, text_a: str | None = None, text_b: str | None = None) -> tuple[float, str]:
    ta = content_words(text_a if text_a is not None else (a.notes or a.evidence))
    tb = content_words(text_b if text_b is not None else (b.notes or b.evidence))
    if not ta or not tb:
        return 0.5, "no text on one side"
    la = detect_language(text_a if text_a is not None else (a.notes or a.evidence or ""))
    lb = detect_language(text_b if text_b is not None else (b.notes or b.evidence or ""))
    if la != lb:
        return 0.5, f"texts in different languages ({la}/{lb})"
    similarity = fuzz.token_set_ratio(ta, tb) / 100.0
    value = min(1.0, max(0.0, (similarity - TEXT_FLOOR) / (TEXT_CEILING - TEXT_FLOOR)))
    return value, f"text similarity {similarity:.2f}"


def score_pair(a: Event, b: Event, text_a: str | None = None, text_b: str | None = None) -> MatchResult:
    """Score whether ``b`` reports the same event as ``a``; blocked pairs score 0."""
    ok, why = in_block(a, b)
    if not ok:
        return MatchResult(0.0, {}, [why], blocked=True)
    parts: dict[str, float] = {}
    reasons = [why]
    for name, fn in (("type", type_agreement), ("actors", actor_agreement), ("place", place_agreement)):
        parts[name], reason = fn(a, b)
        reasons.append(reason)
    parts["fatalities"], reason = fatality_agreement(a, b, text_a, text_b)
    reasons.append(reason)
    parts["date"] = 1.0 if a.event_date == b.event_date else 0.5
    parts["text"], reason = text_agreement(a, b, text_a, text_b)
    reasons.append(reason)
    score = sum(WEIGHTS[k] * v for k, v in parts.items())
    conflict = name_conflict(text_a if text_a is not None else (a.notes or a.evidence),
                             text_b if text_b is not None else (b.notes or b.evidence), _admin_names(a, b))
    if conflict is not None:
        score -= NAME_CONFLICT_PENALTY
        reasons.append("each names what the other does not (" + ", ".join(sorted(conflict[0])[:3]) + " / "
                       + ", ".join(sorted(conflict[1])[:3]) + f"): -{NAME_CONFLICT_PENALTY:.2f}")
    return MatchResult(round(max(score, 0.0), 4), parts, reasons)
