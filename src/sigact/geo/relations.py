"""How the names of one phrase relate: "(Douentza, Mopti)" is admin context for the name before
it, "Soumpi, Niafunke" a place and its cercle, "X near Y" / "X [Y]" / "the X quarter of Y" a
place and its reference."""

from __future__ import annotations

import re

from sigact.geo.normalize import norm
from sigact.geo.places import PlaceMention, distance_km
from sigact.geo.wording import NEAR_GAP, PAREN, QUARTER_GAP


def mark_relations(text: str, mentions: list[PlaceMention]) -> None:
    """ACLED's conventions between two names of one phrase:

    - "X [Y]": Y is the name ACLED codes (its spelling of X);
    - "X near Y", "X, 15 km from Y", "X, north of Y", "X (40 km from Kidal)" when X is known
      only approximately, or when no X we know lies within that distance of Y: the reference
      town Y is coded, geo_precision 2;
    - "the X quarter of Y", "X market in Y": the town Y.

    ("A-B axis" and "between A and B": "between" and "axis" announce A like "in", and ACLED codes
    A most of the time.)
    """
    for a, b in zip(mentions, mentions[1:], strict=False):
        gap = text[a.end : b.start]
        if len(gap) > 60:
            continue
        if gap.strip() == "[" or re.fullmatch(r"\s*\[", gap):
            b.cue += 3.0
            b.role = "place"
            a.cue -= 1.0
        elif NEAR_GAP.search(gap):
            stated = re.search(r"(\d+)\s*(?:km|kms|kilomet|mile)", gap)
            limit = 40.0
            if re.search(r"(?:north|south|east|west)\w*\s+of", gap, re.I):
                limit = 60.0  # "Bentia, south of Ansongo": a bearing alone, up to a short drive
            if stated is not None:
                limit = float(stated.group(1)) * (1.6 if "mile" in stated.group(0) else 1.0) + 25.0
            # "X near Y" with X spelt loosely is often a hamlet ACLED codes at Y; with a
            # distance or a bearing ("50 km east of Y") the text places X itself
            placed = stated is not None or re.search(r"(?:north|south|east|west)\w*\s+of", gap, re.I)
            near = [
                ca for ca in a.candidates
                if ca.level is None and (placed or (a.quality >= 0.95 and ca.feature[:1] in "PSLHT")) and any(
                    distance_km(ca.latitude, ca.longitude, cb.latitude, cb.longitude) <= limit
                    for cb in b.candidates[:12]
                )
            ]  # fmt: skip
            if near:
                # "Garnati, 50 km east of Niafunke": X lies where the text says, so X is the
                # place (even spelt loosely) and Y only the reference
                for ca in near:
                    ca.score += 0.3
                    ca.reasons.append(f"near {b.surface} as the text says")
                a.cue = max(a.cue, b.cue, 0.5) + 0.3
                b.cue -= 1.0
            elif a.quality < 0.95 or (b.candidates and b.quality >= 0.95):
                # X known only approximately, or every X we know lies farther from Y than the text
                # says (a homonym: "Borj, 240 km from Kidal" is not the Bordj near Gao): ACLED
                # codes the reference town instead
                b.cue = max(b.cue, a.cue) + 0.6
                b.near = True
                b.role = "place"
                a.cue -= 1.0
        elif QUARTER_GAP.fullmatch(gap):
            b.cue = max(b.cue, a.cue) + 0.6
            b.role = "place"
            a.cue -= 1.5


def mark_context(text: str, mentions: list[PlaceMention], admin_names: dict[int, set[str]]) -> None:
    """Names inside a short "(X, Y)" group are admin context, not places; the name right before
    the group gets a cue (ACLED writes "in Boni (Douentza, Mopti)")."""
    admin1_names = admin_names[1]
    for group in PAREN.finditer(text):
        inner = [m for m in mentions if m.start >= group.start() and m.end <= group.end()]
        if not inner:
            continue
        last_comma = group.group(0).rfind(",")
        for m in inner:
            m.role = "context"
            if last_comma > 0:
                # "(Bankass, Mopti)": the larger unit comes last, so Mopti is the region here,
                # not the Mopti cercle ("(Arbinda, Soum)": Soum is only a province)
                if m.start < group.start() + last_comma:
                    m.group_levels = (2, 3)
                elif norm(m.surface) in admin1_names:
                    m.group_levels = (1,)
        for m in mentions:
            if 0 <= group.start() - m.end <= 2 and m.role == "place":
                m.cue += 0.8
                m.context_group = (group.start(), group.end())


def mark_unit_after(text: str, mentions: list[PlaceMention], admin_names: dict[int, set[str]]) -> None:
    """ "Soumpi, Niafunke" / "Tene, Segou": a cercle or region written right after a place that
    lies in it is that place's admin context, as in parentheses (not a second place)."""
    for a, b in zip(mentions, mentions[1:], strict=False):
        if b.role != "place" or a.role != "place" or not re.fullmatch(r",\s*", text[a.end : b.start]):
            continue
        if re.match(r"\s*(?:,\s*[A-Z]|(?:and|et|or)\s)", text[b.end : b.end + 6]):
            continue  # "Kidal, Gao and Timbuktu": a list
        key = norm(b.surface)
        levels = [lv for lv in (1, 2) if key in admin_names[lv]]
        if not levels:
            continue
        units = {(lv, key) for lv in levels}
        if any(
            (1, norm(c.admin1 or "")) in units or (2, norm(c.admin2 or "")) in units
            for c in a.candidates if c.level is None
        ):  # fmt: skip
            b.role = "context"
            b.group_levels = tuple(levels)
