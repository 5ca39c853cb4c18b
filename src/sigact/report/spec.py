"""What a report covers: place, actors, period and the period it is compared with."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sigact.store.filters import EventFilter


@dataclass
class ReportSpec:
    """The selection and period of one situation report.

    ``compare_to`` is ``None`` (no comparison), ``"previous"`` (the period of the same length just
    before) or an explicit ``(first, last)`` pair of dates.
    """

    date_from: dt.date
    date_to: dt.date
    country: list[str] = field(default_factory=list)
    admin1: list[str] = field(default_factory=list)
    actor: list[str] = field(default_factory=list)
    compare_to: str | tuple[dt.date, dt.date] | None = "previous"
    title: str | None = None

    def __post_init__(self) -> None:
        if self.date_to < self.date_from:
            raise ValueError("the report period ends before it starts")
        if isinstance(self.compare_to, str) and self.compare_to != "previous":
            self.compare_to = parse_compare(self.compare_to)
        if isinstance(self.compare_to, tuple) and self.compare_to[1] < self.compare_to[0]:
            raise ValueError("the comparison period ends before it starts")

    @property
    def days(self) -> int:
        return (self.date_to - self.date_from).days + 1

    def comparison(self) -> tuple[dt.date, dt.date] | None:
        """The comparison period as dates (``None`` when there is none)."""
        if self.compare_to is None:
            return None
        if self.compare_to == "previous":
            last = self.date_from - dt.timedelta(days=1)
            return last - dt.timedelta(days=self.days - 1), last
        assert isinstance(self.compare_to, tuple)
        return self.compare_to

    def base_filter(self) -> EventFilter:
        """The place/actor selection without dates."""
        return EventFilter(country=list(self.country), admin1=list(self.admin1), actor=list(self.actor))

    def filter(self) -> EventFilter:
        """The selection for the report period."""
        flt = self.base_filter()
        flt.date_from, flt.date_to = self.date_from, self.date_to
        return flt

    def area_label(self) -> str:
        """"Mopti and Segou, Mali" / "Mali" / "all countries in the store"."""
        parts = []
        if self.admin1:
            parts.append(join_names(self.admin1))
        if self.country:
            parts.append(join_names(self.country))
        return ", ".join(parts) if parts else "all areas in the store"


def parse_compare(text: str) -> tuple[dt.date, dt.date]:
    """``2019-09-01:2019-10-31`` as two dates."""
    if ":" not in text:
        raise ValueError(f"{text!r}: use 'previous' or FIRST:LAST (YYYY-MM-DD:YYYY-MM-DD)")
    a, b = text.split(":", 1)
    try:
        return dt.date.fromisoformat(a.strip()), dt.date.fromisoformat(b.strip())
    except ValueError as exc:
        raise ValueError(f"{text!r}: dates must be YYYY-MM-DD") from exc


def join_names(names: list[str]) -> str:
    """"A", "A and B", "A, B and C"."""
    names = [str(n) for n in names]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def fmt_date(day: dt.date) -> str:
    """``1 November 2019``."""
    return f"{day.day} {day.strftime('%B %Y')}"


def fmt_range(a: dt.date, b: dt.date) -> str:
    """``1 November–31 December 2019`` (years repeated only when they differ)."""
    if a.year == b.year:
        first = f"{a.day} {a.strftime('%B')}" if a.month != b.month else f"{a.day}"
        return f"{first}–{fmt_date(b)}"
    return f"{fmt_date(a)}–{fmt_date(b)}"
