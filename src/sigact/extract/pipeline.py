"""From a document to ACLED-coded events, each with the sentence(s) that support it.

Steps (see ``docs/extraction.md``):

1. split the text into sentences (``sigact.ingest.sentences``);
2. keep the sentences that tell an event (``detect``): not boilerplate, aggregates, background
   history or threats;
3. date every sentence along the narrative (``dates``): an explicit date sets the anchor that
   "the following day" / "the same day" / "la veille" refer to; a sentence without a date continues
   the previous one's;
4. place every event sentence with the geocoder (``Geocoder.locate`` with the sentence as focus);
   a sentence listing several places hit at once ("attacks on camps in A, B and C") is one event
   per place;
5. group: one event per location per day. A sentence on the same day and place as an event
   already told (or with no date or place of its own, right after one) adds to that event;
6. code each event: sub-event type (classifier + rules), actors, fatalities, tags.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from sigact.actors.registry import Registry
from sigact.extract import detect, tags
from sigact.extract.classifier import EventClassifier
from sigact.extract.dates import DateExpr, find_dates, range_days, resolve
from sigact.extract.fatalities import count_fatalities_estimated, is_cumulative_toll
from sigact.extract.numbers import parse_number
from sigact.extract.roles import Roles, assign_roles
from sigact.extract.typing_rules import apply_rules, fighting_told
from sigact.geo import Geocoder, Place, PlaceMention
from sigact.geo.geocoder import distance_km
from sigact.geo.wording import AGENCY_CREDIT
from sigact.ingest import Document, sentences
from sigact.model import Event, Mention, stable_id
from sigact.taxonomy import CIVILIAN_TARGETING

EXTRACTOR_VERSION = "extract-1.7"

# the countries' names and capitals; nationality words ("Malian", "Burkinabe") are left out: they tell
# who people are ("Burkinabe gold miners", "a Nigerien officer"), not where the event took place
_COUNTRY_WORDS = {
    "Mali": r"\bMali\b|\bBamako\b",
    "Burkina Faso": r"\bBurkina(?:\s+Faso)?\b|\bOuagadougou\b",
    "Niger": r"\bNiger\b(?!\s+(?:River|Delta|Inland|State))(?!ia)|\bNiamey\b",
}
_LIST_OF_PLACES = re.compile(
    r"\b(?:attacks?|raids?|assaults?|strikes?|camps?|posts?|positions?|bases?|villages?|towns?|localities|"
    r"simultaneous(?:ly)?|coordinated|attaques?|villages|localités|postes?)\b",
    re.IGNORECASE,
)


_WHOLE_TEXT_CHARS = 600  # texts up to this long telling one event are classified whole

_REPORT_DATE = re.compile(
    r"\b(?:said|says|reported|announced|published|updated|posted|issued|released|claimed|stated|declared|told\s+\w+|"
    r"statement|communiqué|a\s+déclaré|a\s+annoncé|publié)\s+(?:\w+\s+){0,2}?(?:on\s+|le\s+|ce\s+)?$",
    re.IGNORECASE,
)
# tail sentences that give an overall or estimated count rather than this event's toll (a toll counted
# over a period, "since January", "so far", is fatalities.is_cumulative_toll)
_ROUGH_TOLL = re.compile(
    r"\b(?:in\s+total|overall|number\s+of\s+(?:victims|deaths|dead)|au\s+total|estimates?)\b", re.IGNORECASE
)


def _overall_toll(text: str) -> bool:
    """A toll counted over a period or overall ("since January", "in total"): not one event's."""
    return is_cumulative_toll(text) or bool(_ROUGH_TOLL.search(text))


_TOLL_SENTENCE = re.compile(
    r"\b(?:death\s+toll|toll|killed|dead|deaths|died|bodies|casualties|lost\s+their\s+lives|bilan|morts?|tués)\b",
    re.IGNORECASE,
)
_DATELINE = re.compile(r"\s*" + AGENCY_CREDIT)  # after the date of "Niamey, 22 March 2025 (dpa) -"
_DAYS_SHIFT = re.compile(
    r"\b(\w+)\s+days?\s+(prior|earlier|before|ago|later|after)\b(?!\s+(?:the|its|a)\b)", re.IGNORECASE
)


# the other side's response told after an attack ("In response, troops killed two of the assailants"): ACLED
# codes the attack on civilians and the fighting that followed as two events
_RESPONSE = re.compile(r"\s*(?:Reacting|In\s+response|In\s+retaliation|Responding)\b", re.IGNORECASE)


@dataclass
class _Sent:
    index: int
    text: str
    start: int
    end: int
    dates: list[DateExpr]
    date: tuple[dt.date, int] | None = None  # its own date (explicit or relative), resolved
    narrative: tuple[dt.date, int] | None = None  # the date the narrative had reached before it
    span_days: list[dt.date] = field(default_factory=list)
    is_event: bool = False
    anaphoric: bool = False
    reported_only: bool = False  # its only date is when something was said or published
    reaction_only: bool = False  # its event words are nominal, in a report of what was said
    consequence: bool = False  # only tells what followed ("His body was found the next day")


@dataclass
class _Draft:
    date: dt.date
    precision: int
    place: Place | None
    sents: list[_Sent]
    dated: bool
    share: tuple[int, int] = (0, 1)  # this event's part of a figure split across places (i, n)
    reported: bool = False  # its only date is when it was said ("killed ..., authorities said on Saturday")


def _actor_country(reg: Registry, text: str, date: dt.date) -> str | None:
    """The country of the named actors of a text, when they all belong to one (Koglweogo -> Burkina Faso).

    Foreign forces (inter 8: French, Chadian troops) tell where they come from, not where they fight;
    only those whose country is one the pipeline knows by name (MINUSMA: Mali) count."""
    countries = set()
    for m in reg.find(text, date, None):
        actor = reg.get(m.canonical) if m.canonical else None
        if actor is not None and actor.country:
            if actor.inter == 8 and actor.country not in _COUNTRY_WORDS:
                continue
            countries.add(actor.country)
    return countries.pop() if len(countries) == 1 else None


_BORDER = re.compile(
    r"\b(?:(?:near|along|across|on|at|close\s+to)\s+the\s+(?:[\w-]+\s+){0,2}border\s+with\s+[\w ]+?|"
    r"(?:the\s+)?(?:Mali|Malian|Niger|Nigerien|Burkina(?:\s+Faso)?|Burkinabe)[-\s]+border|"
    r"border\s+with\s+(?:Mali|Niger|Burkina(?:\s+Faso)?)|Niger\s+(?:River|Delta)|fleuve\s+Niger|"
    r"frontière\s+(?:avec\s+le|du|de\s+la|avec\s+la)\s+(?:Mali|Niger|Burkina(?:\s+Faso)?))\b",
    re.IGNORECASE,
)


def _country_hint(text: str) -> str | None:
    """The country the text names most, border and river phrases left out ("near the Niger border")."""
    text = _BORDER.sub(" ", text)
    best, best_n = None, 0
    for country, rx in _COUNTRY_WORDS.items():
        n = len(re.findall(rx, text))
        if n > best_n:
            best, best_n = country, n
    return best


_SINCE_BEFORE = re.compile(r"\b(?:since|depuis|until|jusqu'au|jusqu'à)\s+(?:the\s+|le\s+)?$", re.IGNORECASE)
_NAME_AFTER = re.compile(
    r"\s+(?:Popular|Movement|Revolution|Coalition|Front|Alliance|Group|Brigade|Battalion|Movement)\b"
)
_MODIFIER_BEFORE = re.compile(r"\b(?:the|their|its|his|her|a|an|this|that)\s+$", re.IGNORECASE)


def _side_date(text: str, expr: DateExpr) -> bool:
    """A date that belongs to a side remark, not to the event the sentence tells: after "since" or
    "until", or a month used as an adjective ("the March 2012 coup", "their October 2015 dismissals").
    (A date inside a relative clause is kept: "a resident who lost eight relatives on Saturday, August
    24" dates the attack.)"""
    before = text[max(0, expr.start - 30) : expr.start]
    if _SINCE_BEFORE.search(before):
        return True
    if expr.kind == "dm" and re.search(r"(?:\bthe|\()\s*$", before) and _NAME_AFTER.match(text, expr.end):
        return True  # "the March 22 Popular Movement": a name
    if (
        expr.kind == "month"
        and expr.year is not None
        and _MODIFIER_BEFORE.search(before)
        and re.match(r"\s+[a-z]", text[expr.end : expr.end + 3])
    ):
        return True
    return False


def _main_date(s: _Sent, published: dt.date | None, anchor: dt.date | None) -> tuple[dt.date, int] | None:
    """The sentence's own date: the first stated date (day, range, month), else a weekday, else a
    relative phrase ("the following day"), resolved against publication and the narrative anchor."""
    order = {"full": 0, "dm": 0, "range": 0, "month": 1, "weekday": 2, "relative": 3}
    found: tuple[dt.date, int] | None = None
    found_span = (-1, -1)
    reported: tuple[dt.date, int] | None = None
    for expr in sorted(s.dates, key=lambda e: (order.get(e.kind, 9), e.start)):
        if expr.kind == "year" or (expr.kind == "month" and expr.extra.get("since")):
            continue
        if _side_date(s.text, expr):
            continue  # "held since October 30", "the March 2012 coup"
        if _REPORT_DATE.search(s.text[max(0, expr.start - 40) : expr.start]) or _DATELINE.match(s.text, expr.end):
            # "said on Sunday", "a statement issued on Monday": when it was reported (a fallback only)
            reported = reported or resolve(expr, published, anchor)
            continue
        res = resolve(expr, published, anchor)
        if res is not None:
            s.span_days = range_days(expr, published)
            found = res
            found_span = (expr.start, expr.end)
            break
    shift = _DAYS_SHIFT.search(s.text)
    if shift is not None and found is not None and found_span[0] < shift.end() and shift.start() < found_span[1]:
        shift = None  # "Two days later, ...": the relative date already resolved is this phrase, not counted twice
    if shift is not None and found is not None and found[1] == 1 and not s.text[: shift.start()].strip() == "":
        shift = None  # "On June 26, ... (killed five days earlier)": the stated date is the event's
    if shift is not None:
        n = parse_number(shift.group(1)) or 0
        word = shift.group(2).lower()
        if word == "ago":
            base = published
        else:
            ref = found or reported
            base = ref[0] if ref is not None else anchor
        if base is not None and 0 < n < 60:
            sign = 1 if word in ("later", "after") else -1
            shifted = base + dt.timedelta(days=sign * n), 1
            before = s.text[max(0, shift.start() - 40) : shift.start()]
            if found is None and _REPORT_DATE.search(before):
                # "the attack was claimed two days later": when it was claimed, not another event's day
                s.reported_only = True
            return shifted
    if found is None and reported is not None:
        s.reported_only = True
    return found or reported


class _DocGeocoder:
    """The geocoder seen through a per-document memo of ``find_places``: ``locate`` is asked once per
    event sentence of the same text, and the place scan of that text is the same every time."""

    def __init__(self, geo: Geocoder) -> None:
        self._geo = geo
        self._memo: dict[tuple[str, str | None], list[PlaceMention]] = {}

    def __getattr__(self, name: str) -> Any:
        return getattr(self._geo, name)

    def find_places(self, text: str, country_hint: str | None = None) -> list[PlaceMention]:
        key = (text, country_hint)
        if key not in self._memo:
            self._memo[key] = self._geo.find_places(text, country_hint)
        return self._memo[key]

    def locate(self, text: str, focus: tuple[int, int] | None = None, country_hint: str | None = None) -> Place | None:
        return Geocoder.locate(self, text, focus, country_hint)  # type: ignore[arg-type]


def _places_in(geo: Geocoder, text: str, s: _Sent, hint: str | None) -> list[Place]:
    """Several places listed as hit at once in one sentence, one Place each (else [])."""
    if not _LIST_OF_PLACES.search(s.text):
        return []
    mentions = [
        m for m in geo.find_places(text, hint)  # the document's scan, memoised per document
        if s.start <= m.start and m.end <= s.end and m.role == "place"
        and m.candidates and m.candidates[0].level is None and not m.doubtful
    ]  # fmt: skip
    if len(mentions) < 2:
        return []
    # only places joined as a list: "A, B and C" / "A et B"
    joined = [mentions[0]]
    for prev, cur in zip(mentions, mentions[1:], strict=False):
        gap = text[prev.end : cur.start]
        if re.fullmatch(r"\s*(?:,|and|et|as\s+well\s+as|,\s*and|as\s+well|&)\s*(?:in\s+|at\s+|à\s+)?(?:the\s+)?", gap):
            joined.append(cur)
        elif len(joined) < 2:
            joined = [cur]
    if len(joined) < 2:
        return []
    if not any(
        re.search(r"\b(?:and|et|as\s+well)\b|&", text[a.end : b.start])
        for a, b in zip(joined, joined[1:], strict=False)
    ):
        return []  # "Boni, Hombori commune": a village and its commune, not a list
    between = text[max(s.start, joined[0].start - 12) : joined[0].start].lower()
    if re.search(r"\b(?:between|from|entre)\s*$", between):
        return []
    places: list[Place] = []
    for m in joined:
        p = geo.locate(text, focus=(m.start, m.end), country_hint=hint)
        if p is not None and not any(_same_point(p, q) for q in places):
            places.append(p)
    return places if len(places) >= 2 else []


def _own_place(p: Place | None, s: _Sent) -> bool:
    return p is not None and s.start <= p.start and p.end <= s.end


def _same_point(a: Place, b: Place) -> bool:
    """One place, perhaps spelt two ways in one text ("Tombouctou" / "Timbuktu": names keep the text's spelling)."""
    return distance_km(a.latitude, a.longitude, b.latitude, b.longitude) <= 2.0


def _same_place(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if (a.location == b.location and a.admin1 == b.admin1) or _same_point(a, b):
        return True
    # a region named after a town told in it ("in the Sahel region", "northern Burkina Faso")
    return (a.geo_precision == 3 or b.geo_precision == 3) and (a.admin1 == b.admin1 or a.country == b.country)


def _compatible(d1: tuple[dt.date, int], d2: tuple[dt.date, int]) -> bool:
    """Same day, or one is a week/month-level date that covers the other."""
    (a, pa), (b, pb) = d1, d2
    if a == b:
        return True
    if pa == 3 or pb == 3:
        return a.year == b.year and a.month == b.month
    if pa == 2 or pb == 2:
        return abs((a - b).days) <= 4
    return False


def _group(sents: list[_Sent], text: str, geo: Geocoder, hint: str | None, published: dt.date | None) -> list[_Draft]:
    drafts: list[_Draft] = []
    current: _Draft | None = None
    default = (published or dt.date.today(), 2)
    for s in sents:
        if not s.is_event:
            continue
        listed = _places_in(geo, text, s, hint)
        place = geo.locate(text, focus=(s.start, s.end), country_hint=hint)
        own_place = _own_place(place, s) and place is not None and place.geo_precision < 3
        own_date = s.date
        if s.consequence and current is not None and (not own_place or _same_place(place, current.place)):
            current.sents.append(s)  # the victims found, a death in hospital: part of the event told
            continue
        if s.anaphoric:
            # "the attack ..." / reactions: part of the event told before, never a new one
            if current is not None:
                if own_date is None or s.reported_only or _compatible(own_date, (current.date, current.precision)):
                    current.sents.append(s)
                    if (
                        own_date is not None
                        and own_date[1] < current.precision
                        and (not s.reported_only or not current.dated)
                    ):
                        # "The attack occurred on Friday": the day of the event told without a date; with
                        # nothing better, the day it was announced ("announced on Friday ... were killed")
                        current.date, current.precision, current.dated = own_date[0], own_date[1], True
                        current.reported = s.reported_only
                    continue
            elif own_date is None and not s.reaction_only:
                continue
        days = s.span_days or []
        if listed:
            base = own_date or (current and (current.date, current.precision)) or s.narrative or default
            new = [
                _Draft(base[0], base[1], p, [s], own_date is not None or s.narrative is not None
                       or bool(current and current.dated), (i, len(listed)))
                for i, p in enumerate(listed)
            ]  # fmt: skip
            drafts.extend(new)
            current = new[-1]
            continue
        if len(days) > 1:
            # ACLED: one event per day; a toll told for the whole span is shared among its days
            new = [_Draft(d, 1, place, [s], True, (i, len(days))) for i, d in enumerate(days)]
            drafts.extend(new)
            current = new[-1]
            continue
        if current is not None and own_date is None and _RESPONSE.match(s.text):
            current = _Draft(current.date, current.precision, place if own_place else current.place, [s], current.dated)
            drafts.append(current)
            continue
        # an event first told with only the day it was reported, then with the day it took place (days before)
        told_before_report = (
            current is not None and current.reported and own_date is not None and not s.reported_only
            and 0 <= (current.date - own_date[0]).days <= 7
        )  # fmt: skip
        if (
            current is not None
            and (own_date is None or told_before_report or _compatible(own_date, (current.date, current.precision)))
            and (not own_place or _same_place(place, current.place) or current.place is None)
        ):
            current.sents.append(s)
            if own_date is not None and (told_before_report or own_date[1] < current.precision):
                current.date, current.precision, current.dated = own_date[0], own_date[1], True
                current.reported = False
            if own_place and current.place is None:
                current.place = place
            continue
        date = own_date or (current and (current.date, current.precision)) or s.narrative or default
        # the same incident told again later in the report
        twin = next(
            (d for d in drafts if _compatible((d.date, d.precision), date) and (own_place or own_date)
             and _same_place(d.place, place)),
            None,
        )  # fmt: skip
        if twin is not None:
            twin.sents.append(s)
            if own_date is not None and own_date[1] < twin.precision:
                twin.date, twin.precision, twin.dated = own_date[0], own_date[1], True
            current = twin
            continue
        current = _Draft(date[0], date[1], place, [s], own_date is not None or s.narrative is not None)
        current.reported = own_date is not None and s.reported_only
        drafts.append(current)
    return _drop_summaries(_merge_undated(drafts))


def _merge_undated(drafts: list[_Draft]) -> list[_Draft]:
    """A telling with no date of its own (a headline, an undated lede) joins the dated telling of the
    same place in the report, which fixes its date."""
    out: list[_Draft] = []
    for i, d in enumerate(drafts):
        if not d.dated and d.place is not None:
            nxt = next((x for x in drafts[i + 1 :] if x.dated), None)
            twin = nxt if nxt is not None and nxt.place is not None and nxt.place.location == d.place.location else None
            if twin is not None:
                twin.sents = sorted(twin.sents + d.sents, key=lambda x: x.start)
                continue
        out.append(d)
    return out


def _drop_summaries(drafts: list[_Draft]) -> list[_Draft]:
    """A telling placed only at region level ("two attacks in northern Burkina Faso") on the day of
    events placed at towns is their summary, not another event."""
    precise = [d for d in drafts if d.place is not None and d.place.geo_precision < 3]
    out = []
    for d in drafts:
        vague = d.place is None or d.place.geo_precision == 3
        if vague and any(
            _compatible((p.date, p.precision), (d.date, d.precision))
            and (d.place is None or p.place is None or p.place.country == d.place.country)
            for p in precise
        ):
            continue
        out.append(d)
    # a place of a list dropped here leaves its share of the list's toll to the places that remain
    listings: dict[tuple[int, int], list[_Draft]] = {}
    for d in out:
        if d.share[1] > 1:
            listings.setdefault((d.sents[0].index, d.share[1]), []).append(d)
    for group in listings.values():
        for i, d in enumerate(group):
            d.share = (i, len(group))
    return out


def reference_date(text: str, published: dt.date | None) -> dt.date | None:
    """The date relative expressions are resolved against: the publication date, else the latest
    full date (day, month and year) the text states, else None (today is then used)."""
    if published is not None:
        return published
    today = dt.date.today()
    stated = [
        d for e in find_dates(text) if e.kind in ("full", "dm", "range") and e.year is not None
        and (d := resolve(e, today)) is not None and d[0] <= today
    ]  # fmt: skip
    return max(stated)[0] if stated else None


def analyse_sentences(text: str, published: dt.date | None) -> list[_Sent]:
    """Sentences with their dates resolved along the narrative and the event flag set."""
    out: list[_Sent] = []
    anchor: dt.date | None = None
    for i, sen in enumerate(sentences(text)):
        s = _Sent(i, sen.text, sen.start, sen.end, find_dates(sen.text))
        s.narrative = (anchor, 1) if anchor is not None else None
        s.date = _main_date(s, published, anchor)
        if s.date is not None and (s.date[1] == 1 or anchor is None):
            anchor = s.date[0]
        has_dm = s.date is not None
        s.is_event = (
            detect.tells_event(s.text)
            and not detect.is_boilerplate(s.text)
            and not detect.is_aggregate(s.text)
            and not detect.is_background(s.text, s.dates, has_dm)
            and not detect.is_hypothetical(s.text)
        )
        reason = detect.anaphora(s.text) if s.is_event else None
        s.anaphoric = s.is_event and (reason is not None or s.reported_only)
        s.reaction_only = reason == "reaction" and not s.reported_only
        s.consequence = s.is_event and detect.is_consequence(s.text)
        out.append(s)
    if len(text) <= _WHOLE_TEXT_CHARS and not any(s.is_event for s in out):
        # a brief that tells no violence: a strategic development told without a date is its event
        for s in out:
            s.is_event = detect.tells_brief_development(s.text, s.dates, s.date is not None)
    return out


def _consistent_roles(
    text: str,
    event_type: str,
    sub: str,
    country: str | None,
    date: dt.date,
    reg: Registry,
    focus: tuple[int, int],
) -> tuple[Roles, str, str]:
    """Actors, and the type made consistent with them: a "clash" of an armed group whose only victims
    named are civilians is violence against civilians, unless the text tells a two-sided fight
    ("farmers and herders clashed": ACLED keeps those as clashes). (The converse rule, an "attack" on
    soldiers as a battle, lowered the validation figures and is not applied.)"""
    roles = assign_roles(text, event_type, sub, country, date, reg, focus=focus)
    if (
        sub == "Armed clash"
        and roles.target_inter is None
        and roles.civilians_named
        and roles.inter1 in (2, 3, 4)
        and not fighting_told(text[focus[0] : focus[1]])
    ):
        event_type, sub = "Violence against civilians", "Attack"
    else:
        return roles, event_type, sub
    return assign_roles(text, event_type, sub, country, date, reg, focus=focus), event_type, sub


def extract_text(text: str, published: dt.date | None = None, doc_key: str = "text") -> list[Mention]:
    """Convenience: events of a plain text (see :func:`extract_document`)."""
    return extract_document(Document(doc_key=doc_key, text=text, published=published))


def extract_document(doc: Document) -> list[Mention]:
    """The events a document tells, one :class:`~sigact.model.Mention` each (in text order)."""
    text = doc.text
    if not text or not text.strip():
        return []
    geo: Any = _DocGeocoder(Geocoder.default())
    reg = Registry.default()
    clf = EventClassifier.default()
    published = doc.published
    hint = _country_hint(text)
    # no country named (most short notes): the wording model's guess (Mali or Burkina Faso, learned on the
    # train split) is the geocoder's hint, so same-named villages of the two countries are told apart;
    # events placed with it say so (source_fields "place_hint": "wording")
    guessed_hint = clf.country(text) if hint is None else None
    reference = reference_date(text, published)
    sents = analyse_sentences(text, reference)
    drafts = _group(sents, text, geo, hint or guessed_hint, reference)
    if not drafts:
        return []
    evid = [" ".join(s.text.strip() for s in d.sents) for d in drafts]
    starts = sorted({d.sents[0].start for d in drafts})
    prev_of = {b.start: a for a, b in zip(sents, sents[1:], strict=False)}
    # a short text that tells one event (a note, a SIGACT line, a brief) is classified whole, as the model
    # was trained (on notes of up to ~450 characters); a long report by each event's own sentences
    whole = len(drafts) == 1 and len(text) <= _WHOLE_TEXT_CHARS
    preds = clf.predict([text] if whole else evid)
    mentions: list[Mention] = []
    for idx, (d, evidence, pred) in enumerate(zip(drafts, evid, preds, strict=True)):
        event_type, sub, rule = apply_rules(evidence, pred)
        country = d.place.country if d.place is not None else (hint or _actor_country(reg, evidence, d.date))
        country_guessed = False
        if country is None:
            country, country_guessed = clf.country(evidence), True
        focus_start = d.sents[0].start
        # actors may be named in the sentence just before ("Militants entered X. Two were wounded.")
        before = prev_of.get(focus_start)
        if (
            before is not None
            and not before.is_event
            and not detect.is_boilerplate(before.text)
            and ("\n\n" not in text[before.end : focus_start])
        ):
            focus_start = before.start
        # the roles may be told in the sentences that follow ("The device was planted by JNIM")
        nxt = next((x for x in starts if x > d.sents[-1].start), len(text))
        span_end = max(d.sents[-1].end, min(nxt, d.sents[-1].end + 300))
        span_text = text[focus_start:span_end]
        roles, event_type, sub = _consistent_roles(
            span_text, event_type, sub, country, d.date, reg, (0, d.sents[0].end - focus_start)
        )
        # tolls are often told in the sentences that follow ("9 dead.", "No casualties reported.")
        tail = [
            x.text for x in sents
            if d.sents[-1].end <= x.start < nxt and not x.is_event and len(x.text) <= 120
            and not detect.is_aggregate(x.text) and not _overall_toll(x.text)
        ][:2]  # fmt: skip
        # and further on, in sentences that tell no event of their own ("Initially, the death toll was
        # estimated at 60."), up to the next event
        tail += [
            x.text for x in sents
            if d.sents[0].start < x.start < nxt and x not in d.sents and not x.is_event and x.text not in tail
            and _TOLL_SENTENCE.search(x.text) and not detect.is_aggregate(x.text)
            and not _overall_toll(x.text) and not detect.is_background(x.text, x.dates, x.date is not None)
        ][:3]  # fmt: skip
        fatalities, fatalities_estimated = count_fatalities_estimated(" ".join([evidence, *tail]))
        if sub in ("Peaceful protest", "Protest with intervention"):
            fatalities = 0  # deaths told in a protest report are its cause ("over the death of ..."), not its toll
            fatalities_estimated = False
        if d.share[1] > 1:
            # the list's figure is shared among its places; a place told again in sentences of its own
            # ("The first assault occurred in A, where ... 30 soldiers were killed") has its own toll, whole
            own_told = [x.text for x in d.sents[1:]]
            own = count_fatalities_estimated(" ".join([*own_told, *tail]))[0] if own_told else 0
            if own > 0:
                fatalities = own
            else:
                i, n = d.share
                fatalities = fatalities // n + (1 if i < fatalities % n else 0)
        tag_list = tags.find_tags(evidence)
        civ = CIVILIAN_TARGETING if (roles.inter2 == 7 and event_type in (
            "Violence against civilians", "Explosions/Remote violence")) else None  # fmt: skip
        confidence = pred.confidence if rule is None else max(pred.confidence, 0.7)
        p = d.place
        if p is None and country is not None:
            # the country is known now (from the actors, or a guess from the wording): with it as a hint the
            # geocoder can resolve names it would not pick blind, or fall back to the country's admin unit
            p = geo.locate(text, focus=(d.sents[0].start, d.sents[-1].end), country_hint=country)
        confidence *= (1.0 if d.dated else 0.8) * (1.0 if p is not None else 0.8)
        source_fields: dict[str, Any] = {"extractor": EXTRACTOR_VERSION}
        if rule:
            source_fields["rule"] = rule
        if roles.actor1_suspected:
            source_fields["actor1_suspected"] = True
        if country_guessed or (guessed_hint is not None and p is not None and p.start < 0):
            # no place or country named (the place is the guessed country's capital): a learned guess
            source_fields["country_from"] = "wording"
            confidence *= 0.8
        elif guessed_hint is not None and p is not None:
            source_fields["place_hint"] = "wording"  # a place named; the guessed country chose among namesakes
        if not d.dated:
            source_fields["date_from"] = "publication" if published else "unknown"
        elif reference is None and not any(e.year is not None for s in d.sents for e in s.dates):
            # a day and month but no year anywhere, and no publication date: the year is a guess
            # (the latest such day on or before ingest); below the review queue's confidence line
            source_fields["date_assumed"] = "year from ingest date"
            confidence = min(confidence * 0.7, 0.45)
        event = Event(
            id=stable_id("EXT", doc.sha256, idx),
            origin="extracted",
            status="automatic",
            confidence=round(min(max(confidence, 0.0), 1.0), 3),
            evidence=evidence,
            event_date=d.date,
            time_precision=d.precision,
            event_type=event_type,
            sub_event_type=sub,
            actor1=roles.actor1,
            assoc_actor_1=roles.assoc_actor_1,
            inter1=roles.inter1,
            actor2=roles.actor2,
            assoc_actor_2=roles.assoc_actor_2,
            inter2=roles.inter2,
            civilian_targeting=civ,
            iso=p.iso if p else None,
            country=country,
            admin1=p.admin1 if p else None,
            admin2=p.admin2 if p else None,
            admin3=p.admin3 if p else None,
            location=p.location if p else None,
            latitude=p.latitude if p else None,
            longitude=p.longitude if p else None,
            geo_precision=p.geo_precision if p else None,
            source=doc.url or doc.title or doc.doc_key,
            notes=evidence[:2000],
            fatalities=fatalities,
            tags=tags.acled_tags(tag_list),
            tags_list=tag_list,
            source_fields=source_fields,
        )
        mentions.append(
            Mention(
                event=event,
                document_sha256=doc.sha256,
                doc_key=doc.doc_key,
                mention_index=idx,
                sentence=evidence,
                char_start=d.sents[0].start,
                char_end=d.sents[-1].end,
                extras={
                    "sentences": [[s.start, s.end] for s in d.sents],
                    "classifier": pred.sub_event_type,
                    "fatalities_estimated": fatalities_estimated,
                },
            )
        )
    return mentions
