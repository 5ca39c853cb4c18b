"""The one ``Event`` model every stage of sigact shares.

Its fields are ACLED's export columns (same names, same meaning; see ``docs/event-model.md``)
plus what automatic extraction and review need: a stable ``id``, where the event came from
(``origin``), the ``evidence`` sentence(s), a ``confidence``, a review ``status`` and the fields
an analyst set by hand (``manual_fields``, which automatic updates never overwrite).

The storage schema (``sigact.store.schema``) is generated from this model, so a field is
declared exactly once, here.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from sigact import taxonomy

# ACLED's current export columns, in ACLED's order.
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)  # fmt: skip

# Columns older ACLED exports carry besides (kept in ``Event.source_fields`` on import).
ACLED_LEGACY_COLUMNS: tuple[str, ...] = ("data_id", "event_id_no_cnty", "iso3")


class Event(BaseModel):
    """One event, coded in ACLED's schema, with its provenance and review state."""

    model_config = ConfigDict(validate_assignment=True, extra="forbid")

    # identity and provenance
    id: str = Field(description="Stable sigact id (ACLED's event_id_cnty for ACLED imports).")
    origin: str = Field(default="extracted", description="acled | ucdp | extracted | manual")
    status: str = Field(default="automatic", description="automatic | reviewed | rejected")
    confidence: float | None = Field(default=None, ge=0.0, le=1.0)
    evidence: str | None = Field(default=None, description="Supporting sentence(s), verbatim.")
    source_fields: dict[str, Any] = Field(
        default_factory=dict, description="Fields of the source record with no ACLED column."
    )
    manual_fields: list[str] = Field(
        default_factory=list, description="Fields an analyst set; automatic updates skip them."
    )
    tags_list: list[str] = Field(default_factory=list, description="Weapons/tactics tags (extraction).")
    merged_into: str | None = Field(default=None, description="Set when merged into another event.")

    # ACLED's columns
    event_id_cnty: str | None = None
    event_date: dt.date
    year: int | None = None
    time_precision: int = Field(default=1, ge=1, le=3)
    disorder_type: str | None = None
    event_type: str
    sub_event_type: str | None = None
    actor1: str | None = None
    assoc_actor_1: str | None = None
    inter1: int | None = Field(default=None, ge=0, le=8)
    actor2: str | None = None
    assoc_actor_2: str | None = None
    inter2: int | None = Field(default=None, ge=0, le=8)
    interaction: int | None = Field(default=None, ge=0, le=88)
    civilian_targeting: str | None = None
    iso: int | None = None
    region: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    location: str | None = None
    latitude: float | None = Field(default=None, ge=-90.0, le=90.0)
    longitude: float | None = Field(default=None, ge=-180.0, le=180.0)
    geo_precision: int | None = Field(default=None, ge=1, le=3)
    source: str | None = None
    source_scale: str | None = None
    notes: str | None = None
    fatalities: int | None = Field(default=None, ge=0, description="None when unknown.")
    tags: str | None = None
    timestamp: int | None = None

    @field_validator("origin")
    @classmethod
    def _origin(cls, value: str) -> str:
        if value not in taxonomy.ORIGINS:
            raise ValueError(f"origin must be one of {', '.join(taxonomy.ORIGINS)}")
        return value

    @field_validator("status")
    @classmethod
    def _status(cls, value: str) -> str:
        if value not in taxonomy.STATUSES:
            raise ValueError(f"status must be one of {', '.join(taxonomy.STATUSES)}")
        return value

    @model_validator(mode="after")
    def _derived(self) -> Event:
        # Derived columns are filled when missing, never overwritten: an import keeps the file's values.
        if self.year is None:
            object.__setattr__(self, "year", self.event_date.year)
        if self.interaction is None and self.inter1 is not None:
            object.__setattr__(self, "interaction", taxonomy.interaction_code(self.inter1, self.inter2))
        if self.disorder_type is None and self.event_type in taxonomy.EVENT_TYPES:
            object.__setattr__(self, "disorder_type", taxonomy.disorder_type_for(self.event_type))
        return self

    @property
    def current_event_type(self) -> str:
        """The event type in ACLED's current taxonomy (legacy types mapped)."""
        return taxonomy.current_event_type(self.event_type)

    def acled_row(self) -> dict[str, Any]:
        """The event as one row of an ACLED export (current columns, plus legacy ones it carries)."""
        row = {col: getattr(self, col) for col in ACLED_COLUMNS}
        for col in ACLED_LEGACY_COLUMNS:
            if col in self.source_fields:
                row[col] = self.source_fields[col]
        return row


@dataclass
class Mention:
    """One telling of an event: which document and sentence(s) said it, and the event as told there.

    Extraction yields mentions; deduplication links each to a stored event (new or existing).
    """

    event: Event
    document_sha256: str
    doc_key: str
    mention_index: int
    sentence: str
    char_start: int | None = None
    char_end: int | None = None
    extras: dict[str, Any] = field(default_factory=dict)


def as_date(value: Any) -> dt.date | None:
    """A date from a stored, exported or hand-written value ("2024-09-17", "2024-09-17T10:00", a date
    or datetime); None for an empty, missing (NaN) or unreadable value."""
    if value is None or value != value or value == "":  # value != value: NaN and pandas' NaT
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def stable_id(prefix: str, *parts: object) -> str:
    """A short, deterministic id from the parts that identify a record (e.g. document hash + index)."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}-{digest[:16]}"


def event_fields() -> dict[str, Any]:
    """Field name -> pydantic FieldInfo, in declaration order (used to build the storage schema)."""
    return dict(Event.model_fields)
