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
    ``coded_as`` says under which name ACLED codes the group's events in a period (after JNIM formed in
    March 2017, ACLED codes most Ansar Dine or Katiba Serma attacks as JNIM's).
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
    # how ACLED codes this group in actor1/actor2, by period: (name, start, end); e.g. Katiba Macina -> JNIM
    coded_as: list[tuple[str, dt.date | None, dt.date | None]] = field(default_factory=list)

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
    when the text says suspected / presumed / alleged. ``coded_as`` is the name ACLED would put in
    actor1/actor2 for this mention (``canonical``, or the parent group ACLED codes it under at the date
    given to ``find``). ``start``/``end`` are offsets of ``surface`` in the text.
    """

    canonical: str | None
    surface: str
    start: int
    end: int
    inter: int | None
    kind: str
    qualifier: str | None = None
    coded_as: str | None = None
