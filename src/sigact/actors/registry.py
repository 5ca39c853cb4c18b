"""The actor registry: ACLED's canonical actor names, their aliases, periods, types and sub-groups.

>>> reg = Registry.default()
>>> reg.canonical("Jama'at Nusrat al-Islam wal Muslimeen")
'JNIM: Group for Support of Islam and Muslims'
>>> reg.canonical("FAMa", date=datetime.date(2019, 5, 1))
'Military Forces of Mali (2013-2020)'
>>> [m.canonical for m in reg.find("Suspected JNIM militants killed 12 villagers")]
['JNIM: Group for Support of Islam and Muslims', None]
"""

from __future__ import annotations

import datetime
import os
import re
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from sigact.actors.loader import RegistryData, load
from sigact.actors.matcher import AliasTrie, Match, Payload
from sigact.actors.model import (
    ARMED_GENERIC,
    CIVILIANS,
    NAMED,
    PROTESTERS,
    RIOTERS,
    STATE_MILITARY,
    STATE_POLICE,
    Actor,
    ActorMention,
)
from sigact.actors.normalize import Token, key_of, tokenize

EXTRA_ENV = "SIGACT_ACTORS_EXTRA"  # extra data files (os.pathsep-separated) added to the bundled registry
FAMILY = "family:"
DATED = "dated:"
COMPOUND = " and/or "
_PERIOD_SUFFIX = re.compile(r"\s*\(\s*\d{4}\s*-\s*(\d{4})?\s*\)")
_GENERIC_INTER = {STATE_MILITARY: 1, STATE_POLICE: 1, ARMED_GENERIC: None, CIVILIANS: 7, PROTESTERS: 6, RIOTERS: 5}
_NOT_PART_OF_A_GROUP = (None, CIVILIANS, PROTESTERS, RIOTERS)
_KIND_ROLE = {STATE_MILITARY: "military", STATE_POLICE: "police"}
# Words allowed between a role noun and the group it belongs to ("militants of the Islamic State").
_LINK_WORDS = frozenset(
    {
        "of",
        "from",
        "the",
        "du",
        "de",
        "des",
        "d",
        "l",
        "la",
        "le",
        "linked",
        "to",
        "affiliated",
        "with",
        "belonging",
        "lies",
        "lie",
        "affilies",
        "affilie",
        "au",
        "aux",
        "a",
        "group",
        "groupe",
    }
)
_SKIP_BEFORE = frozenset(
    {
        "the",
        "a",
        "an",
        "some",
        "several",
        "des",
        "les",
        "de",
        "d",
        "l",
        "un",
        "une",
        "of",
        "by",
        "par",
        "were",
        "was",
        "are",
        "be",
        "been",
        "members",
        "member",
        "elements",
        "element",
        "membres",
        "membre",
        "individuals",
        "individus",
        "men",
        "hommes",
    }
)


class Registry:
    """Canonical actors (see the module docstring); build with :meth:`default` or :meth:`from_path`."""

    def __init__(self, data: RegistryData) -> None:
        self.data = data
        # find() on the same text is asked by the classifier's role tokens and by role assignment
        self._found: dict[tuple[str, datetime.date | None, str | None], tuple[ActorMention, ...]] = {}
        self.actors: dict[str, Actor] = {}
        self._spelling: dict[str, Actor] = {}
        for actor in data.actors:
            if actor.name in self.actors:
                raise ValueError(f"actor {actor.name!r} is defined twice in the registry")
            self.actors[actor.name] = actor
        for actor in data.actors:
            self._spelling[actor.name] = actor
            for spelling in actor.acled_names:
                self._spelling.setdefault(spelling, actor)
        self.families = data.families
        self._family_country = data.family_country
        self._forces: dict[tuple[str, str], str] = {}
        for actor in data.actors:
            if actor.family and actor.role and actor.country and actor.family in data.families:
                self._forces.setdefault((actor.country, actor.role), actor.family)
        self.trie = AliasTrie()
        names = [(a.name, a.name) for a in data.actors]
        names += [(s, a.name) for a in data.actors for s in a.acled_names]
        # aliases before names: where a written alias and a name share a key ("al-Qaeda" / "Al Qaeda"), the
        # alias says what the words usually mean in Sahel reporting (exact ACLED names resolve before the trie)
        self.trie.add_all(data.aliases, NAMED)
        self.trie.add_all(names, NAMED)
        for kind, words in data.generic.items():
            self.trie.add_all(((w, kind) for w in words), "generic")
        self._generic_keys: dict[tuple[str, ...], str] = {}
        for kind, words in data.generic.items():
            for w in words:
                self._generic_keys.setdefault(key_of(w.lstrip("=")), kind)
        # words allowed around a group's name in a description of it (see _described)
        self._filler = set(_SKIP_BEFORE) | set(_LINK_WORDS)
        for words in list(data.generic.values()) + list(data.qualifiers.get("suspected", {}).values()):
            self._filler.update(k for w in words for k in key_of(w.lstrip("=")))
        q = data.qualifiers.get("suspected", {})
        self._before = {key_of(w) for w in q.get("before", [])}
        self._after = {key_of(w) for w in q.get("after", [])}
        self._before_last = {k[-1] for k in self._before if k}
        self._after_first = {k[0] for k in self._after if k}
        self._children: dict[str, list[str]] = {}
        for actor in data.actors:
            if actor.parent:
                parent = self._lookup(actor.parent, None, None)
                if parent is None:
                    raise ValueError(f"{actor.name!r}: unknown parent {actor.parent!r}")
                self._children.setdefault(self._group_of(parent), []).append(actor.name)

    # ----------------------------------------------------------------------------------------------- building
    @classmethod
    def default(cls) -> Registry:
        """The registry of the bundled data file plus the files named in ``$SIGACT_ACTORS_EXTRA`` (built once
        per process)."""
        return _default_registry()

    @classmethod
    def from_path(cls, path: str | Path | None, extra: list[str | Path] | None = None) -> Registry:
        """A registry read from another data file of the same format (``None``: the bundled one), plus
        ``extra`` files."""
        return cls(load(path, extra=extra))

    def __iter__(self) -> Iterator[Actor]:
        return iter(self.actors.values())

    def __len__(self) -> int:
        return len(self.actors)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name in self._spelling

    def get(self, name: str) -> Actor | None:
        """The record of an exact ACLED name (or ACLED spelling), else ``None``."""
        return self._spelling.get(name)

    # ----------------------------------------------------------------------------------------------- lookups
    def canonical(self, name: str, date: datetime.date | None = None, country: str | None = None) -> str | None:
        """ACLED's name for ``name`` (any alias or spelling, EN/FR), for the period covering ``date``.

        An exact ACLED name is returned as it is (ACLED's own data is never renamed). "A and/or B" is resolved
        part by part. Role nouns ("soldiers", "civilians", "gunmen") resolve only with a ``country``.
        ``country`` also chooses between same-named actors of several countries (e.g. "Dozo"). Returns
        ``None`` for unknown names.
        """
        if not name or not name.strip():
            return None
        name = " ".join(name.split())
        if date is not None and name in self.families:
            return self._pick(name, date).name  # a family name asks for the period's name
        if name in self._spelling:
            return name
        if COMPOUND in name:
            parts = [self.canonical(p, date, country) for p in name.split(COMPOUND)]
            if all(parts):
                return COMPOUND.join(p for p in parts if p)
            return None
        found = self._lookup(name, date, country)
        if found is not None:
            return found.name
        kind = self._generic_keys.get(key_of(name))
        if kind is not None:
            return self._generic_name(kind, date, country)
        if self._pattern_inter(name) is not None:
            return name  # an ACLED-form name of a group too local to list
        return self._described(name, date, country)

    def _described(self, name: str, date: datetime.date | None, country: str | None) -> str | None:
        """The one group a short description names ("suspected JNIM militants", "les terroristes du JNIM"):
        every word outside the group's mention must be a qualifier, a role noun or a linking word."""
        mentions = [m for m in self.find(name, date=date, country=country) if m.kind == NAMED]
        if len({m.canonical for m in mentions}) != 1:
            return None
        covered = {i for m in mentions for i in range(m.start, m.end)}
        for token in tokenize(name):
            if token.start in covered or token.key in self._filler:
                continue
            return None
        return mentions[0].canonical

    def _pattern_inter(self, name: str) -> int | None:
        """The inter code of an ACLED-form name matching one of the data file's ``name_patterns``."""
        for regex, inter in self.data.patterns:
            if regex.match(name):
                return inter if inter is not None else 0
        return None

    def acled_actor(self, name: str, date: datetime.date | None = None, country: str | None = None) -> str | None:
        """The name ACLED puts in actor1/actor2 for an event of ``name`` at ``date``.

        The canonical name, except for groups ACLED codes under another name in a period (``coded_as`` in the
        data file): e.g. Katiba Macina, Ansar Dine, Katiba Serma and Al Mourabitoune attacks of 2018-2019 are
        coded as JNIM's, Katiba Salaheddine's as the Islamic State's.
        """
        canonical = self.canonical(name, date, country)
        if canonical is None:
            return None
        if COMPOUND in canonical:
            parts = [self.acled_actor(p, date, country) or p for p in canonical.split(COMPOUND)]
            return COMPOUND.join(dict.fromkeys(parts))
        actor = self._spelling.get(canonical)
        if actor is None or not actor.coded_as:
            return canonical
        for target, start, end in actor.coded_as:
            if (date is None and end is None) or (
                date is not None and (start is None or date >= start) and (end is None or date <= end)
            ):
                return self.canonical(target, date, country) or target
        return canonical

    def inter(self, name: str) -> int | None:
        """ACLED actor type (1 State Forces ... 8 External/Other Forces) of ``name``, or ``None``."""
        actor = self._spelling.get(name)
        if actor is None:
            first = name.split(COMPOUND)[0]
            resolved = self.canonical(first)
            actor = self._spelling.get(resolved) if resolved else None
            if actor is None and resolved is not None:
                return self._pattern_inter(resolved) or None
        return actor.inter if actor else None

    def expand(self, name: str, subgroups: bool = True) -> list[str]:
        """Every ACLED name a filter on ``name`` should match.

        The canonical name, its other periods ("Military Forces of Mali (2012-2013)" ... "(2021-)"), ACLED's
        other spellings, and (with ``subgroups``) its sub-groups, recursively (JNIM -> Katiba Macina, Ansar
        Dine, AQIM...). Compound "A and/or B" names are not included. Unknown names expand to themselves.
        """
        root = self._spelling.get(name) or self._lookup(name, None, None)
        if root is None:
            return [name]
        out: list[str] = []
        seen_groups: set[str] = set()
        pending = [self._group_of(root)]
        first = root.name
        while pending:
            group = pending.pop(0)
            if group in seen_groups:
                continue
            seen_groups.add(group)
            for member in self._members(group):
                actor = self.actors[member]
                out.append(actor.name)
                out.extend(actor.acled_names)
                if subgroups:
                    pending.extend(
                        self._group_of(self.actors[c]) for c in self._children.get(self._group_of(actor), [])
                    )
        ordered = [first] + [n for n in dict.fromkeys(out) if n != first]
        return ordered

    def aliases_of(self, name: str) -> list[str]:
        """The spellings that lead to ``name``: its own aliases, ACLED's other spellings, and its family's."""
        actor = self._spelling.get(name)
        if actor is None:
            return []
        targets = {actor.name}
        if actor.family:
            targets.add(FAMILY + actor.family)
        out = [a for a in actor.acled_names]
        out += [alias for alias, target in self.data.aliases if target in targets]
        return list(dict.fromkeys(a.lstrip("=") for a in out))

    def parent(self, name: str) -> str | None:
        """The canonical name of the group ``name`` belongs to, or ``None``."""
        actor = self._spelling.get(name) or self._lookup(name, None, None)
        if actor is None or not actor.parent:
            return None
        parent = self._lookup(actor.parent, actor.start or actor.end, None)
        return parent.name if parent else None

    def state_forces(self, country: str, date: datetime.date | None = None, kind: str = "military") -> str:
        """ACLED's name of ``country``'s forces of ``kind`` at ``date`` (latest period without a date).

        ``kind``: "military", "police", "gendarmerie", "government" or "mutiny". For a foreign army listed
        among the actors ("Military Forces of France (2017-)", "Military Forces of Chad (1990-)") that name;
        countries the registry does not know get the bare name ("Military Forces of Togo").
        """
        family = self._forces.get((country, kind))
        if family is None and kind == "gendarmerie":
            family = self._forces.get((country, "police"))
        if family is not None:
            return self._pick(family, date).name
        base = {"police": "Police Forces", "government": "Government"}.get(kind, "Military Forces")
        bare = f"{base} of {country}"
        if bare in self.families:
            return self._pick(bare, date).name
        listed = [a for a in self if a.name == bare or a.name.startswith(bare + " (")]
        if listed:
            dated = [a for a in listed if a.covers(date)]
            return (dated or listed)[-1].name
        return bare

    def unidentified(self, country: str) -> str:
        """ACLED's name for unknown armed perpetrators in ``country``."""
        return f"Unidentified Armed Group ({country})"

    def civilians(self, country: str) -> str:
        """ACLED's name for civilian victims in ``country``."""
        return f"Civilians ({country})"

    def problems(self) -> list[str]:
        """What is wrong with the data: aliases taken by another actor, coded_as or dated targets that are
        not in the registry. An empty list when the data are consistent."""
        out = []
        for alias, target in self.data.aliases:
            if target.startswith(DATED):
                continue
            if target.startswith(FAMILY):
                actor = self.actors[self.families[target[len(FAMILY) :]][-1]]
            else:
                actor = self.actors[target]
            got = self.canonical(alias.lstrip("="), date=actor.start or actor.end, country=actor.country)
            if got not in self.expand(actor.name, subgroups=False):
                out.append(f"alias {alias!r} of {actor.name!r} resolves to {got!r}")
        out.extend(self._ambiguous_aliases())
        for actor in self:
            for name, _start, _end in actor.coded_as:
                if self._lookup(name, None, None) is None:
                    out.append(f"{actor.name!r}: coded_as names an unknown actor {name!r}")
        for targets in self.data.dated:
            for t in targets:
                if t.name not in self.actors:
                    out.append(f"dated alias target {t.name!r} is not in the registry")
        return out

    def _ambiguous_aliases(self) -> list[str]:
        """Aliases shared by two groups of the same country (or one transnational) in overlapping periods."""
        by_key: dict[tuple[str, ...], dict[str, Actor]] = {}
        for alias, target in self.data.aliases:
            if target.startswith(DATED):
                continue
            members = self._members(target) if target.startswith(FAMILY) else [target]
            actor = self.actors[members[-1]]
            group = self._group_of(actor)
            by_key.setdefault(key_of(alias.lstrip("=")), {})[group] = actor
        out = []
        for key, groups in by_key.items():
            actors = list(groups.values())
            for i, a in enumerate(actors):
                for b in actors[i + 1 :]:
                    same_place = a.country == b.country or a.country is None or b.country is None
                    if same_place and self._overlap(a, b):
                        out.append(f"alias {' '.join(key)!r} is shared by {a.name!r} and {b.name!r}")
        return out

    def _overlap(self, a: Actor, b: Actor) -> bool:
        def span(actor: Actor) -> tuple[datetime.date, datetime.date]:
            members = [self.actors[m] for m in self._members(self._group_of(actor))]
            starts = [m.start or datetime.date.min for m in members]
            ends = [m.end or datetime.date.max for m in members]
            return min(starts), max(ends)

        (a0, a1), (b0, b1) = span(a), span(b)
        return a0 <= b1 and b0 <= a1

    # ------------------------------------------------------------------------------------------------- find
    def find(self, text: str, date: datetime.date | None = None, country: str | None = None) -> list[ActorMention]:
        """Actor mentions in ``text``, in order.

        Named actors get their canonical name (for ``date``; the current name without one; ``country`` picks
        between same-named actors of several countries); role nouns get a generic kind. A role noun next to
        a named actor ("JNIM militants", "militants of the Islamic State") is part of that mention.
        """
        key = (text, date, country)
        found = self._found.get(key)
        if found is None:
            if len(self._found) >= 4096:
                self._found.clear()
            found = self._found[key] = tuple(self._find(text, date, country))
        return list(found)  # mentions are frozen; the list is the caller's own

    def _find(self, text: str, date: datetime.date | None, country: str | None) -> list[ActorMention]:
        tokens = tokenize(text)
        matches = self.trie.scan(text, tokens)
        mentions: list[ActorMention] = []
        n = len(matches)
        skip_next = False
        for idx, match in enumerate(matches):
            if skip_next:
                skip_next = False
                continue
            named = [p for p in match.payloads if p.tag == NAMED]
            first, last = match.first, match.last
            if named:
                canonical = self._choose(named, date, country)
                nxt = matches[idx + 1] if idx + 1 < n else None
                if nxt is not None and nxt.first == last + 1 and self._generic_kind(nxt) not in _NOT_PART_OF_A_GROUP:
                    gap = (tokens[last].end, tokens[nxt.first].start)
                    if _joined(text, *gap):
                        last = nxt.last  # "JNIM militants": one mention
                        skip_next = True
                    elif _closes_bracket(text, *gap):
                        skip_next = True  # "Katiba Macina (JNIM) militants": the noun adds no actor
                qualifier = None
                prev_idx = idx - 1
                if (
                    mentions
                    and mentions[-1].kind == ARMED_GENERIC
                    and idx > 0
                    and matches[idx - 1].last + 1 == first
                    and matches[idx - 1].first == matches[idx - 1].last
                    and mentions[-1].start == tokens[matches[idx - 1].first].start
                    and _joined(text, tokens[matches[idx - 1].last].end, tokens[first].start)
                ):
                    # "the militant Islamic State": a one-word role adjective right before the name is part of it
                    qualifier = mentions.pop().qualifier
                    first = matches[idx - 1].first
                    prev_idx = idx - 2
                if mentions and mentions[-1].kind in (ARMED_GENERIC, STATE_MILITARY) and prev_idx >= 0:
                    prev = matches[prev_idx]
                    if self._linked(text, tokens, prev, first) and mentions[-1].start == tokens[prev.first].start:
                        qualifier = mentions.pop().qualifier
                        first = prev.first
                mention = self._mention(text, tokens, (first, last), canonical, NAMED, (date, country))
                if qualifier and not mention.qualifier:
                    mention = replace(mention, qualifier=qualifier)
                mentions.append(mention)
            else:
                kind = self._generic_kind(match)
                if kind is not None:
                    mentions.append(self._mention(text, tokens, (first, last), None, kind))
        return mentions

    # ------------------------------------------------------------------------------------------------ helpers
    def _mention(
        self,
        text: str,
        tokens: list[Token],
        span: tuple[int, int],
        canonical: str | None,
        kind: str,
        where: tuple[datetime.date | None, str | None] = (None, None),
    ) -> ActorMention:
        first, last = span
        date, country = where
        start, end = tokens[first].start, tokens[last].end
        if canonical is not None:
            inter = self.inter(canonical)
        else:
            inter = _GENERIC_INTER.get(kind)
        return ActorMention(
            coded_as=self.acled_actor(canonical, date, country) if canonical else None,
            canonical=canonical,
            surface=text[start:end],
            start=start,
            end=end,
            inter=inter,
            kind=kind,
            qualifier=self._qualifier(tokens, first, last),
        )

    def _qualifier(self, tokens: list[Token], first: int, last: int) -> str | None:
        def keys(a: int, b: int) -> tuple[str, ...]:
            return tuple(t.key for t in tokens[max(a, 0) : b])

        # before: up to four skippable words between the qualifier and the mention
        end = first
        for _ in range(5):
            if end > 0 and tokens[end - 1].key in self._before_last:
                for size in (1, 2, 3):
                    if end - size >= 0 and keys(end - size, end) in self._before:
                        return "suspected"
            if end > 0 and tokens[end - 1].key in _SKIP_BEFORE:
                end -= 1
            else:
                break
        if last + 1 < len(tokens) and tokens[last + 1].key in self._after_first:
            for size in (1, 2):
                if keys(last + 1, last + 1 + size) in self._after:
                    return "suspected"
        return None

    def _linked(self, text: str, tokens: list[Token], prev: Match, first: int) -> bool:
        gap = [t.key for t in tokens[prev.last + 1 : first]]
        if not 0 < len(gap) <= 4 or not _joined(text, tokens[prev.last].end, tokens[first].start):
            return False
        return all(k in _LINK_WORDS or (k,) in self._after for k in gap)

    @staticmethod
    def _generic_kind(match: Match) -> str | None:
        for p in match.payloads:
            if p.tag == "generic":
                return p.value
        return None

    def _generic_name(self, kind: str, date: datetime.date | None, country: str | None) -> str | None:
        if country is None:
            return None
        if kind in _KIND_ROLE:
            return self.state_forces(country, date, _KIND_ROLE[kind])
        if kind == ARMED_GENERIC:
            return self.unidentified(country)
        if kind == CIVILIANS:
            return self.civilians(country)
        if kind == PROTESTERS:
            return f"Protesters ({country})"
        if kind == RIOTERS:
            return f"Rioters ({country})"
        return None

    def _lookup(self, name: str, date: datetime.date | None, country: str | None) -> Actor | None:
        """The actor an alias or spelling stands for (no role nouns, no compounds)."""
        actor = self._spelling.get(name)
        if actor is not None:
            return self._dated(actor, date)
        key = key_of(name)
        letters = "".join(c for c in name if c.isalnum())
        # names are matched ignoring case ("jnim", "fama"), except two-letter acronyms: "is" and "un" are words
        payloads = [
            p
            for p in self.trie.lookup(key)
            if p.tag == NAMED and (p.exact is None or len(p.exact) > 2 or letters == p.exact)
        ]
        if not payloads:
            stripped = _PERIOD_SUFFIX.sub(" ", name).strip()
            if stripped != name:
                payloads = [p for p in self.trie.lookup(key_of(stripped)) if p.tag == NAMED]
        if not payloads:
            return None
        return self.actors[self._choose(payloads, date, country)]

    def _choose(self, payloads: list[Payload], date: datetime.date | None, country: str | None) -> str:
        """The actor a (possibly ambiguous) alias stands for: one whose period covers ``date`` first, then one of
        the same country, then a transnational one; data-file order breaks ties."""

        def score(p: Payload) -> tuple[int, int]:
            c = self._target_country(p.value, country)
            place = 0 if country is not None and c == country else (1 if c is None else 2)
            return 0 if self._target_covers(p.value, date) else 1, place

        best = min(payloads, key=score)  # min keeps data-file order among equals
        return self._resolve(best.value, date, country).name

    def _target_country(self, value: str, country: str | None) -> str | None:
        if value.startswith(FAMILY):
            return self._family_country.get(value[len(FAMILY) :])
        if value.startswith(DATED):
            targets = self.data.dated[int(value[len(DATED) :])]
            return country if any(t.country in (None, country) for t in targets) else targets[0].country
        actor = self.actors.get(value)
        return actor.country if actor else None

    def _target_covers(self, value: str, date: datetime.date | None) -> bool:
        if date is None or value.startswith((FAMILY, DATED)):
            return True
        return self.actors[value].covers(date)

    def _resolve(self, value: str, date: datetime.date | None, country: str | None = None) -> Actor:
        if value.startswith(FAMILY):
            return self._pick(value[len(FAMILY) :], date)
        if value.startswith(DATED):
            targets = self.data.dated[int(value[len(DATED) :])]
            fitting = [t for t in targets if country is None or t.country in (None, country)] or targets
            dated = [t for t in fitting if t.covers(date)]
            if date is None or not dated:
                first_start = fitting[0].start
                early = date is not None and first_start is not None and date < first_start
                chosen = fitting[0] if early else fitting[-1]
            else:
                chosen = dated[0]
            return self._dated(self.actors[chosen.name], date)
        return self._dated(self.actors[value], date)

    def _dated(self, actor: Actor, date: datetime.date | None) -> Actor:
        if date is None or actor.family is None or actor.covers(date):
            return actor
        return self._pick(actor.family, date)

    def _pick(self, family: str, date: datetime.date | None) -> Actor:
        members = [self.actors[m] for m in self.families[family]]
        if date is None:
            return members[-1]
        for actor in members:
            if actor.covers(date):
                return actor
        if members[0].start is not None and date < members[0].start:
            return members[0]
        return members[-1]

    def _group_of(self, actor: Actor) -> str:
        return FAMILY + actor.family if actor.family else actor.name

    def _members(self, group: str) -> list[str]:
        if group.startswith(FAMILY):
            return list(self.families[group[len(FAMILY) :]])
        return [group]


def _joined(text: str, start: int, end: int) -> bool:
    """True when nothing but spaces, hyphens, apostrophes and quotation marks separates two words (no sentence
    break): '"terrorists" belonging to the Islamic State'."""
    return all(c.isspace() or c in "-'’\"“”«»" or c.isalnum() for c in text[start:end])


def _closes_bracket(text: str, start: int, end: int) -> bool:
    """True for "(JNIM) militants": the role noun right after a bracketed group name belongs to it."""
    return text[start:end].startswith(")") and _joined(text, start + 1, end)


@lru_cache(maxsize=1)
def _default_registry() -> Registry:
    extra = [p for p in os.environ.get(EXTRA_ENV, "").split(os.pathsep) if p.strip()]
    return Registry(load(extra=list(extra)))
