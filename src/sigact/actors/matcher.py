"""A token trie that finds every alias of the registry in a text in one left-to-right pass.

Aliases are compiled once into a trie over normalised tokens (see :mod:`sigact.actors.normalize`); a scan visits
each token once and follows the trie as far as the text allows, keeping the longest alias that ends there
(so "Islamic State West Africa Province" wins over "Islamic State"). Short all-capital aliases (and aliases
written "=Like This" in the data file) also have to match the letter case of the text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sigact.actors.normalize import Token, fold, is_case_sensitive, key_of

_END = ""  # trie key holding the payloads of an alias that ends at this node (never a token)


@dataclass(frozen=True, slots=True)
class Payload:
    """What an alias stands for: ``value`` (an actor name, "family:<name>" or a generic kind) and its ``tag``."""

    value: str
    tag: str  # "named" or "generic"
    exact: str | None  # the alias's letters when its case must match, else None


@dataclass(frozen=True, slots=True)
class Match:
    """An alias found in a text: tokens ``first`` .. ``last`` (inclusive) and what it stands for."""

    first: int
    last: int
    payloads: tuple[Payload, ...]


def _letters(text: str) -> str:
    return "".join(c for c in fold(text, lower=False) if c.isalnum())


class AliasTrie:
    """A trie of token keys; ``add`` aliases, then ``scan`` token lists."""

    def __init__(self) -> None:
        self.root: dict[str, Any] = {}
        self.size = 0

    def add(self, alias: str, value: str, tag: str) -> None:
        exact: str | None = None
        if alias.startswith("="):
            alias = alias[1:]
            exact = _letters(alias)
        elif is_case_sensitive(alias):
            exact = _letters(alias)
        key = key_of(alias)
        if not key:
            return
        node = self.root
        for token in key:
            node = node.setdefault(token, {})
        payloads: list[Payload] = node.setdefault(_END, [])
        payload = Payload(value, tag, exact)
        if payload not in payloads:
            payloads.append(payload)
            self.size += 1

    def add_all(self, aliases: Iterable[tuple[str, str]], tag: str) -> None:
        for alias, value in aliases:
            self.add(alias, value, tag)

    def lookup(self, key: tuple[str, ...]) -> list[Payload]:
        """The payloads of an alias key (ignoring letter case), or an empty list."""
        node: dict[str, Any] | None = self.root
        for token in key:
            node = node.get(token) if node is not None else None
        return list(node.get(_END, [])) if node is not None else []

    def scan(self, text: str, tokens: list[Token]) -> list[Match]:
        """Longest, non-overlapping alias matches in ``tokens`` (taken from ``text``), left to right."""
        matches: list[Match] = []
        root = self.root
        n = len(tokens)
        i = 0
        while i < n:
            node = root.get(tokens[i].key)
            if node is None:
                i += 1
                continue
            best: Match | None = None
            j = i
            while True:
                ends = node.get(_END)
                if ends:
                    ok = self._case_ok(text, tokens, i, j, ends)
                    if ok:
                        best = Match(i, j, ok)
                j += 1
                # token j must follow token j-1 within one phrase (no bracket, sentence or clause break between)
                if j >= n or not _joins(text, tokens[j - 1].end, tokens[j].start):
                    break
                node = node.get(tokens[j].key)
                if node is None:
                    break
            if best is None:
                i += 1
                continue
            matches.append(best)
            i = best.last + 1
        return matches

    @staticmethod
    def _case_ok(text: str, tokens: list[Token], i: int, j: int, payloads: list[Payload]) -> tuple[Payload, ...]:
        surface: str | None = None
        kept = []
        for p in payloads:
            if p.exact is not None:
                if surface is None:
                    surface = _letters(text[tokens[i].start : tokens[j].end])
                if not _same_case(surface, p.exact):
                    continue
                if len(p.exact) <= 3 and _in_capitals(text, tokens, i, j):
                    continue  # "THE ARMY IS": in a headline in capitals, "IS" and "UN" are words
            kept.append(p)
        return tuple(kept)


def _shouting(text: str, token: Token) -> bool:
    word = text[token.start : token.end]
    return len(word) >= 2 and word.isupper()


def _in_capitals(text: str, tokens: list[Token], i: int, j: int) -> bool:
    """True when the words around tokens i..j are written in capitals too (a headline, a shouted line)."""
    around = [tokens[k] for k in (i - 2, i - 1, j + 1, j + 2) if 0 <= k < len(tokens)]
    return sum(_shouting(text, t) for t in around) >= 2


def _same_case(surface: str, exact: str) -> bool:
    """``surface`` spells ``exact`` with its capitals; acronyms of 4+ letters may have one lower-case letter
    ("ISGs") or be written as a name ("Jnim", "Aqmi")."""
    if surface == exact:
        return True
    if len(exact) < 4 or surface.upper() != exact.upper() or not exact.isupper():
        return False
    if surface == exact[0] + exact[1:].lower():
        return True  # the press writes long acronyms as names: "Jnim", "Aqmi", "Minusma"
    return sum(1 for c in surface if c.islower()) <= 1


_BREAKS = frozenset('.;:!?()[]{}"«»|\n\r\t•·')


def _joins(text: str, start: int, end: int) -> bool:
    """True when the characters between two tokens keep them in one phrase ("al-Islam", "U.S. forces")."""
    gap = text[start:end]
    if not gap or gap.isspace() and "\n" not in gap:
        return True
    if any(c in _BREAKS for c in gap):
        # an abbreviation's dot ("U.S. forces", "Lt. Col.") does not break a phrase
        return (
            gap.strip() == "."
            and end - start <= 2
            and start >= 1
            and text[start - 1].isalpha()
            and (start < 2 or not text[start - 2].isalpha())
        )
    return True
