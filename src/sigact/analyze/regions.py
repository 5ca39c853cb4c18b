"""Named region groupings ("central Mali" = Mopti + Segou), read from YAML config, not code.

The defaults ship in ``regions.yaml`` next to this module. A user adds or overrides groupings in
their own YAML file (a top-level ``regions:`` mapping, same shape) named by ``SIGACT_CONFIG`` or
passed as ``path``. Example::

    regions:
      Mopti cercles of the border:
        - country: Mali
          admin1: Mopti
          admin2: [Koro, Bankass, Douentza]
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import ColumnElement, and_, or_

from sigact.store.schema import events

DEFAULT_FILE = Path(__file__).with_name("regions.yaml")
CONFIG_ENV = "SIGACT_CONFIG"


@dataclass(frozen=True)
class Part:
    """One piece of a grouping: a country, optionally narrowed to admin1 and/or admin2 units."""

    country: str | None
    admin1: tuple[str, ...] = ()
    admin2: tuple[str, ...] = ()

    def clause(self) -> ColumnElement[bool]:
        c = events.c
        conds: list[ColumnElement[bool]] = []
        if self.country:
            conds.append(c.country == self.country)
        if self.admin1:
            conds.append(c.admin1.in_(list(self.admin1)))
        if self.admin2:
            conds.append(c.admin2.in_(list(self.admin2)))
        return and_(*conds)

    def contains(self, country: Any, admin1: Any, admin2: Any) -> bool:
        return (
            (not self.country or country == self.country)
            and (not self.admin1 or admin1 in self.admin1)
            and (not self.admin2 or admin2 in self.admin2)
        )


@dataclass(frozen=True)
class RegionGrouping:
    name: str
    parts: tuple[Part, ...]

    def clause(self) -> ColumnElement[bool]:
        return or_(*[p.clause() for p in self.parts])

    def contains(self, country: Any, admin1: Any, admin2: Any = None) -> bool:
        return any(p.contains(country, admin1, admin2) for p in self.parts)


def _names(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def parse_groupings(data: Mapping[str, Any], source: str = "config") -> dict[str, RegionGrouping]:
    """Groupings from the ``regions:`` mapping of a config document."""
    out: dict[str, RegionGrouping] = {}
    for name, spec in (data or {}).items():
        items: Sequence[Any] = [spec] if isinstance(spec, Mapping) else spec
        parts = []
        for item in items or []:
            if not isinstance(item, Mapping) or not ({"country", "admin1", "admin2"} & set(item)):
                raise ValueError(f"{source}: region {name!r}: each part needs country/admin1/admin2")
            unknown = set(item) - {"country", "admin1", "admin2"}
            if unknown:
                raise ValueError(f"{source}: region {name!r}: unknown key(s) {', '.join(sorted(unknown))}")
            parts.append(Part(item.get("country"), _names(item.get("admin1")), _names(item.get("admin2"))))
        if not parts:
            raise ValueError(f"{source}: region {name!r} has no parts")
        out[str(name)] = RegionGrouping(str(name), tuple(parts))
    return out


def _read(path: Path) -> dict[str, RegionGrouping]:
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ValueError(f"cannot read region config {path}: {exc}") from exc
    if not isinstance(doc, Mapping):
        raise ValueError(f"{path}: expected a mapping with a 'regions' key")
    return parse_groupings(doc.get("regions") or {}, str(path))


_cache: dict[tuple[str, float], dict[str, RegionGrouping]] = {}


def _read_cached(path: Path) -> dict[str, RegionGrouping]:
    key = (str(path), path.stat().st_mtime)
    if key not in _cache:
        _cache[key] = _read(path)
    return _cache[key]


_extra_path: Path | None = None


def use_config(path: str | Path | None) -> None:
    """Add the groupings of ``path`` for the rest of this process (the CLI's ``--config``)."""
    global _extra_path
    _extra_path = Path(path) if path else None


def load_groupings(path: str | Path | None = None) -> dict[str, RegionGrouping]:
    """The default groupings, then ``$SIGACT_CONFIG``'s, then ``path``'s (later ones win by name)."""
    out = dict(_read_cached(DEFAULT_FILE))
    for extra in (os.environ.get(CONFIG_ENV), _extra_path, path):
        if extra:
            p = Path(extra)
            if not p.exists():
                raise ValueError(f"region config {p} does not exist")
            out.update(_read_cached(p))
    return out
