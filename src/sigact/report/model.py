"""The report as data: findings with their figures and event ids, incidents, figures and notes.

A renderer only lays this out; every sentence's numbers are in ``figures`` and every claim names
the events behind it (``event_ids``) and its numbered source notes (``notes``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sigact.report.spec import ReportSpec


@dataclass
class Sentence:
    """One sentence of text and the numbers of the source notes it cites."""

    text: str
    notes: list[int] = field(default_factory=list)


@dataclass
class Finding:
    """A numbered finding: its sentences, the figures they were built from and the events behind them."""

    key: str  # "activity", "geography", "targets", "fatalities", "escalation", "tactics", "types"
    headline: str
    sentences: list[Sentence]
    figures: dict[str, Any] = field(default_factory=dict)
    event_ids: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.sentences)


@dataclass
class Incident:
    """A notable event: why it is notable, what, where, who, how many killed, and its note."""

    event_id: str
    reason: str  # "deadliest", "first use of a tactic", "attack on a town or base"
    date: dt.date
    place: str
    actors: str
    event_type: str
    fatalities: int | None
    description: str | None
    status: str
    origin: str
    note: int = 0


@dataclass
class FigureImage:
    """A PNG figure with its number and caption."""

    number: int
    name: str  # file stem, e.g. "figure-1-weekly"
    caption: str
    png: bytes
    alt: str


@dataclass
class DocumentRef:
    title: str | None
    url: str | None
    published: dt.date | None
    doc_key: str | None


@dataclass
class DatasetRef:
    name: str  # "ACLED", "UCDP GED", "manual entry"
    citation: str
    event_ids: list[str]
    original_sources: list[str] = field(default_factory=list)  # the dataset's own sources (single events)


@dataclass
class Note:
    """One numbered source note: the documents and/or dataset records a claim rests on."""

    number: int
    about: str  # what it supports, e.g. "Finding 1", "Incident: 2019-11-01 Indelimane"
    documents: list[DocumentRef] = field(default_factory=list)
    datasets: list[DatasetRef] = field(default_factory=list)
    event_ids: list[str] = field(default_factory=list)


@dataclass
class Report:
    spec: ReportSpec
    title: str
    subtitle: str
    generated_at: dt.datetime
    empty: bool
    takeaway: list[Sentence]
    findings: list[Finding]
    incidents: list[Incident]
    figures: list[FigureImage]
    methods: list[str]
    notes: list[Note]
    stats: dict[str, Any] = field(default_factory=dict)

    def finding(self, key: str) -> Finding | None:
        return next((f for f in self.findings if f.key == key), None)
