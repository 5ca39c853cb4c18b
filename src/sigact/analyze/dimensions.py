"""What events can be grouped by ("dimensions"), as SQL expressions on the ``events`` table.

Most dimensions are one column (``admin1``, ``sub_event_type``...). A few are derived:

- ``event_type``: legacy ACLED types counted as their current type.
- ``disorder_type`` / ``civilian_targeting``: stored value, else derived (see :mod:`sigact.store.filters`).
- ``initiator_type`` / ``target_type``: ACLED actor types (``inter1`` / ``inter2``) by name.
- ``actor``: each actor an event involves as ``actor1`` or ``actor2`` (an event counts once per actor).
- ``region``: the named region groupings (an event counts once in every grouping it falls in).
- ``tag`` / ``tactic``: weapons/tactics tags (``tags_list`` and ACLED's ``tags``); ``tactic`` adds the
  sub-event type of explosions/remote violence (IED, suicide bomb, shelling, air/drone strike...).
  These two are computed in pandas after one SQL selection.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, func, literal, true

from sigact import taxonomy
from sigact.store.filters import civilian_targeting_expr, current_event_type_expr, disorder_type_expr
from sigact.store.schema import events

PLAIN = (
    "country", "admin1", "admin2", "admin3", "location", "sub_event_type", "actor1", "actor2",
    "assoc_actor_1", "assoc_actor_2", "status", "origin", "source_scale", "year", "inter1", "inter2",
    "interaction", "geo_precision", "time_precision", "iso", "region_acled",
)  # fmt: skip
DERIVED = ("event_type", "disorder_type", "civilian_targeting", "initiator_type", "target_type")
MULTI = ("actor", "region")
PANDAS_ONLY = ("tag", "tactic")
ALL = PLAIN + DERIVED + MULTI + PANDAS_ONLY
NOT_CIVILIAN = "Not civilian targeting"


@dataclass(frozen=True)
class Variant:
    """One way an event gets a value for a dimension: the value and when it applies."""

    value: ColumnElement[Any]
    when: ColumnElement[bool]


def check(name: str) -> str:
    if name not in ALL:
        raise ValueError(f"unknown dimension {name!r} (use one of: {', '.join(ALL)})")
    return name


def variants(name: str, regions: list[str] | None = None) -> list[Variant]:
    """The SQL variants for a dimension (one for ordinary dimensions; several for actor/region)."""
    c = events.c
    check(name)
    if name == "actor":
        return [Variant(c.actor1, c.actor1.is_not(None)), Variant(c.actor2, c.actor2.is_not(None))]
    if name == "region":
        from sigact.analyze.regions import load_groupings

        groupings = load_groupings()
        names = regions or sorted(groupings)
        return [Variant(literal(n), groupings[n].clause()) for n in names if n in groupings]
    if name == "event_type":
        return [Variant(current_event_type_expr(), true())]
    if name == "disorder_type":
        return [Variant(disorder_type_expr(), true())]
    if name == "civilian_targeting":
        return [Variant(func.coalesce(civilian_targeting_expr(), NOT_CIVILIAN), true())]
    if name == "initiator_type":
        return [Variant(c.inter1, true())]
    if name == "target_type":
        return [Variant(c.inter2, true())]
    if name == "region_acled":
        return [Variant(c.region, true())]
    if name in PANDAS_ONLY:
        raise ValueError(f"{name} is computed in pandas")
    return [Variant(c[name], true())]


def label_values(name: str, values: Any) -> Any:
    """Human labels for coded dimensions (inter codes -> actor-type names)."""
    if name in ("initiator_type", "target_type"):
        return values.map(lambda v: taxonomy.INTER_CODES.get(int(v), str(v)) if v == v and v is not None else None)
    return values
