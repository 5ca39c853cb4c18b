"""Disambiguation by the document as a whole: one report stays in one country and region
(:func:`coherence`), candidates near the text's other places are preferred (:func:`proximity`), and
a name found only in another country than the one the text is about (:func:`mark_out_of_country`)
or a loose spelling far from every other place of the text (:func:`mark_far_loose`) is not its
event place."""

from __future__ import annotations

from sigact.geo.context import TextContext
from sigact.geo.normalize import norm
from sigact.geo.places import PlaceMention, distance_km


def coherence(mentions: list[PlaceMention], ctx: TextContext) -> None:
    """Keep a document in one country and region: each candidate gains in proportion to how much
    the *other* names of the text point to its country and admin-1 ("Ogossagou ... near Boni":
    Ogossagou is only Malian, so Boni is Mali's Boni in Mopti). A name votes for the countries
    (regions) of its candidates scoring within 0.3 of its best one, one vote shared among them.
    Weaker than a country the text names or the caller's hint."""
    votes: list[tuple[dict[str, float], dict[str, float]]] = []
    for i, m in enumerate(mentions):
        by_cc: dict[str, float] = {}
        by_a1: dict[str, float] = {}
        if m.candidates and i not in ctx.attached:  # "Ayorou, Niger" is set apart from the rest
            top = m.candidates[0].score
            close = [c for c in m.candidates if top - c.score <= 0.3]
            ccs = {c.iso2 for c in close}
            a1s = {f"{c.iso2}|{norm(c.admin1 or '')}" for c in close}
            # a name matched only loosely ("Taboye" as Niger's Taboe, an alternate spelling)
            # says less about the document's country than one matched as written
            w = 0.5 if m.quality < 0.95 or "alternate name" in m.candidates[0].reasons else 1.0
            by_cc = {cc: w / len(ccs) for cc in ccs}
            by_a1 = {a: w / len(a1s) for a in a1s}
        votes.append((by_cc, by_a1))
    if sum(1 for v in votes if v[0]) < 2:
        return
    weight = 0.3 if ctx.hinted is not None else 0.7
    for i, m in enumerate(mentions):
        if len(m.candidates) < 2:
            continue
        cc_sup: dict[str, float] = {}
        a1_sup: dict[str, float] = {}
        others = 0
        for j, (by_cc, by_a1) in enumerate(votes):
            if j == i or not by_cc or norm(mentions[j].surface) == norm(m.surface):
                continue
            others += 1
            for k, v in by_cc.items():
                cc_sup[k] = cc_sup.get(k, 0.0) + v
            for k, v in by_a1.items():
                a1_sup[k] = a1_sup.get(k, 0.0) + v
        if not others:
            continue
        bonus = [
            weight * cc_sup.get(c.iso2, 0.0) / others
            + 0.4 * weight * a1_sup.get(f"{c.iso2}|{norm(c.admin1 or '')}", 0.0) / others
            for c in m.candidates
        ]
        # a penalty for the less coherent candidates: the mention's best score stays comparable
        # with the other mentions' (coherence must not make a name the event place)
        best = max(bonus)
        for c, b in zip(m.candidates, bonus, strict=True):
            if best - b > 0.05:
                c.score -= best - b
                c.reasons.append(f"less coherent with the other places (-{best - b:.2f})")
        m.candidates.sort(key=lambda c: -c.score)


def proximity(mentions: list[PlaceMention]) -> None:
    """Favour candidates near the other places of the text (only unambiguous ones count)."""

    def unambiguous(m: PlaceMention) -> bool:
        # every close rival lies near the top candidate (a town and its cercle, GeoNames and
        # the user layer for one village)
        top = m.candidates[0]
        return all(
            top.score - c.score > 0.5 or distance_km(top.latitude, top.longitude, c.latitude, c.longitude) < 40.0
            for c in m.candidates[1:]
        )

    # a region named as context ("(Bankass, Mopti)") is not a place near the event
    usable = [m for m in mentions if m.candidates and m.group_levels != (1,)]
    anchors = [m.candidates[0] for m in usable if unambiguous(m)]
    # two ambiguous names of one text that each have a candidate near the other's ("Saba ...
    # Dialloube"): those candidates support each other, a little
    rivals = {
        id(m): [c for c in m.candidates[:6] if m.candidates[0].score - c.score <= 0.3 and c.level is None]
        for m in usable if not unambiguous(m)
    }  # fmt: skip
    for m in mentions:
        if len(m.candidates) < 2:
            continue
        others = [
            c for mm in usable if mm is not m and norm(mm.surface) != norm(m.surface) for c in rivals.get(id(mm), [])
        ]
        for c in m.candidates:
            near = [
                a
                for a in anchors
                if a is not c and distance_km(c.latitude, c.longitude, a.latitude, a.longitude) < 40.0
            ]
            if near:
                c.score += 0.3
                c.reasons.append(f"near {near[0].name}")
            elif c.level is None and any(
                distance_km(c.latitude, c.longitude, o.latitude, o.longitude) < 25.0 for o in others
            ):
                c.score += 0.15
                c.reasons.append("near another place of the text")
        m.candidates.sort(key=lambda c: -c.score)


def mark_out_of_country(mentions: list[PlaceMention], ctx: TextContext) -> None:
    """A name whose every candidate lies outside the country the text is about (the countries it
    names or the caller's hint; else the one country its actors point to), and in a country no
    other name of the text lies in, is no event place (``doubtful``) when it matched only loosely
    ("Koguel" as Niger's Koguiele in a text about Burkina Faso) or when another name of the text
    lies in the text's country, other than as a destination or origin ("the Egharghar valley
    between Aguelhok and Tessalit" is not Niger's Egharghar). A name with its own country written
    after it ("Ayorou, Niger") is exempt and is no evidence for the others."""
    countries = ctx.countries or (ctx.cued if len(ctx.cued) == 1 else set())
    if not countries:
        return
    tops = [
        (norm(m.surface), m.candidates[0].iso2, m.cue > -1.0) for i, m in enumerate(mentions)
        if m.candidates and m.cue > -3.0 and i not in ctx.attached
    ]  # fmt: skip
    for i, m in enumerate(mentions):
        if not m.candidates or i in ctx.attached or any(c.iso2 in countries for c in m.candidates):
            continue
        key = norm(m.surface)
        own = {c.iso2 for c in m.candidates}
        if any(k != key and cc in own for k, cc, _ in tops) or _near_another(m, mentions):
            continue  # another name of the text lies in that country or nearby: the text is about it too
        loose = m.quality < 0.95
        if loose or any(k != key and cc in countries and told for k, cc, told in tops):
            m.doubtful = True
            for c in m.candidates:
                c.reasons.append("not in the country the text is about")


def _near_another(m: PlaceMention, mentions: list[PlaceMention]) -> bool:
    """Some candidate of another name of the text lies within 40 km of one of ``m``'s."""
    key = norm(m.surface)
    return any(
        distance_km(c.latitude, c.longitude, o.latitude, o.longitude) < 40.0
        for other in mentions if other is not m and norm(other.surface) != key
        for o in other.candidates[:12]
        for c in m.candidates[:12]
    )  # fmt: skip


FAR_KM = 150.0  # a loose spelling this far from every place named as written is a mere look-alike


def mark_far_loose(mentions: list[PlaceMention]) -> None:
    """A name matched only loosely whose every candidate lies more than FAR_KM from every place
    the text names as written (names of four letters or more, not joined to it) is no event
    place: "Goma-Coura, axis Diabaly-Nampala" is not a look-alike in Kayes 600 km from both towns."""
    named = [
        m for m in mentions
        if m.candidates and m.quality >= 0.95 and m.cue > -3.0 and not m.doubtful and len(m.surface) >= 4
    ]  # fmt: skip
    if not named:
        return
    for m in mentions:
        if m.doubtful or not m.candidates or m.quality >= 0.95:
            continue
        key = norm(m.surface)
        anchors = [
            c for o in named if norm(o.surface) != key and not (o.start <= m.end + 1 and m.start <= o.end + 1)
            for c in o.candidates[:3] if c.level is None or o.role == "context"
        ]  # fmt: skip
        if anchors and all(
            distance_km(c.latitude, c.longitude, a.latitude, a.longitude) > FAR_KM
            for c in m.candidates[:12]
            for a in anchors
        ):
            m.doubtful = True
            for c in m.candidates:
                c.reasons.append("far from every other place of the text")
