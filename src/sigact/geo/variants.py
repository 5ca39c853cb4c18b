"""Spelling variants inside the units a text states: "Toladje (Niono, Segou)" is a village of
Niono spelt differently in GeoNames, not an exact homonym elsewhere."""

from __future__ import annotations

from sigact.geo.context import FORMER_REGION, TextContext, units_named
from sigact.geo.gazetteer import Entry, Gazetteer
from sigact.geo.normalize import LEVEL_WORDS, compact, norm
from sigact.geo.places import PlaceMention, make_candidate
from sigact.geo.wording import STOPWORDS, country_after

CONSTRAINED_CUTOFF = 70.0  # rapidfuzz ratio for spellings looked for only inside the units named


def constrain(gaz: Gazetteer, text: str, mentions: list[PlaceMention], ctx: TextContext) -> None:
    """Spelling variants inside the units the text states beat exact names outside them.

    - "X (Admin2, Admin1)": when no candidate of X lies in the units in parentheses, look for
      looser spellings of X (rapidfuzz cut-off 70) among the places inside them;
    - "Diaka in Tenenkou Cercle", "X, Soum province": when no candidate of X lies in the units
      the text states with a descriptor or in parentheses, spellings of X within the usual
      fuzzy cut-off (84; 86 when only regions are stated) inside them;
    - "X, Burkina Faso" or a text naming its country: when no candidate of X is in a country
      the text names, look for spellings of X (cut-off 80) in those countries.
    Candidates found are added; scoring then prefers them by their admin units and country."""
    for m in mentions:
        if m.role != "place" or any(c.level is not None for c in m.candidates):
            continue
        have = {c.entry_index for c in m.candidates}
        extra: list[tuple[int, float]] = []
        if m.context_group is not None:
            inner = text[m.context_group[0] + 1 : m.context_group[1] - 1]
            parts = [norm(p) for p in inner.split(",") if p.strip()]
            units = set(parts)

            def inside(e: Entry, parts: list[str] = parts) -> bool:
                # "(Admin2, Admin1)": the first part is the smallest unit, the last the region
                small = {norm(e.admin2 or ""), norm(e.admin3 or "")}
                if len(parts) >= 2:
                    region = norm(e.admin1 or "")
                    return parts[0] in small and parts[-1] in {region, FORMER_REGION.get(region)}
                return bool(parts) and (parts[0] in small or parts[0] == norm(e.admin1 or ""))

            def anywhere(e: Entry, units: set[str] = units) -> bool:
                return bool(units & {norm(e.admin1 or ""), norm(e.admin2 or ""), norm(e.admin3 or "")})

            # only ACLED's two-part "(Admin2, Admin1)", and only when no candidate is in any of
            # the units named (GeoNames' admin-2 of a village is sometimes the neighbouring one)
            if (
                len(parts) >= 2
                and norm(m.surface) not in STOPWORDS
                and norm(m.surface) not in LEVEL_WORDS
                and not any(anywhere(gaz.entries[c.entry_index]) for c in m.candidates)
            ):
                extra = [
                    (i, q) for i, q in fuzzy_all(gaz, m.surface, CONSTRAINED_CUTOFF)
                    if i not in have and inside(gaz.entries[i])
                ]  # fmt: skip
        elif (named := units_named(ctx, mentions.index(m))) and norm(m.surface) not in STOPWORDS:
            # "Diaka in Tenenkou Cercle", "X, Soum province": the same, for units the text
            # names with a descriptor elsewhere
            def in_named(e: Entry, named: set[tuple[int, str]] = named) -> bool:
                return any((lv, norm(a or "")) in named for lv, a in ((1, e.admin1), (2, e.admin2), (3, e.admin3)))

            if not any(in_named(gaz.entries[c.entry_index]) for c in m.candidates):
                cutoff = 86.0 if all(lv == 1 for lv, _ in named) else 84.0
                extra = [
                    (i, q) for i, q in fuzzy_all(gaz, m.surface, cutoff)
                    if i not in have and gaz.entries[i].level is None and in_named(gaz.entries[i])
                ]  # fmt: skip
        elif (
            m.candidates
            and (cc := country_after(text, m.end)) is not None
            and not any(c.iso2 == cc for c in m.candidates)
        ):
            named_cc = {cc}
            extra = [
                (i, q) for i, q in fuzzy_all(gaz, m.surface, 80.0)
                if i not in have and gaz.entries[i].cc in named_cc
                and gaz.entries[i].level is None
            ]  # fmt: skip
        if extra:
            m.candidates += [make_candidate(gaz, i, q, m.surface) for i, q in extra]
            for c in m.candidates[-len(extra) :]:
                c.reasons.append("spelling variant inside the units named")


def fuzzy_all(gaz: Gazetteer, name: str, cutoff: float) -> list[tuple[int, float]]:
    """Spelling variants even when the name also matches exactly (exact hits lie elsewhere)."""
    c = compact(name)
    if len(c) < 4:
        return []
    from rapidfuzz import fuzz, process

    pool = gaz._fuzzy_pool.get(c[:1], [])
    best: dict[int, float] = {}
    # the same compact key first: an exact match of one spelling hides the others
    # ("In Deliman" is a well's name; "I-n-Délimane" the wadi in the units named)
    for i in gaz.by_compact.get(c, ()):
        best[i] = 0.95
    for key, score, _ in process.extract(c, pool, scorer=fuzz.ratio, score_cutoff=cutoff, limit=20):
        if key == c:
            continue
        for i in gaz.by_compact[key]:
            best[i] = max(best.get(i, 0.0), 0.9 * score / 100.0)
    return sorted(best.items(), key=lambda kv: -kv[1])
