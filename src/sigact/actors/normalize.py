"""Text normalisation and tokenisation shared by alias keys and the mention finder.

Every character of a text maps to exactly one character (so offsets into the normalised text are offsets into
the original): accents are removed, letters lowered, typographic apostrophes become ``'``. Tokens are runs of
letters/digits; an apostrophe inside a word is dropped ("Jama'at" -> "jamaat") except after a French elided
article or pronoun ("l'armée" -> "l" + "armee") and before an English possessive "'s" ("JNIM's" -> "jnim").
Hyphens and all other punctuation separate tokens, so "al-Islam", "al Islam" and "al–Islam" are the same.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

APOSTROPHES = "'’‘ʼ`´′ʻ"
ELISIONS = frozenset({"l", "d", "qu", "j", "s", "n", "m", "c", "t", "jusqu", "lorsqu", "puisqu", "quoiqu"})

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


@lru_cache(maxsize=8192)
def fold_char(ch: str, lower: bool = True) -> str:
    """One character without its accents (and lowered when ``lower``); always exactly one character."""
    if ch in APOSTROPHES:
        return "'"
    if ch.isascii():
        return ch.lower() if lower else ch
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    if lower:
        base = base.lower()
    if len(base) != 1:
        special = {"ß": "s", "æ": "a", "œ": "o", "Æ": "A", "Œ": "O", "ø": "o", "Ø": "O", "đ": "d", "ł": "l"}
        return special.get(ch, base[:1] if base else " ")
    return base


_TABLES: dict[bool, dict[int, str]] = {True: {}, False: {}}


def fold(text: str, lower: bool = True) -> str:
    """``text`` without accents (lowered when ``lower``), the same length as ``text``."""
    if text.isascii():
        if "'" in text or "`" in text:
            text = text.replace("`", "'")
        return text.lower() if lower else text
    table = _TABLES[lower]
    for ch in set(text):
        if ord(ch) not in table and (not ch.isascii() or ch == "`"):
            table[ord(ch)] = fold_char(ch, lower)
    folded = text.translate(table)
    if lower:
        low = folded.lower()
        return low if len(low) == len(text) else "".join(fold_char(c) for c in folded)
    return folded


class Token(NamedTuple):
    """A word of a text: ``key`` is its normalised form, ``start``/``end`` offsets into the original text."""

    key: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Tokens of ``text`` (see the module docstring for the rules)."""
    folded = fold(text)
    if "'" not in folded:  # the common case, without apostrophes to interpret
        return [Token(m.group(), *m.span()) for m in _WORD.finditer(folded)]
    tokens: list[Token] = []
    for m in _WORD.finditer(folded):
        word, start = m.group(), m.start()
        if "'" not in word:
            tokens.append(Token(word, start, m.end()))
            continue
        parts = word.split("'")
        pos = start
        if parts[0] in ELISIONS:
            tokens.append(Token(parts[0], pos, pos + len(parts[0])))
            pos += len(parts[0]) + 1
            parts = parts[1:]
        end = m.end()
        if len(parts) > 1 and parts[-1] == "s":
            end -= 2
            parts = parts[:-1]
        if parts:
            tokens.append(Token("".join(parts), pos, end))
    return tokens


def key_of(text: str) -> tuple[str, ...]:
    """The token keys of ``text``: two spellings with the same key are the same alias."""
    return tuple(t.key for t in tokenize(text))


def is_case_sensitive(alias: str) -> bool:
    """Short all-capital aliases (acronyms such as "IS", "UN", "CMA") are matched with their case in texts."""
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and len(letters) <= 6 and all(c.isupper() for c in letters)
