"""The filter vocabulary for selecting events, shared by the CLI, the Python API and the web API.

An :class:`EventFilter` is plain data; :func:`where_clauses` turns it into SQLAlchemy conditions on
the ``events`` table (bound parameters only, never formatted SQL).

Vocabulary (every field optional; list fields match any of their values, fields combine with AND):

- ``date_from`` / ``date_to``: inclusive date range.
- ``country``, ``admin1``, ``admin2``: places in ACLED's spelling.
- ``region_group``: named groupings of places ("central Mali" = Mopti + Segou), defined in a config
  file (see :mod:`sigact.analyze.regions`), not in code.
- ``actor`` with ``actor_role`` "actor1" (initiator side), "actor2" (target side) or "any"
  ("involving"). A name is expanded through the actor registry (aliases, sub-groups, period
  variants) when it is installed; a name also matches its ACLED variants ``NAME (...)`` (country or
  period) and ``NAME: ...`` (full name after an acronym). Uncertain attributions ``A and/or B`` are
  only matched when ``include_uncertain`` is set.
- ``initiator_type`` / ``target_type``: actor types from ACLED ``inter1`` / ``inter2`` codes, as
  numbers or names ("state", "rebel", "political militia", "identity militia", "rioters",
  "protesters", "civilians", "external").
- ``event_type`` / ``exclude_event_type`` (legacy ACLED event types count as their current type),
  ``sub_event_type`` / ``exclude_sub_event_type``.
- ``civilian_targeting``: True / False. Where the column is empty (older ACLED exports, extraction)
  an event counts as civilian targeting when its target side is civilians (``inter2`` = 7).
- ``disorder_type``: "Political violence", "Demonstrations", "Strategic developments"; where the
  column is empty it is derived from the event type (Battles, Explosions/Remote violence and
  Violence against civilians are political violence; Protests and Riots demonstrations).
- ``tags`` / ``exclude_tags``: weapons/tactics tags, matched in ``tags_list`` (extraction) and
  ACLED's ``tags`` text (case-insensitive substring).
- ``status``, ``origin``, ``ids``; ``include_merged`` / ``include_rejected``: whether events merged
  into another / rejected in review count. ``None`` leaves it to the caller: the store's readers
  include them, :mod:`sigact.analyze` leaves them out (so a duplicate is not counted twice).
- ``exclude``: a list of nested filters; events matching any of them are removed (e.g. "IED attacks
  initiated by JNIM").
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import Any

from sqlalchemy import ColumnElement, String, and_, case, cast, false, func, not_, or_, true

from sigact import taxonomy
from sigact.store.schema import events

ACTOR_ROLES = ("actor1", "actor2", "any")

# Names a user may give for ACLED's actor types (inter codes).
INTER_ALIASES: dict[str, int] = {
    "state": 1,
    "state forces": 1,
    "rebel": 2,
    "rebels": 2,
    "rebel groups": 2,
    "political militia": 3,
    "political militias": 3,
    "identity militia": 4,
    "identity militias": 4,
    "communal militia": 4,
    "rioters": 5,
    "protesters": 6,
    "civilians": 7,
    "external": 8,
    "external/other forces": 8,
    "other": 8,
}

_LIST_FIELDS = (
    "country", "admin1", "admin2", "region_group", "actor", "initiator_type", "target_type",
    "event_type", "exclude_event_type", "sub_event_type", "exclude_sub_event_type", "tags",
    "exclude_tags", "status", "origin", "ids", "disorder_type",
)  # fmt: skip


@dataclass
class EventFilter:
    """Which events to select. Empty fields select everything; list fields match any of their values."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    country: Sequence[str] = field(default_factory=list)
    admin1: Sequence[str] = field(default_factory=list)
    admin2: Sequence[str] = field(default_factory=list)
    region_group: Sequence[str] = field(default_factory=list)
    actor: Sequence[str] = field(default_factory=list)
    actor_role: str = "any"  # "actor1", "actor2" or "any" (involving)
    include_uncertain: bool = False
    actor_subgroups: bool = True  # False: the actor itself (all its spellings/periods), not its sub-groups
    initiator_type: Sequence[int | str] = field(default_factory=list)
    target_type: Sequence[int | str] = field(default_factory=list)
    event_type: Sequence[str] = field(default_factory=list)
    exclude_event_type: Sequence[str] = field(default_factory=list)
    sub_event_type: Sequence[str] = field(default_factory=list)
    exclude_sub_event_type: Sequence[str] = field(default_factory=list)
    tags: Sequence[str] = field(default_factory=list)
    exclude_tags: Sequence[str] = field(default_factory=list)
    status: Sequence[str] = field(default_factory=list)
    origin: Sequence[str] = field(default_factory=list)
    civilian_targeting: bool | None = None
    disorder_type: Sequence[str] = field(default_factory=list)
    ids: Sequence[str] = field(default_factory=list)
    include_merged: bool | None = None  # None: the caller's default (store: include; analytics: leave out)
    include_rejected: bool | None = None  # None: as above
    exclude: Sequence[EventFilter] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not self.to_dict()

    def to_dict(self) -> dict[str, Any]:
        """The fields that differ from the defaults, JSON-safe (dates as ISO strings)."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            default = f.default_factory() if callable(f.default_factory) else f.default  # type: ignore[misc]
            if value == default or (isinstance(value, (list, tuple)) and not value and not default):
                continue
            if isinstance(value, dt.date):
                out[f.name] = value.isoformat()
            elif f.name == "exclude":
                out[f.name] = [sub.to_dict() for sub in value]
            elif isinstance(value, tuple):
                out[f.name] = list(value)
            else:
                out[f.name] = value
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> EventFilter:
        """Build a filter from plain data (JSON, query parameters). Unknown keys raise ``ValueError``;
        a single string for a list field is accepted."""
        known = {f.name for f in fields(cls)}
        unknown = set(data) - known
        if unknown:
            raise ValueError(f"unknown filter field(s): {', '.join(sorted(unknown))}")
        kwargs: dict[str, Any] = {}
        for key, value in data.items():
            if value is None:
                continue
            if key in ("date_from", "date_to") and isinstance(value, str):
                kwargs[key] = dt.date.fromisoformat(value)
            elif key == "exclude":
                kwargs[key] = [v if isinstance(v, EventFilter) else cls.from_dict(v) for v in value]
            elif key in _LIST_FIELDS:
                kwargs[key] = [value] if isinstance(value, (str, int)) else list(value)
            else:
                kwargs[key] = value
        flt = cls(**kwargs)
        flt.validate()
        return flt

    def validate(self) -> None:
        """Raise ``ValueError`` for values no event could have (bad role, unknown actor type...)."""
        if self.actor_role not in ACTOR_ROLES:
            raise ValueError(f"actor_role must be one of {', '.join(ACTOR_ROLES)}")
        for value in [*self.initiator_type, *self.target_type]:
            inter_code(value)
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValueError("date_from is after date_to")
        for sub in self.exclude:
            sub.validate()


def inter_code(value: int | str) -> int:
    """ACLED inter code for a number or an actor-type name ("state", "rebel", "identity militia"...)."""
    if isinstance(value, int) or (isinstance(value, str) and value.strip().isdigit()):
        code = int(value)
        if code in taxonomy.INTER_CODES:
            return code
    else:
        key = value.strip().lower()
        if key in INTER_ALIASES:
            return INTER_ALIASES[key]
        if key in taxonomy.INTER_BY_NAME:
            return taxonomy.INTER_BY_NAME[key]
    names = ", ".join(sorted(set(INTER_ALIASES)))
    raise ValueError(f"unknown actor type {value!r} (use 0-8 or one of: {names})")


def event_type_values(names: Iterable[str]) -> list[str]:
    """Stored ``event_type`` values that mean the given (current) types, legacy spellings included."""
    out: list[str] = []
    for name in names:
        current = taxonomy.current_event_type(name)
        out.append(name)
        out.append(current)
        out.extend(legacy for legacy, cur in taxonomy.LEGACY_EVENT_TYPES.items() if cur == current)
    return sorted(set(out))


def _registry() -> Any:
    """The ACTORS engineer's registry, or None when it is not installed or fails to load."""
    try:
        module = importlib.import_module("sigact.actors")
        return module.Registry.default()
    except Exception:  # noqa: BLE001 - registry absent or failing: filters fall back to literal names
        return None


@functools.lru_cache(maxsize=1024)
def _actor_names_cached(name: str, subgroups: bool) -> tuple[str, ...]:
    return tuple(_actor_names(name, subgroups))


def actor_names(name: str, subgroups: bool = True) -> list[str]:
    """Names an actor filter value stands for (see :func:`_actor_names`); cached per process."""
    return list(_actor_names_cached(name, subgroups))


def _actor_names(name: str, subgroups: bool = True) -> list[str]:
    """Names an actor filter value stands for: itself, plus the registry's canonical name and, with
    ``subgroups``, its expansion (sub-groups, period variants, ACLED spellings) when the registry is
    available."""
    names = [name]
    registry = _registry()
    if registry is not None:
        try:
            canonical = registry.canonical(name)
            names.extend([canonical] if canonical else [])
            if subgroups:
                names.extend(registry.expand(canonical or name) or [])
        except Exception:  # noqa: BLE001 - a registry error must not break a filter
            pass
    return list(dict.fromkeys(n for n in names if n))


def _prefix_range(col: Any, prefix: str) -> ColumnElement[bool]:
    """``col`` starts with ``prefix`` (a range test, so an index on ``col`` can serve it)."""
    upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    return and_(col >= prefix, col < upper)


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _actor_value_clause(col: Any, name: str, uncertain: bool) -> ColumnElement[bool]:
    """One actor column (not a list) holds ``name`` or one of its ACLED variants."""
    clause = or_(col == name, _prefix_range(col, name + " ("), _prefix_range(col, name + ":"))
    if uncertain:
        esc = _like_escape(name)
        clause = or_(clause, col.like(f"{esc}% and/or %", escape="\\"), col.like(f"% and/or {esc}%", escape="\\"))
    elif " and/or " not in name:
        clause = and_(clause, or_(col == name, not_(col.like("% and/or %"))))
    return clause


def _assoc_clause(col: Any, name: str, uncertain: bool) -> ColumnElement[bool]:
    """An ``assoc_actor`` column (``"A; B"`` list) holds ``name`` or one of its variants."""
    esc = _like_escape(name)
    parts = []
    for pattern in (esc, f"{esc} (%", f"{esc}:%"):
        parts.extend([col.like(pattern, escape="\\"), col.like(f"{pattern}; %", escape="\\"),
                      col.like(f"%; {pattern}", escape="\\"), col.like(f"%; {pattern}; %", escape="\\")])
    # a cheap containment test first, so the precise patterns run only on candidate rows
    clause = and_(col.like(f"%{esc}%", escape="\\"), or_(*parts))
    if not uncertain and " and/or " not in name:
        clause = and_(clause, not_(col.like("% and/or %")))
    return clause


def _prune(names: list[str]) -> list[str]:
    """Drop names another name already matches as a variant (``X (2013-2020)`` under ``X``)."""
    return [n for n in names if not any(m != n and n.startswith((m + " (", m + ":")) for m in names)]


def actor_clause(
    names: Sequence[str], role: str = "any", uncertain: bool = False, subgroups: bool = True
) -> ColumnElement[bool]:
    """Events where one of ``names`` (expanded) acts in ``role`` ("actor1", "actor2" or "any")."""
    c = events.c
    sides = {"actor1": [(c.actor1, c.assoc_actor_1)], "actor2": [(c.actor2, c.assoc_actor_2)]}.get(
        role, [(c.actor1, c.assoc_actor_1), (c.actor2, c.assoc_actor_2)]
    )
    expanded = _prune(list(dict.fromkeys(n for name in names for n in actor_names(name, subgroups))))
    clauses: list[ColumnElement[bool]] = []
    for main, assoc in sides:
        for name in expanded:
            clauses.append(_actor_value_clause(main, name, uncertain))
            clauses.append(_assoc_clause(assoc, name, uncertain))
    return or_(*clauses) if clauses else false()


# kept for callers of the first version
_actor_clause = actor_clause


def _tag_clause(tag: str) -> ColumnElement[bool]:
    pattern = f"%{_like_escape(tag.strip().lower())}%"
    return or_(
        func.lower(cast(events.c.tags_list, String)).like(pattern, escape="\\"),
        func.lower(func.coalesce(events.c.tags, "")).like(pattern, escape="\\"),
    )


def _region_clause(names: Sequence[str]) -> ColumnElement[bool]:
    from sigact.analyze.regions import load_groupings  # config file; imported late (no cycle)

    groupings = load_groupings()
    clauses: list[ColumnElement[bool]] = []
    for name in names:
        group = groupings.get(name)
        if group is None:
            raise ValueError(f"unknown region grouping {name!r} (known: {', '.join(sorted(groupings)) or 'none'})")
        clauses.append(group.clause())
    return or_(*clauses)


def current_event_type_expr() -> ColumnElement[Any]:
    """``event_type`` with legacy ACLED types mapped to the current taxonomy."""
    legacy = {k: v for k, v in taxonomy.LEGACY_EVENT_TYPES.items() if k != v}
    return case(legacy, value=events.c.event_type, else_=events.c.event_type)


def disorder_type_expr() -> ColumnElement[Any]:
    """The stored ``disorder_type``, or the one the (current) event type implies when it is empty."""
    by_type: dict[str, str] = {}
    for legacy, current in taxonomy.LEGACY_EVENT_TYPES.items():
        by_type[legacy] = taxonomy.disorder_type_for(current)
    for name in taxonomy.EVENT_TYPES:
        by_type[name] = taxonomy.disorder_type_for(name)
    return func.coalesce(events.c.disorder_type, case(by_type, value=events.c.event_type, else_=None))


def civilian_targeting_expr() -> ColumnElement[Any]:
    """The stored ``civilian_targeting``; when empty, "Civilian targeting" if the target is civilians."""
    c = events.c
    return func.coalesce(c.civilian_targeting, case((c.inter2 == 7, taxonomy.CIVILIAN_TARGETING), else_=None))


def _is_not_true(cond: ColumnElement[bool]) -> ColumnElement[bool]:
    """NOT for SQL's three-valued logic: true when ``cond`` is false *or unknown* (NULL columns),
    so an exclusion never drops rows it does not match."""
    return case((cond, 1), else_=0) == 0


def where_clauses(flt: EventFilter) -> list[ColumnElement[bool]]:
    """SQLAlchemy conditions selecting the events ``flt`` describes."""
    c = events.c
    out: list[ColumnElement[bool]] = []
    if flt.date_from:
        out.append(c.event_date >= flt.date_from)
    if flt.date_to:
        out.append(c.event_date <= flt.date_to)
    for name in ("country", "admin1", "admin2", "sub_event_type", "status", "origin"):
        values = getattr(flt, name)
        if values:
            out.append(c[name].in_(list(values)))
    if flt.ids:
        out.append(c.id.in_(list(flt.ids)))
    if flt.event_type:
        out.append(c.event_type.in_(event_type_values(flt.event_type)))
    if flt.exclude_event_type:
        out.append(c.event_type.not_in(event_type_values(flt.exclude_event_type)))
    if flt.exclude_sub_event_type:
        out.append(or_(c.sub_event_type.is_(None), c.sub_event_type.not_in(list(flt.exclude_sub_event_type))))
    if flt.region_group:
        out.append(_region_clause(flt.region_group))
    if flt.actor:
        out.append(actor_clause(flt.actor, flt.actor_role, flt.include_uncertain, flt.actor_subgroups))
    if flt.initiator_type:
        out.append(c.inter1.in_(sorted({inter_code(v) for v in flt.initiator_type})))
    if flt.target_type:
        out.append(c.inter2.in_(sorted({inter_code(v) for v in flt.target_type})))
    if flt.civilian_targeting is not None:
        targeted = func.coalesce(civilian_targeting_expr(), "") == taxonomy.CIVILIAN_TARGETING
        out.append(targeted if flt.civilian_targeting else not_(targeted))
    if flt.disorder_type:
        out.append(disorder_type_expr().in_(list(flt.disorder_type)))
    if flt.tags:
        out.append(or_(*[_tag_clause(t) for t in flt.tags]))
    for tag in flt.exclude_tags:
        out.append(_is_not_true(_tag_clause(tag)))
    if flt.include_merged is False and not flt.ids:
        out.append(c.merged_into.is_(None))
    if flt.include_rejected is False and not flt.status:
        out.append(c.status != "rejected")
    for sub in flt.exclude:
        inner = where_clauses(sub)
        if inner:
            out.append(_is_not_true(and_(*inner)))
    return out


def where(flt: EventFilter | None) -> ColumnElement[bool]:
    """One condition for ``flt`` (true when it selects everything)."""
    clauses = where_clauses(flt) if flt else []
    return and_(true(), *clauses)
