"""Read the registry data file (``actors.yaml``) into :class:`Actor` records and alias targets.

The file is data: everything an analyst may want to correct (names, periods, aliases, role nouns) lives there.
This module only expands its compact sections (per-country templates, government periods x forces x units,
families of period-specific names) into one record per ACLED name.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from sigact.actors.model import Actor

DEFAULT_PATH = "actors.yaml"

# Nouns combined with a country's demonyms into aliases of its forces ("Malian soldiers", "soldats maliens").
FORCE_NOUNS: dict[str, tuple[list[str], list[str]]] = {
    # role: (English nouns, placed after the demonym; French nouns, placed before it)
    "military": (
        [
            "soldier",
            "soldiers",
            "troops",
            "army",
            "armed forces",
            "military",
            "forces",
            "security forces",
            "defence and security forces",
            "defense and security forces",
            "servicemen",
            "military forces",
            "air force",
            "airstrike",
            "airstrikes",
            "air strike",
            "air strikes",
            "aircraft",
            "helicopter",
            "helicopters",
            "drone",
            "drones",
            "jets",
            "fighter jets",
            "patrol",
            "patrols",
            "convoy",
            "unit",
            "units",
            "detachment",
            "battalion",
            "national army",
            "military patrol",
            "army patrol",
            "military convoy",
            "military personnel",
        ],
        [
            "soldat",
            "soldats",
            "militaire",
            "militaires",
            "armée",
            "forces armées",
            "forces",
            "troupes",
            "forces de défense et de sécurité",
            "forces de sécurité",
            "FDS",
            "l'armée",
            "armée de l'air",
            "aviation",
            "drones",
            "drone",
            "hélicoptère",
            "hélicoptères",
            "patrouille",
            "convoi",
        ],
    ),
    "police": (
        ["police", "policemen", "police officers", "police forces", "security services"],
        ["police", "policiers", "forces de police"],
    ),
    "gendarmerie": (
        ["gendarmes", "gendarmerie"],
        ["gendarmes", "gendarmerie"],
    ),
}


@dataclass
class RegistryData:
    """What the data file holds, expanded: actors in file order, alias targets, generic nouns, qualifiers."""

    actors: list[Actor] = field(default_factory=list)
    # alias text -> targets; a target is an actor name, or "family:<name>" (resolved by date).
    aliases: list[tuple[str, str]] = field(default_factory=list)
    families: dict[str, list[str]] = field(default_factory=dict)
    family_country: dict[str, str | None] = field(default_factory=dict)
    generic: dict[str, list[str]] = field(default_factory=dict)
    qualifiers: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    countries: dict[str, list[str]] = field(default_factory=dict)
    # aliases whose actor depends on the date and country ("Tuareg rebels", "al-Qaeda"): targets in order
    dated: list[list[DatedTarget]] = field(default_factory=list)
    # ACLED name forms accepted as they are ("Toolo Communal Militia (Burkina Faso)"), with their inter code
    patterns: list[tuple[re.Pattern[str], int | None]] = field(default_factory=list)


@dataclass(frozen=True)
class DatedTarget:
    """One possible actor of a dated alias: ``name`` between ``start`` and ``end`` in ``country``."""

    name: str
    start: dt.date | None = None
    end: dt.date | None = None
    country: str | None = None

    def covers(self, date: dt.date | None) -> bool:
        if date is None:
            return True
        return (self.start is None or date >= self.start) and (self.end is None or date <= self.end)


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def read_yaml(path: str | Path | None = None) -> dict[str, Any]:
    """The raw content of the data file (the bundled one by default)."""
    if path is None:
        text = resources.files("sigact.actors").joinpath(DEFAULT_PATH).read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader
    if not isinstance(data, dict):
        raise ValueError(f"{path or DEFAULT_PATH}: not a mapping")
    return data


def merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """``base`` with the sections of ``extra`` added: lists are extended, mappings updated (lists inside
    ``generic`` and ``qualifiers`` extended)."""
    out = dict(base)
    for key, value in extra.items():
        if isinstance(value, list):
            out[key] = list(out.get(key) or []) + value
        elif isinstance(value, dict):
            merged = dict(out.get(key) or {})
            for k, v in value.items():
                old = merged.get(k)
                if isinstance(old, list) and isinstance(v, list):
                    merged[k] = old + v
                elif isinstance(old, dict) and isinstance(v, dict):
                    merged[k] = merge(old, v)
                else:
                    merged[k] = v
            out[key] = merged
        else:
            out[key] = value
    return out


def load(path: str | Path | None = None, extra: list[str | Path] | None = None) -> RegistryData:
    """Expand the data file (the bundled one by default) into :class:`RegistryData`.

    ``extra`` files, of the same format, add to it: an analyst's own actors, aliases or dated aliases.
    """
    raw = read_yaml(path)
    for extra_path in extra or []:
        raw = merge(raw, read_yaml(extra_path))
    out = RegistryData()
    out.countries = {
        name: list((spec or {}).get("demonyms") or []) for name, spec in (raw.get("countries") or {}).items()
    }
    _load_templates(raw.get("per_country") or [], out)
    for spec in raw.get("state_forces") or []:
        _load_state_forces(spec, out)
    for spec in raw.get("actors") or []:
        _load_actor(spec, out)
    out.patterns = [(re.compile(str(p["regex"])), p.get("inter")) for p in raw.get("name_patterns") or []]
    for spec in raw.get("dated_aliases") or []:
        targets = [
            DatedTarget(str(t["name"]), _date(t.get("start")), _date(t.get("end")), t.get("country"))
            for t in spec.get("targets") or []
        ]
        if not targets:
            continue
        index = len(out.dated)
        out.dated.append(targets)
        for alias in spec.get("aliases") or []:
            out.aliases.append((str(alias), f"dated:{index}"))
    out.generic = {kind: [str(w) for w in words] for kind, words in (raw.get("generic") or {}).items()}
    out.qualifiers = {
        name: {side: [str(w) for w in words] for side, words in (spec or {}).items()}
        for name, spec in (raw.get("qualifiers") or {}).items()
    }
    return out


def _load_templates(templates: list[dict[str, Any]], out: RegistryData) -> None:
    for tpl in templates:
        for country in out.countries:
            name = str(tpl["name"]).format(country=country)
            out.actors.append(
                Actor(
                    name=name,
                    inter=tpl.get("inter"),
                    country=None if country == "International" else country,
                    role=tpl.get("role"),
                    aliases=[]
                    if country == "International"
                    else [str(a).format(country=country) for a in tpl.get("aliases") or []],
                )
            )
            if country == "International":
                continue  # role words ("village self-defense") name a country's group, never an international one
            for alias in tpl.get("aliases") or []:
                out.aliases.append((str(alias).format(country=country), name))


def _load_state_forces(spec: dict[str, Any], out: RegistryData) -> None:
    country = str(spec["country"])
    periods = spec.get("periods") or []
    demonyms = out.countries.get(country, [])
    for force in spec.get("forces") or []:
        base = str(force["name"])
        role = str(force.get("role") or "military")
        inter = force.get("inter", 1)
        units: dict[str, list[str]] = {"": list(force.get("aliases") or [])}
        for unit, unit_aliases in (force.get("units") or {}).items():
            units[str(unit)] = list(unit_aliases or [])
        for unit, aliases in units.items():
            family = f"{base} {unit}".strip()
            unit_role = role if not unit else ("gendarmerie" if unit == "Gendarmerie" else f"{role}_unit")
            members: list[str] = []
            for period in force.get("periods") or periods:
                label = str(period["label"])
                name = f"{base} ({label}){' ' + unit if unit else ''}"
                acled = [f"{base} ({alt}){' ' + unit if unit else ''}" for alt in period.get("also") or []]
                out.actors.append(
                    Actor(
                        name=name,
                        inter=inter,
                        country=country,
                        role=unit_role,
                        family=family,
                        parent=f"{base} ({label})" if unit else None,
                        start=_date(period.get("start")),
                        end=_date(period.get("end")),
                        aliases=[],
                        acled_names=acled,
                    )
                )
                members.append(name)
            out.families[family] = members
            out.family_country[family] = country
            target = f"family:{family}"
            out.aliases.append((family, target))
            for alias in aliases:
                out.aliases.append((str(alias), target))
            nouns_role = "gendarmerie" if unit == "Gendarmerie" else (role if not unit else "")
            english, french = FORCE_NOUNS.get(nouns_role, ([], []))
            for demonym in demonyms:
                for noun in english:
                    out.aliases.append((f"{demonym} {noun}", target))
                for noun in french:
                    out.aliases.append((f"{noun} {demonym}", target))


_COUNTRY_SUFFIX = re.compile(r"^(.+ Militia) \(([^()]+)\)$")


def _militia_aliases(name: str) -> list[str]:
    """ "Kounta Ethnic Militia (Mali)" is also written "Kounta ethnic militia" or "Kounta ethnic militiamen"."""
    m = _COUNTRY_SUFFIX.match(name)
    if not m:
        return []
    bare = m.group(1)
    return [bare, bare[: -len("Militia")] + "militiamen"]


def _coded_as(spec: dict[str, Any]) -> list[tuple[str, dt.date | None, dt.date | None]]:
    return [(str(c["name"]), _date(c.get("start")), _date(c.get("end"))) for c in spec.get("coded_as") or []]


def _load_actor(spec: dict[str, Any], out: RegistryData) -> None:
    common: dict[str, Any] = {
        "inter": spec.get("inter"),
        "country": spec.get("country"),
        "parent": spec.get("parent"),
        "role": spec.get("role"),
        "coded_as": _coded_as(spec),
    }
    if "family" not in spec:
        spec = {**spec, "aliases": list(spec.get("aliases") or []) + _militia_aliases(str(spec["name"]))}
        actor = Actor(
            name=str(spec["name"]),
            start=_date(spec.get("start")),
            end=_date(spec.get("end")),
            aliases=[str(a) for a in spec.get("aliases") or []],
            acled_names=[str(a) for a in spec.get("acled_names") or []],
            **common,
        )
        out.actors.append(actor)
        for alias in actor.aliases:
            out.aliases.append((alias, actor.name))
        return
    family = str(spec["family"])
    members: list[str] = []
    for period in spec.get("periods") or []:
        actor = Actor(
            name=str(period["name"]),
            family=family,
            start=_date(period.get("start")),
            end=_date(period.get("end")),
            aliases=[str(a) for a in period.get("aliases") or []],
            acled_names=[str(a) for a in period.get("acled_names") or []],
            **common,
        )
        out.actors.append(actor)
        members.append(actor.name)
        for alias in actor.aliases:
            out.aliases.append((alias, actor.name))
    # Family-level ACLED spellings (e.g. an undated older name) belong to the latest member.
    if members and spec.get("acled_names"):
        out.actors[-1].acled_names.extend(str(a) for a in spec["acled_names"])
    out.families[family] = members
    out.family_country[family] = common["country"]
    out.aliases.append((family, f"family:{family}"))
    for alias in spec.get("aliases") or []:
        out.aliases.append((str(alias), f"family:{family}"))
