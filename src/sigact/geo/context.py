"""What a whole text says about where it happens: the countries it names (or its actors and
nationalities point to), and the admin units it names, as context for every name in it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sigact.geo.actor_cues import ACTOR_COUNTRY, ACTOR_REGIONS
from sigact.geo.gazetteer import COUNTRY_BY_NAME
from sigact.geo.normalize import norm
from sigact.geo.places import PlaceMention
from sigact.geo.wording import COUNTRY_AFTER

_GENERIC_REGIONS = frozenset({"sahel", "centre", "nord", "est", "centre nord", "centre est", "centre ouest"})

# Mali's regions created in 2016 are still often written as the region they were cut from
FORMER_REGION = {"menaka": "gao", "taoudenit": "tombouctou"}

_COUNTRY_NAME = re.compile(r"\b(Burkina[\s-]+Faso|Mali|Niger)(?:['’]?s)?\b(?!ia)", re.I)  # "Malis capital"


@dataclass(slots=True)
class TextContext:
    """Countries and admin units named in a text; admin names map to the mentions naming them."""

    countries: set[str]
    admin: dict[int, dict[str, set[int]]]
    hinted: str | None = None  # the caller's country_hint (stronger than a country named in passing)
    cued: set[str] = field(default_factory=set)  # countries only its actors point to (a weak cue)
    nationals: set[str] = field(default_factory=set)  # nationalities named ("Malian soldiers")
    attached: dict[int, str] = field(default_factory=dict)  # mention -> country written after it
    regions: set[tuple[str, str]] = field(default_factory=set)  # (iso2, admin1) the actors point to
    strong: set[int] = field(default_factory=set)  # mentions that are explicit admin context

    def named(self, level: int, name: str | None, exclude: int) -> bool:
        if not name:
            return False
        key = norm(name)
        ids = self.admin[level].get(key)
        if ids is None and level == 1 and key in FORMER_REGION:
            ids = self.admin[1].get(FORMER_REGION[key])  # "Gao" still covers Ménaka in the press
        return ids is not None and bool(ids - {exclude})


def build_context(
    text: str, mentions: list[PlaceMention], country_hint: str | None, admin_names: dict[int, set[str]]
) -> TextContext:
    """The countries, admin units and actor cues of ``text`` (``mentions`` are its names)."""
    ctx = TextContext(set(), {1: {}, 2: {}, 3: {}})
    for rx, regions in ACTOR_REGIONS:
        if rx.search(text):
            ctx.regions |= regions
    if country_hint:
        hinted = COUNTRY_BY_NAME.get(norm(country_hint))
        if hinted is None and len(country_hint) == 2:
            hinted = country_hint.upper()
        if hinted:
            ctx.countries.add(hinted)
            ctx.hinted = hinted
    folded = " " + norm(text) + " "
    # "a truck leaving Gao for Ayorou, Niger": a country written right after a place is that
    # place's country; for the other names of the text it is only a weak cue
    attached: dict[int, tuple[int, int]] = {}
    for i, m in enumerate(mentions):
        found = COUNTRY_AFTER.match(text, m.end)
        if found is not None and (cc := COUNTRY_BY_NAME.get(norm(found.group(1)))) is not None:
            ctx.attached[i] = cc
            attached[found.start(1)] = (found.end(1), i)
    for found in _COUNTRY_NAME.finditer(text):
        cc = COUNTRY_BY_NAME[norm(found.group(1))]
        if found.start() not in attached:
            ctx.countries.add(cc)
    if not ctx.countries:
        # a nationality ("a Nigerien officer", "Malian soldiers") and actors of one country are
        # weak cues: people travel, and armies cross borders
        ctx.cued |= {cc for cc, rx in ACTOR_COUNTRY.items() if rx.search(text)}
        for adj, cc in (("malian", "ML"), ("burkinabe", "BF"), ("nigerien", "NE")):
            if f" {adj} " in folded:
                ctx.cued.add(cc)
                ctx.nationals.add(cc)
    for i, m in enumerate(mentions):
        key = norm(m.surface)
        if key == "sahel" and m.cue <= -3.0:
            continue  # the belt south of the Sahara, not Burkina Faso's region (scan: is_sahel_belt)
        admin_like = m.role == "context" or m.level is not None
        # "the Mopti region" names the region, not the Mopti cercle
        levels = (m.level,) if m.level in m.group_levels else m.group_levels
        for level in levels:
            if key not in admin_names[level]:
                continue
            # region names are context wherever they appear; smaller units only when marked
            if admin_like or level == 1:
                ctx.admin[level].setdefault(key, set()).add(i)
            if admin_like and key not in _GENERIC_REGIONS:
                ctx.strong.add(i)
        for c in m.candidates:
            if c.level is not None and admin_like and c.level in levels:
                unit = c.admin1 if c.level == 1 else c.admin2
                ctx.admin[c.level].setdefault(norm(unit or ""), set()).add(i)
    return ctx


def units_named(ctx: TextContext, me: int) -> set[tuple[int, str]]:
    """(level, name) of the admin units the text states explicitly (a descriptor or a
    parenthesis), other than mention ``me`` itself."""
    strong = ctx.strong - {me}
    if not strong:
        return set()
    return {(level, key) for level in (1, 2, 3) for key, ids in ctx.admin[level].items() if ids & strong}
