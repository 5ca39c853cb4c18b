"""Field merging: one event's fields from every report that told it, following ACLED practice.

- **Date**: the most specific report (lowest ``time_precision``); among equally specific ones the
  earliest date (a report published the next day often dates the attack to its own day).
- **Place**: the most specific report (lowest ``geo_precision``); its location, coordinates and admin
  units are taken together, never mixed across reports.
- **Fatalities**: the most conservative figure among *specific* reports. A figure is specific when the
  report states it (``"70 soldiers were killed"``); a figure coded by convention from a vague phrase
  ("several", "dozens": 3/10/12/100 per the coding rules) only counts when no report states one. So a
  specific "70 dead" beats an unspecified "several soldiers killed" (coded 10).
- **Type, actors, notes**: from the most confident report (ties: the first linked); missing actors are
  filled from the others; associated actors and tags are united.
- **Sources**: outlet names united (``source``), the number of distinct documents kept in
  ``source_fields["source_count"]`` and their keys in ``source_fields["source_documents"]``.

Events coded by a person or imported from ACLED/UCDP (``origin`` not ``extracted``) keep their coded
fields; reports only add to their source list and count.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sigact.model import Event

# Figures the coding rules assign to vague phrases ("several" -> 10, "dozens" -> 12, ...).
CONVENTIONAL_FIGURES = frozenset({3, 10, 12, 100})

_NUMBER_WORDS = {
    0: ("no", "none", "zero", "aucun"), 1: ("one", "un", "une"), 2: ("two", "deux"), 3: ("three", "trois"),
    4: ("four", "quatre"), 5: ("five", "cinq"), 6: ("six",), 7: ("seven", "sept"), 8: ("eight", "huit"),
    9: ("nine", "neuf"), 10: ("ten", "dix"), 11: ("eleven", "onze"), 12: ("twelve", "douze"),
    20: ("twenty", "vingt"), 30: ("thirty", "trente"), 40: ("forty", "quarante"), 50: ("fifty", "cinquante"),
    100: ("hundred", "cent"),
}  # fmt: skip

_DEATH_WORDS = (
    r"kill\w*|dead|deaths?|died|dying|lives|bodies|casualt\w*|fatalit\w*|toll|executed|massacred|slain|"
    r"tu[ée]s?|tuant|morts?|décès|décédé\w*|victimes|bilan|exécuté\w*|massacré\w*"
)

# Fields an extracted event gets from the merge of its reports (everything ACLED codes except ids/stamps).
PLACE_FIELDS = (
    "location", "latitude", "longitude", "geo_precision", "country", "iso", "region",
    "admin1", "admin2", "admin3",
)  # fmt: skip
CODING_FIELDS = (
    "event_type", "sub_event_type", "disorder_type", "actor1", "inter1", "actor2", "inter2",
    "interaction", "civilian_targeting", "source_scale", "notes",
)  # fmt: skip


@dataclass
class Report:
    """One report of an event: the event as that report told it, and where it was told."""

    event: Event
    sentence: str | None = None
    doc_key: str | None = None
    document: str | None = None  # document SHA-256
    extras: dict[str, Any] = field(default_factory=dict)


_NO_DEATHS = re.compile(
    r"\bno (?:one|body|deaths?|casualt\w*|fatalit\w*|victims?|loss of life)\b|\bnobody\b|without (?:causing )?"
    r"(?:any )?(?:casualt\w*|deaths?|victims?)|\bzero (?:deaths?|casualt\w*)|\bunharmed\b|"
    r"\b(?:aucune?|pas de|sans (?:faire )?(?:de )?)\s*(?:victimes?|morts?|pertes?)\b|\bpersonne n'a été tué"
)


def figure_is_specific(report: Report) -> bool:
    """Whether the report's fatality figure is stated rather than coded from a vague phrase.

    The extractor may say so explicitly (``extras["fatalities_estimated"]`` or
    ``source_fields["fatalities_estimated"]``); otherwise a conventional figure (3/10/12/100) is specific
    only when the evidence states it, in digits or words, within a few words of a death word.
    """
    value = report.event.fatalities
    if value is None:
        return False
    if value == 0:
        # ACLED codes 0 when a report mentions no deaths; only a report that SAYS nobody died is a specific 0
        # (a silent report must not undercut another's stated toll when they are merged)
        text = (report.sentence or report.event.evidence or report.event.notes or "").lower()
        return _NO_DEATHS.search(text) is not None
    for flags in (report.extras, report.event.source_fields):
        if "fatalities_estimated" in flags:
            return not bool(flags["fatalities_estimated"])
    if value not in CONVENTIONAL_FIGURES:
        return True
    text = (report.sentence or report.event.evidence or report.event.notes or "").lower()
    number = "(?:" + "|".join([rf"(?<![\d,.]){value}(?![\d,])", *(rf"\b{w}\b" for w in _NUMBER_WORDS.get(value, ()))]) \
        + r")(?!\s+(?:days?|weeks?|months?|years?|hours?|km|kilomet\w*|jours?|semaines?|mois|ans))"
    # the figure must be tied to a death word nearby ("3 soldiers were killed", "killing three")
    near = r"(?:\W+\w+){0,5}?\W+"
    return re.search(rf"(?:{number}){near}(?:{_DEATH_WORDS})|(?:{_DEATH_WORDS}){near}(?:{number})", text) is not None


def conservative_fatalities(reports: Sequence[Report]) -> int | None:
    """The lowest stated figure; the lowest conventional one when none is stated; None if unknown."""
    specific = [r.event.fatalities for r in reports if r.event.fatalities is not None and figure_is_specific(r)]
    if specific:
        return min(v for v in specific if v is not None)
    vague = [r.event.fatalities for r in reports if r.event.fatalities is not None]
    return min(v for v in vague if v is not None) if vague else None


def _split(value: str | None) -> list[str]:
    return [p.strip() for p in (value or "").split(";") if p.strip()]


def _union(values: Sequence[str | None]) -> str | None:
    seen: list[str] = []
    for value in values:
        for part in _split(value):
            if part not in seen:
                seen.append(part)
    return "; ".join(seen) if seen else None


def _primary(reports: Sequence[Report]) -> Report:
    best = reports[0]
    for r in reports[1:]:
        if (r.event.confidence or 0.0) > (best.event.confidence or 0.0):
            best = r
    return best


def source_summary(reports: Sequence[Report]) -> dict[str, Any]:
    """``source_count`` (distinct documents) and ``source_documents`` (their keys, in order)."""
    keys: list[str] = []
    seen: set[str] = set()
    for r in reports:
        ident = r.document or r.doc_key
        if ident and ident not in seen:
            seen.add(ident)
            keys.append(r.doc_key or ident[:12])
    return {"source_count": len(keys), "source_documents": keys}


def fold(reports: Sequence[Report], base: Event | None = None) -> dict[str, Any]:
    """The merged field values for an event told by ``reports`` (at least one).

    ``base`` is the stored event; when it was coded by a person or imported (``origin`` other than
    ``extracted``) only its source fields change.
    """
    if not reports:
        raise ValueError("fold needs at least one report")
    summary = source_summary(reports)
    if base is not None and base.origin != "extracted":
        fields = dict(base.source_fields)
        fields.update(summary)
        fields["source_count"] = summary["source_count"] + 1  # the coded record itself
        return {"source_fields": fields}

    primary = _primary(reports)
    out: dict[str, Any] = {name: getattr(primary.event, name) for name in CODING_FIELDS}

    # date: most specific, then earliest
    dated = min(reports, key=lambda r: (r.event.time_precision, r.event.event_date))
    out["event_date"] = dated.event.event_date
    out["year"] = dated.event.event_date.year
    out["time_precision"] = dated.event.time_precision

    # place: most specific report, fields taken together
    placed = [r for r in reports if r.event.geo_precision is not None]
    where = min(placed, key=lambda r: r.event.geo_precision or 9) if placed else primary
    for name in PLACE_FIELDS:
        out[name] = getattr(where.event, name)

    # actors: fill the gaps of the primary report from the others
    for name, inter in (("actor1", "inter1"), ("actor2", "inter2")):
        if out[name] is None:
            for r in reports:
                if getattr(r.event, name):
                    out[name], out[inter] = getattr(r.event, name), getattr(r.event, inter)
                    break
    if out["inter1"] is not None:
        from sigact import taxonomy

        out["interaction"] = taxonomy.interaction_code(out["inter1"], out["inter2"])
    out["assoc_actor_1"] = _union([r.event.assoc_actor_1 for r in reports])
    out["assoc_actor_2"] = _union([r.event.assoc_actor_2 for r in reports])

    out["fatalities"] = conservative_fatalities(reports)
    out["source"] = _union([r.event.source for r in reports])
    out["tags"] = _union([r.event.tags for r in reports])
    tags: list[str] = []
    for r in reports:
        tags.extend(t for t in r.event.tags_list if t not in tags)
    out["tags_list"] = tags
    confidences = [r.event.confidence for r in reports if r.event.confidence is not None]
    out["confidence"] = max(confidences) if confidences else None
    sentences: list[str] = []
    for r in reports:
        s = r.sentence or r.event.evidence
        if s and s not in sentences:
            sentences.append(s)
    out["evidence"] = "\n".join(sentences) if sentences else None
    fields = dict(base.source_fields) if base is not None else dict(primary.event.source_fields)
    fields.update(summary)
    out["source_fields"] = fields
    return out
