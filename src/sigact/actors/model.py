"""The records of the actor registry: :class:`Actor` (one ACLED actor name) and :class:`ActorMention`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# Kinds of mentions found in texts.
NAMED = "named"
STATE_MILITARY = "state_military"
STATE_POLICE = "state_police"
ARMED_GENERIC = "armed_generic"
CIVILIANS = "civilians"
PROTESTERS = "protesters"
RIOTERS = "rioters"
GENERIC_KINDS = (STATE_MILITARY, STATE_POLICE, ARMED_GENERIC, CIVILIANS, PROTESTERS, RIOTERS)


@dataclass(slots=True)
class Actor:
    """One actor name of the registry.

    ``family`` groups period-specific names of one actor ("Military Forces of Mali (2013-2020)" and
    "(2021-)"; "Islamic State (Greater Sahara)" and "Islamic State Sahel Province"); ``start``/``end`` bound
    the period (inclusive, ``None`` = open). ``role`` is set for generated names (military, police,
    gendarmerie, government, civilians, unidentified, protesters, rioters...). ``acled_names`` are other
    spellings ACLED used for the same actor; they are kept as they are by :meth:`Registry.canonical`.
    """

    name: str
    inter: int | None = None
    country: str | None = None
    parent: str | None = None
    family: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    role: str | None = None
    aliases: list[str] = field(default_factory=list)
    acled_names: list[str] = field(default_factory=list)
    origin: str = "registry"

    def covers(self, date: dt.date | None) -> bool:
        """True when ``date`` falls in this name's period (always true without a date or a period)."""
        if date is None:
            return True
        if self.start is not None and date < self.start:
            return False
        return not (self.end is not None and date > self.end)


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor mentioned in a text.

    ``kind`` is "named" when ``canonical`` is set, else one of the generic kinds "state_military",
    "state_police", "armed_generic", "civilians", "protesters", "rioters". ``qualifier`` is "suspected"
    when the text says suspected / presumed / alleged. ``start``/``end`` are offsets of ``surface`` in the text.
    """

    canonical: str | None
    surface: str
    start: int
    end: int
    inter: int | None
    kind: str
    qualifier: str | None = None
