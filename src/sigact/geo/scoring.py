"""Scoring each candidate of a name with the context of its text: countries and admin units
named, the actors' cues, feature type, population, admin seats and known conflict events."""

from __future__ import annotations

import math

from sigact.geo.actor_cues import REGION_CUE
from sigact.geo.context import TextContext
from sigact.geo.normalize import norm
from sigact.geo.places import Candidate, PlaceMention, distance_km

UCDP_BONUS = 0.3
CITY_BONUS = 0.4
CITY = 50_000  # population from which a place is a city everybody means by its name


def score_mention(m: PlaceMention, ctx: TextContext, me: int = -1) -> None:
    own = ctx.attached.get(me)
    countries = ctx.countries | {own} if own is not None else ctx.countries
    for c in m.candidates:
        s, why = c.score, c.reasons
        if countries:
            if c.iso2 in countries:
                s += 1.0
                why.append("country named")
            elif own is None and c.population >= CITY and c.level is None and m.quality >= 0.95:
                # a city everybody means by its name: "a Nigerien officer shot dead in Gao" is Mali's Gao
                why.append("other country (a city)")
            else:
                s -= 1.0
                why.append("other country")
            if ctx.hinted is not None and len(countries) > 1:
                s += 0.5 if c.iso2 == ctx.hinted else -0.5
        elif len(ctx.cued) == 1:
            if c.iso2 in ctx.cued:
                s += 0.5
                why.append("country of the actors named")
            else:
                s -= 0.3
        strong = ctx.strong - {me}
        # a city is not expected inside the units a text names ("displaced from the Mopti region
        # protested in Bamako")
        if strong and m.context_group is None and m.role == "place" and c.level is None and c.population < CITY:
            in_named = any(
                ctx.admin[level].get(norm(name or ""), set()) & strong
                for level, name in ((1, c.admin1), (2, c.admin2), (3, c.admin3))
            )
            if not in_named:
                s -= 0.6
                why.append("not in the admin units named")
        if ctx.regions and c.level is None and (c.iso2, norm(c.admin1 or "")) in ctx.regions:
            s += REGION_CUE
            why.append("where the actors named operate")
        if ctx.named(1, c.admin1, me):
            s += 0.6
            why.append(f"admin1 {c.admin1} named")
        if ctx.named(2, c.admin2, me):
            s += 0.8
            why.append(f"admin2 {c.admin2} named")
        if ctx.named(3, c.admin3, me):
            s += 0.3
            why.append(f"admin3 {c.admin3} named")
        if m.context_group is not None and not any(
            ctx.named(level, name, me) for level, name in ((1, c.admin1), (2, c.admin2), (3, c.admin3))
        ):
            s -= 1.0
            why.append("not in the admin units in parentheses")
        kind = c.feature[:1]
        if c.level is not None:
            if m.level is not None and m.level == c.level:
                s += 0.6
                why.append("admin descriptor")
            else:
                s += 0.1
        elif m.level is not None and m.level <= 2:
            s -= 0.3
        elif c.source == "user":
            s += 0.45 + 0.04 * math.log1p(c.events)
            why.append("known event location")
        elif kind == "P":
            s += 0.3 if c.feature != "P.PPLQ" else 0.0
            if c.feature in {"P.PPLA", "P.PPLA2", "P.PPLA3", "P.PPLC"}:
                s += 0.5 if c.feature in {"P.PPLA", "P.PPLC"} else 0.3
                why.append("admin seat")
            elif norm(c.name) in {norm(c.admin2 or ""), norm(c.admin3 or "")}:
                s += 0.15
                why.append("named like its commune")
        elif kind in "SL":
            s += 0.1
        if c.population > 0:
            s += 0.08 * math.log10(c.population + 1)
            if c.population >= CITY and m.level is None:
                # a city: "Bamako" is the capital before a hamlet of the same name (this only
                # ranks the name's candidates; it does not make the name the event place)
                s += CITY_BONUS
                c.city = CITY_BONUS
                why.append("city")
        if c.events > 0 and c.source != "user":
            s += UCDP_BONUS + 0.05 * math.log1p(c.events)
            why.append(f"{c.events} UCDP events")
        c.score, c.reasons = s, why
    m.candidates = dedupe(sorted(m.candidates, key=lambda c: -c.score))


def dedupe(cands: list[Candidate]) -> list[Candidate]:
    """Drop a candidate within 5 km of a better one (GeoNames and the user layer often hold the
    same village); the user layer's admin names win when it is the better one."""
    out: list[Candidate] = []
    for c in cands:
        if any(
            distance_km(c.latitude, c.longitude, o.latitude, o.longitude) < 5.0
            and (o.level is None) == (c.level is None)
            for o in out
        ):
            continue
        out.append(c)
        if len(out) >= 12:
            break
    return out
